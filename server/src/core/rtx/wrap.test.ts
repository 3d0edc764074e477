import assert from 'node:assert/strict';
import { test } from 'node:test';
import { words } from './command';
import { parseRtx } from './parse';

/** A line padded with filter numbers to exactly `width` characters. */
function cut(prefix: string, width: number): { line: string; rest: string; whole: string } {
  let whole = prefix;
  for (let n = 200000; whole.length < width + 20; n++) whole += ` ${n}`;
  return { line: whole.slice(0, width), rest: whole.slice(width), whole };
}

test('a 79-character line continued by a number is joined into one command', () => {
  const c = cut(' ip pp secure filter out', 79);
  assert.match(c.rest, /^\d/); // cut inside a number, as terminals do
  const text = `pp select 1\n${c.line}\n${c.rest}\n pp enable 1\n`;
  const m = parseRtx(text);
  assert.equal(m.wraps.length, 1);
  assert.deepEqual(m.wraps[0].breakRange, { start: text.indexOf('\n', 12), end: text.indexOf('\n', 12) + 1 });
  assert.equal(m.wraps[0].joined, true);
  assert.equal(m.wraps[0].width, 79);
  const cmd = m.commands[1];
  assert.equal(cmd.line, 1);
  assert.equal(cmd.lastLine, 2);
  assert.equal(words(cmd).map((t) => t.value).join(' '), c.whole.trim());
  assert.deepEqual(m.problems, []);
  // The number split by the line break maps back to both physical lines.
  const split = cmd.tokens.find((t) => t.range.start < m.wraps[0].breakRange.start && t.range.end > m.wraps[0].breakRange.end)!;
  assert.ok(split, 'a token spans the line break');
  assert.equal(split.value, c.whole.slice(c.line.lastIndexOf(' ') + 1, c.line.length + c.rest.indexOf(' ')));
  assert.equal(text.slice(split.range.start, split.range.end).replace('\n', ''), split.value);
  assert.deepEqual(split.map.docRange(split.value.length - 1, split.value.length), { start: split.range.end - 1, end: split.range.end });
  assert.equal(m.bindings[0].list.length, words(cmd).length - 5);
  assert.equal(m.commands[2].context.kind, 'pp'); // the next line is still a command of the block
});

test('continuations that start with a space after an 80-column line; chains of wraps', () => {
  const a = cut('ip lan1 secure filter in', 80);
  const text = `${a.line}\n 200099\n`;
  const m = parseRtx(text);
  assert.equal(m.wraps.length, 1);
  assert.equal(m.wraps[0].width, 80);
  assert.equal(m.commands.length, 1);
  assert.equal(m.bindings[0].list[m.bindings[0].list.length - 1].num, 200099);

  const long = cut('ip lan2 secure filter out', 79 * 2 + 10);
  const lines = [long.whole.slice(0, 79), long.whole.slice(79, 158), long.whole.slice(158)];
  const m2 = parseRtx(`${lines.join('\n')}\n`);
  assert.equal(m2.wraps.length, 2);
  assert.equal(m2.commands.length, 1);
  assert.equal(words(m2.commands[0]).map((t) => t.value).join(' '), long.whole);
});

test('no join when the next line is a command, a comment, blank, or the line opens a here-document', () => {
  const a = cut('ip lan1 secure filter in', 79);
  for (const next of ['ip lan1 address 192.168.1.1/24', '# comment', '', ' pp enable 1', 'no ip filter 1']) {
    const m = parseRtx(`${a.line}\n${next}\n`);
    assert.equal(m.wraps.length, 0, next);
  }
  const heredoc = `embedded file x${' '.repeat(79 - 'embedded file x <<EOF'.length)} <<EOF`;
  assert.equal(heredoc.length, 79);
  assert.equal(parseRtx(`${heredoc}\nabc\nEOF\n`).wraps.length, 0);
  // Lines of other lengths are never joined.
  assert.equal(parseRtx(`${a.line.slice(0, 78)}\n6 200027\n`).wraps.length, 0);
});

test('a wrapped header comment is one comment; joining can be turned off', () => {
  const header = '# main:  RTX1210 ver=00 serial=S00000000 MAC-Address=00:a0:de:00:00:01 MAC-Addr';
  assert.equal(header.length, 79);
  const text = `# RTX1210 Rev.14.01.42 (x)\n${header}\ness=00:a0:de:00:00:02\nip lan1 address 192.168.1.1/24\n`;
  const m = parseRtx(text);
  assert.equal(m.wraps.length, 1);
  assert.equal(m.commands.length, 1);
  assert.equal(m.comments.length, 2);
  assert.equal(text.slice(m.comments[1].start, m.comments[1].end), `${header}\ness=00:a0:de:00:00:02`);

  const a = cut(' ip pp secure filter out', 79);
  const off = parseRtx(`pp select 1\n${a.line}\n${a.rest}\n`, undefined, { joinWrappedLines: false });
  assert.equal(off.wraps.length, 1);
  assert.equal(off.wraps[0].joined, false);
  assert.equal(off.commands.length, 3); // the continuation is a command of its own
  assert.equal(off.options.joinWrappedLines, false);
});

test('CRLF line breaks are part of the break range', () => {
  const a = cut('ip lan1 secure filter in', 79);
  const text = `${a.line}\r\n 1 2\r\n`;
  const m = parseRtx(text);
  assert.deepEqual(m.wraps[0].breakRange, { start: 79, end: 81 });
  assert.equal(m.commands[0].lineRange.end, text.length - 2);
});
