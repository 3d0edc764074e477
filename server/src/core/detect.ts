/**
 * Language detection from a file name and the start of its content, shared by the CLI and
 * mirrored by the client's `contributes.languages` (extensions, filenamePatterns, firstLine).
 */
import { isRtxLogLine } from './rtxlog/parse';
import type { LanguageId } from './types';

/** First line of a Yamaha `show config`: `# RTX1210 Rev.14.01.42 (…)`. */
export const RTX_HEADER = /^#\s*(?:RTX|NVR|RT|FWX|SRT|vRX|N\d)\S*\s+Rev\.\d/i;
/** Yamaha log lines: `show log` timestamps or syslog `<PRI>` followed by a Yamaha message. */
const RTX_LOG_LINE =
  /^(?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d:\s|<\d{1,3}>\s?(?:\[[A-Z0-9]+\]|(?:PP|LAN|TUNNEL|WAN)))|(?:PP\[\d+\]|TUNNEL\[\d+\]|LAN\d+) (?:Rejected|Passed) at (?:IN|OUT)\(/;
/** Zone-file start: a directive, or an SOA record somewhere near the top. */
const ZONE_START = /^\s*\$(?:ORIGIN|TTL|INCLUDE|GENERATE)\b|^\S*\s+(?:\d+[smhdwSMHDW]?\s+)?(?:IN\s+)?SOA\s/im;

/** BIND's own zone files (root hints, localhost zones), as package.json `filenames` lists them. */
const ZONE_FILE_NAMES = new Set(['named.root', 'named.ca', 'named.local', 'named.empty', 'named.localhost', 'named.loopback']);

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** Language by file name alone, or undefined when the name says nothing. */
export function languageFromName(path: string): LanguageId | undefined {
  const name = baseName(path).toLowerCase();
  if (name.endsWith('.zone') || name.startsWith('db.') || ZONE_FILE_NAMES.has(name)) return 'zone';
  if (name.endsWith('.rtx')) return 'rtx';
  if (name.endsWith('.rtxlog')) return 'rtxlog';
  return undefined;
}

/** Language by content: looks at the first few KB only. */
export function languageFromContent(text: string): LanguageId | undefined {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (RTX_HEADER.test(firstLine)) return 'rtx';
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5);
  if (lines.length > 0 && lines.every((l) => RTX_LOG_LINE.test(l) || isRtxLogLine(l) || /^\s*#/.test(l))) return 'rtxlog';
  const firstCode = head.split(/\r?\n/).find((l) => l.trim() !== '' && !/^\s*;/.test(l)) ?? '';
  if (/^\s*\$(?:ORIGIN|TTL|INCLUDE|GENERATE)\b/i.test(firstCode) || ZONE_START.test(head)) return 'zone';
  return undefined;
}

export function detectLanguage(path: string, text: string): LanguageId | undefined {
  return languageFromName(path) ?? languageFromContent(text);
}
