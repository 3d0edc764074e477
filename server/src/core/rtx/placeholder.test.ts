import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markers } from '../testing';
import { parseRtx } from './parse';

function placeholders(src: string): { got: { start: number; end: number }[]; want: { start: number; end: number }[]; messages: string[] } {
  const { text, ranges } = markers(src);
  const m = parseRtx(text);
  return { got: m.problems.map((p) => p.range), want: ranges, messages: m.problems.map((p) => p.message) };
}

test('template placeholders are syntax problems: <?= ?> tags, <id>, YOUR_…, masked values, fill-in notes', () => {
  const r = placeholders(
    [
      'pp select 1',
      ' pp auth myname [[<?= $_[0]->{user} ?>]] [[<?= $_[0]->{pw} ?>]]',
      'ipsec ike local address 1 [[YOUR_LOCAL_NETWORK_ADDRESS]]',
      'ipsec ike local address id [[<id>]] 0.0.0.0/0',
      'bgp autonomous-system [[YOUR_BGP_ASN]]',
      'tunnel select 1',
      ' tunnel endpoint address [[XXXX:XXXX::XXXX:XXX]]',
      'dhcp scope bind 1 192.168.100.111 ethernet [[XX:XX:XX:XX:XX:XX]]',
      'dns server [[(ISPより指定されたDNSサーバー)]]',
      'tunnel hb46pp auth myname [[( ユーザー )]] [[( パスワード )]]',
    ].join('\n'),
  );
  assert.deepEqual(r.got, r.want);
  assert.match(r.messages[0], /^template tag '<\?= \$_\[0\]->\{user\} \?>' must be replaced with a real value/);
  assert.match(r.messages[2], /^placeholder 'YOUR_LOCAL_NETWORK_ADDRESS' must be replaced/);
  const text = 'pp select 1\n pp auth myname [プロバイダ提供アカウント名] secret\n';
  const m = parseRtx(text);
  assert.deepEqual(
    m.problems.map((p) => text.slice(p.range.start, p.range.end)),
    ['[プロバイダ提供アカウント名]'],
  );
});

test('free text, quoted values, heredoc markers and ordinary words are not placeholders', () => {
  const r = placeholders(
    [
      'description lan1 本社(東京) [メイン]',
      'console prompt "[RTX1210] "',
      'embedded file x.lua <<EOF',
      'print("<id>")',
      'EOF',
      'ip filter 1 pass 192.168.1.1 (10.0.0.1)',
      'login user admin XXL',
    ].join('\n'),
  );
  assert.equal(r.messages.length, 1);
  assert.match(r.messages[0], /^destination address: '\(10\.0\.0\.1\)' is not an address/);
});

test('a field check inside a placeholder wins (reported once, naming the field)', () => {
  const m = parseRtx('ip filter 1040 pass (拠点の固定グローバルIPアドレス) * udp * 500\n');
  assert.equal(m.problems.length, 1);
  assert.match(m.problems[0].message, /^source address: /);
});
