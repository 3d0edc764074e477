/**
 * Completion inside the quoted strings of a TXT record that is (or is becoming) an SPF record:
 * the version tag at the start, mechanisms (with their qualifier kept) and modifiers at the start
 * of a term, macro letters after `%{`. Facts come from the `terms` data module.
 */
import type { CompletionEntry } from '../features';
import type { Range } from '../types';
import type { ZoneModel } from '../zone/model';
import { MACRO_LETTERS, MECHANISMS, MODIFIERS } from './terms';

function rfc(section: string): string {
  return `RFC 7208 §${section}`;
}

/** Entries for the word ending at `offset` inside an SPF string, or undefined when not in one. */
export function spfCompletion(model: ZoneModel, offset: number): CompletionEntry[] | undefined {
  const record = model.recordAt(offset);
  if (!record || (record.type !== 'TXT' && record.type !== 'SPF')) return undefined;
  const token = record.rdata.find((t) => t.quoted && offset > t.range.start && offset < t.range.end);
  if (!token) return undefined;
  const text = model.text;
  // The value of the record up to the cursor: earlier strings plus this one up to the offset.
  const before = record.rdata
    .filter((t) => t.quoted && t.range.end <= token.range.start)
    .map((t) => t.text.slice(1, -1))
    .join('') + text.slice(token.range.start + 1, offset);
  let wordStart = offset;
  while (wordStart > token.range.start + 1 && !/[\s"]/.test(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, offset);
  const valueSoFar = before.trimStart();
  const isFirstWord = valueSoFar === word;
  if (isFirstWord) {
    if (!'v=spf1'.startsWith(word.toLowerCase())) return undefined;
    return [{ label: 'v=spf1', kind: 'keyword', detail: 'SPF version tag', documentation: `Marks the TXT record as an SPF record (${rfc('4.5')}). It must be first, followed by a space.`, range: { start: wordStart, end: offset } }];
  }
  if (!/^v=spf1(\s|$)/i.test(valueSoFar)) return undefined;
  const macro = /%\{([a-zA-Z]?)$/.exec(word);
  if (macro) {
    const range: Range = { start: offset - macro[1].length, end: offset };
    return Object.values(MACRO_LETTERS).map((m) => ({
      label: m.letter,
      kind: 'variable' as const,
      detail: `%{${m.letter}}${m.expOnly ? ' (exp= text only)' : ''}`,
      documentation: `${m.meaning} (${rfc('7.2')}).`,
      range,
      insertText: `${m.letter}}`,
    }));
  }
  if (/[:=/%]/.test(word)) return undefined;
  const qualifier = /^[-+~?]/.test(word) ? 1 : 0;
  const range: Range = { start: wordStart + qualifier, end: offset };
  const entries: CompletionEntry[] = Object.values(MECHANISMS).map((m, i) => ({
    label: m.name,
    kind: 'function' as const,
    detail: `${m.syntax}${m.dnsLookup ? ' — costs a DNS lookup' : ''}`,
    documentation: `${m.summary} (${rfc(m.section)}).`,
    range,
    insertText: m.domain === 'required' || m.network ? `${m.name}:` : m.name,
    sortText: `0${i}`,
  }));
  if (!qualifier) {
    for (const m of Object.values(MODIFIERS)) {
      entries.push({ label: m.name, kind: 'property', detail: m.syntax, documentation: `${m.summary} (${rfc(m.section)}).`, range, insertText: `${m.name}=`, sortText: `1${m.name}` });
    }
  }
  return entries;
}
