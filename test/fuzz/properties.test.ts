/**
 * Property tests (fast-check, bounded to a few seconds): arbitrary strings and mutated valid
 * documents never make the engine throw, put a range outside the document, or make a rule fail
 * internally. The same invariants run at scale in `npm run fuzz`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseMacroText } from '../../server/src/core/spf/parse';
import { expandMacroString, type MacroValues } from '../../server/src/core/spf/macro';
import { MappedText } from '../../server/src/core/text';
import type { LanguageId } from '../../server/src/core/types';
import { checkDocument, checkSimulation, checkSpfValue, LANGUAGES } from './check';
import { RTX_SEED, SEEDS, TOKENS } from './seeds';
import { editDistance, nearMisses, nextKeywords } from '../../server/src/core/rtx/catalog';

/** A fixed seed per run unless FC_SEED is set, so a failure always reproduces. */
const SEED = Number(process.env.FC_SEED ?? 20240402);
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure: true });

/** Arbitrary text: any UTF-16 units, or lines built from tokens the parsers care about. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 80 }),
  fc.array(fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 12 }), { maxLength: 20 }).map((ls) => ls.join('\n')),
);

type Mutation = { at: number; del: number; ins: string; dup: boolean };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 12 }),
  ins: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 6 })),
  dup: fc.boolean(),
});

/** Applies mutations to a valid document: deletions, insertions, and repeated lines. */
export function mutate(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    if (m.dup) {
      const s = t.lastIndexOf('\n', at - 1) + 1;
      const e = t.indexOf('\n', at);
      const line = t.slice(s, e < 0 ? t.length : e + 1);
      t = t.slice(0, s) + line + line + t.slice(s + line.length);
    } else t = t.slice(0, at) + m.ins + t.slice(at + m.del);
  }
  return t;
}

function mutatedDoc(lang: LanguageId): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...SEEDS[lang]), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([s, ms]) => mutate(s, ms));
}

const offsets = fc.array(fc.nat({ max: 5000 }), { maxLength: 8 });

function holds(lang: LanguageId, text: string, offs: number[]): void {
  const problems = checkDocument(lang, text, { offsets: offs, fixes: true });
  assert.deepEqual(problems, [], `${lang} input ${JSON.stringify(text.slice(0, 2000))}`);
}

describe('engine properties', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: arbitrary strings`, () => {
      fc.assert(fc.property(anyText, offsets, (t, o) => holds(lang, t, o)), params(lang === 'rtx' ? 150 : 400));
    });
    test(`${lang}: mutated valid documents`, () => {
      fc.assert(fc.property(mutatedDoc(lang), offsets, (t, o) => holds(lang, t, o)), params(80));
    });
  }
});

describe('SPF parser and macro expander', () => {
  const spfValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: fc.constantFrom('v=spf1 ', ' ', 'ip4:', 'ip6:', 'a', 'mx', ':', '/', '//', '%{', '}', '%%', '%_', '%-', 'ir', 'd', 'l', 's', 'O', '9', '0', '.', '-', '+', '~', '?', 'all', 'include:', 'redirect=', 'exp=', 'exists:', 'ptr', '=', '\t', 'é'), maxLength: 60 }),
  );
  test('parseSpf / parseMacroText / finishDomain on arbitrary values', () => {
    fc.assert(fc.property(spfValue, (v) => assert.deepEqual(checkSpfValue(v), [], JSON.stringify(v))), params(400));
  });
  test('expandMacroString never throws and keeps the literal parts', async () => {
    const values = fc.record({ s: fc.string(), l: fc.string(), o: fc.string(), d: fc.string(), i: fc.string(), v: fc.string(), h: fc.string(), c: fc.string(), r: fc.string(), t: fc.string(), p: fc.string() });
    await fc.assert(
      fc.asyncProperty(spfValue, values, async (v, vals) => {
        const { value } = parseMacroText(MappedText.contiguous(v, 0));
        const mv: MacroValues = { ...vals, p: async () => vals.p };
        const out = await expandMacroString(value, mv);
        assert.equal(typeof out, 'string');
        for (const part of value.parts) if (part.kind === 'literal') assert.ok(out.includes(part.text), `${JSON.stringify(v)} lost ${part.text}`);
      }),
      params(300),
    );
  });
});

describe('RTX packet-filter simulator', () => {
  const arg = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('192.168.0.10', '203.0.113.25', '198.51.100.1', '2001:db8::1', '::', '0.0.0.0', '255.255.255.255', 'tcp', 'udp', 'icmp', 'icmp6', 'gre', '25', '0', '65535', '65536', '-1', 'smtp', 'pp 1', 'lan1', 'tunnel 9', 'in', 'out', 'syn,ack', '0x12', 'fin', ''),
    fc.string({ maxLength: 12 }),
  );
  const args = fc.record({ from: arg, to: arg, proto: arg, port: arg, sport: arg, interface: arg, direction: arg, tcpFlags: arg, icmpType: arg, icmpCode: arg, connected: fc.option(fc.boolean(), { nil: undefined }) });
  test('simulateCommand / lanToInternet on mutated configs and arbitrary arguments', () => {
    const config = fc.oneof(fc.constant(RTX_SEED), mutatedDoc('rtx'));
    fc.assert(fc.property(config, args, (c, a) => assert.deepEqual(checkSimulation(c, a), [], JSON.stringify({ c, a }))), params(200));
  });
});

describe('RTX command suggestions', () => {
  // The banded, early-exit distance behind `nearMisses` must suggest exactly what the full table does.
  const reference = (word: string, candidates: readonly string[]): string[] => {
    if (word.length < 2 || word.length > 40) return [];
    const limit = word.length <= 4 ? 1 : 2;
    return candidates
      .map((c) => ({ c, d: editDistance(word, c) }))
      .filter((x) => x.d > 0 && x.d <= limit)
      .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
      .map((x) => x.c);
  };
  const keywords = [...new Set([...nextKeywords([]).keywords, ...nextKeywords(['ip', 'lan1']).keywords, ...nextKeywords(['ip', 'filter']).keywords])];
  const edited = fc
    .tuple(fc.constantFrom(...keywords), fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', 'ins', 'sub', 'swap'), fc.constantFrom('a', 'e', 'i', 'l', 'p', 't', '1', '-')), { maxLength: 4 }))
    .map(([w, edits]) => {
      let t = w;
      for (const [at0, op, ch] of edits) {
        const at = at0 % (t.length + 1);
        if (op === 'del') t = t.slice(0, at) + t.slice(at + 1);
        else if (op === 'ins') t = t.slice(0, at) + ch + t.slice(at);
        else if (op === 'sub') t = t.slice(0, at) + ch + t.slice(at + 1);
        else if (at + 1 < t.length) t = t.slice(0, at) + t[at + 1] + t[at] + t.slice(at + 2);
      }
      return t;
    });
  test('nearMisses equals the full edit-distance table on edited keywords and arbitrary words', () => {
    fc.assert(fc.property(fc.oneof(edited, fc.string({ maxLength: 45 })), (w) => assert.deepEqual(nearMisses(w, keywords), reference(w, keywords), w)), params(3000));
  });
});
