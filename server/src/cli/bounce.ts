/**
 * `senderguard bounce`: reads a bounce message (a saved .eml, the text of a non-delivery report, or
 * standard input), explains why the mail was refused and — given the workspace's zone files,
 * router configs and logs — shows the findings of the rules that catch that reason.
 */
import * as fs from 'fs';
import { LineIndex } from '../core/text';
import { explainBounce, type BounceExplanation } from '../core/bounce/explain';
import type { ParsedBounce } from '../core/bounce/model';
import { parseBounce } from '../core/bounce/parse';
import { checkFiles, toJson, type JsonFinding } from './check';
import { decode, oneOf, readArgs, UsageError } from './files';

export const BOUNCE_USAGE = `Usage: senderguard bounce [--format text|json] [--workspace PATH]... FILE|-

Reads a bounce (a delivery-status report, or the plain notice of Postfix, Exim, Sendmail,
Exchange / Outlook.com, qmail, Gmail, Yahoo, iCloud or a Japanese provider) and prints the remote
mail server, its reply (multi-line replies joined), the enhanced status code, the likely cause,
what it means and how to fix it. FILE "-" reads standard input.

  --format text|json   readable text (default) or one JSON object
  --workspace PATH     zone files, Yamaha RTX configs, router logs or directories of them
                       (repeatable): the findings of the rules related to the cause are listed
                       with file:line:col

Exit status: 0 the bounce was read (a reply or a status code was found), 1 nothing recognisable
in the text, 2 usage or read error.
`;

export interface BounceOptions {
  format: 'text' | 'json';
  workspace: string[];
  file: string;
}

export function parseBounceArgs(args: string[]): BounceOptions | 'help' {
  let format: BounceOptions['format'] = 'text';
  const workspace: string[] = [];
  const files: string[] = [];
  let help = false;
  readArgs(
    args,
    (name, arg) => {
      if (name === '--help' || name === '-h') help = true;
      else if (name === '--format') format = oneOf(name, arg.value(), ['text', 'json']);
      else if (name === '--workspace') workspace.push(arg.value());
      else return false;
      return true;
    },
    (word) => files.push(word),
  );
  if (help) return 'help';
  if (files.length === 0) throw new UsageError('bounce needs a FILE (or - for standard input)');
  if (files.length > 1) throw new UsageError('bounce reads one FILE at a time');
  return { format, workspace, file: files[0] };
}

async function readInput(file: string, stdin?: NodeJS.ReadableStream): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin ?? process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c as Uint8Array));
    return decode(Buffer.concat(chunks)).text;
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
  if (st.isDirectory()) throw new UsageError(`cannot read ${file}: it is a directory`);
  try {
    return decode(fs.readFileSync(file)).text;
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

type Pos = { line: number; column: number };

export interface BounceJson {
  file: string;
  remoteMta: { host: string | null; ip: string | null } | null;
  reportingMta: string | null;
  reply: string | null;
  replyCode: number | null;
  replyRange: { start: Pos; end: Pos; exact: boolean } | null;
  status: string | null;
  statusMeaning: string | null;
  phase: string | null;
  recipients: string[];
  subject: string | null;
  cause: BounceExplanation['cause'];
  evidence: string;
  relatedRules: string[];
  relatedFindings: JsonFinding[];
}

export function bounceToJson(file: string, text: string, b: ParsedBounce, e: BounceExplanation, findings: JsonFinding[]): BounceJson {
  const lines = new LineIndex(text);
  const pos = (offset: number): Pos => {
    const p = lines.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return {
    file,
    remoteMta: b.remoteMta ? { host: b.remoteMta.host ?? null, ip: b.remoteMta.ip ?? null } : null,
    reportingMta: b.reportingMta ?? null,
    reply: b.reply ?? null,
    replyCode: b.replyCode ?? null,
    replyRange: b.replyRange ? { start: pos(b.replyRange.start), end: pos(b.replyRange.end), exact: b.replyRangeExact } : null,
    status: b.status ?? null,
    statusMeaning: e.status?.text ?? null,
    phase: b.phase ?? null,
    recipients: b.recipients,
    subject: b.subject ?? null,
    cause: e.cause,
    evidence: e.evidence,
    relatedRules: e.relatedRules,
    relatedFindings: findings,
  };
}

const PHASE_TEXT: Record<string, string> = {
  connect: 'connection / greeting',
  HELO: 'HELO/EHLO',
  MAIL: 'MAIL FROM',
  RCPT: 'RCPT TO',
  DATA: 'DATA (after the message was sent)',
};

export function bounceToText(j: BounceJson, workspaceGiven: boolean): string {
  const rows: [string, string][] = [];
  if (j.remoteMta) rows.push(['Remote MTA', [j.remoteMta.host, j.remoteMta.ip ? `[${j.remoteMta.ip}]` : null].filter((x) => x).join(' ')]);
  if (j.reportingMta) rows.push(['Reported by', j.reportingMta]);
  if (j.reply) rows.push(['Reply', j.reply + (j.replyRange?.exact ? `  (${j.file}:${j.replyRange.start.line}:${j.replyRange.start.column})` : '')]);
  if (j.status) rows.push(['Status', j.statusMeaning ?? j.status]);
  if (j.phase) rows.push(['SMTP phase', PHASE_TEXT[j.phase] ?? j.phase]);
  if (j.recipients.length) rows.push(['Recipients', j.recipients.join(', ')]);
  rows.push(['Cause', `${j.cause.title} [${j.cause.id}]`]);
  rows.push(['Explanation', j.cause.explanation]);
  rows.push(['Fix', j.cause.fix]);
  if (j.relatedRules.length) rows.push(['Related rules', j.relatedRules.join(', ')]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  let s = rows.map(([k, v]) => `${(k + ':').padEnd(width)}${v}\n`).join('');
  if (j.relatedRules.length === 0) return s;
  if (!workspaceGiven) return s + `\nGive --workspace PATH (zone files, router configs, router logs) to list the findings of these rules.\n`;
  if (j.relatedFindings.length === 0) return s + '\nNo findings of these rules in the workspace.\n';
  s += `\nFindings in the workspace (${j.relatedFindings.length}):\n`;
  for (const f of j.relatedFindings) s += `  ${f.file}:${f.range.start.line}:${f.range.start.column}: ${f.severity} ${f.rule} ${f.message}\n`;
  return s;
}

export async function bounceCommand(args: string[], out: (s: string) => void, err: (s: string) => void, stdin?: NodeJS.ReadableStream): Promise<number> {
  let opts: BounceOptions;
  let text: string;
  let findings: JsonFinding[] = [];
  let bounce: ParsedBounce;
  let explanation: BounceExplanation;
  try {
    const parsed = parseBounceArgs(args);
    if (parsed === 'help') {
      out(BOUNCE_USAGE);
      return 0;
    }
    opts = parsed;
    text = await readInput(opts.file, stdin);
    bounce = parseBounce(text);
    explanation = explainBounce(bounce);
    if (opts.workspace.length > 0) {
      const related = new Set(explanation.relatedRules);
      findings = toJson(checkFiles({ mailServers: [], paths: opts.workspace }).results).filter((f) => related.has(f.rule));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`senderguard bounce: ${e.message}\n${e.message.startsWith('cannot read') ? '' : "Run 'senderguard bounce --help' for usage.\n"}`);
      return 2;
    }
    throw e;
  }
  const j = bounceToJson(opts.file, text, bounce, explanation, findings);
  if (opts.format === 'json') out(JSON.stringify(j, null, 2) + '\n');
  else out(bounceToText(j, opts.workspace.length > 0));
  const recognised = bounce.reply !== undefined || bounce.status !== undefined;
  if (!recognised && opts.format === 'text') err('senderguard bounce: no SMTP reply or enhanced status code found in the text\n');
  return recognised ? 0 : 1;
}
