import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover, makeContext, parseDocument } from '../engine';
import { markers } from '../testing';

/** Hover at the `|` of the fixture; returns the hover range as text and the contents. */
function hoverAt(src: string): { on: string; contents: string } | undefined {
  const { text, cursor } = markers(src, { cursor: true });
  const doc = parseDocument('zone', text);
  const h = hover(doc, cursor!, makeContext());
  return h && { on: text.slice(h.range.start, h.range.end), contents: h.contents };
}

test('hover on a record type shows its description, number and RFC', () => {
  const h = hoverAt('$ORIGIN example.com.\nwww IN T|XT "hello"\n');
  assert.equal(h?.on, 'TXT');
  assert.match(h!.contents, /^\*\*TXT\*\* — record type 16/);
  assert.match(h!.contents, /RFC 1035 §3\.3\.14\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc1035#section-3\.3\.14\)/);
  const mx = hoverAt('www 300 IN |mx 10 mail\n');
  assert.equal(mx?.on, 'mx');
  assert.match(mx!.contents, /\*\*MX\*\* — record type 15/);
});

test('hover on generic and obsolete types', () => {
  const t16 = hoverAt('a TYPE|16 \\# 0\n');
  assert.match(t16!.contents, /\*\*TXT\*\*/);
  assert.match(t16!.contents, /generic form `TYPE16`/);
  const unknown = hoverAt('a |TYPE65534 \\# 0\n');
  assert.match(unknown!.contents, /\*\*TYPE65534\*\* — record type 65534/);
  const spf = hoverAt('a |SPF "v=spf1 -all"\n');
  assert.match(spf!.contents, /obsolete/);
  assert.match(spf!.contents, /MUST be published as TXT/);
});

test('hover on TTL values shows human units', () => {
  assert.deepEqual(hoverAt('www 36|00 IN A 192.0.2.1\n')?.on, '3600');
  assert.match(hoverAt('www 36|00 IN A 192.0.2.1\n')!.contents, /^\*\*TTL\*\* `3600` = 1 hour/);
  assert.match(hoverAt('www IN 1h|30m A 192.0.2.1\n')!.contents, /`1h30m` = 5400 seconds = 1 hour 30 minutes/);
  assert.match(hoverAt('$TTL 8|6400\n')!.contents, /^\*\*Default TTL\*\* `86400` = 1 day/);
});

test('hover on $ORIGIN and $TTL directives', () => {
  const origin = hoverAt('$OR|IGIN Example.com.\n');
  assert.equal(origin?.on, '$ORIGIN');
  assert.match(origin!.contents, /RFC 1035 §5\.1/);
  assert.match(origin!.contents, /`example\.com\.`/);
  assert.equal(hoverAt('$ORIGIN ex|ample.com.\n')?.contents, '**Origin** `example.com.`');
  const ttl = hoverAt('$T|TL 1h\n');
  assert.match(ttl!.contents, /RFC 2308 §4/);
  assert.match(ttl!.contents, /3600 = 1 hour/);
  assert.match(hoverAt('$GEN|ERATE 1-10/3 h$ A 192.0.2.$\n')!.contents, /4 records \(1 to 10, step 3\)/);
  assert.match(hoverAt('$INC|LUDE sub.db\n')!.contents, /\$INCLUDE/);
});

test('hover on owners, classes and SOA timers', () => {
  assert.match(hoverAt('$ORIGIN example.com.\nw|ww A 192.0.2.1\n')!.contents, /`www\.example\.com\.`/);
  assert.match(hoverAt('www |IN A 192.0.2.1\n')!.contents, /\*\*Class IN\*\* — Internet/);
  const refresh = hoverAt('@ SOA ns1 host ( 1 2|h 15m 1w 300 )\n');
  assert.equal(refresh?.on, '2h');
  assert.match(refresh!.contents, /SOA REFRESH\*\* `2h` = 7200 seconds = 2 hours/);
  assert.match(hoverAt('@ SOA ns1 host ( 1 2h 15m 1w 3|00 )\n')!.contents, /MINIMUM.*5 minutes/s);
});

test('hover on an RPZ trigger owner: the network it matches, or why BIND refuses it', () => {
  const rpz = '$ORIGIN rpz.example.\n@ SOA . . 1 1h 15m 1w 300\n@ NS .\n';
  assert.match(hoverAt(rpz + '128.2.zz.3|.2.2001.rpz-ip CNAME .\n')!.contents, /`rpz-ip` trigger: the policy applies when an address in the answer is in `2001:2:3::2\/128`/);
  assert.match(hoverAt(rpz + '24.0.2.0.1|92.rpz-client-ip CNAME .\n')!.contents, /the client's address is in `192\.0\.2\.0\/24`/);
  assert.match(hoverAt(rpz + '24.0.2.0.0|192.rpz-nsip CNAME .\n')!.contents, /trigger that BIND refuses: not in canonical form: write 24\.0\.2\.0\.192/);
  assert.doesNotMatch(hoverAt('$ORIGIN example.com.\nw|ww A 192.0.2.1\n')!.contents, /RPZ/);
});

test('no hover where nothing applies', () => {
  assert.equal(hoverAt('www A 19|2.0.2.1\n'), undefined);
  assert.equal(hoverAt('; com|ment\nwww A 192.0.2.1\n'), undefined);
  assert.equal(hoverAt('www A 192.0.2.1  |  \n'), undefined);
  assert.equal(hoverAt('|'), undefined);
});
