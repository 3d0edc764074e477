import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { makeContext, parseDocument, runCheck } from '../../engine';
import { applyEdits } from '../../testing';
import type { Finding } from '../../types';
import { zone } from '../../spf/rules/testkit';
import type { ZoneModel } from '../../zone/model';
import { mailHover } from '../hover';
import { DKIM_RULES } from './rules';
import { ed25519Key, rsaKey } from './testdata';

const ctx = makeContext();
const seen = { findings: new Set<string>(), fixes: 0 };

/** Runs every DKIM rule directly (no engine safety net): findings in range, fixes that apply. */
function exercise(text: string): void {
  const model = parseDocument('zone', text).model as ZoneModel;
  for (const rule of DKIM_RULES) {
    const found: Finding[] = [];
    runCheck(rule, model, ctx, (r) => found.push({ ...r, rule: rule.meta.id, severity: rule.meta.severity }));
    for (const f of found) {
      seen.findings.add(rule.meta.id);
      assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `${rule.meta.id} ${JSON.stringify(f.range)} in ${JSON.stringify(text)}`);
      for (const fix of rule.fix?.(model, f, ctx) ?? []) {
        assert.equal(fix.rule, rule.meta.id);
        for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end);
        const fixed = applyEdits(text, fix.edits);
        seen.fixes++;
        const again = parseDocument('zone', fixed).model as ZoneModel;
        for (const r of DKIM_RULES) r.check(again, ctx, () => undefined);
      }
    }
  }
  for (let o = text.indexOf('_domainkey'); o < text.length; o += 7) mailHover(model, o, ctx);
}

const KEYS = [ed25519Key().raw, ed25519Key().spki, rsaKey(1024), rsaKey(1024, 'pkcs1'), rsaKey(512), ''];
const PIECES = ['v=DKIM1', 'k=rsa', 'k=ed25519', 'h=sha1:sha256', 't=y:s', 's=email', 'n=hi=3D', 'g=*', 'x=1'];
const NOISE = ['=', ';', ',', ' ', ':', '\t', 'é', '\u00a0', '\uff1b', '\u200b', 'A', '/', '+', '-', '_', 'p', 'k', 'v', 't', 'y', '"', '\\', '(', ')', '\n'];

const record = fc
  .tuple(fc.subarray(PIECES), fc.constantFrom(...KEYS), fc.constantFrom('; ', ';', ' ', ', '), fc.boolean())
  .map(([tags, key, sep, keyFirst]) => (keyFirst ? [`p=${key}`, ...tags] : [...tags, `p=${key}`]).join(sep));

const mutated = fc
  .tuple(record, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE), fc.constantFrom('insert', 'replace', 'delete', 'cut')), { maxLength: 6 }))
  .map(([value, edits]) => {
    let v = value;
    for (const [at, ch, op] of edits) {
      const i = v.length ? at % v.length : 0;
      if (op === 'insert') v = v.slice(0, i) + ch + v.slice(i);
      else if (op === 'replace') v = v.slice(0, i) + ch + v.slice(i + 1);
      else if (op === 'delete') v = v.slice(0, i) + v.slice(i + 1);
      else v = v.slice(0, i);
    }
    return v;
  });

/** A value written as TXT strings cut at the given points; quotes and backslashes left raw on purpose half of the time. */
function written(value: string, cuts: number[], escape: boolean): string {
  const v = escape ? value.replace(/[\\"]/g, (c) => `\\${c}`) : value;
  const points = [...new Set(cuts.map((c) => (v.length ? c % v.length : 0)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(v.slice(from, p));
    from = p;
  }
  parts.push(v.slice(from));
  return parts.map((p) => `"${p}"`).join(' ');
}

test('mutated DKIM key records: no exception, every range inside the text, every fix applies', () => {
  fc.assert(
    fc.property(mutated, fc.array(fc.nat(), { maxLength: 3 }), fc.boolean(), fc.constantFrom('sel._domainkey', '_domainkey', '@'), (value, cuts, escape, owner) => {
      exercise(zone([`${owner} IN TXT ${written(value, cuts, escape)}`]));
    }),
    { numRuns: 300 },
  );
  // The generator reaches the rules: most of them reported something, and fixes were applied.
  assert.ok(seen.findings.size >= 8, [...seen.findings].join(' '));
  assert.ok(seen.fixes > 20, String(seen.fixes));
});

test('random text as a DKIM record: no exception', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...NOISE, 'M', 'I', 'B', 'Q', '0', '2'), maxLength: 120 }), (s) => {
      exercise(zone([`sel._domainkey IN TXT "${s}"`]));
      exercise(zone([`sel._domainkey IN TXT ${s}`]));
    }),
    { numRuns: 300 },
  );
});
