import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, parseDocument, readSettings } from '../core';
import type { RuleContext } from '../core/rule';
import { lookupAnalyses } from '../core/spf/lookups';
import type { DnsType, LookupResult, Resolver } from '../core/spf/resolver';
import type { ZoneModel } from '../core/zone/model';
import { LiveSpfAnswers } from './liveSpf';

const ZONE = '$ORIGIN example.jp.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN TXT "v=spf1 include:_spf.example.jp include:_a.provider.test -all"\n_spf IN TXT "v=spf1 a -all"\n_spf IN A 192.0.2.1\n';
const TABLE: Record<string, string> = {
  '_a.provider.test': 'v=spf1 include:_b.provider.test a a -all',
  '_b.provider.test': 'v=spf1 a a a a a a a ~all',
};

/** A resolver over TABLE that records what it is asked. */
function fake(asked: string[]): () => Resolver {
  return () => ({
    lookup<T extends DnsType>(name: string, type: T): Promise<LookupResult<T>> {
      asked.push(`${name} ${type}`);
      const v = TABLE[name];
      return Promise.resolve((v ? { records: [[v]] } : { error: 'nxdomain' }) as LookupResult<T>);
    },
  });
}

const model = parseDocument('zone', ZONE).model as ZoneModel;
const ctx = (enabled: boolean): RuleContext => makeContext(readSettings({ liveDns: { enabled } }), {});

test('off by default and never in an untrusted workspace: nothing is asked', async () => {
  const asked: string[] = [];
  const live = new LiveSpfAnswers(fake(asked));
  assert.equal(await live.expand(model, makeContext(), true), false);
  assert.equal(await live.expand(model, ctx(true), false), false);
  assert.deepEqual(asked, []);
  assert.equal(live.answers.size, 0);
});

test('enabled and trusted: external targets are asked round after round, zone names never', async () => {
  const asked: string[] = [];
  const live = new LiveSpfAnswers(fake(asked));
  assert.equal(await live.expand(model, ctx(true), true), true);
  assert.deepEqual(asked, ['_a.provider.test TXT', '_b.provider.test TXT']);
  const withAnswers = makeContext(ctx(true).settings, { dnsAnswers: live.answers });
  const [{ analysis }] = lookupAnalyses(model, withAnswers);
  // include:_spf (1 + a) + include:_a (1 + include:_b (1 + 7) + a + a) = 2 + 11
  assert.equal(analysis.total, 13);
  // Everything is known now: a second pass asks nothing and reports nothing new.
  const before = live.answers;
  assert.equal(await live.expand(model, ctx(true), true), false);
  assert.equal(asked.length, 2);
  assert.equal(live.answers, before);
});

test('changing the live DNS settings forgets the answers', async () => {
  const asked: string[] = [];
  const live = new LiveSpfAnswers(fake(asked));
  await live.expand(model, ctx(true), true);
  assert.equal(live.answers.size, 2);
  live.settingsChanged(readSettings({ liveDns: { enabled: true, timeoutMs: 900 } }));
  assert.equal(live.answers.size, 0);
});
