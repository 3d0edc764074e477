/**
 * `zone-rpz-trigger`: address triggers of a response policy zone (RPZ) that no query can match.
 * An address trigger is an owner `<prefix length>.<address, reversed>.rpz-ip` right below the
 * apex (also `rpz-client-ip` and `rpz-nsip`): IPv4 as four decimal octets, IPv6 as eight hex words
 * with the longest run of zero words written `zz` (the BIND 9 ARM, "Response Policy Zone").
 * BIND reads a trigger only in this canonical form; any other spelling is refused.
 */
import type { Rule } from '../../rule';
import { zoneFacts } from '../analysis';
import type { ZoneModel } from '../model';
import { ownerSpot } from './common';

const TRIGGER_LABELS = ['rpz-ip', 'rpz-client-ip', 'rpz-nsip'];

/** What is wrong with the trigger labels (prefix first, address reversed), or undefined. */
export function rpzTriggerProblem(labels: readonly string[]): string | undefined {
  return triggerProblem(labels)?.message;
}

interface TriggerProblem {
  message: string;
  /** The same trigger in canonical form (prefix first, address reversed), when only the spelling is wrong. */
  canonical?: string;
}

const notCanonical = (prefix: number, address: readonly string[]): TriggerProblem => {
  const canonical = [prefix, ...[...address].reverse()].join('.');
  return { message: `not in canonical form: write ${canonical}`, canonical };
};

function triggerProblem(labels: readonly string[]): TriggerProblem | undefined {
  const problem = (message: string): TriggerProblem => ({ message });
  const [prefixText, ...reversed] = labels;
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText ?? '')) return problem(`the first label must be the prefix length, not '${prefixText ?? ''}'`);
  const prefix = Number(prefixText);
  const address = [...reversed].reverse();
  if (address.length === 4 && address.every((l) => /^\d+$/.test(l))) {
    if (prefix < 1 || prefix > 32) return problem(`an IPv4 prefix length is 1 to 32, not ${prefix}`);
    if (address.some((l) => Number(l) > 255)) return problem(`${address.join('.')} is not an IPv4 address`);
    const canonical = address.map((l) => String(Number(l)));
    if (canonical.join('.') !== address.join('.')) return notCanonical(prefix, canonical);
    return undefined;
  }
  const zz = address.filter((l) => l === 'zz').length;
  if (zz > 1 || !address.every((l) => l === 'zz' || /^[0-9a-f]{1,4}$/i.test(l))) {
    return problem(`${address.join('.')} is neither an IPv4 address (4 decimal labels) nor an IPv6 address (hex words, 'zz' for zeros)`);
  }
  const fill = 8 - (address.length - zz);
  if ((zz && fill < 1) || (!zz && address.length !== 8)) return problem(`an IPv6 address has 8 words, not ${address.length - zz}${zz ? ' and zz' : ''}`);
  if (prefix < 1 || prefix > 128) return problem(`an IPv6 prefix length is 1 to 128, not ${prefix}`);
  const words = address.flatMap((l) => (l === 'zz' ? Array<number>(fill).fill(0) : [parseInt(l, 16)]));
  const canonical = canonicalWords(words);
  if (canonical.join('.') !== address.map((l) => l.toLowerCase()).join('.')) return notCanonical(prefix, canonical);
  return undefined;
}

/** The words in hex without leading zeros, the first longest run of two or more zero words as `zz`. */
function canonicalWords(words: readonly number[]): string[] {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && words[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j > i ? j : i + 1;
  }
  const hex = words.map((w) => w.toString(16));
  return best < 0 ? hex : [...hex.slice(0, best), 'zz', ...hex.slice(best + bestLength)];
}

export const zoneRpzTrigger: Rule<ZoneModel> = {
  meta: {
    id: 'zone-rpz-trigger',
    language: 'zone',
    severity: 'error',
    description: 'A response policy zone address trigger (…rpz-ip, rpz-client-ip, rpz-nsip) that is not a prefix length and an address in canonical form.',
  },
  check(model, _ctx, report) {
    const facts = zoneFacts(model);
    const apex = facts.apex;
    if (!apex) return;
    const seen = new Set<string>();
    for (const r of facts.records) {
      const owner = r.owner;
      if (seen.has(owner) || !owner.includes('rpz-')) continue;
      const stem = apex === '.' ? owner.slice(0, -1) : owner.endsWith(`.${apex}`) ? owner.slice(0, -apex.length - 1) : undefined;
      if (!stem) continue;
      const labels = stem.split('.');
      const trigger = labels.pop();
      if (!trigger || !TRIGGER_LABELS.includes(trigger) || labels.length === 0) continue;
      seen.add(owner);
      const problem = triggerProblem(labels);
      if (problem) {
        const data = problem.canonical ? { written: labels.join('.'), canonical: problem.canonical } : undefined;
        report({ range: ownerSpot(r), message: `RPZ ${trigger} trigger ${labels.join('.')}: ${problem.message}`, data });
      }
    }
  },
  fix(model, finding) {
    const data = finding.data as { written?: string; canonical?: string } | undefined;
    const { start, end } = finding.range;
    if (!data?.written || !data.canonical || end > model.text.length) return [];
    // The owner as written starts with the trigger labels (relative or absolute, any case).
    const written = model.text.slice(start, end);
    if (!written.toLowerCase().startsWith(`${data.written}.`)) return [];
    const edits = [{ range: { start, end: start + data.written.length }, newText: data.canonical }];
    return [{ title: `Write the trigger as ${data.canonical}`, rule: 'zone-rpz-trigger', edits, preferred: true }];
  },
};
