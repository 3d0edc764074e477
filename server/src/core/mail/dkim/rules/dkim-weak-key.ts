/**
 * dkim-weak-key: an RSA key of at least 1024 but under 2048 bits. RFC 8301 §3.2 asks signers for
 * 2048 bits or more; 1024-bit keys are within reach of well-funded attackers and large mailbox
 * providers already treat them as weak. (Keys under 1024 bits are `dkim-bad-key`.)
 */
import type { Rule } from '../../../rule';
import type { ZoneModel } from '../../../zone/model';
import { docRange } from '../../records';
import { dkimRecords } from '../record';
import { MIN_RSA_BITS } from './dkim-bad-key';

export const RECOMMENDED_RSA_BITS = 2048;

export const dkimWeakKey: Rule<ZoneModel> = {
  meta: {
    id: 'dkim-weak-key',
    scope: 'record',
    language: 'zone',
    severity: 'warning',
    description: 'A DKIM RSA key under 2048 bits (RFC 8301 asks for at least 2048)',
  },
  check(model, _ctx, report) {
    for (const info of dkimRecords(model)) {
      const shape = info.key?.shape;
      if (!info.p || info.keyType !== 'rsa' || info.key?.base64.problem || shape?.shape !== 'rsa') continue;
      if (shape.bits < MIN_RSA_BITS || shape.bits >= RECOMMENDED_RSA_BITS) continue;
      report({
        range: docRange(info.mail, info.p.valueSpan),
        message: `The RSA key is ${shape.bits} bits: RFC 8301 §3.2 asks for at least ${RECOMMENDED_RSA_BITS}. Publish a 2048-bit key under a new selector, switch signing to it, then revoke this one`,
        data: { bits: shape.bits },
      });
    }
  },
};
