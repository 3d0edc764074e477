/** Small helpers for reading parsed commands and naming interfaces. */
import { LAN_LOG_LABEL_IS_UPPERCASE_NAME } from './assumptions';
import type { IfaceRef, RtxCommand, RtxContext, RtxToken } from './model';

/** The tokens after an optional leading `no`. */
export function words(cmd: RtxCommand): RtxToken[] {
  return cmd.wordStart === 0 ? cmd.tokens : cmd.tokens.slice(cmd.wordStart);
}

/** True when the command's words start with the given keywords (case-insensitive). */
export function startsWith(cmd: RtxCommand, ...keywords: string[]): boolean {
  const w = cmd.tokens;
  const s = cmd.wordStart;
  if (w.length - s < keywords.length) return false;
  for (let i = 0; i < keywords.length; i++) if (w[s + i].lower !== keywords[i]) return false;
  return true;
}

/** Stable key of an interface: `lan1`, `pp 1`, `pp anonymous`, `tunnel 2`. */
export function ifaceKey(i: IfaceRef): string {
  switch (i.kind) {
    case 'pp':
      return `pp ${i.id}`;
    case 'tunnel':
      return `tunnel ${i.id}`;
    case 'if':
      return i.name;
  }
}

export function parseIfaceKey(key: string): IfaceRef | undefined {
  const m = /^(pp|tunnel) (\d+|anonymous)$/.exec(key);
  if (m) {
    if (m[1] === 'pp') return { kind: 'pp', id: m[2] === 'anonymous' ? 'anonymous' : Number(m[2]) };
    if (m[2] !== 'anonymous') return { kind: 'tunnel', id: Number(m[2]) };
    return undefined;
  }
  return IFACE_NAME.test(key) ? { kind: 'if', name: key } : undefined;
}

export function sameIface(a: IfaceRef, b: IfaceRef): boolean {
  return ifaceKey(a) === ifaceKey(b);
}

/** Interface names usable as `ip IFACE …` (reference §1.8). */
export const IFACE_NAME = /^(?:lan\d+(?:[/.]\d+)?|vlan\d+|wan\d+|bridge\d+|loopback\d+|null|bri\d+|wlan\d+|usb\d+)$/;

/** How the router names the interface in its log (`PP[01]`, `TUNNEL[1]`, `LAN2`). */
export function ifaceLogLabel(i: IfaceRef): string {
  switch (i.kind) {
    case 'pp':
      return i.id === 'anonymous' ? 'PP[ANONYMOUS]' : `PP[${String(i.id).padStart(2, '0')}]`;
    case 'tunnel':
      return `TUNNEL[${i.id}]`;
    case 'if':
      return LAN_LOG_LABEL_IS_UPPERCASE_NAME ? i.name.toUpperCase() : i.name;
  }
}

/** The interface a context selects (`pp 1`), or undefined for `none`. */
export function contextIface(c: RtxContext): IfaceRef | undefined {
  if (c.kind === 'pp') return { kind: 'pp', id: c.id };
  if (c.kind === 'tunnel') return { kind: 'tunnel', id: c.id };
  return undefined;
}

export function contextLabel(c: RtxContext): string {
  return c.kind === 'none' ? 'none' : `${c.kind} ${c.id}`;
}
