/**
 * Address triggers of a response policy zone (RPZ), as the BIND 9 ARM ("Response Policy Zone")
 * writes them: an owner `<prefix length>.<address, reversed>.<trigger label>` right below the apex.
 * IPv4 is four decimal octets; IPv6 is eight hex words without leading zeros, the first longest
 * run of two or more zero words written `zz` (as `::` in an address). BIND reads a trigger only in
 * this canonical form.
 */

/** The trigger labels and what the address is matched against. */
export const RPZ_TRIGGERS: Readonly<Record<string, string>> = {
  'rpz-ip': 'an address in the answer',
  'rpz-client-ip': "the client's address",
  'rpz-nsip': "the address of a name server of the queried name",
};

export interface RpzTrigger {
  /** `rpz-ip`, `rpz-client-ip` or `rpz-nsip`. */
  kind: string;
  /** The labels before the trigger label: prefix length first, then the address reversed. */
  labels: string[];
}

/** The trigger an owner (absolute, lower case) is in the zone of `apex`, if any. */
export function rpzTriggerOf(owner: string, apex: string): RpzTrigger | undefined {
  if (!owner.includes('rpz-')) return undefined;
  const stem = apex === '.' ? owner.slice(0, -1) : owner.endsWith(`.${apex}`) ? owner.slice(0, -apex.length - 1) : undefined;
  if (!stem) return undefined;
  const labels = stem.split('.');
  const kind = labels.pop();
  if (!kind || !(kind in RPZ_TRIGGERS) || labels.length === 0) return undefined;
  return { kind, labels };
}

export type TriggerReading =
  /** The network the trigger matches, e.g. `192.0.2.0/24`, `2001:2:3::2/128`. */
  | { network: string }
  /** What is wrong; `canonical` (labels) when only the spelling is. */
  | { problem: string; canonical?: string };

/** Reads trigger labels (prefix length first, address reversed). */
export function readRpzTrigger(labels: readonly string[]): TriggerReading {
  const [prefixText, ...reversed] = labels;
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText ?? '')) return { problem: `the first label must be the prefix length, not '${prefixText ?? ''}'` };
  const prefix = Number(prefixText);
  const address = [...reversed].reverse();
  const notCanonical = (canonical: readonly string[]) => {
    const spelled = [prefix, ...[...canonical].reverse()].join('.');
    return { problem: `not in canonical form: write ${spelled}`, canonical: spelled };
  };
  if (address.length === 4 && address.every((l) => /^\d+$/.test(l))) {
    if (prefix < 1 || prefix > 32) return { problem: `an IPv4 prefix length is 1 to 32, not ${prefix}` };
    if (address.some((l) => Number(l) > 255)) return { problem: `${address.join('.')} is not an IPv4 address` };
    const canonical = address.map((l) => String(Number(l)));
    if (canonical.join('.') !== address.join('.')) return notCanonical(canonical);
    return { network: `${canonical.join('.')}/${prefix}` };
  }
  const zz = address.filter((l) => l === 'zz').length;
  if (zz > 1 || !address.every((l) => l === 'zz' || /^[0-9a-f]{1,4}$/i.test(l))) {
    return { problem: `${address.join('.')} is neither an IPv4 address (4 decimal labels) nor an IPv6 address (hex words, 'zz' for zeros)` };
  }
  const fill = 8 - (address.length - zz);
  if ((zz && fill < 1) || (!zz && address.length !== 8)) return { problem: `an IPv6 address has 8 words, not ${address.length - zz}${zz ? ' and zz' : ''}` };
  if (prefix < 1 || prefix > 128) return { problem: `an IPv6 prefix length is 1 to 128, not ${prefix}` };
  const words = address.flatMap((l) => (l === 'zz' ? Array<number>(fill).fill(0) : [parseInt(l, 16)]));
  const canonical = canonicalWords(words);
  if (canonical.join('.') !== address.map((l) => l.toLowerCase()).join('.')) return notCanonical(canonical);
  const z = canonical.indexOf('zz');
  const text = z < 0 ? canonical.join(':') : `${canonical.slice(0, z).join(':')}::${canonical.slice(z + 1).join(':')}`;
  return { network: `${text}/${prefix}` };
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
