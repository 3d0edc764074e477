import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextLabel, words } from './command';
import type { RtxModel } from './model';
import { parseRtx } from './parse';
import { CONFIG_A } from './testdata';

const slice = (m: RtxModel, r: { start: number; end: number }): string => m.text.slice(r.start, r.end);
const cmdTexts = (m: RtxModel): string[] => m.commands.map((c) => slice(m, c.range));
const ctxOf = (m: RtxModel, prefix: string): string => {
  const c = m.commands.find((x) => slice(m, x.range).startsWith(prefix));
  assert.ok(c, `no command starting with ${prefix}`);
  return contextLabel(c.context);
};

test('header: model and firmware revision from line 1', () => {
  const m = parseRtx(CONFIG_A);
  assert.equal(m.header?.model, 'RTX830');
  assert.equal(m.header?.revision, '15.02.30');
  assert.equal(m.header?.date, 'Tue Apr  2 12:00:00 2024');
  assert.equal(slice(m, m.header!.modelRange), 'RTX830');
  assert.equal(slice(m, m.header!.revisionRange), '15.02.30');
  assert.equal(m.comments.length, 5);
  assert.equal(m.problems.length, 0);
});

test('header after NetVolante comment lines; none when commands come first', () => {
  const m = parseRtx('# tftpで取得や更新を行うための設定情報です。\n# NVR500 Rev.11.00.38 (Fri Jan 1 00:00:00 2016)\nip lan1 address 192.168.1.1/24\n');
  assert.equal(m.header?.model, 'NVR500');
  assert.equal(m.header?.revision, '11.00.38');
  assert.equal(parseRtx('ip lan1 address 192.168.1.1/24\n# RTX830 Rev.15.02.30\n').header, undefined);
});

test('tokens carry exact ranges; offsets survive CRLF and a BOM', () => {
  const text = '\uFEFFip lan1 address 192.168.1.1/24\r\n  ip filter 1 pass *\r\n';
  const m = parseRtx(text);
  assert.deepEqual(cmdTexts(m), ['ip lan1 address 192.168.1.1/24', 'ip filter 1 pass *']);
  for (const c of m.commands) for (const t of c.tokens) assert.equal(slice(m, t.range), t.text);
  assert.equal(m.commands[1].indent, '  ');
  assert.equal(m.commands[1].line, 1);
  assert.equal(m.eol, '\r\n');
});

test('quoting and backslash escapes', () => {
  const m = parseRtx(`console prompt "[RTX1210] "\nanalog extension dial prefix sip prefix="9#"\ndescription 1 'a b'\\ c\\#d\n`);
  assert.deepEqual(
    m.commands.map((c) => c.tokens.map((t) => t.value)),
    [
      ['console', 'prompt', '[RTX1210] '],
      ['analog', 'extension', 'dial', 'prefix', 'sip', 'prefix=9#'],
      ['description', '1', 'a b c#d'],
    ],
  );
  const tok = m.commands[0].tokens[2];
  assert.equal(slice(m, tok.range), '"[RTX1210] "');
  // The decoded value maps back into the document: 'R' sits after '"['.
  assert.deepEqual(tok.map.docRange(1, 2), { start: tok.range.start + 2, end: tok.range.start + 3 });
  assert.equal(m.problems.length, 0);
});

test('unterminated quote is a problem, not a crash', () => {
  const m = parseRtx('description 1 "abc\nip filter 1 pass *\n');
  assert.equal(m.commands.length, 2);
  assert.equal(m.problems.length, 1);
  assert.match(m.problems[0].message, /unterminated quote/);
  assert.equal(slice(m, m.problems[0].range), '"abc');
});

test('comments: whole lines and trailing # after whitespace; escaped/quoted # are data', () => {
  const m = parseRtx('# heading\n  # indented\nip filter 41 pass * * # allow\nx a\\#b "#c"\n');
  assert.deepEqual(cmdTexts(m), ['ip filter 41 pass * *', 'x a\\#b "#c"']);
  assert.deepEqual(
    m.comments.map((r) => slice(m, r)),
    ['# heading', '# indented', '# allow'],
  );
  assert.equal(slice(m, m.commands[0].comment!), '# allow');
});

test('no forms: negated flag and words after no', () => {
  const m = parseRtx('no ip filter 41\nno\n');
  assert.equal(m.commands[0].negated, true);
  assert.deepEqual(words(m.commands[0]).map((t) => t.value), ['ip', 'filter', '41']);
  assert.equal(m.commands[1].negated, false); // a lone `no` is just an (unknown) command
});

test('context follows select commands, never indentation', () => {
  const text = [
    'ip lan1 address 192.168.1.1/24',
    'pp select 1',
    'ip pp mtu 1454', // not indented, still PP 1
    'tunnel select 2',
    '  ip tunnel mtu 1280',
    'pp select anonymous',
    ' ip pp remote address pool dhcp',
    'pp select none',
    ' ip lan2 address dhcp', // indented, but global
    'tunnel select 3',
    'tunnel select none',
    'ip lan3 address 10.0.0.1/8',
    'pp select 4',
    'no pp select',
    'ip lan4 address 10.0.0.1/8',
  ].join('\n');
  const m = parseRtx(text);
  assert.equal(ctxOf(m, 'ip lan1'), 'none');
  assert.equal(ctxOf(m, 'ip pp mtu'), 'pp 1');
  assert.equal(ctxOf(m, 'ip tunnel mtu'), 'tunnel 2');
  assert.equal(ctxOf(m, 'ip pp remote'), 'pp anonymous');
  assert.equal(ctxOf(m, 'ip lan2'), 'none');
  assert.equal(ctxOf(m, 'ip lan3'), 'none');
  assert.equal(ctxOf(m, 'ip lan4'), 'none');
  // A select command is executed in the context before it.
  assert.equal(ctxOf(m, 'tunnel select 2'), 'pp 1');
  assert.deepEqual(
    m.blocks.map((b) => `${contextLabel(b.context)}:${b.commands.length}`),
    ['pp 1:1', 'tunnel 2:1', 'pp anonymous:1', 'tunnel 3:0', 'pp 4:0'],
  );
  assert.equal(m.problems.length, 0);
});

test('pp select none does not clear a tunnel; bad select arguments are problems', () => {
  const m = parseRtx('tunnel select 1\npp select none\nip tunnel mtu 1280\npp select\ntunnel select x\n');
  assert.equal(ctxOf(m, 'ip tunnel mtu'), 'tunnel 1');
  assert.deepEqual(
    m.problems.map((p) => p.message),
    ["pp select: missing pp number (or 'none')", "tunnel select: 'x' is not a tunnel number or 'none'"],
  );
});

test('here-documents are content, not commands', () => {
  const text = [
    'embedded file lua1 <<EOF',
    'ip filter 1 reject * * * * *',
    '-- pp select 1',
    'EOF',
    'macro -v check <<EOM',
    '  show status',
    'EOM',
    'ip filter 2 pass *',
  ].join('\n');
  const m = parseRtx(text);
  assert.deepEqual(cmdTexts(m), ['embedded file lua1 <<EOF', 'macro -v check <<EOM', 'ip filter 2 pass *']);
  assert.equal(m.heredocs.length, 2);
  assert.equal(slice(m, m.heredocs[0].content), 'ip filter 1 reject * * * * *\n-- pp select 1');
  assert.equal(m.heredocs[0].terminator, 'EOF');
  assert.equal(m.filters.static.size, 1);
  assert.equal(m.blocks.length, 0);
});

test('an unterminated here-document swallows the rest and is reported', () => {
  const m = parseRtx('embedded file x <<EOF\nip filter 1 pass *\n');
  assert.equal(m.commands.length, 1);
  assert.match(m.problems[0].message, /here-document is not closed/);
  assert.equal(slice(m, m.problems[0].range), '<<EOF');
});

test('unknown commands and operational commands are kept', () => {
  const m = parseRtx('frobnicate everything now\nsave\nshow config\n200032\n');
  assert.deepEqual(cmdTexts(m), ['frobnicate everything now', 'save', 'show config', '200032']);
  assert.equal(m.problems.length, 0);
});

test('over-long lines are reported from column 4095', () => {
  const long = `description 1 ${'x'.repeat(5000)}`;
  const m = parseRtx(`${long}\n`);
  assert.equal(m.problems.length, 1);
  assert.deepEqual(m.problems[0].range, { start: 4095, end: long.length });
});
