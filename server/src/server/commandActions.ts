/**
 * Code actions that open the palette commands where they apply (VS Code client only: the
 * commands are the client's, so other editors are not offered them):
 * - on an SPF record: "Test an IP address against this SPF record";
 * - on a `secure filter` line: "Simulate a packet through these filters";
 * - anywhere in a router log: "Show likely infected hosts";
 * - anywhere with fixable findings: "Fix all auto-fixable problems" (kind source.fixAll).
 */
import { CodeAction, CodeActionKind, type Range as LspRange } from 'vscode-languageserver';
import type { ParsedDocument } from '../core';
import type { RtxModel } from '../core/rtx/model';
import { spfAt } from '../core/spf/records';
import type { ZoneModel } from '../core/zone/model';
import { fromLspRange } from './convert';

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function commandActions(uri: string, p: ParsedDocument, range: LspRange, only: string[] | undefined, fixable: boolean): CodeAction[] {
  const out: CodeAction[] = [];
  const at = fromLspRange(p.lines, range).start;
  const add = (title: string, kind: string, command: string, args: Record<string, unknown>) => {
    if (wanted(only, kind)) out.push(CodeAction.create(title, { title, command, arguments: [{ uri, ...args }] }, kind));
  };
  if (p.languageId === 'zone') {
    const loc = spfAt(p.model as ZoneModel, at);
    if (loc && !loc.candidate.typo) {
      const domain = loc.candidate.record.owner.replace(/\.$/, '');
      add('Test an IP address against this SPF record', CodeActionKind.Empty, 'senderGuard.testSpf', { sender: `postmaster@${domain}` });
    }
  } else if (p.languageId === 'rtx') {
    const model = p.model as RtxModel;
    const onList = model.bindings.some((b) => {
      const cmd = model.commands[b.command];
      return cmd && at >= cmd.lineRange.start && at <= cmd.lineRange.end;
    });
    if (onList) add('Simulate a packet through these filters', CodeActionKind.Empty, 'senderGuard.simulatePacket', {});
  } else if (p.languageId === 'rtxlog') {
    add('Show likely infected hosts', CodeActionKind.Empty, 'senderGuard.showInfectedHosts', {});
  }
  if (fixable) add('Fix all auto-fixable problems', CodeActionKind.SourceFixAll + '.senderGuard', 'senderGuard.fixAll', {});
  return out;
}
