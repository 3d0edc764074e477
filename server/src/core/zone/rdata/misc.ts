/** Checkers of types whose fields depend on each other: AMTRELAY (RFC 8777 §4.3) and APL items (RFC 3123 §4). */
import type { DialectPointId, Tolerated } from '../servers';
import type { Range } from '../../types';
import type { ZoneToken } from '../model';
import { base64Problem, isDecimal, isIPv4, isIPv6, nameProblem } from './fields';

export interface FieldProblem {
  /** The dialect point (zone/servers.ts) when some server accepts what the RFC forbids here. */
  point?: DialectPointId;
  field: string;
  range: Range;
  message: string;
}

/** `precedence D-bit type relay`: relay `.` for type 0, IPv4 for 1, IPv6 for 2, a name for 3. */
export function amtrelayProblem(tokens: readonly ZoneToken[], origin: string, anchor: Range): FieldProblem | undefined {
  const names = ['precedence', 'discovery optional', 'type', 'relay'];
  const at = (i: number): Range => tokens[i]?.range ?? tokens[tokens.length - 1]?.range ?? anchor;
  for (let i = 0; i < 3; i++) {
    if (!tokens[i]) return { field: names[i], range: at(i), message: 'missing' };
  }
  const [p, d, t] = tokens;
  if (!isDecimal(p.text) || Number(p.text) > 255) return { field: 'precedence', range: p.range, message: `'${p.text}' is not a number 0–255` };
  if (d.text !== '0' && d.text !== '1') return { field: 'discovery optional', range: d.range, message: `'${d.text}' is not 0 or 1` };
  if (!isDecimal(t.text) || Number(t.text) > 127) return { field: 'type', range: t.range, message: `'${t.text}' is not a number 0–127` };
  const type = Number(t.text);
  const relay = tokens[3];
  if (tokens.length > 4) return { field: 'data', range: tokens[4].range, message: 'unexpected text after the relay' };
  if (!relay) return { field: 'relay', range: at(2), message: 'missing' };
  switch (type) {
    case 0:
      return relay.text === '.' ? undefined : { field: 'relay', range: relay.range, message: 'must be . for relay type 0' };
    case 1:
      return isIPv4(relay.text) ? undefined : { field: 'relay', range: relay.range, message: `'${relay.text}' is not an IPv4 address` };
    case 2:
      return isIPv6(relay.text) ? undefined : { field: 'relay', range: relay.range, message: `'${relay.text}' is not an IPv6 address` };
    case 3: {
      const m = nameProblem(relay.text, origin);
      return m ? { field: 'relay', range: relay.range, message: m } : undefined;
    }
    default:
      return { field: 'type', range: t.range, message: `relay type ${type} can only be written in the generic form` };
  }
}

/** One APL item: `[!]family:address/prefix`. */
export function aplProblem(text: string): string | undefined {
  const m = /^!?([12]):([^/]+)\/(\d{1,3})$/.exec(text);
  if (!m) return `'${text}' is not an address prefix ([!]1:a.b.c.d/n or [!]2:ipv6/n)`;
  const v4 = m[1] === '1';
  if (v4 ? !isIPv4(m[2]) : !isIPv6(m[2])) return `'${m[2]}' is not an IPv${v4 ? 4 : 6} address`;
  if (Number(m[3]) > (v4 ? 32 : 128)) return `prefix length ${m[3]} is above ${v4 ? 32 : 128}`;
  return undefined;
}

/** `precedence gateway-type algorithm gateway [public-key]` (RFC 4025 §3.1). */
export function ipseckeyProblems(tokens: readonly ZoneToken[], origin: string, anchor: Range, tolerated: Tolerated = () => false): FieldProblem[] {
  // Gateway type 0 written without its '.' gateway (some servers read no gateway field then).
  const type0 = tokens[1]?.text === '0' && tokens[3]?.text !== '.' && tokens.length >= 3 && tokens.slice(0, 3).every((t) => isDecimal(t.text) && Number(t.text) <= 255);
  if (type0) {
    const p: FieldProblem = tokens[3]
      ? { field: 'gateway', range: tokens[3].range, message: 'must be . for gateway type 0', point: 'ipseckey-missing-gateway' }
      : { field: 'gateway', range: tokens[2].range, message: 'missing', point: 'ipseckey-missing-gateway' };
    if (!tolerated('ipseckey-missing-gateway')) return [p];
    const rest = ipseckeyProblem([...tokens.slice(0, 3), { ...tokens[2], text: '.', quoted: false }, ...tokens.slice(3)], origin, anchor);
    return rest ? [p, rest] : [p];
  }
  const p = ipseckeyProblem(tokens, origin, anchor);
  return p ? [p] : [];
}

/** The first problem of IPSECKEY RDATA. */
function ipseckeyProblem(tokens: readonly ZoneToken[], origin: string, anchor: Range): FieldProblem | undefined {
  const names = ['precedence', 'gateway type', 'algorithm', 'gateway'];
  for (let i = 0; i < 4; i++) {
    if (!tokens[i]) return { field: names[i], range: tokens[tokens.length - 1]?.range ?? anchor, message: 'missing' };
    if (i < 3 && (!isDecimal(tokens[i].text) || Number(tokens[i].text) > 255)) {
      return { field: names[i], range: tokens[i].range, message: `'${tokens[i].text}' is not a number 0–255` };
    }
  }
  const type = Number(tokens[1].text);
  const alg = Number(tokens[2].text);
  const gw = tokens[3];
  if (type > 3) return { field: 'gateway type', range: tokens[1].range, message: `'${type}' is not a gateway type 0–3` };
  const gwProblem =
    type === 0
      ? gw.text === '.' ? undefined : 'must be . for gateway type 0'
      : type === 1
        ? isIPv4(gw.text) ? undefined : `'${gw.text}' is not an IPv4 address`
        : type === 2
          ? isIPv6(gw.text) ? undefined : `'${gw.text}' is not an IPv6 address`
          : nameProblem(gw.text, origin);
  if (gwProblem) return { field: 'gateway', range: gw.range, message: gwProblem };
  const key = tokens.slice(4);
  if (key.length === 0) return undefined;
  if (alg === 0) return { field: 'public key', range: key[0].range, message: 'algorithm 0 takes no key' };
  const p = base64Problem(key.map((t) => t.text).join(''));
  return p ? { field: 'public key', range: { start: key[0].range.start, end: key[key.length - 1].range.end }, message: p } : undefined;
}
