/**
 * Palette commands (category "Sender Guard"). Each gathers its input — from the arguments when
 * called programmatically or from a code lens, else by asking — runs the matching server command,
 * shows the outcome in the "Sender Guard Results" output channel and returns it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface SpfTrace {
  kind: string;
  depth?: number;
  text?: string;
  message?: string;
}
interface SpfCheck {
  result: string;
  explanation?: string;
  problem?: string;
  lookups: number;
  trace: SpfTrace[];
}
interface SimulateStep {
  interface: string;
  direction: string;
  filter: number | string;
  action: string;
  reason: string;
  log?: string;
}
interface SimulateResult {
  verdict?: string;
  path?: string;
  steps?: SimulateStep[];
  errors?: string[];
}
interface HostReport {
  host: string;
  attempts: number;
  rejected: number;
  passed: number;
  destinations: number;
  likelyInfected: boolean;
  smtpPassed: boolean;
  firstSeen?: { time?: string; line: number };
  lastSeen?: { time?: string; line: number };
}

interface BounceResult {
  remoteMta: { host?: string; ip?: string } | null;
  reply: string | null;
  status: string | null;
  statusMeaning: string | null;
  phase: string | null;
  recipients: string[];
  cause: { id: string; title: string; explanation: string; fix: string };
  relatedRules: string[];
  relatedFindings: { uri: string; rule: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
}

type Args = Record<string, unknown> | undefined;

function activeDocument(language: string, args: Args): vscode.Uri | undefined {
  if (typeof args?.uri === 'string') return vscode.Uri.parse(args.uri);
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.languageId === language ? doc.uri : undefined;
}

async function ask(args: Args, key: string, options: vscode.InputBoxOptions): Promise<string | undefined> {
  const given = args?.[key];
  if (typeof given === 'string' || typeof given === 'number') return String(given);
  return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
}

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$/;

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const output = vscode.window.createOutputChannel('Sender Guard Results');
  context.subscriptions.push(output);
  const run = <T>(command: string, args: Record<string, unknown>): Promise<T> =>
    client.sendRequest('workspace/executeCommand', { command, arguments: [args] }) as Promise<T>;
  const show = (title: string, lines: string[]): void => {
    output.appendLine(`── ${title}`);
    for (const l of lines) output.appendLine(l);
    output.appendLine('');
    output.show(true);
  };
  const register = (id: string, fn: (args: Args) => Promise<unknown>): void => {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (args?: Args) => {
        try {
          return await fn(args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : undefined);
        } catch (e) {
          void vscode.window.showErrorMessage(`Sender Guard: ${e instanceof Error ? e.message : String(e)}`);
          return undefined;
        }
      }),
    );
  };

  register('senderGuard.testSpf', async (args) => {
    const uri = activeDocument('zone', args);
    const ip = await ask(args, 'ip', { prompt: 'Client IP address to test', placeHolder: '203.0.113.25', validateInput: (v) => (IP.test(v.trim()) ? undefined : 'an IPv4 or IPv6 address') });
    if (!ip) return undefined;
    const sender = await ask(args, 'sender', { prompt: 'Sender (MAIL FROM) address or domain', placeHolder: 'postmaster@example.jp' });
    if (!sender) return undefined;
    const who = sender.includes('@') ? { sender } : { domain: sender };
    const r = await run<SpfCheck>('senderGuard.server.testSpf', { uri: uri?.toString(), ip: ip.trim(), ...who, helo: args?.helo });
    show(`SPF: ${ip} sending for ${sender} → ${r.result}`, [
      `result: ${r.result}${r.explanation ? ` — ${r.explanation}` : ''}${r.problem ? ` (${r.problem})` : ''}`,
      `DNS-querying terms: ${r.lookups}/10`,
      ...r.trace.map((t) => `${'  '.repeat(t.depth ?? 0)}${t.kind}: ${t.text ?? t.message ?? ''}`),
    ]);
    void vscode.window.showInformationMessage(`SPF result for ${ip} sending as ${sender}: ${r.result}`);
    return r;
  });

  register('senderGuard.simulatePacket', async (args) => {
    const uri = activeDocument('rtx', args);
    if (!uri) throw new Error('open a Yamaha RTX config first');
    const from = await ask(args, 'from', { prompt: 'Source address (a LAN host)', placeHolder: '192.168.100.37' });
    if (!from) return undefined;
    const to = await ask(args, 'to', { prompt: 'Destination address', placeHolder: '198.51.100.25' });
    if (!to) return undefined;
    const proto = typeof args?.proto === 'string' ? args.proto : await vscode.window.showQuickPick(['tcp', 'udp', 'icmp'], { placeHolder: 'Protocol' });
    if (!proto) return undefined;
    const port = proto === 'icmp' ? undefined : await ask(args, 'port', { prompt: 'Destination port', value: '25' });
    const r = await run<SimulateResult>('senderGuard.server.simulate', { ...args, uri: uri.toString(), from, to, proto, port });
    if (r.errors) throw new Error(r.errors.join('; '));
    show(`${r.path}: ${proto.toUpperCase()} ${from} > ${to}${port ? `:${port}` : ''} → ${r.verdict}`, [
      ...(r.steps ?? []).map((s) => `${s.interface} ${s.direction}: ${s.action} by ${s.filter} — ${s.reason}${s.log ? `\n    log: ${s.log}` : ''}`),
    ]);
    void vscode.window.showInformationMessage(`Packet ${from} → ${to}${port ? `:${port}` : ''}: ${r.verdict}`);
    return r;
  });

  register('senderGuard.showInfectedHosts', async (args) => {
    const uri = activeDocument('rtxlog', args);
    if (!uri) throw new Error('open a Yamaha router log first');
    const r = await run<{ hosts: HostReport[] }>('senderGuard.server.infectedHosts', { uri: uri.toString() });
    const infected = r.hosts.filter((h) => h.likelyInfected);
    show(`SMTP from the LAN in ${vscode.workspace.asRelativePath(uri)}`, [
      'host                attempts  rejected  passed  destinations  first seen → last seen',
      ...r.hosts.map(
        (h) =>
          `${(h.likelyInfected ? '! ' : '  ') + h.host.padEnd(18)}${String(h.attempts).padStart(8)}${String(h.rejected).padStart(10)}${String(h.passed).padStart(8)}${String(h.destinations).padStart(14)}  ${h.firstSeen?.time ?? `line ${(h.firstSeen?.line ?? 0) + 1}`} → ${h.lastSeen?.time ?? `line ${(h.lastSeen?.line ?? 0) + 1}`}`,
      ),
    ]);
    void vscode.window.showInformationMessage(
      infected.length ? `Likely infected: ${infected.map((h) => h.host).join(', ')}` : 'No LAN host looks infected in this log.',
    );
    return r;
  });

  register('senderGuard.explainBounce', async (args) => {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
    const text = typeof args?.text === 'string' ? args.text : (selected ?? editor?.document.getText());
    if (!text || text.trim() === '') throw new Error('open or select a bounce message first');
    const r = await run<BounceResult>('senderGuard.server.explainBounce', { text, uri: editor?.document.uri.toString() });
    const where = (f: BounceResult['relatedFindings'][number]): string =>
      `${vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri))}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    show(`Bounce: ${r.cause.title} [${r.cause.id}]`, [
      ...(r.remoteMta ? [`remote MTA: ${[r.remoteMta.host, r.remoteMta.ip ? `[${r.remoteMta.ip}]` : ''].filter((x) => x).join(' ')}`] : []),
      ...(r.reply ? [`reply: ${r.reply}`] : []),
      ...(r.status ? [`status: ${r.statusMeaning ?? r.status}`] : []),
      ...(r.phase ? [`SMTP phase: ${r.phase}`] : []),
      ...(r.recipients.length ? [`recipients: ${r.recipients.join(', ')}`] : []),
      `explanation: ${r.cause.explanation}`,
      `fix: ${r.cause.fix}`,
      ...(r.relatedRules.length ? [`related rules: ${r.relatedRules.join(', ')}`] : []),
      ...(r.relatedRules.length && r.relatedFindings.length === 0 ? ['no findings of these rules in the open files (open the zone files, router config and logs to check them)'] : []),
      ...r.relatedFindings.map((f) => `  ${where(f)}: ${f.severity} ${f.rule} ${f.message}`),
    ]);
    void vscode.window.showInformationMessage(`Bounce explained: ${r.cause.title}`);
    return r;
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('senderGuard.openExample', async (relative?: string) => {
      const name = typeof relative === 'string' && /^(broken|fixed)\/[\w.-]+$/.test(relative) ? relative : 'broken/example.jp.zone';
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(context.extensionUri, 'examples', ...name.split('/')));
      return vscode.window.showTextDocument(doc, { preview: false });
    }),
  );

  register('senderGuard.bumpSerial', async (args) => {
    const uri = activeDocument('zone', args);
    if (!uri) throw new Error('open a zone file first');
    return vscode.commands.executeCommand('senderGuard.server.bumpSerial', { uri: uri.toString() });
  });

  register('senderGuard.fixAll', async (args) => {
    const doc = typeof args?.uri === 'string' ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    if (!doc) throw new Error('open a file first');
    const r = await run<{ fixed: string[] }>('senderGuard.server.fixAll', { uri: doc.toString() });
    void vscode.window.showInformationMessage(r.fixed.length ? `Sender Guard fixed ${r.fixed.length} problem(s).` : 'Nothing to fix automatically.');
    return r;
  });
}
