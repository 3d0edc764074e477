/**
 * log-smtp-passed: the log shows SMTP (TCP port 25) from a LAN host to an internet address that
 * the router let through — a `Passed at …` line of a `pass-log` filter or an `[INSPECT]` session —
 * while the host is not a known mail server. The egress filter that should stop it is missing.
 * One finding per host, on its first passed line.
 */
import type { Rule } from '../../rule';
import { describeFilters, describeSeen, plural, summarizeHosts, verdictOptionsFor } from '../analysis';
import type { LogModel } from '../model';

export const logSmtpPassed: Rule<LogModel> = {
  meta: {
    id: 'log-smtp-passed',
    language: 'rtxlog',
    severity: 'warning',
    description: 'SMTP (port 25) from a LAN host that is not a known mail server passed the router to the internet.',
  },
  check(model, ctx, report) {
    for (const r of summarizeHosts(model.analysis, verdictOptionsFor(ctx))) {
      if (!r.smtpPassed || !r.firstPassed) continue;
      const passing = r.filters.filter((f) => f.verdict === 'passed');
      report({
        range: r.firstPassed.range,
        message:
          `SMTP from ${r.host} to the internet passed the router: ${plural(r.passed, 'packet')} to ${plural(r.passedDestinations, 'host')} on port 25, ` +
          `first at ${describeSeen(r.firstPassed)}${passing.length > 0 ? ` (${describeFilters(passing)})` : ''}. ` +
          `${r.host} is not a known mail server; only mail servers should reach port 25 on the internet.`,
        data: { host: r.host, passed: r.passed },
      });
    }
  },
};
