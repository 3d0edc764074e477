/** The zone checks (besides `zone-syntax`), in the order they are registered. */
import type { Rule } from '../../rule';
import type { ZoneModel } from '../model';
import { zoneBadRdata } from './zone-bad-rdata';
import { zoneMissingSoa } from './zone-missing-soa';
import { zoneMultipleSoa } from './zone-multiple-soa';
import { zoneSoaNotAtApex } from './zone-soa-not-at-apex';
import { zoneMissingApexNs } from './zone-missing-apex-ns';
import { zoneCnameAndOtherData } from './zone-cname-and-other-data';
import { zoneMultipleCnames } from './zone-multiple-cnames';
import { zoneCnameAtApex } from './zone-cname-at-apex';
import { zoneNsIsCname, zoneTargetIsCname } from './zone-target-is-cname';
import { zoneTargetIsAddress } from './zone-target-is-address';
import { zoneTargetNoAddress } from './zone-target-no-address';
import { zoneMissingGlue } from './zone-missing-glue';
import { zoneOutOfZone } from './zone-out-of-zone';
import { zoneDuplicateRecord } from './zone-duplicate-record';
import { zoneTtlMismatch } from './zone-ttl-mismatch';
import { zoneTxtTooLong } from './zone-txt-too-long';
import { zoneBadHostname } from './zone-bad-hostname';
import { zoneWildcard } from './zone-wildcard';
import { zoneClassMismatch } from './zone-class-mismatch';
import { zoneInclude } from './zone-include';
import { zoneIncludeTtl } from './zone-include-ttl';
import { zoneGenerate } from './zone-generate';
import { zoneMissingTtl } from './zone-missing-ttl';
import { zoneDnameConflict } from './zone-dname-conflict';
import { zoneDsPlacement } from './zone-ds-placement';
import { zoneDnssecSignatures } from './zone-dnssec-signatures';
import { zoneNsecChain } from './zone-nsec-chain';
import { zoneNsec3Chain } from './zone-nsec3-chain';
import { zoneCds } from './zone-cds';
import { zoneDnssecKeys } from './zone-dnssec-keys';
import { zoneSvcbDns } from './zone-svcb-dns';
import { zoneRrsigValidity } from './zone-rrsig-validity';
import { zoneRpzTrigger } from './zone-rpz-trigger';
import { zonePortability } from './zone-portability';
import { zoneServerRefuses } from './zone-server-refuses';

export const ZONE_CHECKS: Rule<ZoneModel>[] = [
  zoneBadRdata,
  zoneMissingSoa,
  zoneMultipleSoa,
  zoneSoaNotAtApex,
  zoneMissingApexNs,
  zoneCnameAndOtherData,
  zoneMultipleCnames,
  zoneCnameAtApex,
  zoneTargetIsCname,
  zoneNsIsCname,
  zoneTargetIsAddress,
  zoneTargetNoAddress,
  zoneMissingGlue,
  zoneOutOfZone,
  zoneDuplicateRecord,
  zoneTtlMismatch,
  zoneTxtTooLong,
  zoneBadHostname,
  zoneWildcard,
  zoneClassMismatch,
  zoneInclude,
  zoneIncludeTtl,
  zoneGenerate,
  zoneMissingTtl,
  zoneDnameConflict,
  zoneDsPlacement,
  zonePortability,
  zoneServerRefuses,
  zoneDnssecSignatures,
  zoneNsecChain,
  zoneNsec3Chain,
  zoneCds,
  zoneDnssecKeys,
  zoneSvcbDns,
  zoneRrsigValidity,
  zoneRpzTrigger,
];
