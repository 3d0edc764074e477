/**
 * Hover for Yamaha logs: on a filter-hit or `[INSPECT]` line, what each field means (interface,
 * direction, filter number or `default`, which addresses the filter saw — before or after NAT —
 * and the port names) followed by the summary of the source host; on `<PRI>`, repeat lines and
 * message tags, what they are. Texts come from the data module `facts.ts`.
 */
import type { RuleContext } from '../rule';
import type { HoverResult, Range } from '../types';
import { describeDestinations, describeFilters, plural, summarizeHost, verdictOptionsFor, type HostReport, type VerdictOptions } from './analysis';
import { entryAt } from './document';
import { describeAddress, isLanHost, type NetPrefix } from './endpoint';
import { describeIface, describePort, describeTag, listCommand, SYSLOG_FACILITIES, SYSLOG_SEVERITIES, YAMAHA_SEVERITY_NOTES } from './facts';
import type { Endpoint, FilterHit, InspectHit, LogModel } from './model';

/** The editor reads logs with the built-in LAN ranges only (RFC 1918, IPv6 unique-local). */
const EDITOR_LANS: readonly NetPrefix[] = [];

const within = (r: Range, offset: number): boolean => r.start <= offset && offset < r.end;

export function hoverLog(model: LogModel, offset: number, ctx?: RuleContext): HoverResult | undefined {
  const e = entryAt(model, offset);
  if (!e) return undefined;
  const pri = e.header.pri;
  if (pri && within(pri.range, offset)) return { range: pri.range, contents: describePri(pri.value) };
  switch (e.kind) {
    case 'filter':
    case 'inspect':
      return { range: fieldAt(e, offset) ?? (within(e.message, offset) ? e.message : e.range), contents: explainHit(model, e, ctx) };
    case 'repeat':
      return within(e.message, offset)
        ? {
            range: e.message,
            contents: `The previous message occurred ${plural(e.count, 'more time')}. When it is a filter line, the analysis counts its packet again that many times.`,
          }
        : undefined;
    case 'other': {
      if (!e.tag || !within(e.tag.range, offset)) return undefined;
      const d = describeTag(e.tag.text);
      return d ? { range: e.tag.range, contents: `\`[${e.tag.text}]\` — ${d}.` } : undefined;
    }
  }
}

function describePri(value: number): string {
  if (value > 191) return `\`<${value}>\` — not a valid syslog priority (0–191).`;
  const facility = SYSLOG_FACILITIES[value >> 3];
  const severity = SYSLOG_SEVERITIES[value & 7];
  const note = YAMAHA_SEVERITY_NOTES[severity];
  return `\`<${value}>\` — syslog priority ${value} = facility **${facility}** (${value >> 3}) × 8 + severity **${severity}** (${value & 7}).${note ? ` ${note}.` : ''}`;
}

/** The field of the hit under the cursor (so the editor highlights it). */
function fieldAt(e: FilterHit | InspectHit, offset: number): Range | undefined {
  const ranges: (Range | undefined)[] = [
    e.iface?.range,
    e.directionRange,
    e.filterRange,
    e.proto?.range,
    e.src.addrRange,
    e.src.portRange,
    e.dst.addrRange,
    e.dst.portRange,
  ];
  if (e.kind === 'filter') ranges.push(e.verdictRange, e.annotation?.range);
  else ranges.push(e.tag.range, e.created?.range);
  return ranges.find((r) => r !== undefined && within(r, offset));
}

function endpointText(ep: Endpoint): string {
  if (ep.error || ep.address === undefined) return `\`${ep.text}\` (${ep.error ?? 'not understood'})`;
  const port = ep.port !== undefined ? ` port ${describePort(ep.port)}` : '';
  return `${ep.address}${port} — ${describeAddress(ep, EDITOR_LANS)}`;
}

function directionText(e: FilterHit | InspectHit): string {
  const where = e.iface ? e.iface.text : 'the interface';
  if (e.kind === 'inspect') {
    return e.direction === 'out'
      ? `the connection was opened outwards through ${where}; the session also lets its replies back in`
      : `the connection was opened inwards through ${where}; the session also lets its replies back out`;
  }
  if (e.layer === 'ethernet') return e.direction === 'in' ? `frame received on ${where}` : `frame sent out of ${where}`;
  return e.direction === 'out'
    ? `sent out of ${where}. OUT filters see the packet **before NAT**: the source is still the LAN host's own (private) address, not the router's public one`
    : `received on ${where}. IN filters see the packet **after NAT** has translated it back: the destination is the inside (LAN) address`;
}

function filterText(e: FilterHit | InspectHit): string {
  const list = listCommand(e.iface, e.direction, e.kind === 'filter' && e.layer === 'ethernet');
  const where = `\`${list.command}\`${list.context ? ` (in \`${list.context}\`)` : ''}`;
  if (e.kind === 'inspect') {
    return `dynamic filter \`ip filter dynamic ${e.filter}\`, listed after \`dynamic\` in ${where}. A session exists only for a connection the static filters of that list passed`;
  }
  if (e.filter === 'default') {
    return `\`default\`: no filter of ${where} matched, so the implicit discard at the end of the list dropped the packet`;
  }
  return e.verdict === 'rejected'
    ? `filter ${e.filter} — the first filter of ${where} that matched — discarded the packet (\`reject\`, \`reject-log\` or a disconnected \`restrict\`)`
    : `filter ${e.filter} of ${where} passed the packet and logged it (\`pass-log\`, or a dynamic filter with \`syslog=on\`)`;
}

function explainHit(model: LogModel, e: FilterHit | InspectHit, ctx?: RuleContext): string {
  const out: string[] = [];
  if (e.kind === 'filter') {
    const title = `${e.iface ? `${e.iface.text} ` : ''}${e.verdict === 'rejected' ? 'Rejected' : 'Passed'} at ${e.direction.toUpperCase()}(${e.filter})`;
    out.push(`**${title}** — ${e.verdict === 'rejected' ? 'a packet the router discarded' : 'a packet the router let through'}, logged by a ${e.layer === 'ethernet' ? 'MAC (ethernet)' : 'packet'} filter.`);
  } else {
    out.push(`**[INSPECT] ${e.iface.text}[${e.direction}][${e.filter}]** — ${describeTag('INSPECT')}.`);
  }
  out.push('');
  if (e.iface) out.push(`- **Interface** \`${e.iface.text}\`: ${describeIface(e.iface)}`);
  else out.push('- **Interface**: not named in this line');
  out.push(`- **Direction** \`${e.kind === 'inspect' ? e.direction : e.direction.toUpperCase()}\`: ${directionText(e)}`);
  out.push(`- **Filter** \`${e.filter}\`: ${filterText(e)}`);
  if (e.kind === 'filter' && e.layer === 'ethernet') {
    out.push(`- **Frame**: ${e.src.text} → ${e.dst.text}${e.proto ? `, carrying ${e.proto.text}` : ''}`);
  } else {
    if (e.proto) out.push(`- **Protocol** ${e.proto.text}`);
    out.push(`- **From** ${endpointText(e.src)}`);
    out.push(`- **To** ${endpointText(e.dst)}`);
  }
  if (e.kind === 'filter' && e.annotation) out.push(`- **Note** \`${e.annotation.text}\``);
  if (e.kind === 'inspect' && e.created) out.push(`- **Session created** ${e.created.text}`);
  if (e.kind === 'filter' && e.layer === 'ethernet') return out.join('\n');
  out.push('', hostSummary(model, e.src, verdictOptionsFor(ctx)));
  return out.join('\n');
}

function seenText(s: { line: number; time?: string }): string {
  return s.time ? `${s.time} (line ${s.line + 1})` : `line ${s.line + 1}`;
}

function verdictText(r: HostReport, opts: VerdictOptions): string {
  if (r.mailServer) return 'a known mail server — SMTP from it is expected';
  if (r.likelyInfected) return `**likely infected** (at least ${plural(opts.minAttempts, 'attempt')} to at least ${plural(opts.minDestinations, 'host')} on port 25)`;
  if (r.smtpPassed) return '**SMTP to the internet passed**, and this is not a known mail server';
  return `below the "likely infected" thresholds (${plural(opts.minAttempts, 'attempt')} to ${plural(opts.minDestinations, 'host')})`;
}

export function hostSummary(model: LogModel, src: Endpoint, opts: VerdictOptions): string {
  if (src.address === undefined || src.error) return '';
  if (!isLanHost(src, EDITOR_LANS)) return `The source ${src.address} is not a LAN host; the analysis follows LAN hosts.`;
  const h = model.analysis.hosts.get(src.address);
  if (!h) return `**${src.address}** (LAN host) is not tracked: the log has more source hosts than the analysis keeps.`;
  const r = summarizeHost(h, opts);
  const other = r.smtps + r.submission > 0 ? ` Ports 465/587: ${r.smtps}/${r.submission} packets.` : '';
  if (r.attempts === 0 && r.toMailServers === 0) {
    return `**${r.host}** (LAN host): ${plural(r.hits, 'logged packet')} in this log, no SMTP (port 25) to the internet.${other}`;
  }
  const parts = [`**${r.host}** (LAN host): ${plural(r.attempts, 'SMTP attempt')} (port 25) to ${describeDestinations(r)}, ${r.passed} passed`];
  if (r.toMailServers > 0) parts.push(`, plus ${r.toMailServers} to known mail servers`);
  parts.push('.');
  if (r.firstSeen && r.lastSeen) parts.push(` First seen ${seenText(r.firstSeen)}, last seen ${seenText(r.lastSeen)}.`);
  if (r.filters.length > 0) parts.push(` Filters: ${describeFilters(r.filters)}.`);
  parts.push(other);
  parts.push(` Verdict: ${verdictText(r, opts)}.`);
  return parts.join('');
}
