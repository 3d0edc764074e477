import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from './engine';
import { mailServersFromZone } from './mailServers';
import type { ZoneModel } from './zone/model';

function facts(text: string) {
  return mailServersFromZone(parseDocument('zone', text).model as ZoneModel);
}

test('MX hosts resolved in the zone and single-host ip4/ip6 terms are mail servers', () => {
  const zone = [
    '$ORIGIN example.jp.',
    '@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5',
    '@ IN MX 10 mail',
    '@ IN MX 20 mx2.example.jp.',
    '@ IN MX 30 mx.other.example.',
    '@ IN TXT "v=spf1 ip4:203.0.113.25 ip4:198.51.100.0/24 ip4:192.0.2.7/32 ip6:2001:db8::25 mx -all"',
    'mail IN A 203.0.113.25',
    'mx2 IN A 203.0.113.26',
    'mx2 IN AAAA 2001:db8::26',
    'www IN A 203.0.113.80',
  ].join('\n');
  assert.deepEqual(facts(zone), [
    { address: '203.0.113.25', source: 'MX mail.example.jp.' },
    { address: '203.0.113.26', source: 'MX mx2.example.jp.' },
    { address: '2001:db8::26', source: 'MX mx2.example.jp.' },
    { address: '192.0.2.7', source: 'SPF ip4: of example.jp.' },
    { address: '2001:db8::25', source: 'SPF ip6: of example.jp.' },
  ]);
});

test('mistyped SPF records and invalid addresses give nothing', () => {
  const zone = '$ORIGIN example.jp.\n@ IN TXT "v-spf1 ip4:203.0.113.25 -all"\n@ IN TXT "v=spf1 ip4:AAA.BBB.CCC.DDD -all"\n';
  assert.deepEqual(facts(zone), []);
});
