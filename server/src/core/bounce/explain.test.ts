import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAUSES } from './causes';
import { explainBounce, explainBounceText, matchCause } from './explain';
import { parseBounce } from './parse';
import { statusMeaning } from './statusCodes';
import { expectedBounces, readBounce } from './testdata';

describe('every fixture gets its expected cause', () => {
  for (const [name, want] of Object.entries(expectedBounces())) {
    test(`${name} → ${want.cause}`, () => {
      const e = explainBounce(parseBounce(readBounce(name)));
      assert.equal(e.cause.id, want.cause, e.evidence);
      assert.ok(e.cause.explanation.startsWith(`Evidence: ${e.evidence}.`));
    });
  }
});

const cause = (reply: string) => explainBounceText(reply).explanation;

describe('targeted cases', () => {
  test('Gmail 5.7.26 with DMARC wording is a DMARC rejection, and the evidence names both', () => {
    const e = cause("550-5.7.26 Unauthenticated email from example.jp is not accepted due to domain's\n550-5.7.26 DMARC policy. Please contact the administrator of example.jp domain\n550 5.7.26 if this was a legitimate mail. - gsmtp");
    assert.equal(e.cause.id, 'dmarc-reject');
    assert.equal(e.evidence, "enhanced status 5.7.26 and the words 'DMARC policy'");
    assert.ok(e.relatedRules.includes('dkim-bad-key'));
  });

  test('Gmail 5.7.26 without wording is unauthenticated', () => {
    assert.equal(cause('550 5.7.26 blocked - gsmtp').cause.id, 'unauthenticated');
  });

  test('the incident wording (5.7.1) is unauthenticated, not spam, although it says "spam"', () => {
    const e = cause('550-5.7.1 This message does not have authentication information or fails to\n550-5.7.1 pass authentication checks. To best protect our users from spam, the\n550 5.7.1 message has been blocked.');
    assert.equal(e.cause.id, 'unauthenticated');
    assert.deepEqual(e.relatedRules, ['spf-missing-record', 'spf-unauthorised-host', 'spf-version-typo', 'spf-permissive-all', 'sender-requirements', 'dmarc-version', 'dkim-bad-key']);
  });

  test('SPF wording and codes', () => {
    assert.equal(cause('550 5.7.23 SPF validation failed').cause.id, 'spf-fail');
    assert.equal(cause('550 5.7.1 SPF check failed for example.jp').cause.id, 'spf-fail');
    assert.equal(cause("550 5.7.1 Sender is not allowed to send mail from example.jp").cause.id, 'spf-fail');
  });

  test('blocklists: Spamhaus, Barracuda, SpamCop, Microsoft S3150, Yahoo TSS', () => {
    for (const r of [
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
      '554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation',
      '550 5.7.1 Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1',
      '550 5.7.1 Unfortunately, messages from [192.0.2.1] weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3150).',
      '421 4.7.0 [TSS09] All messages from 192.0.2.1 will be permanently deferred',
    ]) {
      const e = cause(r);
      assert.equal(e.cause.id, 'blocklisted-ip', r);
      assert.deepEqual(e.relatedRules, ['rtx-smtp-egress-open', 'log-infected-host']);
    }
  });

  test('Postfix reverse DNS wording is ptr-missing even with a 4.7.1 code', () => {
    assert.equal(cause('450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.7]').cause.id, 'ptr-missing');
  });

  test('relay, TLS, size, full, greylisting, rate, DNS', () => {
    assert.equal(cause('550 5.7.1 Relaying denied').cause.id, 'relay-denied');
    assert.equal(cause('530 5.7.0 Must issue a STARTTLS command first').cause.id, 'tls-required');
    assert.equal(cause('552 5.2.3 Message length exceeds administrative limit').cause.id, 'message-too-large');
    assert.equal(cause('552 5.2.2 Mailbox size limit exceeded').cause.id, 'mailbox-full');
    assert.equal(cause('452 4.2.2 The email account that you tried to reach is over quota.').cause.id, 'mailbox-full');
    assert.equal(cause('451 4.7.1 Greylisting in action, please come back later').cause.id, 'greylisted');
    assert.equal(cause('421 4.7.0 Try again later, closing connection.').cause.id, 'rate-limited');
    assert.equal(cause('550 5.1.2 Bad destination system address').cause.id, 'dns-failure');
    assert.equal(cause('550 5.7.1 Message rejected: identified as spam').cause.id, 'content-spam');
    assert.equal(cause('550 5.4.1 Recipient address rejected: Access denied. AS(201806281)').cause.id, 'mailbox-unknown');
  });

  test('an unmatched status is explained from RFC 3463', () => {
    const e = cause('550 5.1.6 Moved');
    assert.equal(e.cause.id, 'unknown');
    assert.match(e.cause.explanation, /Reply code 550 is a permanent failure\. Enhanced status 5\.1\.6: permanent failure .*addressing status: destination mailbox has moved, no forwarding address\./);
    assert.deepEqual(e.relatedRules, []);
    const plain = cause('554 Message not allowed here');
    assert.equal(plain.cause.id, 'unknown');
    assert.equal(plain.evidence, 'reply code 554');
    assert.match(plain.cause.explanation, /Reply code 554 is a permanent failure\./);
    const none = cause('nothing here');
    assert.equal(none.cause.id, 'unknown');
    assert.equal(none.evidence, 'nothing recognised');
  });

  test('statusMeaning: registered, unregistered, malformed', () => {
    assert.equal(statusMeaning('4.4.3')?.detail, 'directory server failure (DNS)');
    assert.equal(statusMeaning('5.7.999')?.detail, undefined);
    assert.match(statusMeaning('5.7.999')!.text, /detail not registered/);
    assert.equal(statusMeaning('3.1.1'), undefined);
    assert.equal(statusMeaning(undefined), undefined);
  });

  test('cause data: unique ids, every cause has rules as data, a title, an explanation and a fix', () => {
    const ids = CAUSES.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of CAUSES) {
      assert.match(c.id, /^[a-z]+(-[a-z0-9]+)*$/);
      assert.ok(c.title && c.explanation.length > 40 && c.fix.length > 40, c.id);
      assert.ok(c.matchers.length > 0 && c.matchers.every((m) => m.status || m.words || m.codes), c.id);
    }
    assert.deepEqual(
      ['spf-fail', 'unauthenticated', 'dkim-fail', 'dmarc-reject', 'blocklisted-ip', 'ptr-missing', 'relay-denied', 'mailbox-unknown', 'mailbox-full', 'message-too-large', 'rate-limited', 'tls-required', 'content-spam', 'dns-failure'].filter((id) => !ids.includes(id)),
      [],
    );
    assert.equal(matchCause(undefined, undefined, ''), undefined);
  });
});

test('every rule a cause names is a registered rule', async () => {
  const { CAUSES } = await import('./causes');
  const { ZONE_RULES, RTX_RULES, LOG_RULES } = await import('../registry');
  const ids = new Set([...ZONE_RULES, ...RTX_RULES, ...LOG_RULES].map((r) => r.meta.id));
  assert.deepEqual(CAUSES.flatMap((c) => c.rules.filter((r) => !ids.has(r)).map((r) => `${c.id}: ${r}`)), []);
});
