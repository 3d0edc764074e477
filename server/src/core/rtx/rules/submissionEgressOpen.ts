/**
 * rtx-submission-egress-open (information): where outbound SMTP (port 25) is open, says whether the
 * mail submission ports 465 (SMTPS) and 587 (submission) are open to any Internet address too.
 *
 * Submission needs the mailbox password, so leaving 465/587 open is the normal setup once port 25
 * is closed (Outbound Port 25 Blocking): mail clients keep reaching their providers' servers. The
 * note is therefore only shown next to an open port 25 — to make clear that closing 25 alone is the
 * fix — and disappears with it. A separate rule id so it can be turned off on its own.
 */
import type { Rule } from '../../rule';
import { ifaceKey } from '../command';
import type { RtxModel } from '../model';
import { leaksOf, smtpLeaks, uplinkRange } from './smtpEgressOpen';

export const RULE_ID = 'rtx-submission-egress-open';
export const SUBMISSION_PORTS = [465, 587] as const;

export const submissionEgressOpen: Rule<RtxModel> = {
  meta: {
    id: RULE_ID,
    language: 'rtx',
    severity: 'info',
    description: 'Where outbound SMTP is open, notes that the submission ports 465/587 are open too (normal: they need authentication).',
  },
  check(model, ctx, report) {
    for (const u of smtpLeaks(model, ctx)) {
      const open = SUBMISSION_PORTS.filter((port) => leaksOf(model, u.wan, u.dst, u.family, port).length > 0);
      if (open.length === 0) continue;
      const ports = open.join(' and ');
      report({
        range: uplinkRange(model, u.wan, u.leaks[0].out, u.family),
        message:
          `Mail submission (TCP ${ports}) from the LAN is open on ${ifaceKey(u.wan.iface)}${u.family === 6 ? ' over IPv6' : ''} as well. ` +
          `That is normal: submission needs the mailbox password, so mail clients keep working when only port 25 is closed.`,
        data: { family: u.family, wan: ifaceKey(u.wan.iface), ports: [...open] },
      });
    }
  },
};
