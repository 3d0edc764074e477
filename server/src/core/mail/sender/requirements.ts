/**
 * The zone read as a receiving mailbox provider reads it: for every domain that sends mail, does
 * it meet what the large providers require of bulk senders (Gmail and Yahoo since February 2024,
 * Outlook.com since May 2025)?
 *
 *  - SPF: one valid SPF record (RFC 7208) at the domain;
 *  - DKIM: a key published under `_domainkey.<domain>` (RFC 6376), or delegated there by CNAME;
 *  - DMARC: a record at `_dmarc.<domain>` — or at the organisational domain for a subdomain — with
 *    at least `p=none` (RFC 7489);
 *  - alignment: DMARC passes only when SPF or DKIM passes *for the From domain*: the domain itself
 *    must publish SPF or a DKIM key (with `aspf=s`/`adkim=s`, exactly that domain);
 *  - forward-confirmed reverse DNS for the sending IPs: PTR records live in the reverse zone of
 *    whoever holds the addresses, not in this zone — reported as outside, never as met.
 *
 * A domain sends mail when it publishes SPF other than `v=spf1 -all`, or receives mail (MX, not a
 * null MX) — the definition the provider guidelines and RFC 7489 §6.6.1 use. Names with an
 * underscore label (`_spf`, `_dmarc`…) and the targets of in-zone `include:`/`redirect=` are SPF
 * building blocks, not senders.
 */
import { recordsByOwner } from '../../zone/owners';
import type { ZoneModel, ZoneRecord } from '../../zone/model';
import { apexOf, inZone } from '../../zone/analysis';
import { uncachedRdata } from '../../zone/store';
import { evaluatedByOwner, shapeOf, spfRecords, type SpfCandidate } from '../../spf/records';
import { bare, kindOfOwner, mailRecords, type MailRecord } from '../records';
import { tag } from '../tagList';
import { drain, ITEMS_PER_STEP, type Steps } from '../../steps';

export type RequirementId = 'spf' | 'dkim' | 'dmarc' | 'alignment' | 'fcrdns';
export type RequirementStatus = 'met' | 'unmet' | 'outside';

export interface Requirement {
  id: RequirementId;
  status: RequirementStatus;
  /** One sentence: what was found, or what is missing. */
  detail: string;
  /** Why an unmet requirement is unmet: nothing published, or something published that receivers can't use. */
  cause?: 'missing' | 'unusable';
}

export interface SendingDomain {
  /** Absolute, lower case, with the trailing dot. */
  readonly domain: string;
  /** The record that shows the domain sends mail: its SPF record, else its first MX. */
  readonly evidence: ZoneRecord;
  /** The checklist, built on each read (read it once): a zone can have a sending domain per host. */
  readonly requirements: Requirement[];
}

/** What the checklists of one zone look up. */
interface ChecklistFacts {
  spfByOwner: ReadonlyMap<string, readonly SpfCandidate[]>;
  dmarcByDomain: ReadonlyMap<string, MailRecord[]>;
  dkim: ReadonlyMap<string, DkimCount>;
  apex: string | undefined;
}

/**
 * A sending domain that keeps what its checklist is built from, not the checklist: hundreds of
 * thousands of checklists would otherwise stay in memory for as long as the zone does.
 */
class Sender implements SendingDomain {
  constructor(
    readonly domain: string,
    readonly evidence: ZoneRecord,
    private readonly facts: ChecklistFacts,
  ) {}

  get requirements(): Requirement[] {
    const f = this.facts;
    return checklist(this.domain, f.spfByOwner.get(this.domain) ?? [], f.dmarcByDomain, f.dkim.get(this.domain), f.apex);
  }
}

export const REQUIREMENT_TITLES: Record<RequirementId, string> = {
  spf: 'Valid SPF record',
  dkim: 'DKIM key published',
  dmarc: 'DMARC record (at least p=none)',
  alignment: 'DMARC alignment with the From domain',
  fcrdns: 'Forward-confirmed reverse DNS of the sending IPs',
};

/** Requirements whose text names no domain: one shared object each, not one per sending domain. */
const SPF_MISSING: Requirement = Object.freeze({ id: 'spf', status: 'unmet', detail: 'No SPF record: receivers cannot tell which servers may send for the domain.' });
const SPF_MET: Requirement = Object.freeze({ id: 'spf', status: 'met', detail: 'One SPF record without syntax errors.' });
const NOTHING_TO_ALIGN: Requirement = Object.freeze({ id: 'alignment', status: 'unmet', detail: 'Without a DMARC record there is nothing to align with.' });
const FCRDNS: Requirement = Object.freeze({
  id: 'fcrdns',
  status: 'outside',
  detail: 'Each sending IP needs a PTR record naming a host whose A/AAAA points back to it. PTR records live in the reverse zone of whoever holds the addresses (your ISP or cloud provider), not in this zone: ask them.',
});

/**
 * Names that cannot be a From domain with a DMARC record of its own: underscore labels (SPF
 * building blocks, `_dmarc`…), wildcards, the root and single-label names (a TLD's data, or a
 * zone written without its origin).
 */
function notASender(name: string): boolean {
  if (name === '.' || name.startsWith('*.') || name.indexOf('.') === name.length - 1) return true;
  return hasUnderscoreLabel(name);
}

function hasUnderscoreLabel(name: string): boolean {
  return name.startsWith('_') || name.includes('._');
}

/** `v=spf1 -all` (and nothing else that authorises anyone): the domain says it sends no mail. */
function sendsNothing(c: SpfCandidate): boolean {
  const terms = shapeOf(c).terms;
  return terms.length === 1 && terms[0].kind === 'mechanism' && terms[0].mechanism === 'all' && terms[0].qualifier === '-';
}

/** Literal targets of include:/redirect= in the zone's SPF records. */
function spfBuildingBlocks(model: ZoneModel): Set<string> {
  const out = new Set<string>();
  for (const c of spfRecords(model)) {
    for (const t of shapeOf(c).terms) {
      const target = t.kind === 'mechanism' && t.mechanism === 'include' ? t.domain : t.kind === 'modifier' && t.modifier === 'redirect' ? t.value : undefined;
      if (!target || target.parts.some((p) => p.kind !== 'literal')) continue;
      const name = target.text.toLowerCase();
      out.add(name.endsWith('.') ? name : name + '.');
    }
  }
  return out;
}

function isNullMx(records: readonly ZoneRecord[]): boolean {
  if (records.length !== 1) return false;
  // Read afresh: the tokens are not kept on the record.
  const rdata = uncachedRdata(records[0]);
  return rdata.length === 2 && rdata[1].text === '.';
}

interface DkimCount {
  keys: number;
  delegated: number;
  revoked: number;
}

/** DKIM key records and CNAME-delegated selectors, counted per domain (one pass over each). */
function dkimByDomain(model: ZoneModel, dkim: MailRecord[]): Map<string, DkimCount> {
  const out = new Map<string, DkimCount>();
  const of = (domain: string): DkimCount => {
    let c = out.get(domain);
    if (!c) out.set(domain, (c = { keys: 0, delegated: 0, revoked: 0 }));
    return c;
  };
  for (const m of dkim) {
    if (!m.selector) continue;
    const p = tag(m.tags, 'p');
    if (p && p.value.trim() === '') of(m.domain).revoked++;
    else of(m.domain).keys++;
  }
  for (const r of model.recordsOfType('CNAME')) {
    if (r.owner.indexOf('._domainkey.') < 0) continue;
    const k = kindOfOwner(r.owner);
    if (k?.kind === 'dkim' && k.selector) of(k.domain).delegated++;
  }
  return out;
}

const cache = new WeakMap<ZoneModel, SendingDomain[]>();

/** The sending domains of the zone with their requirement checklist, in document order of their evidence. */
export function sendingDomains(model: ZoneModel): SendingDomain[] {
  return drain(sendingDomainsInSteps(model));
}

/** `sendingDomains` in steps (a yield every few hundred domains of a large zone). */
export function* sendingDomainsInSteps(model: ZoneModel): Steps<SendingDomain[]> {
  const cached = cache.get(model);
  if (cached) return cached;
  const blocks = spfBuildingBlocks(model);
  const evidence = new Map<string, ZoneRecord>();
  const spfByOwner = evaluatedByOwner(model);
  for (const [owner, list] of spfByOwner) {
    if (notASender(owner) || blocks.has(owner) || list.every(sendsNothing)) continue;
    evidence.set(owner, list[0].record);
  }
  for (const [owner, list] of recordsByOwner(model, 'MX')) {
    if (evidence.has(owner) || notASender(owner) || isNullMx(list)) continue;
    if ((spfByOwner.get(owner) ?? []).some(sendsNothing)) continue;
    evidence.set(owner, list[0]);
  }
  if (evidence.size >= ITEMS_PER_STEP) yield;
  const mail = mailRecords(model);
  const dmarc = mail.filter((m) => m.kind === 'dmarc' && m.ownerKind === 'dmarc');
  const dkim = dkimByDomain(model, mail.filter((m) => m.kind === 'dkim'));
  const dmarcByDomain = new Map<string, MailRecord[]>();
  for (const m of dmarc) {
    const list = dmarcByDomain.get(m.domain);
    if (list) list.push(m);
    else dmarcByDomain.set(m.domain, [m]);
  }
  const facts: ChecklistFacts = { spfByOwner, dmarcByDomain, dkim, apex: apexOf(model) };
  const out: SendingDomain[] = [];
  for (const [domain, record] of evidence) out.push(new Sender(domain, record, facts));
  // Each record's start read once (not a range object per comparison); evidence records are distinct.
  const keyed = out.map((d) => ({ d, at: d.evidence.range.start }));
  keyed.sort((a, b) => a.at - b.at);
  for (let i = 0; i < keyed.length; i++) out[i] = keyed[i].d;
  cache.set(model, out);
  return out;
}

function checklist(domain: string, spf: readonly SpfCandidate[], dmarcByDomain: ReadonlyMap<string, MailRecord[]>, dkim: DkimCount | undefined, apex: string | undefined): Requirement[] {
  const reqs: Requirement[] = [];
  // SPF
  let spfOk = false;
  if (spf.length === 0) reqs.push(SPF_MISSING);
  else if (spf.length > 1) reqs.push({ id: 'spf', status: 'unmet', detail: `${spf.length} SPF records: receivers treat that as a permanent error (RFC 7208 §4.5).` });
  else if (shapeOf(spf[0]).errors.length > 0) reqs.push({ id: 'spf', status: 'unmet', detail: `The SPF record has ${shapeOf(spf[0]).errors.length} syntax error(s): receivers treat it as a permanent error.` });
  else {
    spfOk = true;
    reqs.push(SPF_MET);
  }
  // DKIM
  const k = dkim ?? { keys: 0, delegated: 0, revoked: 0 };
  const dkimOk = k.keys + k.delegated > 0;
  if (dkimOk) {
    const parts = [k.keys ? `${k.keys} key record(s)` : '', k.delegated ? `${k.delegated} selector(s) delegated by CNAME` : ''].filter(Boolean);
    reqs.push({ id: 'dkim', status: 'met', detail: `${parts.join(' and ')} under _domainkey.${bare(domain)}` });
  } else {
    reqs.push({
      id: 'dkim',
      status: 'unmet',
      cause: k.revoked > 0 ? 'unusable' : 'missing',
      detail:
        k.revoked > 0
          ? `Only revoked keys (empty p=) under _domainkey.${bare(domain)}: nothing can be verified.`
          : `No DKIM key under _domainkey.${bare(domain)}. Your mail system or provider generates the key pair and gives you the selector record to publish.`,
    });
  }
  // DMARC
  const own = dmarcByDomain.get(domain) ?? [];
  const org = !own.length && apex && domain !== apex && inZone(domain, apex) ? (dmarcByDomain.get(apex) ?? []) : [];
  const found = own.length ? own : org;
  const valid = found.filter((m) => m.version.state === 'ok');
  let strict = { spf: false, dkim: false };
  if (valid.length === 1) {
    const policyTag = own.length ? (tag(valid[0].tags, 'p') ?? undefined) : (tag(valid[0].tags, 'sp') ?? tag(valid[0].tags, 'p'));
    const policy = policyTag?.value ?? 'none';
    strict = { spf: tag(valid[0].tags, 'aspf')?.value === 's', dkim: tag(valid[0].tags, 'adkim')?.value === 's' };
    reqs.push({
      id: 'dmarc',
      status: 'met',
      detail: own.length ? `_dmarc.${bare(domain)} with p=${policy}.` : `No _dmarc.${bare(domain)}, but the organisational domain's record applies (_dmarc.${bare(apex!)}, policy ${policy} for subdomains).`,
    });
  } else if (valid.length > 1) {
    reqs.push({ id: 'dmarc', status: 'unmet', detail: `${valid.length} DMARC records at _dmarc.${bare(valid[0].domain)}: receivers then apply none (RFC 7489 §6.6.3).` });
  } else if (found.length) {
    reqs.push({ id: 'dmarc', status: 'unmet', detail: `The record at _dmarc.${bare(found[0].domain)} does not start with exactly v=DMARC1, so receivers ignore it.` });
  } else {
    reqs.push({ id: 'dmarc', status: 'unmet', cause: 'missing', detail: `No DMARC record at _dmarc.${bare(domain)}${domain !== apex && apex && inZone(domain, apex) ? ` nor at _dmarc.${bare(apex!)}` : ''}.` });
  }
  // Alignment: SPF (envelope domain) or DKIM (d=) must match the From domain.
  const dmarcMet = reqs[reqs.length - 1].status === 'met';
  if (!dmarcMet) reqs.push(NOTHING_TO_ALIGN);
  else if (spfOk || dkimOk) {
    const via = [spfOk ? `SPF${strict.spf ? ' (strict)' : ''}` : '', dkimOk ? `DKIM${strict.dkim ? ' (strict)' : ''}` : ''].filter(Boolean).join(' and ');
    reqs.push({ id: 'alignment', status: 'met', detail: `${via} published for ${bare(domain)} itself, so mail sent with From: …@${bare(domain)} can align.` });
  } else {
    reqs.push({ id: 'alignment', status: 'unmet', detail: `Neither SPF nor a DKIM key is published for ${bare(domain)}: DMARC cannot pass for mail from it.` });
  }
  reqs.push(FCRDNS);
  return reqs;
}

/** The requirements of a checklist a diagnostic reports: DKIM and DMARC when missing (SPF problems have their own rules). */
export function reportable(requirements: readonly Requirement[]): Requirement[] {
  return requirements.filter((r) => r.status === 'unmet' && (r.id === 'dkim' || (r.id === 'dmarc' && r.cause === 'missing')));
}
