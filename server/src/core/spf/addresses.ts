/**
 * The addresses an `a`, `mx`, `ip4` or `ip6` term authorises, resolved offline from the zone
 * files at hand (for hover and the cross-checks with the zone's hosts).
 */
import * as ipaddr from 'ipaddr.js';
import { addressNumbers, ip4Within, ip6Within, isFourPartDecimal, isValidIp6, memoized } from './ip';
import { staticTarget } from './lookups';
import type { SpfMechanism } from './parse';
import { normalizeName, type ZoneIndex } from './resolver';

export interface AuthorisedNetwork {
  family: 4 | 6;
  /** The network address (or the single address). */
  address: string;
  /** Prefix length: 32 / 128 for a single address. */
  length: number;
  /** The host name the address came from (a, mx). */
  host?: string;
}

export type TermAddresses =
  | { status: 'resolved'; networks: AuthorisedNetwork[] }
  /** The target (or an MX host) is outside the zone files, or depends on macros. */
  | { status: 'unknown'; why: string };

/** The network address of `family address/length` as text (key `family/length/address`), remembered. */
const networkText = memoized((key) => {
  const a = key.indexOf('/', 2);
  const family = key[0] === '4' ? 4 : 6;
  const length = Number(key.slice(2, a));
  const address = key.slice(a + 1);
  const cls = family === 4 ? ipaddr.IPv4 : ipaddr.IPv6;
  const max = family === 4 ? 32 : 128;
  return length >= max ? cls.parse(address).toString() : cls.networkAddressFromCIDR(`${address}/${length}`).toString();
});

/** `canonical`: the address is in canonical text already (the zone index decodes addresses so). */
function network(family: 4 | 6, address: string, length: number, host?: string, canonical = false): AuthorisedNetwork {
  const max = family === 4 ? 32 : 128;
  const a = canonical && length >= max ? address : networkText(`${family}/${length}/${address}`);
  return { family, address: a, length: Math.min(length, max), host };
}

/** What an ip4:/ip6: term authorises (a single network), or undefined when it is malformed. */
function networkTerm(m: SpfMechanism): TermAddresses | undefined {
  if (!m.network) return undefined;
  const family = m.mechanism === 'ip4' ? 4 : 6;
  const valid = family === 4 ? isFourPartDecimal(m.network.text) : isValidIp6(m.network.text);
  const len = family === 4 ? m.cidr4?.length ?? (m.cidr4 ? undefined : 32) : m.cidr6?.length ?? (m.cidr6 ? undefined : 128);
  if (!valid || len === undefined) return undefined;
  return { status: 'resolved', networks: [network(family, m.network.text, len)] };
}

const networkTerms = new WeakMap<SpfMechanism, TermAddresses | undefined>();

/** What the term authorises, or undefined for terms that are not a, mx, ip4, ip6 (or are malformed). */
export function termAddresses(m: SpfMechanism, domain: string, index: ZoneIndex): TermAddresses | undefined {
  const len4 = m.cidr4?.length ?? 32;
  const len6 = m.cidr6?.length ?? 128;
  switch (m.mechanism) {
    case 'ip4':
    case 'ip6': {
      // Depends on the term alone: remembered per term (records share the terms of their value).
      if (networkTerms.has(m)) return networkTerms.get(m);
      const a = networkTerm(m);
      networkTerms.set(m, a);
      return a;
    }
    case 'a':
    case 'mx': {
      if ((m.cidr4 && m.cidr4.length === undefined) || (m.cidr6 && m.cidr6.length === undefined)) return undefined;
      const target = m.domain ? staticTarget(m.domain, domain) : normalizeName(domain);
      if (target === undefined) return { status: 'unknown', why: 'the name depends on the sender' };
      let hosts = [target];
      if (m.mechanism === 'mx') {
        const mx = index.lookup(target, 'MX');
        if ('error' in mx) return mx.error === 'nxdomain' ? { status: 'resolved', networks: [] } : { status: 'unknown', why: `${target} is not in the zone files` };
        hosts = mx.records.map((r) => normalizeName(r.exchange)).filter((h) => h !== '');
      }
      const networks: AuthorisedNetwork[] = [];
      for (const host of hosts) {
        for (const [family, type, len] of [[4, 'A', len4], [6, 'AAAA', len6]] as const) {
          const r = index.lookup(host, type);
          if ('error' in r) {
            if (r.error === 'nxdomain') continue;
            return { status: 'unknown', why: `${host} is not in the zone files` };
          }
          for (const a of r.records) networks.push(network(family, a, len, host, true));
        }
      }
      return { status: 'resolved', networks };
    }
    default:
      return undefined;
  }
}

/** `192.0.2.0/24` or `192.0.2.1`. */
export function formatNetwork(n: AuthorisedNetwork): string {
  return n.length === (n.family === 4 ? 32 : 128) ? n.address : `${n.address}/${n.length}`;
}

/** First and last address of a network, and how many addresses it holds (as text). */
export function networkSpan(n: AuthorisedNetwork): { first: string; last: string; count: string } {
  const cls = n.family === 4 ? ipaddr.IPv4 : ipaddr.IPv6;
  const max = n.family === 4 ? 32 : 128;
  const last = n.length >= max ? n.address : cls.broadcastAddressFromCIDR(`${n.address}/${n.length}`).toString();
  const bits = max - n.length;
  const count = bits === 0 ? 'one address' : bits <= 40 ? `${(2 ** bits).toLocaleString('en-US')} addresses` : `2^${bits} addresses`;
  return { first: n.address, last, count };
}

/** An address to match against networks, as numbers (no object per address but its parts). */
export interface HostAddress {
  family: 4 | 6;
  /** Canonical text (what `network` writes for a single address). */
  text: string;
  /** IPv4: the 32-bit number; IPv6: the eight 16-bit parts. */
  value: number | number[];
}

/**
 * `addr`, in canonical text as the zone index gives addresses, ready for `networkHolds`;
 * undefined when it is not an address.
 */
export function hostAddress(addr: string): HostAddress | undefined {
  const value = addressNumbers(addr);
  return value === undefined ? undefined : { family: typeof value === 'number' ? 4 : 6, text: addr, value };
}

/** The network addresses of prefix networks, as `addressNumbers` gives them, remembered. */
const networkValue = memoized(addressNumbers);

/** Whether `a` lies in `n`: a single address compares as text, a network by prefix. */
export function networkHolds(n: AuthorisedNetwork, a: HostAddress): boolean {
  if (n.family !== a.family) return false;
  if (n.length >= (n.family === 4 ? 32 : 128)) return n.address === a.text;
  const net = networkValue(n.address);
  if (net === undefined) return false;
  return typeof net === 'number' ? ip4Within(a.value as number, net, n.length) : ip6Within(a.value as number[], 0, net, n.length);
}
