/**
 * Hover for Yamaha configs: the fields of `ip filter` / `ip filter dynamic` lines and the
 * entries of `secure filter` lists. All texts come from the data modules (ports.ts, terms.ts).
 */
import type { RuleContext } from '../rule';
import { FILTER_NUMBER_MAX } from './assumptions';
import type { HoverResult, Range } from '../types';
import { describeAddrElem, formatIPv4, prefixContains } from './address';
import { ifaceKey, startsWith, words } from './command';
import { filterSpace, parseSecureFilter, usesOfFilter } from './filter';
import { lookupCommand } from './catalog';
import { renderVerdictTable, verdictTable } from './verdicts';
import type { AddrSpec, DynamicFilter, PortSpec, ProtoSpec, RtxCommand, RtxModel, RtxToken, SecureFilterBinding, StaticFilter } from './model';
import { DYNAMIC_APPLICATIONS, ICMP_TYPES, ICMPV6_TYPES, PORT_MNEMONICS, PROTOCOL_KEYWORDS, PROTOCOL_KEYWORDS_V6, PROTOCOL_MNEMONICS, protocolByNumber } from './ports';
import { ACTIONS, DYNAMIC_FILTER_SYNTAX, FIELD, LIST_SEMANTICS, STATIC_FILTER6_SYNTAX, STATIC_FILTER_SYNTAX } from './terms';

const within = (r: Range, offset: number): boolean => r.start <= offset && offset < r.end;
const touches = (r: Range, offset: number): boolean => r.start <= offset && offset <= r.end;

/** The command whose line contains `offset` (binary search; commands are in document order). */
export function commandAt(model: RtxModel, offset: number): RtxCommand | undefined {
  const cmds = model.commands;
  let lo = 0;
  let hi = cmds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = cmds[mid].lineRange;
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return cmds[mid];
  }
  return undefined;
}

function tokenAt(cmd: RtxCommand, offset: number): number {
  let i = cmd.tokens.findIndex((t) => within(t.range, offset));
  if (i < 0) i = cmd.tokens.findIndex((t) => touches(t.range, offset));
  return i;
}

export function hoverRtx(model: RtxModel, offset: number, _ctx?: RuleContext): HoverResult | undefined {
  const cmd = model.header && within(model.header.range, offset) ? undefined : commandAt(model, offset);
  if (!cmd) return hoverSpecific(model, offset);
  return hoverSpecific(model, offset) ?? hoverCommandDoc(cmd, offset);
}

function hoverSpecific(model: RtxModel, offset: number): HoverResult | undefined {
  if (model.header && within(model.header.range, offset)) {
    const h = model.header;
    return { range: h.range, contents: `Yamaha **${h.model}**, firmware Rev.${h.revision}${h.date ? ` (built ${h.date})` : ''}` };
  }
  const cmd = commandAt(model, offset);
  if (!cmd) return undefined;
  const ti = tokenAt(cmd, offset);
  if (ti < 0) return undefined;
  const wi = ti - cmd.wordStart;
  if (wi < 0) return undefined;
  const token = cmd.tokens[ti];

  if (startsWith(cmd, 'ip', 'filter', 'set') && wi >= 5 && /^\d+$/.test(token.value)) {
    const n = Number(token.value);
    const set = [...model.filters.sets.values()].find((x) => x.command === cmd.index);
    const inDynamic = !!set?.dynamicToken && token.range.start > set.dynamicToken.range.start;
    if (inDynamic) {
      const d = model.filters.dynamic.get(n);
      return { range: token.range, contents: d ? `**ip filter dynamic ${n}** — ${d.application ? d.application.name : 'trigger filters'}` : `**${n}** — no \`ip filter dynamic ${n}\` is defined.` };
    }
    const f = model.filters.static.get(n);
    return { range: token.range, contents: f ? `**ip filter ${n}** — ${summarizeFilter(f)}` : `**${n}** — no \`ip filter ${n}\` is defined: the entry is skipped.` };
  }
  for (const family of [4, 6] as const) {
    const head = family === 6 ? 'ipv6' : 'ip';
    const space = filterSpace(model, family);
    if (startsWith(cmd, head, 'filter', 'dynamic')) {
      const f = space.dynamicDefs.find((d) => d.command === cmd.index);
      return f ? hoverDynamic(model, f, wi, token, offset) : undefined;
    }
    if (startsWith(cmd, head, 'filter')) {
      const f = space.staticDefs.find((d) => d.command === cmd.index);
      return f ? hoverStatic(model, f, wi, token, offset) : undefined;
    }
  }
  const w = words(cmd);
  if ((w[0].lower === 'ip' || w[0].lower === 'ipv6') && w[2]?.lower === 'secure' && w[3]?.lower === 'filter') {
    const r = parseSecureFilter(cmd, [], model.header?.model);
    if (r?.kind === 'bind') return hoverBinding(model, r.binding, token);
    return { range: token.range, contents: LIST_SEMANTICS };
  }
  return undefined;
}

// ----- static filters ----------------------------------------------------------------------

function hoverStatic(model: RtxModel, f: StaticFilter, wi: number, token: RtxToken, offset: number): HoverResult | undefined {
  switch (wi) {
    case 0:
    case 1:
      return f.family === 6
        ? { range: token.range, contents: `**ipv6 filter** — static IPv6 packet filter (numbers separate from \`ip filter\`).\n\n${STATIC_FILTER6_SYNTAX}` }
        : { range: token.range, contents: `**ip filter** — static IPv4 packet filter.\n\n${STATIC_FILTER_SYNTAX}` };
    case 2:
      return { range: token.range, contents: filterNumberDoc(model, f) };
    case 3: {
      const a = ACTIONS.get(token.lower);
      if (!a) return undefined;
      return { range: token.range, contents: `**${a.name}** (action) — ${a.effect}; ${a.logging}.${syslogNote(model, a.log, a.verdict)}` };
    }
    case 4:
      return hoverAddr(model, f.src, FIELD.src, offset);
    case 5:
      return hoverAddr(model, f.dst, FIELD.dst, offset);
    case 6:
      return hoverProto(f.proto, f, offset);
    case 7:
      return hoverPorts(f, f.sport, FIELD.sport, offset);
    case 8:
      return hoverPorts(f, f.dport, FIELD.dport, offset);
    default:
      return undefined;
  }
}

function syslogNote(model: RtxModel, log: string, verdict: string): string {
  const logs = log === 'log' || (log === 'default' && verdict !== 'pass');
  if (!logs) return '';
  const on = model.commands.some((c) => !c.negated && startsWith(c, 'syslog', 'notice') && words(c)[2]?.lower === 'on');
  return on ? '' : '\n\nThis config has no `syslog notice on`, so no filter lines reach the log.';
}

/** One-line summary of what a filter matches. */
export function summarizeFilter(f: StaticFilter): string {
  const a = (s: AddrSpec): string => (s.any ? 'any' : s.elems.map((e) => e.text).join(','));
  const p = f.proto.any ? 'any protocol' : f.proto.elems.map((e) => e.text).join(',');
  const ports = (s: PortSpec): string => (s.any ? '*' : s.elems.map((e) => e.text).join(','));
  const portText = f.portMode === 'ignored' || (f.sport.any && f.dport.any) ? '' : ` ports ${ports(f.sport)} → ${ports(f.dport)}`;
  return `${f.action.name} ${a(f.src)} → ${a(f.dst)}, ${p}${portText}`;
}

function filterNumberDoc(model: RtxModel, f: StaticFilter): string {
  const fam = f.family === 6 ? 'ipv6' : 'ip';
  const lines = [`**${fam} filter ${f.num}** — ${summarizeFilter(f)}`];
  const defs = filterSpace(model, f.family).staticDefs.filter((d) => d.num === f.num);
  if (!f.valid) lines.push('This line is malformed, so the router does not define the filter.');
  if (f.num > FILTER_NUMBER_MAX) lines.push(`Numbers above ${FILTER_NUMBER_MAX} are accepted only by old NetVolante firmware.`);
  else if (defs.length > 1) {
    const last = defs[defs.length - 1];
    lines.push(`Defined ${defs.length} times; the last definition (line ${model.commands[last.command].line + 1}) is in effect.`);
  }
  const uses = usesOfFilter(model, f.num, f.family);
  if (uses.length === 0) lines.push('Not used in any `secure filter` list, so it has no effect.');
  else {
    lines.push('Used in:');
    for (const u of uses) lines.push(`- ${bindingLabel(u.binding)} — position ${u.position + 1} of ${u.binding.list.length}`);
  }
  return lines.join('\n\n');
}

function bindingLabel(b: SecureFilterBinding): string {
  const fam = b.family === 6 ? 'ipv6' : 'ip';
  const iface = b.iface.kind === 'if' ? b.iface.name : b.iface.kind;
  const where = b.iface.kind === 'if' ? '' : ` (${ifaceKey(b.iface)})`;
  return `\`${fam} ${iface} secure filter ${b.dir}\`${where}`;
}

function elemAt<T extends { range: Range }>(elems: readonly T[], offset: number): T[] {
  const hit = elems.filter((e) => touches(e.range, offset));
  return hit.length ? [hit[0]] : [...elems];
}

function hoverAddr(model: RtxModel, spec: AddrSpec, field: string, offset: number): HoverResult | undefined {
  if (!spec.token) return undefined;
  if (spec.any && spec.elems.length === 0) return { range: spec.token.range, contents: `**${field}** \`*\` — any address` };
  const elems = elemAt(spec.elems, offset);
  const lines = elems.map((e) => {
    let text = `\`${e.text}\` — ${describeAddrElem(e)}`;
    if (e.kind === 'cidr') {
      const lan = model.network.lans.find((l) => l.base === ((e.base & e.mask) >>> 0) && l.mask === e.mask);
      if (lan) text += ` — the LAN${lan.iface ? ` on ${ifaceKey(lan.iface)}` : ''}`;
      else if (e.mask === 0xffffffff) {
        const lan2 = model.network.lans.find((l) => prefixContains(l, e.base));
        if (lan2) text += ` — inside the LAN ${lan2.text}`;
      }
    }
    return text;
  });
  const range = elems.length === 1 ? elems[0].range : spec.token.range;
  return { range, contents: `**${field}**\n\n${lines.join('\n\n')}` };
}

function hoverProto(spec: ProtoSpec, f: StaticFilter, offset: number): HoverResult | undefined {
  if (!spec.token) return undefined;
  if (spec.any) {
    return {
      range: spec.token.range,
      contents:
        '**protocol** `*` — every protocol. The port fields are compared only for TCP and UDP packets; ICMP, GRE, ESP and every other protocol match **regardless of the ports**.',
    };
  }
  const elems = elemAt(spec.elems, offset);
  const lines = elems.map((e) => {
    const t = e.text.toLowerCase();
    if (e.kind === 'number') {
      const info = protocolByNumber(e.proto);
      const mn = PROTOCOL_MNEMONICS.get(t);
      if (mn) return `\`${e.text}\` = protocol ${mn.number} (${mn.description})`;
      return `protocol ${e.proto}${info ? ` = ${info.mnemonic ? `\`${info.mnemonic}\` ` : ''}(${info.description})` : ''}`;
    }
    const kw = (f.family === 6 ? PROTOCOL_KEYWORDS_V6.get(t) : undefined) ?? PROTOCOL_KEYWORDS.get(t);
    if (kw) return `\`${e.text}\` — ${kw.description}`;
    if (e.kind === 'tcpflag') {
      return `\`${e.text}\` — TCP segments whose flags AND 0x${e.mask.toString(16).padStart(4, '0')} ${e.negate ? 'differ from' : 'equal'} 0x${e.value.toString(16).padStart(4, '0')} (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20)`;
    }
    return `\`${e.text}\``;
  });
  const mode =
    f.portMode === 'icmp'
      ? 'With `icmp` alone the port fields are the ICMP type (source) and code (destination).'
      : f.portMode === 'ignored'
        ? 'These protocols have no ports; the port fields are ignored.'
        : 'Ports are compared for TCP/UDP packets only.';
  const range = elems.length === 1 ? elems[0].range : spec.token.range;
  return { range, contents: `**protocol**\n\n${lines.join('\n\n')}\n\n${mode}` };
}

function hoverPorts(f: StaticFilter, spec: PortSpec, field: string, offset: number): HoverResult | undefined {
  if (!spec.token) return undefined;
  if (f.portMode === 'icmp') {
    const what = field === FIELD.sport ? 'ICMP type' : 'ICMP code';
    if (spec.any) return { range: spec.token.range, contents: `**${what}** (the ${field} field with protocol icmp) \`*\` — any` };
    const elems = elemAt(spec.elems, offset);
    const lines = elems.map((e) =>
      e.ports
        .map((r) => {
          const names = f.family === 6 ? ICMPV6_TYPES : ICMP_TYPES;
          return r.from === r.to ? `${what} ${r.from}${what === 'ICMP type' && names[r.from] ? ` (${names[r.from]})` : ''}` : `${what}s ${r.from}–${r.to}`;
        })
        .join(', '),
    );
    return { range: elems.length === 1 ? elems[0].range : spec.token.range, contents: `**${what}** (the ${field} field with protocol icmp)\n\n${lines.join('\n\n')}` };
  }
  const note =
    f.portMode === 'ignored'
      ? 'Ignored: the protocol of this filter has no ports.'
      : f.proto.any
        ? 'Compared only for TCP and UDP packets; other protocols match regardless of this field.'
        : 'Compared for TCP and UDP packets.';
  if (spec.any) return { range: spec.token.range, contents: `**${field}** \`*\` — any port\n\n${note}` };
  const elems = elemAt(spec.elems, offset);
  const lines = elems.map((e) => {
    const m = PORT_MNEMONICS.get(e.text.toLowerCase());
    if (m) return `\`${e.text}\` = ${m.ports.length > 1 ? 'ports' : 'port'} ${m.ports.join(', ')} — ${m.description}${m.official ? '' : " (IANA number; not in Yamaha's own table)"}`;
    const r = e.ports[0];
    return r.from === r.to ? `port ${r.from}` : `\`${e.text}\` = ports ${r.from}–${r.to}`;
  });
  return { range: elems.length === 1 ? elems[0].range : spec.token.range, contents: `**${field}**\n\n${lines.join('\n\n')}\n\n${note}` };
}

// ----- dynamic filters ---------------------------------------------------------------------

function hoverDynamic(model: RtxModel, f: DynamicFilter, wi: number, token: RtxToken, offset: number): HoverResult | undefined {
  const fam = f.family === 6 ? 'ipv6' : 'ip';
  if (wi <= 2) return { range: token.range, contents: `**${fam} filter dynamic** — stateful filter.\n\n${DYNAMIC_FILTER_SYNTAX}` };
  if (wi === 3) {
    const uses = model.bindings.filter((b) => b.family === f.family && b.dynamic.some((e) => e.num === f.num));
    const used = uses.length ? `Used in: ${uses.map(bindingLabel).join(', ')}` : 'Not used after `dynamic` in any `secure filter` list, so it has no effect.';
    return {
      range: token.range,
      contents: `**${fam} filter dynamic ${f.num}** — a separate number space from static \`${fam} filter ${f.num}\`.\n\n${used}`,
    };
  }
  if (wi === 4) return hoverAddr(model, f.src, FIELD.src, offset);
  if (wi === 5) return hoverAddr(model, f.dst, FIELD.dst, offset);
  if (f.application && token === f.application.token) {
    const app = DYNAMIC_APPLICATIONS.get(f.application.name);
    if (app) return { range: token.range, contents: `**${app.name}** (dynamic filter application) — ${app.description}` };
  }
  return undefined;
}

// ----- secure filter lists -----------------------------------------------------------------

function hoverBinding(model: RtxModel, b: SecureFilterBinding, token: RtxToken): HoverResult {
  const space = filterSpace(model, b.family);
  const fam = b.family === 6 ? 'ipv6' : 'ip';
  const pos = b.list.findIndex((e) => e.token === token);
  if (pos >= 0) {
    const n = b.list[pos].num;
    const f = space.static.get(n);
    const where = `Position ${pos + 1} of ${b.list.length} in this list; checked only if no earlier filter matched.`;
    if (!f) {
      return { range: token.range, contents: `**${n}** — No \`${fam} filter ${n}\` is defined: the entry is skipped.\n\n${where}` };
    }
    return { range: token.range, contents: `**${fam} filter ${n}** — ${summarizeFilter(f)}\n\n${where}` };
  }
  const dpos = b.dynamic.findIndex((e) => e.token === token);
  if (dpos >= 0) {
    const n = b.dynamic[dpos].num;
    const d = space.dynamic.get(n);
    const app = d?.application ? DYNAMIC_APPLICATIONS.get(d.application.name) : undefined;
    const what = d ? `opens sessions for ${app ? app.description : d.trigger ? `connections matching filters ${d.trigger.join(' ')}` : 'matching connections'}` : 'not defined: the entry is skipped';
    return { range: token.range, contents: `**${fam} filter dynamic ${n}** — ${what}.` };
  }
  const role = roleOf(model, b);
  const set = b.setName !== undefined ? `\n\nUses filter set **${b.setName}**${model.filters.sets.has(`${b.setName}|${b.dir}`) ? '' : ' — no such set is defined, so nothing is filtered'}.` : '';
  let table = '';
  try {
    table = `\n\n${renderVerdictTable(verdictTable(model, b))}`;
  } catch {
    table = '';
  }
  return {
    range: token.range,
    contents: `**${b.family === 6 ? 'IPv6 ' : ''}${b.dir === 'in' ? 'IN' : 'OUT'} filter list of ${ifaceKey(b.iface)}**${role}${set}${table}\n\n${LIST_SEMANTICS}`,
  };
}

function roleOf(model: RtxModel, b: SecureFilterBinding): string {
  const key = ifaceKey(b.iface);
  const wan = model.network.wans.find((w) => ifaceKey(w.iface) === key);
  if (wan && model.network.internetEgress.includes(wan)) return ` — the Internet uplink (${wan.evidence[0].detail})`;
  const lan = model.network.lans.find((l) => l.iface && ifaceKey(l.iface) === key);
  if (lan) return ` — LAN ${lan.text}${lan.routerAddress !== undefined ? ` (router ${formatIPv4(lan.routerAddress)})` : ''}`;
  return '';
}

// ----- command docs from the catalog -------------------------------------------------------

/** Catalog documentation of the command under the cursor (any command the catalog knows). */
function hoverCommandDoc(cmd: RtxCommand, offset: number): HoverResult | undefined {
  const w = words(cmd);
  const m = lookupCommand(w.map((t) => t.lower));
  if (!m) return undefined;
  const ti = tokenAt(cmd, offset);
  if (ti < 0) return undefined;
  const doc = m.doc;
  const keywordEnd = cmd.wordStart + Math.min(m.length, w.length);
  const range = ti < keywordEnd ? { start: cmd.tokens[0].range.start, end: cmd.tokens[keywordEnd - 1].range.end } : cmd.tokens[ti].range;
  const title = w.slice(0, m.length).map((t) => t.value).join(' ');
  const lines = [`**${title}**${doc.kind === 'operation' ? ' (operation)' : ''} — ${doc.summary}`, '', `\`${doc.syntax}\``];
  if (doc.params.length) {
    lines.push('');
    for (const p of doc.params) lines.push(`- \`${p.name}\` — ${p.text}`);
  }
  if (doc.context) lines.push('', `Applies to the ${doc.context === 'pp' ? 'PP' : 'tunnel'} selected with \`${doc.context} select N\`.`);
  if (cmd.negated) lines.push('', '`no …` removes the setting (restores the default).');
  return { range, contents: lines.join('\n') };
}
