import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeEncodedWords, decodeQuotedPrintable, decodeBytes, parseHeaders } from './mime';
import { joinReply, parseBounce } from './parse';
import { expectedBounces, readBounce } from './testdata';

describe('bounce fixtures', () => {
  const expected = expectedBounces();
  test('there are at least 20 fixtures', () => {
    assert.ok(Object.keys(expected).length >= 20, String(Object.keys(expected).length));
  });
  for (const [name, want] of Object.entries(expected)) {
    test(name, () => {
      const text = readBounce(name);
      const b = parseBounce(text);
      assert.equal(b.status, want.status, 'status');
      assert.deepEqual(b.remoteMta ?? {}, want.remoteMta, 'remote MTA');
      if (want.replyCode !== undefined) assert.equal(b.replyCode, want.replyCode, 'reply code');
      if (want.phase !== undefined) assert.equal(b.phase, want.phase, 'phase');
      if (want.recipients) assert.deepEqual(b.recipients, want.recipients, 'recipients');
      assert.ok(b.recipients.length > 0, 'a recipient');
      // The reply's range lies in the text; where it is exact it starts at the reply code.
      if (b.replyRange) {
        assert.ok(0 <= b.replyRange.start && b.replyRange.start <= b.replyRange.end && b.replyRange.end <= text.length);
        if (b.replyRangeExact && b.replyCode !== undefined) assert.ok(text.slice(b.replyRange.start).startsWith(String(b.replyCode)), text.slice(b.replyRange.start, b.replyRange.start + 30));
      }
      if (b.reply) {
        assert.doesNotMatch(b.reply, /\n/);
        // Continuation prefixes are gone: the code appears once at the start.
        if (b.replyCode !== undefined && b.status) assert.ok(!b.reply.slice(4).includes(`${b.replyCode}-${b.status}`), b.reply);
      }
    });
  }
});

describe('line ends and leading blank lines', () => {
  for (const name of Object.keys(expectedBounces())) {
    test(`${name} with CRLF and a blank first line reads the same`, () => {
      const lf = parseBounce(readBounce(name));
      const text = '\r\n' + readBounce(name).replace(/\r?\n/g, '\r\n');
      const crlf = parseBounce(text);
      for (const k of ['status', 'reply', 'replyCode', 'remoteMta', 'recipients', 'phase', 'reportingMta', 'subject', 'source'] as const) assert.deepEqual(crlf[k], lf[k], k);
      if (crlf.replyRange && crlf.replyRangeExact) assert.equal(text.slice(crlf.replyRange.start, crlf.replyRange.end).replace(/\r\n/g, '\n'), readBounce(name).slice(lf.replyRange!.start, lf.replyRange!.end));
    });
  }
});

describe('layouts', () => {
  test('Gmail multi-line reply joined, with the range over the whole Diagnostic-Code value', () => {
    const text = readBounce('gmail-5.7.26-unauthenticated.eml');
    const b = parseBounce(text);
    assert.equal(b.source, 'dsn');
    assert.equal(b.dsn, true);
    assert.match(b.reply!, /^550 5\.7\.26 Your email has been blocked because the sender is unauthenticated\. Gmail requires all senders to authenticate with either SPF or DKIM\. Authentication results: DKIM = did not pass SPF \[example\.jp\] with ip: \[203\.0\.113\.25\] = did not pass For instructions/);
    assert.match(b.reply!, /- gsmtp$/);
    const slice = text.slice(b.replyRange!.start, b.replyRange!.end);
    assert.ok(slice.startsWith('550-5.7.26 Your email'));
    assert.ok(slice.endsWith('- gsmtp'));
    assert.equal(b.reportingMta, 'mail.example.jp');
    assert.equal(b.arrivalDate, 'Thu, 27 Nov 2026 10:14:58 +0900 (JST)');
    assert.deepEqual(b.dsnRecipients[0], {
      finalRecipient: 'sato.hanako@gmail.com',
      originalRecipient: 'sato.hanako@gmail.com',
      action: 'failed',
      status: '5.7.26',
      remoteMta: 'dns; gmail-smtp-in.l.google.com',
      diagnosticCode: b.dsnRecipients[0].diagnosticCode,
      lastAttemptDate: undefined,
    });
    assert.match(b.dsnRecipients[0].diagnosticCode!, /^smtp; 550-5\.7\.26 Your email/);
  });

  test('a pasted Gmail reply without any headers', () => {
    const text = [
      '550-5.7.26 This mail has been blocked because the sender is',
      '550-5.7.26 unauthenticated. Gmail requires all senders to authenticate',
      '550 5.7.26 with either SPF or DKIM. - gsmtp',
      '',
      'unrelated trailing line',
    ].join('\n');
    const b = parseBounce(text);
    assert.equal(b.source, 'reply-lines');
    assert.equal(b.reply, '550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. - gsmtp');
    assert.deepEqual(b.replyRange, { start: 0, end: text.indexOf('\n\n') });
    assert.equal(b.replyRangeExact, true);
  });

  test('Postfix plain text: host, address, phase, recipient', () => {
    const text = '<a@example.net>: host mx.example.net[192.0.2.9] said: 550 5.7.1 <a@example.net>:\n    Relay access denied (in reply to RCPT TO command)\n';
    const b = parseBounce(text);
    assert.equal(b.source, 'postfix');
    assert.equal(b.reply, '550 5.7.1 <a@example.net>: Relay access denied');
    assert.deepEqual(b.remoteMta, { host: 'mx.example.net', ip: '192.0.2.9' });
    assert.equal(b.phase, 'RCPT');
    assert.deepEqual(b.recipients, ['a@example.net']);
    assert.equal(text.slice(b.replyRange!.start, b.replyRange!.end), '550 5.7.1 <a@example.net>:\n    Relay access denied');
  });

  test('Postfix connect failure and IPv6 host', () => {
    const b = parseBounce(
      'This is the mail system at host mail.example.jp.\n\n<x@example.org>: connect to mx.example.org[IPv6:2001:db8::25]:25: Connection refused\n',
    );
    assert.equal(b.phase, 'connect');
    assert.deepEqual(b.remoteMta, { host: 'mx.example.org', ip: '2001:db8::25' });
    assert.equal(b.reportingMta, 'mail.example.jp');
    assert.equal(b.replyCode, undefined);
    const c = parseBounce('<y@example.org>: host mx.example.org[IPv6:2001:db8::26] said: 550 5.1.1 no such user (in reply to RCPT TO command)');
    assert.deepEqual(c.remoteMta, { host: 'mx.example.org', ip: '2001:db8::26' });
  });

  test('Exim, older layout: host after the SMTP error line', () => {
    const text = [
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  bob@example.org',
      '    SMTP error from remote mail server after end of data:',
      '    host mx.example.org [198.51.100.3]: 554 5.7.1 Message rejected as spam',
      '',
    ].join('\n');
    const b = parseBounce(text);
    assert.equal(b.source, 'exim');
    assert.equal(b.phase, 'DATA');
    assert.deepEqual(b.remoteMta, { host: 'mx.example.org', ip: '198.51.100.3' });
    assert.equal(b.reply, '554 5.7.1 Message rejected as spam');
    assert.deepEqual(b.recipients, ['bob@example.org']);
  });

  test('Exim: the copy of the original message is not read', () => {
    const b = parseBounce(readBounce('exim-spamhaus-listed.txt'));
    assert.equal(b.source, 'exim');
    assert.equal(b.reportingMta, 'relay.example.jp');
    assert.match(b.reply!, /blocked using zen\.spamhaus\.org/);
  });

  test('Sendmail: the <<< reply after >>> DATA, the host it talked to', () => {
    const b = parseBounce(readBounce('sendmail-5.1.1-user-unknown.eml'));
    assert.equal(b.reply, '550 5.1.1 <tomoko.old@partner.example.com>... User unknown');
    assert.equal(b.phase, 'DATA');
    assert.equal(b.reportingMta, 'gw.example.jp');
  });

  test('Exchange: Remote Server returned, with and without "at host (ip)", and the legacy form', () => {
    const a = parseBounce("Diagnostic information for administrators:\n\nGenerating server: EX01.corp.example\n\nx@example.org\nRemote Server at mx.example.org (198.51.100.8) returned '550 5.7.1 Unfortunately, messages from [203.0.113.25] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).'\n");
    assert.equal(a.source, 'exchange');
    assert.deepEqual(a.remoteMta, { host: 'mx.example.org', ip: '198.51.100.8' });
    assert.equal(a.status, '5.7.1');
    assert.match(a.reply!, /\(S3150\)\.$/);
    assert.equal(a.reportingMta, 'EX01.corp.example');
    assert.deepEqual(a.recipients, ['x@example.org']);
    const b = parseBounce("x@example.org\nRemote Server returned '<mx.example.org #5.0.0 smtp;550 Requested action not taken: mailbox unavailable>'\n");
    assert.equal(b.replyCode, 550);
    assert.equal(b.status, '5.0.0');
    assert.equal(b.reply, '550 Requested action not taken: mailbox unavailable');
  });

  test('qmail: sender rejected → MAIL phase; local failure with (#5.1.2)', () => {
    const a = parseBounce("Hi. This is the qmail-send program at mx.example.net.\n\n<u@example.org>:\nConnected to 198.51.100.4 but sender was rejected.\nRemote host said: 553 5.7.1 Sender address rejected: not owned by user\n\n");
    assert.equal(a.phase, 'MAIL');
    assert.deepEqual(a.remoteMta, { ip: '198.51.100.4' });
    assert.equal(a.reply, '553 5.7.1 Sender address rejected: not owned by user');
    assert.equal(a.reportingMta, 'mx.example.net');
    const b = parseBounce("Hi. This is the qmail-send program at mx.example.net.\n\n<u@nowhere.example>:\nSorry, I couldn't find any host named nowhere.example. (#5.1.2)\n\n");
    assert.equal(b.status, '5.1.2');
    assert.equal(b.replyCode, undefined);
  });

  test('bare delivery-status fields (a pasted report part), folded Diagnostic-Code', () => {
    const text = 'Reporting-MTA: dns; mail.example.jp\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.2.2\nRemote-MTA: dns; mx.example.com [198.51.100.2]\nDiagnostic-Code: smtp; 552-5.2.2 The email account that you tried to reach is\n over quota.\n552 5.2.2 Please direct the recipient elsewhere.\n';
    const b = parseBounce(text);
    assert.equal(b.dsn, true);
    assert.equal(b.reply, '552 5.2.2 The email account that you tried to reach is over quota.');
    assert.deepEqual(b.remoteMta, { host: 'mx.example.com', ip: '198.51.100.2' });
    assert.deepEqual(b.recipients, ['a@example.com']);
  });

  test('Japanese ISO-2022-JP notice and RFC 2047 subject', () => {
    const b = parseBounce(readBounce('japanese-iso-2022-jp-unknown-user.eml'));
    assert.equal(b.subject, '配信エラーのお知らせ');
    assert.match(b.notice, /宛先不明/);
    assert.equal(b.reply, '550 5.1.1 <keitai-user@mobile.example.jp>: Unknown user');
    assert.equal(b.replyRangeExact, false);
  });

  test('a notice without any SMTP reply: the status comes from the DSN, the range points at it', () => {
    const text = readBounce('japanese-utf8-base64-mailbox-full.eml');
    const b = parseBounce(text);
    assert.equal(b.reply, undefined);
    assert.equal(b.status, '5.2.2');
    assert.equal(text.slice(b.replyRange!.start, b.replyRange!.end), '5.2.2');
    assert.match(b.notice, /容量が一杯/);
  });

  test('nothing recognisable: a problem with a range, no exception', () => {
    const b = parseBounce('hello\nworld');
    assert.equal(b.reply, undefined);
    assert.deepEqual(b.problems, [{ message: 'no SMTP reply or enhanced status code found', range: { start: 0, end: 5 } }]);
    assert.deepEqual(parseBounce('').problems.length, 1);
  });
});

describe('joinReply', () => {
  test('drops continuation prefixes, inline repeats, the diagnostic type and <<<', () => {
    assert.deepEqual(joinReply('smtp; 421-4.7.0 first\n 421-4.7.0 second 421 4.7.0 third'), { reply: '421 4.7.0 first second third', code: 421, status: '4.7.0' });
    assert.deepEqual(joinReply('<<< 550-Line one\n<<< 550 Line two'), { reply: '550 Line one Line two', code: 550, status: undefined });
    assert.deepEqual(joinReply('550 #5.1.0 Address rejected.'), { reply: '550 5.1.0 Address rejected.', code: 550, status: '5.1.0' });
    assert.deepEqual(joinReply('Host or domain name not found.'), { reply: 'Host or domain name not found.', status: undefined });
    assert.deepEqual(joinReply('  \n '), { reply: '' });
  });
});

describe('mime', () => {
  test('encoded words: B and Q, adjacent words joined', () => {
    assert.equal(decodeEncodedWords('=?UTF-8?B?6YWN5L+h?= =?UTF-8?Q?=E5=A4=B1=E6=95=97?= x'), '配信失敗 x');
    assert.equal(decodeEncodedWords('Re: =?iso-8859-1?q?caf=E9_noir?='), 'Re: café noir');
    assert.equal(decodeEncodedWords('=?bogus?B?!!!?='), '');
  });
  test('quoted-printable soft breaks and bytes', () => {
    assert.equal(decodeBytes(decodeQuotedPrintable('a=3D1 =\r\nb=E3=81=82'), 'utf-8'), 'a=1 bあ');
  });
  test('folded header fields keep their pieces and offsets', () => {
    const text = 'Status: 5.1.1\nDiagnostic-Code: smtp; 550 a\n  b\n\nbody';
    const h = parseHeaders(text, 0, text.length);
    assert.deepEqual(
      h.fields.map((f) => [f.name, f.value, text.slice(f.valueStart, f.end)]),
      [
        ['status', '5.1.1', '5.1.1'],
        ['diagnostic-code', 'smtp; 550 a  b', 'smtp; 550 a\n  b'],
      ],
    );
    assert.equal(text.slice(h.bodyStart), 'body');
  });
});
