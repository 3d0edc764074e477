/**
 * Packet-space coverage: which packets a filter can match, as a union of boxes, so that questions
 * like "can this filter ever match after the ones before it?" are answered by set algebra instead
 * of sampling.
 *
 * A packet is a point in six dimensions: source, destination, protocol, TCP flags, and two
 * "port" dimensions — TCP/UDP source and destination ports, or ICMP type and code. Dimensions a
 * protocol does not have are full for every filter (so they never decide a comparison). Each
 * dimension is a sorted list of disjoint inclusive bigint intervals.
 *
 * Addresses: real IPv4/IPv6 addresses lie in [0, 2^128). Host names, `map-e`, `hb46pp` and `@app`
 * elements cannot be resolved offline, so each distinct one is a point of its own beyond the real
 * addresses (`*` covers it, another element only if it is the same name); each distinct learned
 * prefix (`ra-prefix@lan2`) is its own region in which elements compare by their interface part.
 *
 * A filter's region is built either as a superset (`'super'`: safe for the filter being tested)
 * or a subset (`'sub'`: safe for the filters that cover it) of what it really matches; the two
 * differ only for shapes that are too costly to enumerate (`10.*.*.1`, non-contiguous masks).
 * So "covered" is only ever claimed when it is certain.
 */
import { TCP_FLAG_ANALYSIS_BITS } from './assumptions';
import { prefixMask6 } from './address';
import { DYNAMIC_APPLICATIONS, PROTO_ICMP, PROTO_ICMP6, PROTO_TCP, PROTO_UDP, TCP_FLAGS } from './ports';
import type { AddrElem, AddrSpec, DynamicFilter, PortSpec, ProtoSpec, StaticFilter } from './model';

export type Interval = readonly [bigint, bigint];
export type ISet = readonly Interval[];
/** [src, dst, proto, flags, a, b] */
export type Box = readonly ISet[];
export type Region = readonly Box[];
export type Mode = 'super' | 'sub';

const SYMBOL_BASE = 1n << 140n;
const PREFIX_BASE = 1n << 150n;
const ADDR_MAX = (1n << 200n) - 1n;
const FLAG_MAX = BigInt((1 << TCP_FLAG_ANALYSIS_BITS) - 1);

export const FULL_ADDR: ISet = [[0n, ADDR_MAX]];
export const FULL_PROTO: ISet = [[0n, 255n]];
export const FULL_FLAGS: ISet = [[0n, FLAG_MAX]];
export const FULL_PORT: ISet = [[0n, 65535n]];
export const FULL_BOX: Box = [FULL_ADDR, FULL_ADDR, FULL_PROTO, FULL_FLAGS, FULL_PORT, FULL_PORT];

/** At most this many boxes in a region; beyond it an analysis gives up (answers "unknown"). */
export const MAX_BOXES = 1000;

/**
 * Work allowance of one analysis (one list), counted in box operations. Adversarial lists (many
 * filters with ten port ranges each, overlapping in every dimension) fragment regions quickly;
 * past the allowance the remaining questions answer "unknown" and nothing is reported for them.
 */
export const WORK_BUDGET = 50_000;

export class Budget {
  constructor(public left: number = WORK_BUDGET) {}
  spend(n: number): boolean {
    this.left -= n;
    return this.left >= 0;
  }
}

// ----- interval sets -------------------------------------------------------------------------

export function normalizeSet(ivs: Interval[]): ISet {
  const sorted = ivs.filter(([a, b]) => a <= b).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1n) {
      if (b > last[1]) last[1] = b;
    } else out.push([a, b]);
  }
  return out;
}

export function intersectSet(a: ISet, b: ISet): ISet {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i][0] > b[j][0] ? a[i][0] : b[j][0];
    const hi = a[i][1] < b[j][1] ? a[i][1] : b[j][1];
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

export function subtractSet(a: ISet, b: ISet): ISet {
  const out: Interval[] = [];
  let j = 0;
  for (const [lo0, hi] of a) {
    let lo = lo0;
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (k < b.length && b[k][0] <= hi && lo <= hi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1n]);
      lo = b[k][1] + 1n;
      k++;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

function boxIntersect(a: Box, b: Box): Box | undefined {
  const out: ISet[] = [];
  for (let d = 0; d < a.length; d++) {
    const s = intersectSet(a[d], b[d]);
    if (s.length === 0) return undefined;
    out.push(s);
  }
  return out;
}

/** a \ b as disjoint boxes (at most one per dimension). */
function boxSubtract(a: Box, b: Box): Box[] {
  if (!boxIntersect(a, b)) return [a];
  const out: Box[] = [];
  const cur = a.slice();
  for (let d = 0; d < a.length; d++) {
    const rest = subtractSet(cur[d], b[d]);
    if (rest.length) {
      const piece = cur.slice();
      piece[d] = rest;
      out.push(piece);
    }
    cur[d] = intersectSet(cur[d], b[d]);
  }
  return out;
}

/** region \ (union of boxes); undefined when the result would exceed `MAX_BOXES` or the budget runs out. */
export function subtractRegion(region: Region, boxes: Region, budget?: Budget): Region | undefined {
  let cur: Box[] = region.slice();
  for (const b of boxes) {
    if (budget && !budget.spend(cur.length)) return undefined;
    const next: Box[] = [];
    for (const a of cur) next.push(...boxSubtract(a, b));
    if (next.length > MAX_BOXES) return undefined;
    cur = next;
    if (cur.length === 0) break;
  }
  return cur;
}

export function intersectsRegion(a: Region, b: Region, budget?: Budget): boolean {
  if (budget) budget.spend(a.length * b.length);
  return a.some((x) => b.some((y) => boxIntersect(x, y) !== undefined));
}

export function intersectRegion(a: Region, b: Region): Region {
  const out: Box[] = [];
  for (const x of a) for (const y of b) {
    const i = boxIntersect(x, y);
    if (i) out.push(i);
  }
  return out;
}

// ----- building regions ------------------------------------------------------------------------

const point = (n: number | bigint): Interval => [BigInt(n), BigInt(n)];

function portSet(spec: PortSpec): ISet {
  if (spec.any) return FULL_PORT;
  return normalizeSet(spec.elems.flatMap((e) => e.ports.map((r): Interval => [BigInt(r.from), BigInt(r.to)])));
}

function flagSet(value: number, mask: number, negate: boolean): ISet {
  const m = mask & Number(FLAG_MAX);
  const v = value & Number(FLAG_MAX);
  // Bits above the analysed ones must be clear in packets: a test that needs one set never matches.
  const impossible = (value & mask & ~Number(FLAG_MAX)) !== 0;
  const out: Interval[] = [];
  for (let f = 0; f <= Number(FLAG_MAX); f++) {
    const eq = !impossible && (f & m) === v;
    if (eq !== negate) out.push(point(f));
  }
  return normalizeSet(out);
}

/** Names each unresolvable element or learned prefix with a place on the address axis. */
export class CoverageContext {
  private readonly symbols = new Map<string, bigint>();
  /** Shared by every question asked through this context. */
  readonly budget = new Budget();

  private symbol(key: string, base: bigint): bigint {
    let n = this.symbols.get(key);
    if (n === undefined) {
      n = base * (BigInt(this.symbols.size) + 1n);
      this.symbols.set(key, n);
    }
    return n;
  }

  private elemSet(e: AddrElem, mode: Mode): ISet {
    switch (e.kind) {
      case 'any':
        return FULL_ADDR;
      case 'cidr': {
        // 0.0.0.0/0 holds every address, also those names resolve to.
        if (e.mask === 0) return FULL_ADDR;
        if (e.prefix !== undefined || mode === 'super') {
          const lo = BigInt((e.base & e.mask) >>> 0);
          return [[lo, lo | BigInt(~e.mask >>> 0)]];
        }
        return [];
      }
      case 'octets':
        return octetSet(e.octets, mode);
      case 'range':
        return [[BigInt(e.from ?? 0), BigInt(e.to ?? 0xffffffff)]];
      case 'cidr6': {
        if (e.prefix === 0) return FULL_ADDR;
        const lo = e.addr & prefixMask6(e.prefix);
        return [[lo, lo | (~prefixMask6(e.prefix) & ((1n << 128n) - 1n))]];
      }
      case 'range6':
        return [[e.from ?? 0n, e.to ?? (1n << 128n) - 1n]];
      case 'dynprefix': {
        const base = this.symbol(`prefix ${e.source}@${e.iface}`, PREFIX_BASE);
        const lo = e.suffix & prefixMask6(e.prefix);
        return [[base + lo, base + (lo | (~prefixMask6(e.prefix) & ((1n << 128n) - 1n)))]];
      }
      case 'fqdn':
        return [point(this.symbol(`fqdn ${e.suffix ? '*.' : ''}${e.name}`, SYMBOL_BASE))];
      case 'keyword':
        return [point(this.symbol(`keyword ${e.name}`, SYMBOL_BASE))];
      case 'app':
        return [point(this.symbol(`app ${e.name}`, SYMBOL_BASE))];
    }
  }

  addrSet(spec: AddrSpec, mode: Mode): ISet {
    if (spec.any) return FULL_ADDR;
    return normalizeSet(spec.elems.flatMap((e) => [...this.elemSet(e, mode)]));
  }

  /** The protocol part of a filter: boxes of [proto, flags, a, b]. */
  private protoParts(proto: ProtoSpec, f: Pick<StaticFilter, 'sport' | 'dport' | 'portMode' | 'family'>): ISet[][] {
    const icmp = f.family === 6 ? PROTO_ICMP6 : PROTO_ICMP;
    const sp = portSet(f.sport);
    const dp = portSet(f.dport);
    const tcpUdpPorts = f.portMode === 'tcp-udp';
    if (proto.any) {
      return [
        [[point(PROTO_TCP)], FULL_FLAGS, sp, dp],
        [[point(PROTO_UDP)], FULL_FLAGS, sp, dp],
        [subtractSet(FULL_PROTO, [point(PROTO_TCP), point(PROTO_UDP)]), FULL_FLAGS, FULL_PORT, FULL_PORT],
      ];
    }
    const parts: ISet[][] = [];
    for (const e of proto.elems) {
      if (e.kind === 'number') {
        if ((e.proto === PROTO_TCP || e.proto === PROTO_UDP) && tcpUdpPorts) parts.push([[point(e.proto)], FULL_FLAGS, sp, dp]);
        else if (e.proto === icmp && f.portMode === 'icmp') parts.push([[point(e.proto)], FULL_FLAGS, sp, dp]);
        else parts.push([[point(e.proto)], FULL_FLAGS, FULL_PORT, FULL_PORT]);
      } else if (e.kind === 'tcpflag') {
        parts.push([[point(PROTO_TCP)], flagSet(e.value, e.mask, e.negate), tcpUdpPorts ? sp : FULL_PORT, tcpUdpPorts ? dp : FULL_PORT]);
      } else {
        parts.push([[point(e.proto ?? PROTO_ICMP)], FULL_FLAGS, normalizeSet(e.types.map((t) => point(t))), FULL_PORT]);
      }
    }
    return parts;
  }

  /** What a static filter can match (see the module comment for `mode`). */
  filterRegion(f: StaticFilter, mode: Mode): Region {
    const src = this.addrSet(f.src, mode);
    const dst = this.addrSet(f.dst, mode);
    if (src.length === 0 || dst.length === 0) return [];
    return this.protoParts(f.proto, f)
      .filter((p) => p.every((s) => s.length > 0))
      .map((p) => [src, dst, ...p]);
  }

  /**
   * The connection-opening packets a dynamic filter tracks: its addresses with the application's
   * ports (a TCP SYN, a UDP datagram, an ICMP echo), or the protocol/port parts of its trigger
   * filters (second form).
   */
  dynamicTriggerRegion(d: DynamicFilter, trigger: (num: number) => StaticFilter | undefined, mode: Mode): Region {
    const src = this.addrSet(d.src, mode);
    const dst = this.addrSet(d.dst, mode);
    if (src.length === 0 || dst.length === 0) return [];
    const syn: ISet = [point(TCP_FLAGS.SYN)];
    if (d.trigger) {
      const out: Box[] = [];
      for (const n of d.trigger) {
        const f = trigger(n);
        if (f) for (const p of this.protoParts(f.proto, f)) out.push([src, dst, ...p]);
      }
      return out;
    }
    const app = d.application && DYNAMIC_APPLICATIONS.get(d.application.name);
    if (!app || app.inert) return [];
    const ports = (list: readonly number[]): ISet => (list.length === 0 ? FULL_PORT : normalizeSet(list.map((p) => point(p))));
    const out: Box[] = [];
    if (app.tcpPorts) out.push([src, dst, [point(PROTO_TCP)], syn, FULL_PORT, ports(app.tcpPorts)]);
    if (app.udpPorts) out.push([src, dst, [point(PROTO_UDP)], FULL_FLAGS, FULL_PORT, ports(app.udpPorts)]);
    if (app.icmp && d.family === 4) out.push([src, dst, [point(PROTO_ICMP)], FULL_FLAGS, [point(8)], FULL_PORT]);
    if (app.icmp6 && d.family === 6) out.push([src, dst, [point(PROTO_ICMP6)], FULL_FLAGS, [point(128)], FULL_PORT]);
    return out;
  }
}

/** `192.168.*.*` is one interval; `10.*.1.1` enumerates 256; `*.*.*.1` is only bounded (super) or dropped (sub). */
function octetSet(octets: readonly (number | '*')[], mode: Mode): ISet {
  let lastFixed = -1;
  octets.forEach((o, i) => {
    if (o !== '*') lastFixed = i;
  });
  const innerWild = octets.slice(0, Math.max(0, lastFixed)).filter((o) => o === '*').length;
  const lowBits = BigInt(8 * (3 - lastFixed));
  if (innerWild <= 1) {
    const out: Interval[] = [];
    const combos = innerWild === 0 ? 1 : 256;
    for (let c = 0; c < combos; c++) {
      let v = 0n;
      for (let i = 0; i <= lastFixed; i++) v = (v << 8n) | BigInt(octets[i] === '*' ? c : (octets[i] as number));
      v <<= lowBits;
      out.push([v, v | ((1n << lowBits) - 1n)]);
    }
    return normalizeSet(out);
  }
  if (mode === 'sub') return [];
  const lo = octets.reduce<bigint>((v, o) => (v << 8n) | BigInt(o === '*' ? 0 : o), 0n);
  const hi = octets.reduce<bigint>((v, o) => (v << 8n) | BigInt(o === '*' ? 255 : o), 0n);
  return [[lo, hi]];
}

/** Whether a filter matches every packet of its family (`pass * * * * *`, `reject *`). */
export function matchesEverything(f: StaticFilter): boolean {
  const ctx = new CoverageContext();
  const rest = subtractRegion([FULL_BOX], ctx.filterRegion(f, 'sub'));
  return rest !== undefined && rest.length === 0;
}
