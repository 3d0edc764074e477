/**
 * SOA serial bump. A serial that looks like a date (`YYYYMMDDnn`) moves to today's date with
 * `nn = 00`, or counts `nn` up when it is already today's (or later); any other serial gets +1
 * (modulo 2^32, RFC 1982). Today's date is an input: the core reads no clock.
 */
import type { CalendarDate, EditorAction } from '../features';
import type { Range, TextEdit } from '../types';
import type { ZoneModel, ZoneRecord } from './model';

/** The server command; the palette command `senderGuard.bumpSerial` calls it with the active document. */
export const BUMP_SERIAL_COMMAND = 'senderGuard.server.bumpSerial';
export const BUMP_SERIAL_TITLE = 'Bump SOA serial';

const MAX_SERIAL = 0xffffffff;

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True when `serial` reads as a plausible `YYYYMMDDnn`. */
export function isDateSerial(serial: number): boolean {
  if (!Number.isInteger(serial) || serial < 1_000_000_000 || serial > MAX_SERIAL) return false;
  const date = Math.floor(serial / 100);
  const year = Math.floor(date / 10000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  return year >= 1970 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** The next serial after `serial` on `today`. */
export function nextSerial(serial: number, today: CalendarDate): number {
  if (isDateSerial(serial)) {
    const base = (today.year * 10000 + today.month * 100 + today.day) * 100;
    if (serial < base && base <= MAX_SERIAL) return base;
  }
  return serial >= MAX_SERIAL ? 0 : serial + 1;
}

/** The SOA record to bump: the first one with a readable serial. */
function soaWithSerial(model: ZoneModel): { record: ZoneRecord; serial: number; range: Range } | undefined {
  for (const record of model.recordsOfType('SOA')) {
    if (record.generic) continue;
    const t = record.rdata[2];
    if (!t || t.quoted || !/^\d{1,10}$/.test(t.text)) continue;
    const serial = Number(t.text);
    if (serial > MAX_SERIAL) continue;
    return { record, serial, range: t.range };
  }
  return undefined;
}

/** The edit that bumps the SOA serial, or undefined when the zone has no SOA with a serial. */
export function bumpSerialEdits(model: ZoneModel, today: CalendarDate): TextEdit[] | undefined {
  const soa = soaWithSerial(model);
  if (!soa) return undefined;
  return [{ range: soa.range, newText: String(nextSerial(soa.serial, today)) }];
}

/** "Bump SOA serial", offered when `range` touches the SOA record. */
export function serialActions(model: ZoneModel, range: Range, today: CalendarDate): EditorAction[] {
  const soa = soaWithSerial(model);
  if (!soa) return [];
  const r = soa.record.range;
  const start = Math.min(soa.record.lineStart, r.start);
  if (range.start > r.end || range.end < start) return [];
  return [
    {
      title: BUMP_SERIAL_TITLE,
      kind: 'refactor.rewrite',
      edits: [{ range: soa.range, newText: String(nextSerial(soa.serial, today)) }],
      command: BUMP_SERIAL_COMMAND,
    },
  ];
}
