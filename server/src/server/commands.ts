/**
 * Commands the server answers (`workspace/executeCommand`). The VS Code client's palette commands
 * gather input and call these; any other LSP client can call them too. Results are plain JSON.
 *
 *   senderGuard.server.fixAll         { uri }                         → applies the edits, returns { fixed }
 *   senderGuard.server.testSpf        { uri?, ip, sender?, domain?, helo? } → SpfCheck (result, explanation, lookups, trace)
 *   senderGuard.server.simulate       { uri, from, to, proto, port?, sport?, interface?, direction? } → SimulateResult | { errors }
 *   senderGuard.server.infectedHosts  { uri }                         → { hosts: HostReport[] }
 *   senderGuard.server.explainBounce  { text, uri? }                  → the bounce read and explained, with the
 *                                     related rules' findings in the open documents
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, quickFixes, validate, type ParsedDocument, type RuleContext } from '../core';
import { explainBounce } from '../core/bounce/explain';
import { parseBounce } from '../core/bounce/parse';
import { collectFixAll } from '../core/fixAll';
import { simulateCommand, validateSimulateArgs, type SimulateArgs } from '../core/rtx/simulateCommand';
import type { RtxModel } from '../core/rtx/model';
import { summarizeHosts, DEFAULT_VERDICT_OPTIONS } from '../core/rtxlog/analysis';
import type { LogModel } from '../core/rtxlog/model';
import { checkHost, checkMailFrom, parseClientIp } from '../core/spf/evaluate';
import { ZoneIndex, zoneResolver } from '../core/spf/resolver';
import { liveResolver, withFallback } from '../io/liveDns';
import type { ZoneModel } from '../core/zone/model';
import { toLspRange } from './convert';

export const SERVER_COMMANDS = ['senderGuard.server.fixAll', 'senderGuard.server.testSpf', 'senderGuard.server.simulate', 'senderGuard.server.infectedHosts', 'senderGuard.server.explainBounce'];

export interface CommandEnv {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  parsed(doc: TextDocument): ParsedDocument | undefined;
  context(): RuleContext;
  /** Whether the workspace is trusted (live DNS is never used otherwise). */
  trusted(): boolean;
}

type Args = Record<string, unknown>;

function str(a: Args, key: string): string | undefined {
  const v = a[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function docOf(env: CommandEnv, a: Args, language: string): ParsedDocument {
  const uri = str(a, 'uri');
  const doc = uri ? env.documents.get(uri) : undefined;
  const p = doc && env.parsed(doc);
  if (!p) throw new Error(uri ? `${uri} is not open` : 'no document given');
  if (p.languageId !== language) throw new Error(`${uri} is not a ${language} document`);
  return p;
}

async function fixAll(env: CommandEnv, a: Args): Promise<unknown> {
  const uri = str(a, 'uri') ?? '';
  const doc = env.documents.get(uri);
  const p = doc && env.parsed(doc);
  if (!doc || !p) throw new Error(`${uri} is not open`);
  const ctx = env.context();
  const { edits, fixed } = collectFixAll(p, validate(p, ctx), ctx, quickFixes);
  if (edits.length > 0) {
    await env.connection.workspace.applyEdit({
      label: 'Sender Guard: fix all',
      edit: { documentChanges: [{ textDocument: { uri, version: doc.version }, edits: edits.map((e) => ({ range: toLspRange(p.lines, e.range), newText: e.newText })) }] },
    });
  }
  return { fixed: fixed.map((f) => f.rule) };
}

async function testSpf(env: CommandEnv, a: Args): Promise<unknown> {
  const ip = str(a, 'ip');
  if (!ip || !parseClientIp(ip)) throw new Error(`'${ip ?? ''}' is not an IPv4 or IPv6 address`);
  const sender = str(a, 'sender');
  const domain = str(a, 'domain');
  if (!sender && !domain) throw new Error('give a sender address or a domain');
  const uri = str(a, 'uri');
  const open = uri ? env.documents.get(uri) : undefined;
  const p = open && env.parsed(open);
  const own = p?.languageId === 'zone' ? (p.model as ZoneModel) : undefined;
  // The document first: where another file holds the same zone, the document's version answers.
  const zones: ZoneModel[] = [...(own ? [own] : []), ...(env.context().workspace.zones ?? []).filter((z) => z !== own)];
  const live = env.context().settings.liveDns;
  const resolver =
    live.enabled && env.trusted()
      ? withFallback(new ZoneIndex(zones), liveResolver({ timeoutMs: live.timeoutMs, maxQueries: live.maxQueries, servers: live.servers.length ? live.servers : undefined }))
      : zoneResolver(zones);
  if (sender) return checkMailFrom(ip, sender, str(a, 'helo') ?? sender.split('@').pop() ?? '', resolver);
  return checkHost(ip, domain!, `postmaster@${domain}`, str(a, 'helo') ?? domain!, resolver);
}

function simulate(env: CommandEnv, a: Args): unknown {
  const p = docOf(env, a, 'rtx');
  const args: SimulateArgs = {};
  for (const k of ['from', 'to', 'proto', 'port', 'sport', 'interface', 'direction', 'tcpFlags'] as const) {
    const v = a[k];
    if (typeof v === 'string' || typeof v === 'number') args[k] = String(v);
  }
  const v = validateSimulateArgs(args);
  if ('errors' in v) return { errors: v.errors };
  const r = simulateCommand(p.model as RtxModel, v.input);
  return 'error' in r ? { errors: [r.error] } : r;
}

function infectedHosts(env: CommandEnv, a: Args): unknown {
  const p = docOf(env, a, 'rtxlog');
  const opts = { ...DEFAULT_VERDICT_OPTIONS, mailServers: env.context().settings.mailServers };
  return { hosts: summarizeHosts((p.model as LogModel).analysis, opts) };
}

/** At most this many related findings are returned by explainBounce. */
const MAX_BOUNCE_FINDINGS = 200;

function explainBounceCommand(env: CommandEnv, a: Args): unknown {
  // The text as given (a selection), else the open document named by uri.
  const open = str(a, 'uri') ? env.documents.get(str(a, 'uri')!) : undefined;
  const text = typeof a.text === 'string' ? a.text : open?.getText();
  if (text === undefined) throw new Error('give the text of the bounce message');
  const bounce = parseBounce(text);
  const explanation = explainBounce(bounce);
  const related = new Set(explanation.relatedRules);
  const ctx = env.context();
  const relatedFindings: { uri: string; rule: string; severity: string; message: string; range: ReturnType<typeof toLspRange> }[] = [];
  if (related.size > 0) {
    for (const doc of env.documents.all()) {
      // Every open document but the bounce itself (when its text was read from it); the active
      // editor may well be the zone file the bounce is about.
      if ((typeof a.text !== 'string' && doc.uri === str(a, 'uri')) || relatedFindings.length >= MAX_BOUNCE_FINDINGS) continue;
      const p = env.parsed(doc);
      if (!p) continue;
      for (const f of validate(p, ctx)) {
        if (related.has(f.rule) && relatedFindings.length < MAX_BOUNCE_FINDINGS) relatedFindings.push({ uri: doc.uri, rule: f.rule, severity: f.severity, message: f.message, range: toLspRange(p.lines, f.range) });
      }
    }
  }
  return {
    remoteMta: bounce.remoteMta ?? null,
    reportingMta: bounce.reportingMta ?? null,
    reply: bounce.reply ?? null,
    replyCode: bounce.replyCode ?? null,
    replyRange: bounce.replyRange ? toLspRange(new LineIndex(text), bounce.replyRange) : null,
    replyRangeExact: bounce.replyRangeExact,
    status: bounce.status ?? null,
    statusMeaning: explanation.status?.text ?? null,
    phase: bounce.phase ?? null,
    recipients: bounce.recipients,
    subject: bounce.subject ?? null,
    cause: explanation.cause,
    evidence: explanation.evidence,
    relatedRules: explanation.relatedRules,
    relatedFindings,
  };
}

export async function executeCommand(env: CommandEnv, command: string, args: unknown[] | undefined): Promise<unknown> {
  const a = (args?.[0] && typeof args[0] === 'object' ? args[0] : {}) as Args;
  switch (command) {
    case 'senderGuard.server.fixAll':
      return fixAll(env, a);
    case 'senderGuard.server.testSpf':
      return testSpf(env, a);
    case 'senderGuard.server.simulate':
      return simulate(env, a);
    case 'senderGuard.server.infectedHosts':
      return infectedHosts(env, a);
    case 'senderGuard.server.explainBounce':
      return explainBounceCommand(env, a);
    default:
      throw new Error(`unknown command ${command}`);
  }
}
