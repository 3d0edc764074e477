/**
 * Building blocks for quick fixes that add filters: free filter numbers, where a new
 * `ip filter N …` line goes, and how a number enters (or a new line creates) a `secure filter`
 * list. Pure functions of the model; they return plain text edits.
 */
import type { TextEdit } from '../types';
import { ifaceKey, startsWith, words } from './command';
import { bindingFor, filterSpace } from './filter';
import type { ContextBlock, IfaceRef, ListEntry, RtxCommand, RtxModel, RtxToken, StaticFilter } from './model';

/** Static filter numbers of a family that are defined or referenced anywhere (a referenced number must not be reused). */
export function usedStaticNumbers(model: RtxModel, family: 4 | 6 = 4): Set<number> {
  const used = new Set<number>();
  const space = filterSpace(model, family);
  for (const f of space.staticDefs) used.add(f.num);
  for (const b of model.bindings) if (b.family === family) for (const e of b.list) used.add(e.num);
  for (const d of space.dynamicDefs) for (const l of [d.trigger, d.inFilters, d.outFilters]) for (const n of l ?? []) used.add(n);
  if (family === 4) for (const set of model.filters.sets.values()) for (const e of set.list) used.add(e.num);
  // Lists that were replaced later still name numbers a user may recognise; stay clear of them too.
  const head = family === 6 ? 'ipv6' : 'ip';
  for (const cmd of model.commands) {
    const w = words(cmd);
    if (w[2]?.lower === 'secure' && w[3]?.lower === 'filter' && w[0].lower === head) {
      for (const t of w.slice(5)) if (/^\d+$/.test(t.value)) used.add(Number(t.value));
    }
  }
  return used;
}

/** Where fix numbers start, and how far they may go (below the GUI's 200000 range). */
export const FIX_NUMBER_FIRST_BASE = 40;
export const FIX_NUMBER_STEP = 10;
export const FIX_NUMBER_LIMIT = 200000;

/**
 * The first "round" base b = 40, 50, 60, … below 200000 such that every b + offset is unused —
 * so a fix adds filters like 41/42 (the numbers an administrator would pick by hand) and never
 * collides with the GUI-generated 200000-series. Falls back to just above the largest used number.
 */
export function freeFilterBase(model: RtxModel, offsets: readonly number[], family: 4 | 6 = 4): number {
  const used = usedStaticNumbers(model, family);
  for (let b = FIX_NUMBER_FIRST_BASE; b + Math.max(...offsets) < FIX_NUMBER_LIMIT; b += FIX_NUMBER_STEP) {
    if (offsets.every((o) => !used.has(b + o))) return b;
  }
  let max = 0;
  for (const n of used) max = Math.max(max, n);
  return max + FIX_NUMBER_STEP - (max % FIX_NUMBER_STEP);
}

/** A static filter that passes everything (`pass * * * * *`), if one is defined. */
export function findPassAll(model: RtxModel, family: 4 | 6 = 4): StaticFilter | undefined {
  for (const f of filterSpace(model, family).static.values()) {
    if (f.action.verdict === 'pass' && f.src.any && f.dst.any && f.proto.any && f.sport.any && f.dport.any) return f;
  }
  return undefined;
}

/**
 * The commands that visibly belong to a select block. The context itself runs until the next
 * select (genuine `show config` never prints `pp select none`), but for placing new lines the
 * block ends where its indentation ends — when it is indented at all.
 */
export function blockBody(model: RtxModel, block: ContextBlock): RtxCommand[] {
  const cmds = block.commands.map((i) => model.commands[i]);
  if (cmds.length === 0 || cmds[0].indent === '') return cmds;
  let k = 0;
  while (k < cmds.length && cmds[k].indent !== '') k++;
  return cmds.slice(0, k);
}

/** A pending line insertion: `order` sorts lines that land on the same offset. */
export interface LineInsert {
  offset: number;
  text: string;
  order: number;
}

/** Inserting a whole line before the line of `cmd`. */
export function lineBefore(model: RtxModel, cmd: RtxCommand, line: string, order = 0): LineInsert {
  return { offset: cmd.lineRange.start, text: line + model.eol, order };
}

/** Inserting a whole line after the line of `cmd` (handles a last line without a line break). */
export function lineAfter(model: RtxModel, cmd: RtxCommand, line: string, order = 0): LineInsert {
  if (cmd.lastLine + 1 >= model.lines.lineCount) return { offset: cmd.lineRange.end, text: model.eol + line, order };
  return { offset: model.lines.lineStart(cmd.lastLine + 1), text: line + model.eol, order };
}

/** Deleting the whole line(s) of `cmd`, with its line break (or the one before it on the last line). */
export function deleteCommandLines(model: RtxModel, cmd: RtxCommand): TextEdit {
  if (cmd.lastLine + 1 < model.lines.lineCount) return { range: { start: cmd.lineRange.start, end: model.lines.lineStart(cmd.lastLine + 1) }, newText: '' };
  const start = cmd.line > 0 ? model.lines.lineEnd(cmd.line - 1) : cmd.lineRange.start;
  return { range: { start, end: cmd.lineRange.end }, newText: '' };
}

/**
 * Removing one number from a list line: the token and the blank before it. When it is the only
 * number after `dynamic`, the `dynamic` keyword goes too. Undefined when the list would be left
 * without any number (the line would no longer be valid).
 */
export function removeListEntry(cmd: RtxCommand, entry: ListEntry, list: readonly ListEntry[], dynamic: readonly ListEntry[], dynamicToken?: RtxToken): TextEdit | undefined {
  const inDynamic = dynamic.includes(entry);
  if (list.length + dynamic.length <= 1) return undefined;
  const i = cmd.tokens.indexOf(entry.token);
  if (i <= 0) return undefined;
  if (inDynamic && dynamic.length === 1 && dynamicToken) {
    const k = cmd.tokens.indexOf(dynamicToken);
    if (k > 0) return { range: { start: cmd.tokens[k - 1].range.end, end: entry.token.range.end }, newText: '' };
  }
  return { range: { start: cmd.tokens[i - 1].range.end, end: entry.token.range.end }, newText: '' };
}

/** Inserting `text` (numbers) before a list token. */
export function insertBefore(token: RtxToken, text: string): TextEdit {
  return { range: { start: token.range.start, end: token.range.start }, newText: `${text} ` };
}

/** Inserting `text` after a list token. */
export function insertAfter(token: RtxToken, text: string): TextEdit {
  return { range: { start: token.range.end, end: token.range.end }, newText: ` ${text}` };
}

/** Inserting a line at the end of the document. */
export function lineAtEnd(model: RtxModel, line: string, order = 0): LineInsert {
  const t = model.text;
  const needsBreak = t.length > 0 && !/[\r\n]$/.test(t);
  return { offset: t.length, text: (needsBreak ? model.eol : '') + line + model.eol, order };
}

/**
 * Where a new `ip filter N …` line goes: after the definition with the largest number below N
 * (or before the smallest one), so static filter lines keep their numeric order. When the file
 * has no static filters yet, where `show config` would print them: before the first
 * `ip filter dynamic` line, else right after the last PP/tunnel block, else at the end.
 */
export function staticFilterInsert(model: RtxModel, num: number, line: string, family: 4 | 6 = 4): LineInsert {
  const space = filterSpace(model, family);
  const defs = space.staticDefs;
  if (defs.length > 0) {
    let pred: StaticFilter | undefined;
    let min: StaticFilter | undefined;
    for (const d of defs) {
      if (d.num < num && (!pred || d.num >= pred.num)) pred = d;
      if (!min || d.num < min.num) min = d;
    }
    if (pred) return lineAfter(model, model.commands[pred.command], line, num);
    return lineBefore(model, model.commands[min!.command], line, num);
  }
  const dyn = space.dynamicDefs[0];
  if (dyn) return lineBefore(model, model.commands[dyn.command], line, num);
  if (family === 6) {
    // No IPv6 filters yet: after the last IPv4 filter definition, else at the end.
    const v4 = [...model.filters.staticDefs, ...model.filters.dynamicDefs].sort((a, b) => a.command - b.command).pop();
    if (v4) return lineAfter(model, model.commands[v4.command], line, num);
    return lineAtEnd(model, line, 1e9 + num);
  }
  const lastBlock = model.blocks[model.blocks.length - 1];
  if (lastBlock) {
    const cmds = blockBody(model, lastBlock);
    const last = cmds.length ? cmds[cmds.length - 1] : model.commands[lastBlock.select];
    return lineAfter(model, last, line, 1e9 + num);
  }
  return lineAtEnd(model, line, 1e9 + num);
}

/** Merges insertions into text edits (same offset ⇒ one edit, lines in `order`). */
export function toEdits(inserts: readonly LineInsert[]): TextEdit[] {
  const byOffset = new Map<number, LineInsert[]>();
  for (const i of inserts) byOffset.set(i.offset, [...(byOffset.get(i.offset) ?? []), i]);
  return [...byOffset.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([offset, list]) => {
      list.sort((a, b) => a.order - b.order);
      return { range: { start: offset, end: offset }, newText: list.map((i) => i.text).join('') };
    });
}

/**
 * Puts `nums` into the static part of the list of `iface`/`dir` before position `position`
 * (a position at the end inserts before `dynamic`). Returns undefined when there is no such list.
 */
export function insertIntoList(model: RtxModel, iface: IfaceRef, dir: 'in' | 'out', position: number, nums: readonly number[], family: 4 | 6 = 4): LineInsert | undefined {
  const b = bindingFor(model, iface, dir, family);
  if (!b || b.setName !== undefined) return undefined;
  const text = nums.join(' ');
  if (position < b.list.length) return { offset: b.list[position].token.range.start, text: `${text} `, order: 0 };
  if (b.dynamicToken) return { offset: b.dynamicToken.range.start, text: `${text} `, order: 0 };
  const last = b.list[b.list.length - 1];
  return last ? { offset: last.token.range.end, text: ` ${text}`, order: 0 } : undefined;
}

/**
 * A new `secure filter` line for an interface that has none: inside the (last) `pp select` /
 * `tunnel select` block — after its IN list, else before its `pp enable`/`tunnel enable`, else at
 * the block's end — or, for an Ethernet interface, after its IN list or its address line.
 * Undefined when no sensible place exists (e.g. a PP without any `pp select` block).
 */
export function createList(model: RtxModel, iface: IfaceRef, dir: 'in' | 'out', nums: readonly number[], family: 4 | 6 = 4): LineInsert | undefined {
  const list = nums.join(' ');
  const ip = family === 6 ? 'ipv6' : 'ip';
  if (iface.kind === 'pp' || iface.kind === 'tunnel') {
    const key = ifaceKey(iface);
    const blocks = model.blocks.filter((b) => ifaceKey({ kind: b.context.kind, id: b.context.id } as IfaceRef) === key);
    const block = blocks[blocks.length - 1];
    if (!block) return undefined;
    const cmds = blockBody(model, block);
    const indent = cmds[0]?.indent || ' ';
    const line = `${indent}${ip} ${iface.kind} secure filter ${dir} ${list}`;
    const inList = cmds.find((c) => !c.negated && startsWith(c, ip, iface.kind, 'secure', 'filter'));
    if (inList) return lineAfter(model, inList, line, 0);
    const enable = cmds.find((c) => !c.negated && startsWith(c, iface.kind, 'enable'));
    if (enable) return lineBefore(model, enable, line, 0);
    const last = cmds[cmds.length - 1] ?? model.commands[block.select];
    return lineAfter(model, last, line, -1);
  }
  const name = iface.name;
  const line = `${ip} ${name} secure filter ${dir} ${list}`;
  const mine = model.commands.filter((c) => !c.negated && startsWith(c, ip, name));
  const anchor =
    mine.find((c) => startsWith(c, ip, name, 'secure', 'filter')) ??
    mine.find((c) => startsWith(c, ip, name, 'address')) ??
    mine[mine.length - 1];
  return anchor ? lineAfter(model, anchor, anchor.indent + line, -1) : undefined;
}
