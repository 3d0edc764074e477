/**
 * `zone-rrsig-validity`: an RRSIG whose validity period does not include the present: expired
 * (its expiration has passed) or not yet valid (its inception is in the future). Validators
 * reject such signatures (RFC 4035 §5.3.1); the zone needs re-signing before they are served.
 * Advisory: the file may be checked at another time than it is served.
 */
import type { Rule } from '../../rule';
import type { ZoneModel, ZoneToken } from '../model';
import { freshTokens } from './common';
import { dnssecFacts, standing, timeOf, T_RRSIG } from './dnssec';

/** Seconds since the epoch (UTC). */
export type Clock = () => number;
let clock: Clock = () => Math.floor(Date.now() / 1000);

/** Replaces the clock (tests); returns the previous one. */
export function setClock(c: Clock): Clock {
  const old = clock;
  clock = c;
  return old;
}

/** A signature time as seconds since the epoch: 14-digit dates as written, numbers near `now` (RFC 4034 §3.1.5). */
function absolute(t: ZoneToken, now: number): number {
  const v = timeOf(t);
  if (t.text.length === 14) return Date.UTC(+t.text.slice(0, 4), +t.text.slice(4, 6) - 1, +t.text.slice(6, 8), +t.text.slice(8, 10), +t.text.slice(10, 12), +t.text.slice(12, 14)) / 1000;
  // Serial arithmetic: the value within 2^31 seconds of now.
  let d = (v - (now % 0x100000000) + 0x100000000) % 0x100000000;
  if (d >= 0x80000000) d -= 0x100000000;
  return now + d;
}

/** Signatures reported one by one; the rest are summed up in one finding. */
export const MAX_REPORTED = 50;

const day = (s: number): string => new Date(s * 1000).toISOString().slice(0, 10);

export const zoneRrsigValidity: Rule<ZoneModel> = {
  meta: {
    id: 'zone-rrsig-validity',
    language: 'zone',
    severity: 'warning',
    description: 'An RRSIG has expired or is not valid yet: validators reject it until the zone is re-signed.',
  },
  check(model, _ctx, report) {
    const f = dnssecFacts(model);
    if (!f) return;
    const sigs = f.facts.ofType(T_RRSIG);
    if (sigs.length === 0) return;
    const now = clock();
    let shown = 0;
    let more = 0;
    let last: { start: number; end: number } | undefined;
    for (const r of sigs) {
      if (r.generic || standing(f, r.owner) === 'out') continue;
      const t = freshTokens(r, model.text);
      if (!t[5] || Number.isNaN(timeOf(t[4])) || Number.isNaN(timeOf(t[5]))) continue;
      const exp = absolute(t[4], now);
      const inc = absolute(t[5], now);
      if (inc > exp) continue; // zone-dnssec-signatures reports it
      if (exp >= now && inc <= now) continue;
      if (shown >= MAX_REPORTED) {
        more++;
        last = t[exp < now ? 4 : 5].range;
        continue;
      }
      shown++;
      if (exp < now) {
        report({ range: t[4].range, message: `RRSIG over ${t[0].text} at ${r.owner} expired on ${day(exp)}: validators reject it; re-sign the zone` });
      } else {
        report({ range: t[5].range, message: `RRSIG over ${t[0].text} at ${r.owner} is not valid before ${day(inc)}: validators reject it until then` });
      }
    }
    if (more && last) report({ range: last, message: `${more} more RRSIG records are expired or not valid yet (the first ${MAX_REPORTED} are reported one by one): re-sign the zone` });
  },
};
