/**
 * log-infected-host: a LAN host that tried to send SMTP (TCP port 25) to many internet hosts —
 * at least `minAttempts` logged packets to at least `minDestinations` distinct destinations — is
 * most likely infected and sending spam. One finding per host, on the first line of that host.
 */
import type { Rule } from '../../rule';
import { describeDestinations, describeFilters, describeSeen, plural, summarizeHosts, verdictOptionsFor } from '../analysis';
import type { LogModel } from '../model';

export const logInfectedHost: Rule<LogModel> = {
  meta: {
    id: 'log-infected-host',
    language: 'rtxlog',
    severity: 'warning',
    description: 'A LAN host made many SMTP (port 25) attempts to many internet hosts: likely infected and sending spam.',
  },
  check(model, ctx, report) {
    for (const r of summarizeHosts(model.analysis, verdictOptionsFor(ctx))) {
      if (!r.likelyInfected || !r.firstLine) continue;
      const when = r.firstSeen && r.lastSeen ? ` between ${describeSeen(r.firstSeen)} and ${describeSeen(r.lastSeen)}` : '';
      const passed = r.passed > 0 ? `; ${r.passed} of them passed` : '';
      const filters = r.filters.length > 0 ? ` (${describeFilters(r.filters)})` : '';
      report({
        range: r.firstLine.range,
        message: `${r.host} is likely infected: ${plural(r.attempts, 'attempt')} to ${describeDestinations(r)} on port 25${when}${passed}${filters}.`,
        data: { host: r.host, attempts: r.attempts, destinations: r.destinations, passed: r.passed },
      });
    }
  },
};
