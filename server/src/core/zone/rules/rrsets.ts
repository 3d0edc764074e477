/** RRsets of the zone (same owner, class and type) with more than one record; shared by checks. */
import { zoneFacts } from '../analysis';
import type { ZoneModel, ZoneRecord } from '../model';
import { RDATA } from '../rdata/descriptors';
import { buildName } from '../names';
import { freshTokens } from './common';

const cache = new WeakMap<ZoneModel, ZoneRecord[][]>();

export function multiRecordSets(model: ZoneModel): ZoneRecord[][] {
  let sets = cache.get(model);
  if (sets) return sets;
  sets = [];
  for (const list of zoneFacts(model).byOwner().values()) {
    if (list.length < 2) continue;
    const byKey = new Map<string, ZoneRecord[]>();
    for (const r of list) {
      const k = `${r.class} ${r.typeCode}`;
      const l = byKey.get(k);
      if (l) l.push(r);
      else byKey.set(k, [r]);
    }
    for (const l of byKey.values()) if (l.length > 1) sets.push(l);
  }
  cache.set(model, sets);
  return sets;
}

/** A comparable form of a record's data: names made absolute and lower-cased, strings unquoted. */
export function canonicalRdata(r: ZoneRecord, text: string): string {
  const tokens = freshTokens(r, text);
  if (r.generic) return '\\# ' + tokens.slice(2).map((t) => t.text).join('').toLowerCase();
  const d = RDATA[r.type];
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const kind = d?.fields[i]?.kind;
    if (kind === 'name') parts.push(buildName(t.text, 0, t.text.length, r.origin));
    else if (t.quoted) parts.push(t.text.length >= 2 ? t.text.slice(1, -1) : '');
    else if (kind === 'u8' || kind === 'u16' || kind === 'u32') parts.push(String(Number(t.text)));
    else if (kind === 'ipv6' || d?.rest?.kind === 'hex' || kind === 'type' || kind === 'algorithm') parts.push(t.text.toLowerCase());
    else parts.push(t.text);
  }
  return parts.join('\u0000');
}
