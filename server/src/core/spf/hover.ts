/**
 * Hover inside SPF records of a zone: explains the term under the cursor (what it does, its
 * qualifier, RFC 7208 section, DNS cost), a macro, or — on the version tag — the whole record.
 */
import type { RuleContext } from '../rule';
import type { HoverResult } from '../types';
import type { ZoneModel } from '../zone/model';
import { formatNetwork, networkSpan, termAddresses, type TermAddresses } from './addresses';
import { providerOf } from './providers';
import { analyzeCandidate, describeLookupTerm, lookupTreeMarkdown, zoneIndexFor, type LookupAnalysis } from './lookups';
import { describeVersionTypo } from './nearMiss';
import type { MacroPart, SpfMechanism, SpfModifier, SpfRecord, SpfTerm } from './parse';
import { spfAt, type SpfCandidate } from './records';
import { normalizeName } from './resolver';
import {
  DNS_LOOKUP_LIMIT,
  MACRO_ESCAPES,
  VOID_LOOKUP_LIMIT,
  MECHANISMS,
  MODIFIERS,
  QUALIFIERS,
  macroLetter,
} from './terms';

const RFC = 'https://www.rfc-editor.org/rfc/rfc7208#section-';

function section(s: string): string {
  return `[RFC 7208 §${s}](${RFC}${s})`;
}

/** Whether a term costs one of the 10 DNS-querying terms (RFC 7208 §4.6.4). */
export function costsLookup(t: SpfTerm): boolean {
  if (t.kind === 'mechanism') return t.mechanism !== undefined && MECHANISMS[t.mechanism].dnsLookup;
  if (t.kind === 'modifier') return t.modifier !== undefined && MODIFIERS[t.modifier].dnsLookup;
  return false;
}

function lookupLine(t: SpfTerm): string {
  return costsLookup(t)
    ? `**DNS lookup:** yes — counts toward the limit of ${DNS_LOOKUP_LIMIT} DNS-querying terms (${section('4.6.4')}).`
    : `**DNS lookup:** no — does not count toward the limit of ${DNS_LOOKUP_LIMIT} (${section('4.6.4')}).`;
}

/** The lookup subtree of an include/redirect of the analysed record, as hover lines. */
function subtreeLines(m: SpfTerm, analysis: LookupAnalysis | undefined): string[] {
  const node = analysis?.terms.find((t) => t.term === m);
  if (!node || (node.kind !== 'include' && node.kind !== 'redirect')) return [];
  const lines = [`**Lookups through this term:** ${describeLookupTerm(node, DNS_LOOKUP_LIMIT).replace(/^`[^`]*` — /, '')} (terms ${node.ordinal}–${node.ordinal + node.total - 1} of the record's ${analysis!.total})`];
  if (node.children.length > 0) lines.push(`In the record of \`${node.target}\`:\n\n${lookupTreeMarkdown(node.children, DNS_LOOKUP_LIMIT)}`);
  return lines;
}

function mechanismHover(m: SpfMechanism, analysis?: LookupAnalysis, addresses?: TermAddresses): string {
  if (!m.mechanism) {
    return [
      `**Unknown mechanism \`${m.name.text}\`**`,
      `RFC 7208 defines only ${Object.keys(MECHANISMS).map((n) => `\`${n}\``).join(', ')}. ` +
        `An unknown mechanism is a syntax error: the whole record evaluates to \`permerror\` (${section('4.6')}).`,
    ].join('\n\n');
  }
  const doc = MECHANISMS[m.mechanism];
  const q = QUALIFIERS[m.qualifier];
  const qual = m.qualifierPart
    ? `**Qualifier \`${q.qualifier}\`** → \`${q.result}\` when it matches: ${q.meaning}.`
    : `**No qualifier** → \`+\` (\`pass\`) when it matches: ${q.meaning}.`;
  const lines = [`**\`${doc.name}\`** — SPF mechanism (${section(doc.section)})`, doc.summary, doc.details, qual, lookupLine(m), ...subtreeLines(m, analysis)];
  const extra = addresses && addressLines(m, addresses);
  if (extra) lines.push(extra);
  if (doc.discouraged) lines.push(`⚠ ${doc.discouraged}`);
  lines.push(`Syntax: \`${doc.syntax}\``);
  return lines.join('\n\n');
}

const SHOW_ADDRESSES = 12;

/** What an a/mx/ip4/ip6 term authorises, resolved from the zone files. */
function addressLines(m: SpfMechanism, a: TermAddresses): string | undefined {
  if (a.status === 'unknown') return `**Authorises:** not known offline (${a.why}).`;
  if (m.mechanism === 'ip4' || m.mechanism === 'ip6') {
    const n = a.networks[0];
    if (!n) return undefined;
    const span = networkSpan(n);
    const own = span.first === span.last ? `**Authorises:** \`${n.address}\` (one address).` : `**Authorises:** \`${span.first}\` – \`${span.last}\` (${span.count}, /${n.length}).`;
    const p = providerOf(n.address, n.length);
    return p
      ? `${own}\n\n**Provider:** inside ${p.provider.name}'s published outbound range \`${p.network}\` (published in ${p.provider.source}); the provider's own SPF include is \`include:${p.provider.include}\`.`
      : own;
  }
  if (a.networks.length === 0) return '**Authorises:** no address — the zone files hold none for it, so the term never matches.';
  const shown = a.networks.slice(0, SHOW_ADDRESSES).map((n) => `- \`${formatNetwork(n)}\`${n.host ? ` (${n.host})` : ''}`);
  if (a.networks.length > SHOW_ADDRESSES) shown.push(`- … and ${a.networks.length - SHOW_ADDRESSES} more`);
  return `**Authorises** (from the zone files):\n\n${shown.join('\n')}`;
}

function qualifierHover(m: SpfMechanism): string {
  const q = QUALIFIERS[m.qualifier];
  const all = (Object.values(QUALIFIERS) as (typeof q)[]).map((x) => `- \`${x.qualifier}\` → \`${x.result}\``).join('\n');
  return [
    `**Qualifier \`${q.qualifier}\`** (${section('4.6.2')}) — when \`${m.name.text}\` matches, the result is \`${q.result}\`: ${q.meaning}.`,
    `The qualifiers:\n\n${all}\n\nWithout a qualifier a mechanism means \`+\`.`,
  ].join('\n\n');
}

function modifierHover(m: SpfModifier, analysis?: LookupAnalysis): string {
  if (!m.modifier) {
    return [
      `**Unknown modifier \`${m.name.text}=\`**`,
      `Modifiers RFC 7208 does not define are ignored by receivers (${section('6')}); it has no effect on the result.`,
    ].join('\n\n');
  }
  const doc = MODIFIERS[m.modifier];
  return [
    `**\`${doc.name}=\`** — SPF modifier (${section(doc.section)})`,
    doc.summary,
    doc.details,
    lookupLine(m),
    ...subtreeLines(m, analysis),
    `Syntax: \`${doc.syntax}\``,
  ].join('\n\n');
}

function macroHover(p: MacroPart): string {
  if (p.kind === 'escape') return `**\`${p.text}\`** — macro escape: ${MACRO_ESCAPES[p.text] ?? 'an escape'} (${section('7.1')}).`;
  if (p.kind !== 'macro') return '';
  const doc = macroLetter(p.letter);
  const parts = [`**\`${p.text}\`** — SPF macro (${section('7')})`, `\`${p.letter.toLowerCase()}\`: ${doc?.meaning ?? 'unknown letter'}.`];
  const how: string[] = [];
  if (p.delimiters) how.push(`split on \`${p.delimiters}\``);
  if (p.reverse) how.push('reversed');
  if (p.digits !== undefined) how.push(`keeping the ${p.digits} right-most part${p.digits === 1 ? '' : 's'}`);
  if (how.length) parts.push(`Transformed: ${how.join(', ')}.`);
  if (p.letter !== p.letter.toLowerCase()) parts.push('Upper case: the value is URL-escaped.');
  if (doc?.expOnly) parts.push('Allowed only in explanation text (the TXT record named by `exp=`).');
  return parts.join('\n\n');
}

function termLabel(t: SpfTerm): string {
  return `\`${t.text.length > 60 ? t.text.slice(0, 57) + '…' : t.text}\``;
}

/** What happens to senders that no mechanism matches. */
function fallThrough(spf: SpfRecord): string {
  const all = spf.terms.find((t): t is SpfMechanism => t.kind === 'mechanism' && t.mechanism === 'all');
  if (all) return `everyone else: \`${QUALIFIERS[all.qualifier].result}\` (from ${termLabel(all)})`;
  const redirect = spf.terms.find((t): t is SpfModifier => t.kind === 'modifier' && t.modifier === 'redirect');
  if (redirect) return `everyone else: the result of the record at \`${redirect.value.text}\``;
  return 'everyone else: `neutral` (the record has no `all`)';
}

function recordHover(c: SpfCandidate, analysis: LookupAnalysis): string {
  const { spf } = c;
  const out: string[] = [];
  if (c.typo) {
    out.push(`**Not recognised as an SPF record**`, describeVersionTypo(c.typo), 'Had it been `v=spf1`, it would read:');
  } else {
    out.push(`**SPF record** (${section('4.5')}) — version \`v=spf1\``);
  }
  const terms = spf.terms;
  const lookups = terms.filter(costsLookup);
  const lines: string[] = [];
  const SHOW = 20;
  for (const t of terms.slice(0, SHOW)) {
    let what: string;
    if (t.kind === 'mechanism' && t.mechanism) what = `${QUALIFIERS[t.qualifier].result} if ${MECHANISMS[t.mechanism].summary.charAt(0).toLowerCase()}${MECHANISMS[t.mechanism].summary.slice(1)}`;
    else if (t.kind === 'mechanism') what = 'unknown mechanism';
    else if (t.kind === 'modifier' && t.modifier) what = MODIFIERS[t.modifier].summary;
    else if (t.kind === 'modifier') what = 'unknown modifier (ignored)';
    else what = 'invalid term';
    lines.push(`- ${termLabel(t)}${costsLookup(t) ? ' ⟳' : ''} — ${what}`);
  }
  if (terms.length > SHOW) lines.push(`- … and ${terms.length - SHOW} more`);
  out.push(
    terms.length === 0 ? 'No terms: every sender gets `neutral`.' : `${terms.length} term${terms.length === 1 ? '' : 's'}:\n\n${lines.join('\n')}`,
  );
  if (terms.length > 0) out.push(`Then ${fallThrough(spf)}.`);
  const over = analysis.total > DNS_LOOKUP_LIMIT ? ' — **over the limit: receivers return `permerror`**' : '';
  out.push(
    `**DNS lookups:** ${analysis.total} of ${DNS_LOOKUP_LIMIT} allowed in the worst case (${lookups.length} ⟳ term${lookups.length === 1 ? '' : 's'} here, plus what \`include:\`/\`redirect=\` targets in the zone files${analysis.terms.some(usesLive) ? ' and live DNS' : ''} add; ${section('4.6.4')})${over}.`,
  );
  if (analysis.terms.some((t) => t.total > 1 || t.status !== undefined)) out.push(lookupTreeMarkdown(analysis.terms, DNS_LOOKUP_LIMIT));
  if (analysis.voids > 0) {
    out.push(`**Void lookups:** ${analysis.voids} of ${VOID_LOOKUP_LIMIT} allowed (names the zone files show to have no records).`);
  }
  if (spf.errors.length > 0) {
    out.push(`**${spf.errors.length} syntax error${spf.errors.length === 1 ? '' : 's'}:** receivers evaluate the record to \`permerror\`.`);
  }
  return out.join('\n\n');
}

/** Whether a node or one below it was answered by live DNS. */
function usesLive(t: LookupAnalysis['terms'][number]): boolean {
  return t.live === true || t.children.some(usesLive);
}

/** Hover provider for zone files: SPF records and their near misses. */
export function spfHover(model: ZoneModel, offset: number, ctx: RuleContext): HoverResult | undefined {
  const loc = spfAt(model, offset);
  if (!loc) return undefined;
  const { candidate } = loc;
  const analysis = () => analyzeCandidate(model, candidate, ctx);
  if (loc.onVersion) return { range: candidate.spf.version.range, contents: recordHover(candidate, analysis()) };
  if (loc.macro) return { range: loc.macro.range, contents: macroHover(loc.macro) };
  const t = loc.term;
  if (!t) return undefined;
  if (t.kind === 'mechanism') {
    if (t.qualifierPart && offset >= t.qualifierPart.range.start && offset < t.qualifierPart.range.end) {
      return { range: t.qualifierPart.range, contents: qualifierHover(t) };
    }
    const addresses = termAddresses(t, normalizeName(candidate.record.owner), zoneIndexFor(model, ctx));
    return { range: t.range, contents: mechanismHover(t, analysis(), addresses) };
  }
  if (t.kind === 'modifier') return { range: t.range, contents: modifierHover(t, analysis()) };
  return {
    range: t.range,
    contents: `**Invalid SPF term** ${termLabel(t)}\n\nNeither a mechanism nor a modifier; the whole record evaluates to \`permerror\` (${section('4.6')}).`,
  };
}
