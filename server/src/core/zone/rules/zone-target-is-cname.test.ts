import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, HEAD } from './testkit';

const ALIASES = HEAD + 'mail CNAME ns1\n@ MX 10 [[mail]]\n@ MX 20 ns1\n_sip._tcp SRV 0 0 5060 [[mail.example.com.]]\nsub NS mail\n';

test('zone-target-is-cname: MX and SRV targets', () => {
  expectFindings('zone-target-is-cname', ALIASES);
});

test('zone-ns-is-cname: an NS target that is an alias is an error', () => {
  const [f] = expectFindings('zone-ns-is-cname', ALIASES.replace(/\[\[|\]\]/g, '').replace('sub NS mail', 'sub NS [[mail]]'));
  assert.match(f.message, /NS target mail\.example\.com\. is a CNAME.*BIND refuses to load/);
  expectFindings('zone-ns-is-cname', HEAD + 'sub NS ns1\n');
});
