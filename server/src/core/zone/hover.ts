/**
 * Hover for the master-file syntax itself: record types, classes, owners, TTLs, SOA timers and
 * directives. Text comes from the data modules (`rrtypes.ts`) and the parsed model.
 */
import type { RuleContext } from '../rule';
import type { HoverResult, Range } from '../types';
import type { ZoneDirective, ZoneModel, ZoneRecord } from './model';
import { directiveAt, recordAt, recordTokenAt } from './query';
import { zoneFacts } from './analysis';
import { readRpzTrigger, rpzTriggerOf, RPZ_TRIGGERS } from './rpz';
import { rfcLink, rrClassByName, rrTypeByCode } from './rrtypes';
import { formatDuration, parseTtl } from './ttl';

export function zoneSyntaxHover(model: ZoneModel, offset: number, _ctx: RuleContext): HoverResult | undefined {
  const directive = directiveAt(model, offset);
  if (directive) return directiveHover(model, directive, offset);
  const record = recordAt(model, offset);
  if (!record) return undefined;
  const token = recordTokenAt(model, record, offset);
  if (!token) return undefined;
  const text = model.text.slice(token.range.start, token.range.end);
  switch (token.role) {
    case 'type':
      return { range: token.range, contents: typeDoc(record.typeCode, text) };
    case 'ttl':
      return ttlHover(model, token.range, 'TTL', 'How long resolvers may cache this record (RFC 1035 §3.2.1).');
    case 'class': {
      const info = rrClassByName(text.toUpperCase());
      return { range: token.range, contents: `**Class ${record.class}** — ${info?.description ?? 'class given by number (RFC 3597).'}` };
    }
    case 'owner':
      return { range: token.range, contents: ownerDoc(model, record, text) };
    case 'rdata':
      return record.typeCode === 6 && !record.generic ? soaFieldHover(model, token.range, token.index) : undefined;
  }
}

/** Markdown for a record type: mnemonic, number, description, RFC. */
export function typeDoc(code: number, written: string): string {
  const info = rrTypeByCode(code);
  if (!info) {
    return `**TYPE${code}** — record type ${code}, not a registered type known here.\n\nIts data must be written in the generic form \`\\# <length> <hex>\` (RFC 3597 §5).`;
  }
  const parts = [`**${info.name}** — record type ${info.code}${info.obsolete ? ' (obsolete)' : ''}`, info.description];
  if (info.note) parts.push(info.note);
  if (written.toUpperCase() !== info.name) parts.push(`Written in the generic form \`${written}\` (RFC 3597 §5).`);
  parts.push(`Defined in ${rfcLink(info.rfc, info.section)}.`);
  return parts.join('\n\n');
}

/** Markdown for a TTL written as `text`: its value in seconds and in human units. */
export function ttlDoc(text: string, label: string): string | undefined {
  const v = parseTtl(text, 0, text.length);
  if (v < 0) return undefined;
  const human = formatDuration(v);
  const plain = /^\d+$/.test(text);
  return plain ? `**${label}** \`${text}\` = ${human}` : `**${label}** \`${text}\` = ${v} seconds = ${human}`;
}

function ttlHover(model: ZoneModel, range: Range, label: string, explanation: string): HoverResult | undefined {
  const doc = ttlDoc(model.text.slice(range.start, range.end), label);
  return doc ? { range, contents: `${doc}\n\n${explanation}` } : undefined;
}

function ownerDoc(model: ZoneModel, record: ZoneRecord, written: string): string {
  const lines = [`**Owner** \`${record.owner}\``];
  if (written === '@') lines.push(`\`@\` stands for the origin.`);
  else if (!written.endsWith('.') || written.endsWith('\\.')) lines.push(`Relative name: completed with the origin \`${record.origin}\`.`);
  if (!model.originKnown && record.origin === model.origin && (written === '@' || !written.endsWith('.'))) {
    lines.push('The zone name is not known and no `$ORIGIN` precedes this line, so the root was assumed.');
  }
  const apex = record.owner.includes('rpz-') ? zoneFacts(model).apex : undefined;
  const trigger = apex ? rpzTriggerOf(record.owner, apex) : undefined;
  if (trigger) {
    const reading = readRpzTrigger(trigger.labels);
    lines.push(
      'network' in reading
        ? `RPZ \`${trigger.kind}\` trigger: the policy applies when ${RPZ_TRIGGERS[trigger.kind]} is in \`${reading.network}\`.`
        : `RPZ \`${trigger.kind}\` trigger that BIND refuses: ${reading.problem}.`,
    );
  }
  return lines.join('\n\n');
}

const SOA_FIELDS: { name: string; doc: string; duration?: boolean }[] = [
  { name: 'MNAME', doc: 'Primary name server of the zone.' },
  { name: 'RNAME', doc: 'Mailbox of the person responsible for the zone; the first unescaped dot stands for `@`.' },
  { name: 'SERIAL', doc: 'Version of the zone; secondaries transfer the zone when it increases (RFC 1982 arithmetic).' },
  { name: 'REFRESH', doc: 'How often secondaries check the serial.', duration: true },
  { name: 'RETRY', doc: 'How long secondaries wait before retrying a failed refresh.', duration: true },
  { name: 'EXPIRE', doc: 'How long secondaries keep answering when the primary stays unreachable.', duration: true },
  { name: 'MINIMUM', doc: 'TTL of negative answers (NXDOMAIN/NODATA), RFC 2308 §4.', duration: true },
];

function soaFieldHover(model: ZoneModel, range: Range, index: number): HoverResult | undefined {
  const field = SOA_FIELDS[index];
  if (!field) return undefined;
  const written = model.text.slice(range.start, range.end);
  if (field.duration) {
    const doc = ttlDoc(written, `SOA ${field.name}`);
    if (doc) return { range, contents: `${doc}\n\n${field.doc}` };
  }
  return { range, contents: `**SOA ${field.name}**\n\n${field.doc}` };
}

function within(r: Range | undefined, offset: number): r is Range {
  return r !== undefined && r.start <= offset && offset < r.end;
}

function directiveHover(model: ZoneModel, d: ZoneDirective, offset: number): HoverResult | undefined {
  const onKeyword = within(d.keywordRange, offset);
  switch (d.kind) {
    case 'origin': {
      if (within(d.nameRange, offset) && d.name) return { range: d.nameRange, contents: `**Origin** \`${d.name}\`` };
      if (!onKeyword) return undefined;
      const now = d.name ? `\n\nFrom here on the origin is \`${d.name}\`.` : '';
      return {
        range: d.keywordRange,
        contents: `**$ORIGIN** — sets the origin: the domain name that completes relative names and \`@\` (RFC 1035 §5.1).${now}`,
      };
    }
    case 'ttl': {
      if (within(d.valueRange, offset)) {
        return ttlHover(model, d.valueRange, 'Default TTL', 'Used by the records that follow and give no TTL of their own.');
      }
      if (!onKeyword) return undefined;
      const now = d.ttl !== undefined ? `\n\nHere: ${d.ttl} = ${formatDuration(d.ttl)}.` : '';
      return {
        range: d.keywordRange,
        contents: `**$TTL** — default TTL for the records that follow and give no TTL of their own (RFC 2308 §4).${now}`,
      };
    }
    case 'include':
      if (!onKeyword) return undefined;
      return {
        range: d.keywordRange,
        contents:
          `**$INCLUDE** — inserts the records of another file here (RFC 1035 §5.1). ` +
          `Relative names in that file use the origin given after the file name, else the current origin \`${d.currentOrigin}\`.`,
      };
    case 'generate': {
      if (within(d.typeRange, offset) && d.typeCode !== undefined) {
        return { range: d.typeRange, contents: typeDoc(d.typeCode, model.text.slice(d.typeRange.start, d.typeRange.end)) };
      }
      if (within(d.ttlRange, offset)) return ttlHover(model, d.ttlRange, 'TTL', 'TTL of every generated record.');
      if (!onKeyword) return undefined;
      let count = '';
      if (d.start !== undefined && d.stop !== undefined && d.step !== undefined) {
        const n = Math.floor((d.stop - d.start) / d.step) + 1;
        count = `\n\nHere: ${n} record${n === 1 ? '' : 's'} (${d.start} to ${d.stop}${d.step > 1 ? `, step ${d.step}` : ''}).`;
      }
      return {
        range: d.keywordRange,
        contents:
          '**$GENERATE** — BIND extension: `$GENERATE start-stop[/step] owner [ttl] [class] type rdata` creates one record per number; ' +
          '`$` in the owner and RDATA templates is replaced by the number, `${offset,width,base}` formats it.' +
          count,
      };
    }
    case 'unknown':
      return undefined;
  }
}
