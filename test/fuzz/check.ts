/**
 * The invariants every input must satisfy, shared by the property tests and `npm run fuzz`:
 * parse, validate, hover, outline and folding never throw; every range lies inside the document;
 * no rule fails internally. Returns the violations found (empty when the input is fine).
 */
import { folding, hover, makeContext, parseDocument, quickFixes, symbols, validate } from '../../server/src/core/engine';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { LanguageId, Range } from '../../server/src/core/types';
import { MappedText } from '../../server/src/core/text';
import { parseMacroText, parseSpf } from '../../server/src/core/spf/parse';
import { detectVersionTypo } from '../../server/src/core/spf/nearMiss';
import { expandMacroString, finishDomain, MAX_EXPANDED_DOMAIN, type MacroValues } from '../../server/src/core/spf/macro';
import { lanToInternet } from '../../server/src/core/rtx/simulate';
import { renderSimulation, simulateCommand, validateSimulateArgs, type SimulateArgs } from '../../server/src/core/rtx/simulateCommand';
import type { RtxModel } from '../../server/src/core/rtx/model';
import { parseZone } from '../../server/src/core/zone/parser';
import type { ZoneModel } from '../../server/src/core/zone/model';
import { spliceZone } from '../../server/src/core/zone/splice';
import { modelSnapshot } from '../../server/src/core/zone/testing';
import assert from 'node:assert/strict';

export const LANGUAGES: readonly LanguageId[] = ['zone', 'rtx', 'rtxlog'];
export const CTX = makeContext({ ...DEFAULT_SETTINGS, mailServers: ['203.0.113.25', '2001:db8::25'] });

function inside(r: Range | undefined, len: number, what: string, out: string[]): void {
  if (!r) return;
  if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= len)) {
    out.push(`${what}: range ${r.start}-${r.end} outside 0-${len}`);
  }
}

function guard(what: string, out: string[], run: () => void): void {
  try {
    run();
  } catch (e) {
    out.push(`${what} threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e)}`);
  }
}

export interface CheckOptions {
  /** Offsets to hover at (clamped to the document, plus 0 and the length). */
  offsets?: readonly number[];
  /** Also compute the quick fixes of every finding (ranges inside, never throwing). */
  fixes?: boolean;
}

/** Runs every document-level entry point of the engine on `text` and returns the violations. */
export function checkDocument(lang: LanguageId, text: string, opts: CheckOptions = {}): string[] {
  const out: string[] = [];
  const len = text.length;
  guard(`${lang} parse/validate`, out, () => {
    const doc = parseDocument(lang, text);
    const findings = validate(doc, CTX);
    for (const f of findings) {
      inside(f.range, len, `finding ${f.rule}`, out);
      if (f.message.startsWith('Internal error')) out.push(`${lang}: ${f.message}`);
      for (const r of f.related ?? []) inside(r.range, len, `related of ${f.rule}`, out);
      if (opts.fixes) {
        guard(`fix of ${f.rule}`, out, () => {
          for (const fix of quickFixes(doc, f, CTX)) for (const e of fix.edits) inside(e.range, len, `edit of ${fix.title}`, out);
        });
      }
    }
    const offsets = [0, len, ...(opts.offsets ?? []).map((o) => Math.max(0, Math.min(o, len)))];
    for (const o of offsets) {
      guard(`${lang} hover at ${o}`, out, () => inside(hover(doc, o, CTX)?.range, len, `hover at ${o}`, out));
    }
    guard(`${lang} symbols`, out, () => {
      const walk = (ss: ReturnType<typeof symbols>): void => {
        for (const s of ss) {
          inside(s.range, len, `symbol ${s.name}`, out);
          inside(s.selectionRange, len, `symbol selection ${s.name}`, out);
          walk(s.children ?? []);
        }
      };
      walk(symbols(doc));
    });
    guard(`${lang} folding`, out, () => {
      for (const f of folding(doc)) inside(f as unknown as Range, len, 'folding', out);
    });
  });
  return out;
}

/** The SPF parser, near-miss detector and macro parser on a raw record value. */
export function checkSpfValue(value: string, docStart = 3): string[] {
  const out: string[] = [];
  const len = value.length + docStart;
  guard('spf parse', out, () => {
    const typo = detectVersionTypo(value);
    const rec = parseSpf(MappedText.contiguous(value, docStart), typo?.bodyStart);
    inside(rec.version.range, len, 'spf version', out);
    for (const t of rec.terms) {
      inside(t.range, len, 'spf term', out);
      if (t.start < 0 || t.start > t.end || t.end > value.length) out.push(`spf term span ${t.start}-${t.end} of ${value.length}`);
    }
    for (const e of rec.errors) inside(e.range, len, `spf error ${e.code}`, out);
    const m = parseMacroText(MappedText.contiguous(value, docStart));
    for (const p of m.value.parts) inside(p.range, len, 'macro part', out);
    for (const e of m.errors) inside(e.range, len, `macro error ${e.code}`, out);
    // Labels are dropped from the left until the name fits; a single over-long label stays.
    const d = finishDomain(value);
    if (!value.replace(/\.$/, '').endsWith(d)) out.push(`finishDomain gave a non-suffix: ${JSON.stringify(d.slice(0, 80))}`);
    if (d.length > 253 && d.includes('.')) out.push(`finishDomain gave ${d.length} characters with labels left to drop`);
  });
  return out;
}

/**
 * The packet-filter simulator on a parsed config and raw command-line arguments, through its public
 * path: arguments are validated first (the simulator itself expects addresses of one family).
 */
export function checkSimulation(config: string, args: SimulateArgs): string[] {
  const out: string[] = [];
  let model: RtxModel | undefined;
  guard('rtx parse', out, () => {
    model = parseDocument('rtx', config).model as RtxModel;
  });
  return model ? [...out, ...checkSimulationModel(model, args)] : out;
}

/** `checkSimulation` on an already parsed config (the fuzzer reuses one model for many packets). */
export function checkSimulationModel(model: RtxModel, args: SimulateArgs): string[] {
  const out: string[] = [];
  guard('rtx simulate', out, () => {
    const v = validateSimulateArgs(args);
    if ('input' in v) {
      const r = simulateCommand(model, v.input);
      if (!('error' in r) && typeof renderSimulation(r, v.input.packet) !== 'string') out.push('renderSimulation gave no text');
      lanToInternet(model, v.input.packet);
    }
  });
  return out;
}

/**
 * The macro expander on a raw macro-string and arbitrary letter values: never throws (nor rejects),
 * keeps every literal part, and `finishDomain` of the result fits 253 characters unless a single
 * label is longer.
 */
export async function checkMacroExpansion(text: string, values: Omit<MacroValues, 'p'> & { p: string }): Promise<string[]> {
  const out: string[] = [];
  try {
    const { value } = parseMacroText(MappedText.contiguous(text, 0));
    const expanded = await expandMacroString(value, { ...values, p: async () => values.p });
    if (typeof expanded !== 'string') out.push(`expandMacroString gave ${typeof expanded}`);
    else {
      for (const part of value.parts) if (part.kind === 'literal' && !expanded.includes(part.text)) out.push(`expansion lost the literal ${JSON.stringify(part.text.slice(0, 40))}`);
      const d = finishDomain(expanded);
      if (d.length > MAX_EXPANDED_DOMAIN && d.includes('.')) out.push(`finishDomain gave ${d.length} characters with labels left to drop`);
    }
  } catch (e) {
    out.push(`macro expansion threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e)}`);
  }
  return out;
}

/** The model of an RTX config, or `undefined` when parsing throws (reported by `checkSimulation`). */
export function parsedRtx(config: string): RtxModel | undefined {
  try {
    return parseDocument('rtx', config).model as RtxModel;
  } catch {
    return undefined;
  }
}

/**
 * The text of `old` (a parsed zone) with `[start, end)` replaced by `insert`, spliced into `old`
 * (`spliceZone`): when the splice answers, it must equal the whole parse of the new text.
 * Returns whether it answered, and the violations.
 */
export function checkSplice(old: ZoneModel, start: number, end: number, insert: string): { spliced: boolean; problems: string[] } {
  const next = old.text.slice(0, start) + insert + old.text.slice(end);
  const model = spliceZone(old, next, { start, oldEnd: end, newEnd: start + insert.length });
  if (!model) return { spliced: false, problems: [] };
  try {
    assert.deepEqual(modelSnapshot(model), modelSnapshot(parseZone(next)));
    return { spliced: true, problems: [] };
  } catch (e) {
    return { spliced: true, problems: [`splice differs from the whole parse: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`] };
  }
}
