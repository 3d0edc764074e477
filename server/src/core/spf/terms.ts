/**
 * Facts about the SPF language (RFC 7208) as data: mechanisms, modifiers, qualifiers and macro
 * letters. The parser reads the argument shapes from here, hover and completion read the prose,
 * the lookup-limit analyses read `dnsLookup`.
 */

export type Qualifier = '+' | '-' | '~' | '?';
export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';
export type ModifierName = 'redirect' | 'exp';
export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/** What may follow the name of a mechanism. */
export type DomainArgument = 'none' | 'optional' | 'required';

export interface TermDoc {
  name: string;
  kind: 'mechanism' | 'modifier';
  /** Syntax as RFC 7208 §12 writes it, simplified for reading. */
  syntax: string;
  /** One sentence: what the term does. */
  summary: string;
  /** A few sentences of detail: how it matches, pitfalls. */
  details: string;
  /** RFC 7208 section that defines the term. */
  section: string;
  /** Whether evaluating the term costs one of the 10 DNS-querying terms allowed (RFC 7208 §4.6.4). */
  dnsLookup: boolean;
  examples: string[];
}

export interface MechanismDoc extends TermDoc {
  kind: 'mechanism';
  name: MechanismName;
  /** Whether a `:domain-spec` argument is absent, optional or required. */
  domain: DomainArgument;
  /** Which prefix lengths the mechanism accepts after its argument. */
  cidr: 'none' | 'dual' | 'ip4' | 'ip6';
  /** For ip4/ip6: the address family of the required network argument. */
  network?: 4 | 6;
  /** Usage the RFC discourages, shown in hover (e.g. ptr). */
  discouraged?: string;
}

export interface ModifierDoc extends TermDoc {
  kind: 'modifier';
  name: ModifierName;
}

export const MECHANISMS: Readonly<Record<MechanismName, MechanismDoc>> = {
  all: {
    name: 'all',
    kind: 'mechanism',
    syntax: 'all',
    summary: 'Always matches. Used last, it sets the result for every sender not matched before.',
    details:
      'Mechanisms after `all` are never evaluated, and a `redirect=` modifier is ignored when the record contains `all`. ' +
      'End a record with `-all` (fail) or `~all` (softfail); `+all` authorises the whole internet.',
    section: '5.1',
    dnsLookup: false,
    examples: ['-all', '~all'],
    domain: 'none',
    cidr: 'none',
  },
  include: {
    name: 'include',
    kind: 'mechanism',
    syntax: 'include:<domain-spec>',
    summary: "Matches when the SPF record of another domain gives `pass` for the sender (typically a mail provider's record).",
    details:
      'The included record is evaluated on its own: its `fail`, `softfail` or `neutral` only mean "no match" here, ' +
      'and a missing record or a permerror in it makes the whole check a permerror. ' +
      'Every DNS-querying term inside the included record counts toward the same limit of 10.',
    section: '5.2',
    dnsLookup: true,
    examples: ['include:_spf.google.com', 'include:spf.protection.outlook.com'],
    domain: 'required',
    cidr: 'none',
  },
  a: {
    name: 'a',
    kind: 'mechanism',
    syntax: 'a[:<domain-spec>][/<ip4-cidr>][//<ip6-cidr>]',
    summary: 'Matches when the sending IP is one of the A/AAAA addresses of the domain (the current domain if none is given).',
    details:
      'The optional prefix lengths widen the match to the networks around those addresses: `a/24` matches the /24 of each IPv4 address, `a//64` the /64 of each IPv6 address.',
    section: '5.3',
    dnsLookup: true,
    examples: ['a', 'a:mail.example.com', 'a/24', 'a:example.com/24//64'],
    domain: 'optional',
    cidr: 'dual',
  },
  mx: {
    name: 'mx',
    kind: 'mechanism',
    syntax: 'mx[:<domain-spec>][/<ip4-cidr>][//<ip6-cidr>]',
    summary: 'Matches when the sending IP is an address of one of the MX hosts of the domain (the current domain if none is given).',
    details:
      'Looks up the MX records, then the A/AAAA records of each exchanger (at most 10 exchangers are looked up). ' +
      'Only right when the inbound mail servers also send the outgoing mail.',
    section: '5.4',
    dnsLookup: true,
    examples: ['mx', 'mx:example.com', 'mx/24'],
    domain: 'optional',
    cidr: 'dual',
  },
  ptr: {
    name: 'ptr',
    kind: 'mechanism',
    syntax: 'ptr[:<domain-spec>]',
    summary: 'Matches when a validated reverse-DNS name of the sending IP is the domain or a subdomain of it.',
    details:
      'Slow and unreliable: it depends on reverse DNS the sender may not control, and puts load on the `.arpa` servers. ' +
      'RFC 7208 says it SHOULD NOT be used; list the addresses with `ip4:`/`ip6:` or use `a`.',
    section: '5.5',
    dnsLookup: true,
    examples: ['ptr', 'ptr:example.com'],
    domain: 'optional',
    cidr: 'none',
    discouraged: 'RFC 7208 §5.5: this mechanism SHOULD NOT be published.',
  },
  ip4: {
    name: 'ip4',
    kind: 'mechanism',
    syntax: 'ip4:<ip4-address>[/<prefix-length 0-32>]',
    summary: 'Matches when the sending IP is in the given IPv4 address or network.',
    details:
      'The address must be four dotted decimal octets (`192.0.2.10`, no leading zeros); without a prefix length it is a single address (/32). ' +
      'No DNS query is needed.',
    section: '5.6',
    dnsLookup: false,
    examples: ['ip4:192.0.2.10', 'ip4:198.51.100.0/24'],
    domain: 'none',
    cidr: 'ip4',
    network: 4,
  },
  ip6: {
    name: 'ip6',
    kind: 'mechanism',
    syntax: 'ip6:<ip6-address>[/<prefix-length 0-128>]',
    summary: 'Matches when the sending IP is in the given IPv6 address or network.',
    details: 'The address is written as in RFC 4291 §2.2 (`2001:db8::25`); without a prefix length it is a single address (/128). No DNS query is needed.',
    section: '5.6',
    dnsLookup: false,
    examples: ['ip6:2001:db8::25', 'ip6:2001:db8:1234::/48'],
    domain: 'none',
    cidr: 'ip6',
    network: 6,
  },
  exists: {
    name: 'exists',
    kind: 'mechanism',
    syntax: 'exists:<domain-spec>',
    summary: 'Matches when the (usually macro-built) domain has any A record, whatever its address.',
    details: 'Used with macros for per-sender or per-IP lists, e.g. `exists:%{i}._spf.%{d}`. Only A records are queried, even for IPv6 senders.',
    section: '5.7',
    dnsLookup: true,
    examples: ['exists:%{i}._spf.example.com', 'exists:%{l}.%{d}.users.example.com'],
    domain: 'required',
    cidr: 'none',
  },
};

export const MODIFIERS: Readonly<Record<ModifierName, ModifierDoc>> = {
  redirect: {
    name: 'redirect',
    kind: 'modifier',
    syntax: 'redirect=<domain-spec>',
    summary: 'When no mechanism matched, the result is that of the SPF record of the given domain.',
    details:
      'Applies only if nothing matched and the record contains no `all`. The target record replaces this one, including its `exp=`. ' +
      'A missing target record is a permerror. May appear only once.',
    section: '6.1',
    dnsLookup: true,
    examples: ['redirect=_spf.example.com'],
  },
  exp: {
    name: 'exp',
    kind: 'modifier',
    syntax: 'exp=<domain-spec>',
    summary: 'Names a domain whose TXT record holds the explanation returned to the sender on `fail`.',
    details:
      'The explanation text may use macros, including the exp-only letters `c`, `r` and `t`. Its lookup does not count toward the limit of 10. May appear only once.',
    section: '6.2',
    dnsLookup: false,
    examples: ['exp=explain._spf.example.com'],
  },
};

export interface QualifierDoc {
  qualifier: Qualifier;
  result: SpfResult;
  meaning: string;
}

/** RFC 7208 §4.6.2: the result a mechanism gives when it matches. */
export const QUALIFIERS: Readonly<Record<Qualifier, QualifierDoc>> = {
  '+': { qualifier: '+', result: 'pass', meaning: 'the sender is authorised (the default when no qualifier is written)' },
  '-': { qualifier: '-', result: 'fail', meaning: 'the sender is explicitly not authorised; receivers may reject the mail' },
  '~': { qualifier: '~', result: 'softfail', meaning: 'the sender is probably not authorised; receivers usually accept but mark the mail' },
  '?': { qualifier: '?', result: 'neutral', meaning: 'no statement about the sender, as if there were no SPF record' },
};

export interface MacroLetterDoc {
  letter: string;
  meaning: string;
  /** Allowed only in explanation text (the TXT record named by `exp=`), RFC 7208 §7.2. */
  expOnly: boolean;
}

/** RFC 7208 §7.2. Letters are case-insensitive; an upper-case letter also URL-escapes the value. */
export const MACRO_LETTERS: Readonly<Record<string, MacroLetterDoc>> = {
  s: { letter: 's', meaning: 'the sender (MAIL FROM address, or postmaster@HELO name)', expOnly: false },
  l: { letter: 'l', meaning: 'the local-part of the sender', expOnly: false },
  o: { letter: 'o', meaning: 'the domain of the sender', expOnly: false },
  d: { letter: 'd', meaning: 'the domain whose record is being evaluated', expOnly: false },
  i: { letter: 'i', meaning: 'the sending IP (dotted IPv4, or IPv6 as dot-separated nibbles)', expOnly: false },
  p: { letter: 'p', meaning: 'the validated reverse-DNS name of the sending IP (discouraged: SHOULD NOT be used)', expOnly: false },
  v: { letter: 'v', meaning: 'the string `in-addr` for IPv4 senders, `ip6` for IPv6', expOnly: false },
  h: { letter: 'h', meaning: 'the HELO/EHLO domain', expOnly: false },
  c: { letter: 'c', meaning: 'the SMTP client IP in readable form', expOnly: true },
  r: { letter: 'r', meaning: 'the domain name of the receiving host', expOnly: true },
  t: { letter: 't', meaning: 'the current timestamp', expOnly: true },
};

/** `%%`, `%_`, `%-` (RFC 7208 §7.1). */
export const MACRO_ESCAPES: Readonly<Record<string, string>> = {
  '%%': 'a literal `%`',
  '%_': 'a space',
  '%-': 'the URL-encoded space `%20`',
};

/** Characters that may follow the transformers inside `%{…}` to split the value. */
export const MACRO_DELIMITERS = '.-+,/_=';

/** RFC 7208 §4.6.4: at most this many DNS-querying terms per check_host evaluation. */
export const DNS_LOOKUP_LIMIT = 10;
/** RFC 7208 §4.6.4: at most this many "void" lookups (NXDOMAIN / no answer). */
export const VOID_LOOKUP_LIMIT = 2;

/** RFC 7208 §4.6.4: an `mx` whose MX answer has more names than this is a permerror. */
export const MX_NAME_LIMIT = 10;
/** RFC 7208 §4.6.4: only this many PTR names are looked at by `ptr` and `%{p}`; the rest are ignored. */
export const PTR_NAME_LIMIT = 10;

export const MECHANISM_NAMES = Object.keys(MECHANISMS) as MechanismName[];
export const MODIFIER_NAMES = Object.keys(MODIFIERS) as ModifierName[];

export function mechanismNamed(name: string): MechanismDoc | undefined {
  const n = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(MECHANISMS, n) ? MECHANISMS[n as MechanismName] : undefined;
}

export function modifierNamed(name: string): ModifierDoc | undefined {
  const n = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(MODIFIERS, n) ? MODIFIERS[n as ModifierName] : undefined;
}

export function macroLetter(letter: string): MacroLetterDoc | undefined {
  const l = letter.toLowerCase();
  return Object.prototype.hasOwnProperty.call(MACRO_LETTERS, l) ? MACRO_LETTERS[l] : undefined;
}
