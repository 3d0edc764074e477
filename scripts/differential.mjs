// `npm run differential`: a differential check of the zone engine against BIND's named-checkzone.
// Generates zones — (a) `random`: seeded valid-looking zones, (b) `mutate`: mutations of those,
// (c) `corpus`: mutations of the zone files under ../shared/corpus/zones (read at run time;
// SENDER_GUARD_CORPUS overrides the corpus folder) — runs each through named-checkzone and through
// the compiled core in-process, and prints the accept/reject agreement per generator, then the
// disagreements grouped by (our first error rule id, BIND's first message without file and line),
// with the smallest example of each group saved under a temp dir. Not part of `npm test`.
//
// Usage: npx tsc -b && node scripts/differential.mjs [--seed N] [--count N] [--generators random,mutate,corpus]
//          [--core DIR] [--no-install] [--no-shrink] [--out DIR]
// --count is per generator (default 300). --core is the compiled core (default out/server/src/core;
// a private `tsc --outDir` build works too). --no-shrink keeps each group's example as generated
// instead of removing the lines that do not change its group. --out puts the examples in DIR instead
// of a new temp dir. --no-install does not install bind9-utils when named-checkzone is missing.
//
// "Rejected" for us: a finding of severity error from a zone-* rule (the SPF and mail-record rules
// judge TXT contents, which named-checkzone does not read). For BIND: a non-zero exit of
//   named-checkzone -i local -k fail <origin> <file>
// -i local: the integrity checks on in-zone data only (full would query the network for out-of-zone
// targets); it fails on an apex NS naming an in-zone host without address (zone-missing-glue, an
// error for us) and only warns on MX/SRV targets without address (zone-target-no-address, a warning
// for us).
// -k fail: check-names failures are fatal, as zone-bad-hostname (severity error) is for us. The
// other checks (-m, -M, -n, -S, -r, -W) keep BIND's default "warn", matching our warning rules.
//
// Known groups, deliberate differences (BIND stricter or looser than the RFCs, or a documented
// choice of zones-expected-differences.tsv), are listed in test/conformance/differential-expected.tsv
// (ours, BIND's message, reason) and printed with their reason; unknown groups are marked NEW.
// Exit status: 0 (figures only; nothing asserted), 2 when named-checkzone or the core is missing.
import { spawnSync } from 'node:child_process';
import { ensureTool } from './tools.mjs';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const SEED = Number(opt('--seed', '1')) >>> 0;
const COUNT = Number(opt('--count', '300'));
const GENERATORS = opt('--generators', 'random,mutate,corpus').split(',').filter(Boolean);
const CORE_DIR = path.resolve(ROOT, opt('--core', path.join('out', 'server', 'src', 'core')));
const INSTALL = !args.includes('--no-install');
const SHRINK = !args.includes('--no-shrink');
const CORPUS = path.resolve(process.env.SENDER_GUARD_CORPUS ?? path.join(ROOT, '..', 'shared', 'corpus'));
const EXPECTED_TSV = path.join(ROOT, 'test', 'conformance', 'differential-expected.tsv');
const BIND_FLAGS = ['-i', 'local', '-k', 'fail'];

// ---------------------------------------------------------------- tools

const CHECKZONE = ensureTool('named-checkzone', 'bind9-utils', INSTALL);
if (!CHECKZONE) {
  console.error('named-checkzone not found: install the Debian package bind9-utils');
  process.exit(2);
}
if (!fs.existsSync(path.join(CORE_DIR, 'index.js'))) {
  console.error(`compiled core not found at ${CORE_DIR}: run npx tsc -b first (or pass --core DIR)`);
  process.exit(2);
}
const core = require(CORE_DIR);
const CTX = core.makeContext();

// ---------------------------------------------------------------- randomness

/** mulberry32: small, seeded, repeatable. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// ---------------------------------------------------------------- (a) random valid-looking zones

const ORIGINS = ['example.com.', 'example.org.', 'test.example.', 'zone.test.', 'a-b.example.net.', 'sub.example.co.jp.'];
const LABELS = ['www', 'mail', 'mx1', 'mx2', 'ftp', 'api', 'host', 'srv', 'vpn', 'a-b', 'h1', 'x9', 'dev', 'db', 'web01'];
const EXTERNAL = ['mail.example.net.', 'ns.example.net.', 'relay.example.org.', 'target.example.'];

function ttlText(r) {
  return r.pick(['300', '3600', '86400', '1h', '1H', '30m', '2d', '1w', '1h30m', '1W2D', '90S', '0', '2147483647']);
}
function ipv4(r) {
  return `${r.pick([192, 198, 203, 10])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(0, 255)}`;
}
function ipv6(r) {
  const h = () => r.int(0, 0xffff).toString(16);
  return r.pick([
    () => `2001:db8::${h()}`,
    () => `2001:db8:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`,
    () => `::ffff:${ipv4(r)}`,
    () => `fe80::${h()}:${h()}`,
    () => `2001:DB8:0:0:0:0:0:${h().toUpperCase()}`,
  ])();
}
function hex(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return s;
}
function txtString(r) {
  return r.pick([
    () => '"v=spf1 mx -all"',
    () => '"hello world"',
    () => '""',
    () => '"quote \\" inside"',
    () => '"back\\\\slash"',
    () => '"decimal \\065\\066"',
    () => 'unquoted',
    () => `"${'x'.repeat(r.int(200, 255))}"`,
    () => '"semi ; colon"',
    () => '"paren ( inside )"',
    () => '"tab\there"',
  ])();
}

/** A zone that named-checkzone and the engine should both load (modulo their differences). */
function randomZone(r) {
  const origin = r.pick(ORIGINS);
  const lines = [];
  const comment = () => (r.chance(0.15) ? ` ; ${r.pick(['note', 'ok', '"quoted"', '(paren', ''])}` : '');
  if (r.chance(0.7)) lines.push(`$ORIGIN ${origin}`);
  if (r.chance(0.9)) lines.push(`$TTL ${ttlText(r)}${comment()}`);
  const ttlCls = () => {
    const t = r.chance(0.3) ? ttlText(r) : '';
    const c = r.chance(0.5) ? 'IN' : '';
    const parts = r.chance(0.5) ? [t, c] : [c, t];
    return parts.filter(Boolean).join(' ');
  };
  const rec = (owner, type, rdata) => lines.push(`${owner}${owner ? ' ' : '\t'}${[ttlCls(), type, rdata].filter(Boolean).join(' ')}${comment()}`);

  // SOA, with or without parentheses and comments.
  const mname = r.pick(['ns1', `ns1.${origin}`, 'ns.example.net.']);
  const rname = r.pick(['hostmaster', `hostmaster.${origin}`, 'dns\\.admin', 'admin.example.net.']);
  const times = [r.int(1, 4294967295), ttlText(r), ttlText(r), ttlText(r), ttlText(r)];
  const soaOwner = r.pick(['@', origin, '@']);
  if (r.chance(0.5)) rec(soaOwner, 'SOA', `${mname} ${rname} ${times.join(' ')}`);
  else
    lines.push(
      `${soaOwner} ${r.chance(0.5) ? 'IN ' : ''}SOA ${mname} ${rname} (`,
      `\t\t${times[0]} ; serial`,
      `\t\t${times.slice(1, 3).join(' ')}`,
      `\t\t${times.slice(3).join(' ')} )`,
    );
  // Apex NS (owner inherited from the SOA line), glue for the in-zone ones.
  const glue = [];
  const nsCount = r.int(1, 3);
  for (let i = 1; i <= nsCount; i++) {
    const inZone = mname !== 'ns.example.net.' || i > 1 ? r.chance(0.8) : false;
    const target = inZone ? `ns${i}` : r.pick(EXTERNAL);
    rec(r.chance(0.7) ? '' : '@', 'NS', target);
    if (inZone) glue.push(`ns${i}`);
  }
  const used = new Set(['@']);
  const cnames = new Set();
  for (const g of glue) {
    rec(g, 'A', ipv4(r));
    if (r.chance(0.3)) rec('', 'AAAA', ipv6(r));
    used.add(g);
  }
  if (mname === 'ns1' && !glue.includes('ns1')) rec('ns1', 'A', ipv4(r)), used.add('ns1');
  const hosts = [...glue];
  let last = glue.at(-1) ?? '@';
  let sub = false;
  const n = r.int(3, 25);
  for (let i = 0; i < n; i++) {
    if (!sub && r.chance(0.05)) {
      lines.push(`$ORIGIN sub.${origin}`);
      sub = true;
      last = undefined;
    } else if (sub && r.chance(0.3)) {
      lines.push(`$ORIGIN ${origin}`);
      sub = false;
      last = undefined;
    }
    const prefix = sub ? 'sub.' : '';
    const fresh = () => {
      let l = r.pick(LABELS) + (r.chance(0.4) ? String(r.int(0, 99)) : '');
      if (r.chance(0.1)) l += `.${r.pick(LABELS)}`;
      return l;
    };
    const kind = r.pick(['A', 'A', 'AAAA', 'MX', 'CNAME', 'TXT', 'TXT', 'SRV', 'CAA', 'PTR', 'HINFO', 'SSHFP', 'TLSA', 'NAPTR', 'DELEG', 'WILD', 'RP', 'DS']);
    const ownerFor = (label) => {
      const abs = `${prefix}${label}`;
      if (cnames.has(abs)) return undefined;
      used.add(abs);
      if (last === label && !cnames.has(abs) && r.chance(0.6)) return '';
      last = label;
      return r.chance(0.15) ? (label === '@' ? `${prefix}${origin}` : `${label}.${prefix}${origin}`) : label;
    };
    const hostOwner = () => {
      const label = r.chance(0.4) && hosts.length ? r.pick(hosts) : fresh();
      const o = ownerFor(label);
      if (o !== undefined && !hosts.includes(label)) hosts.push(label);
      return o;
    };
    const target = () => (r.chance(0.6) && hosts.length ? `${r.pick(hosts)}${sub ? `.${origin}` : ''}` : r.pick(EXTERNAL));
    let owner;
    switch (kind) {
      case 'A':
        if ((owner = hostOwner()) !== undefined) rec(owner, 'A', ipv4(r));
        break;
      case 'AAAA':
        if ((owner = hostOwner()) !== undefined) rec(owner, 'AAAA', ipv6(r));
        break;
      case 'MX':
        if ((owner = r.chance(0.3) ? ownerFor('@') : hostOwner()) !== undefined) rec(owner, 'MX', `${r.int(0, 65535)} ${target()}`);
        break;
      case 'CNAME': {
        const label = `c${r.int(0, 999)}`;
        const abs = `${prefix}${label}`;
        if (used.has(abs)) break;
        used.add(abs);
        cnames.add(abs);
        last = undefined;
        rec(label, 'CNAME', target());
        break;
      }
      case 'TXT': {
        const label = r.chance(0.5) ? r.pick(['_dmarc', '_domainkey', '_acme-challenge', '@', 'txt', 'esc\\.dot', '\\065lpha', 'sp\\ ace', 'semi\\;colon']) : fresh();
        if ((owner = ownerFor(label)) === undefined) break;
        const strings = Array.from({ length: r.int(1, 3) }, () => txtString(r));
        if (strings.length > 1 && r.chance(0.4)) {
          lines.push(`${owner}${owner ? ' ' : '\t'}TXT ( ${strings[0]}`);
          for (const s of strings.slice(1)) lines.push(`\t${s}`);
          lines.push('\t)');
        } else rec(owner, 'TXT', strings.join(' '));
        break;
      }
      case 'SRV':
        if ((owner = ownerFor(r.pick(['_sip._tcp', '_ldap._tcp', '_xmpp-server._tcp', '_imaps._tcp']))) !== undefined)
          rec(owner, 'SRV', `${r.int(0, 65535)} ${r.int(0, 65535)} ${r.int(0, 65535)} ${r.chance(0.1) ? '.' : target()}`);
        break;
      case 'CAA':
        if ((owner = ownerFor(r.chance(0.6) ? '@' : fresh())) !== undefined)
          rec(owner, 'CAA', r.pick(['0 issue "ca.example.net"', '128 iodef "mailto:sec@example.com"', '0 issuewild ";"', '0 issue "ca.example.net; account=1"']));
        break;
      case 'PTR':
        if ((owner = ownerFor(String(r.int(1, 254)))) !== undefined) rec(owner, 'PTR', target());
        break;
      case 'HINFO':
        if ((owner = hostOwner()) !== undefined) rec(owner, 'HINFO', r.pick(['"PC" "Linux"', 'x86 unix', '"" ""']));
        break;
      case 'SSHFP':
        if ((owner = hostOwner()) !== undefined) rec(owner, 'SSHFP', r.pick([`1 1 ${hex(r, 40)}`, `4 2 ${hex(r, 64)}`]));
        break;
      case 'TLSA':
        if ((owner = ownerFor(`_443._tcp.${r.pick(LABELS)}`)) !== undefined) rec(owner, 'TLSA', `3 1 1 ${hex(r, 64)}`);
        break;
      case 'NAPTR':
        if ((owner = ownerFor(fresh())) !== undefined) rec(owner, 'NAPTR', `100 10 "S" "SIP+D2U" "" _sip._udp.${origin}`);
        break;
      case 'RP':
        if ((owner = hostOwner()) !== undefined) rec(owner, 'RP', r.pick(['admin.example.net. .', `hostmaster.${origin} txt`]));
        break;
      case 'WILD':
        if ((owner = ownerFor(r.pick(['*', '*.w']))) !== undefined) rec(owner, ...r.pick([['A', ipv4(r)], ['TXT', '"wild"'], ['MX', `10 ${target()}`]]));
        break;
      case 'DELEG':
      case 'DS': {
        const child = `child${r.int(0, 9)}`;
        if (used.has(`${prefix}${child}`)) break;
        used.add(`${prefix}${child}`);
        last = undefined;
        rec(child, 'NS', `ns.${child}`);
        rec(`ns.${child}`, 'A', ipv4(r));
        if (kind === 'DS') rec(child, 'DS', `${r.int(1, 65535)} ${r.pick([8, 13, 15])} 2 ${hex(r, 64)}`);
        break;
      }
    }
  }
  return { origin, text: lines.join(r.chance(0.1) ? '\r\n' : '\n') + (r.chance(0.9) ? '\n' : '') };
}

// ---------------------------------------------------------------- (b, c) mutations

const TYPES = ['A', 'AAAA', 'MX', 'NS', 'CNAME', 'TXT', 'SRV', 'SOA', 'PTR', 'CAA', 'DS', 'TYPE65534', 'HINFO', 'DNAME'];
const BAD_NAMES = [
  () => 'x'.repeat(64),
  () => 'a..b',
  () => '-bad',
  () => 'bad-',
  () => 'under_score',
  () => `${'abcdefghij.'.repeat(24)}com.`,
  () => '.',
  () => '*.*',
  () => 'a\\.b',
  () => 'a\\0001',
  () => 'mail.example.com..',
  () => '@.',
  () => 'sp\\ ace',
];
const BAD_NUMBERS = ['256', '65536', '4294967296', '-1', '2147483648', '99999999999999999999', '1.2', '0x10', '1e3', '007', '4294967295'];
const BYTES = [' ', '\t', '\0', '\r', '\n', '\x7f', '\xff', '\xe9', '"', '(', ')', ';', '\\', '$', '@', '.', '*', 'A', '0', '\x1b'];

/** The text split into runs of blanks and runs of other characters (blanks kept, so joining gives the text back). */
const tokens = (text) => text.match(/\s+|[^\s]+/g) ?? [];
const isWord = (t) => !/^\s/.test(t);

function mutate(r, text) {
  const ops = [
    // token deletion / duplication
    (t) => editWord(r, t, () => ''),
    (t) => editWord(r, t, (w) => `${w} ${w}`),
    // a random byte somewhere
    (t) => insertAt(r, t, r.pick(BYTES)),
    // quote damage
    (t) => (t.includes('"') && r.chance(0.6) ? removeOne(r, t, '"') : insertAt(r, t, '"')),
    // parenthesis damage
    (t) => (/[()]/.test(t) && r.chance(0.6) ? removeOne(r, t, r.pick(['(', ')'])) : insertAt(r, t, r.pick(['(', ')']))),
    // out-of-range numbers
    (t) => editWord(r, t, (w) => (/^\d+$/.test(w) ? r.pick(BAD_NUMBERS) : undefined)),
    (t) => editWord(r, t, (w) => (/^\d+\.\d+\.\d+\.\d+$/.test(w) ? w.replace(/\d+$/, r.pick(['256', '1.2', ''])) : undefined)),
    (t) => editWord(r, t, (w) => (/^\d+[smhdwSMHDW]/.test(w) ? r.pick(['1x', '1h1h', 'h', '99999999w', '1h-']) : undefined)),
    // bad names
    (t) => editWord(r, t, (w) => (/^[A-Za-z_*@][\w.-]*$/.test(w) && !TYPES.includes(w.toUpperCase()) && w !== 'IN' ? r.pick(BAD_NAMES)() : undefined)),
    // another type
    (t) => editWord(r, t, (w) => (TYPES.includes(w.toUpperCase()) ? r.pick(TYPES) : undefined)),
    // line deletion / duplication
    (t) => editLine(r, t, (l) => [], 0),
    (t) => editLine(r, t, (l) => [l, l], 0),
  ];
  let out = text;
  const n = r.int(1, 3);
  for (let i = 0; i < n; i++) out = r.pick(ops)(out);
  return out;
}

/** Replace one word (a random one for which `f` gives a string; deletion when it gives ''). */
function editWord(r, text, f) {
  const ts = tokens(text);
  const idx = ts.map((t, i) => (isWord(t) ? i : -1)).filter((i) => i >= 0);
  for (let tries = 0; tries < 20 && idx.length; tries++) {
    const i = r.pick(idx);
    const v = f(ts[i]);
    if (v === undefined) continue;
    ts[i] = v;
    return ts.join('');
  }
  return text;
}
function insertAt(r, text, s) {
  const at = r.int(0, text.length);
  return text.slice(0, at) + s + text.slice(at);
}
function removeOne(r, text, ch) {
  const at = [];
  for (let i = 0; i < text.length; i++) if (text[i] === ch) at.push(i);
  if (!at.length) return text;
  const i = r.pick(at);
  return text.slice(0, i) + text.slice(i + 1);
}
function editLine(r, text, f) {
  const lines = text.split('\n');
  const i = r.int(0, lines.length - 1);
  lines.splice(i, 1, ...f(lines[i]));
  return lines.join('\n');
}

// ---------------------------------------------------------------- corpus

const DATA_EXT = /\.(tsv|md|json|jsonl|out|txt|yaml|yml|sh|py|cc|c|h)$/i;

/** The corpus zone files (not the data tables, licences or $INCLUDE-ing files), each with the origin to check it under. */
function corpusZones() {
  const base = path.join(CORPUS, 'zones');
  if (!fs.existsSync(base)) return [];
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!DATA_EXT.test(e.name) && !/^(LICENSE|COPYING|COPYRIGHT|TESTS|config)/i.test(e.name)) {
        const text = fs.readFileSync(p, 'latin1');
        if (/^\s*\$INCLUDE/im.test(text) || text.length > 200_000 || text.includes('\0')) continue;
        out.push({ rel: path.relative(CORPUS, p), text });
      }
    }
  };
  walk(base);
  return out;
}

/** The origin a corpus file is written for: its first absolute $ORIGIN, else an absolute SOA owner, else example. */
function originOf(text) {
  const o = /^\$ORIGIN[ \t]+(\S+\.)[ \t]*(;.*)?$/im.exec(text);
  if (o && /^[A-Za-z0-9.-]+$/.test(o[1])) return o[1];
  const s = /^(\S+\.)[ \t]+(?:\S+[ \t]+){0,2}SOA\b/im.exec(text);
  if (s && /^[A-Za-z0-9.-]+$/.test(s[1])) return s[1];
  return 'example.';
}

/** Corpus fragments without SOA get a minimal apex first, so BIND reads their records instead of stopping at the missing SOA. */
function withApex(text) {
  if (/\bSOA\b/i.test(text)) return text;
  return `$TTL 3600\n@ IN SOA ns.example.net. hostmaster.example.net. 1 3600 600 86400 300\n@ IN NS ns.example.net.\n${text}`;
}

// ---------------------------------------------------------------- the two verdicts

const OUT = opt('--out', undefined);
const WORK = OUT ? path.resolve(OUT) : fs.mkdtempSync(path.join(os.tmpdir(), 'sg-differential-'));
fs.mkdirSync(WORK, { recursive: true });
const CASE = path.join(WORK, 'case.zone');

/** Text as the CLI decodes the bytes (ASCII as latin1, else UTF-8). */
function decode(bytes) {
  for (const b of bytes) if (b > 127) return bytes.toString('utf8');
  return bytes.toString('latin1');
}

function ours(bytes, origin) {
  try {
    const doc = core.parseDocument('zone', decode(bytes), { origin });
    const errs = core.validate(doc, CTX).filter((f) => f.severity === 'error' && f.rule.startsWith('zone-'));
    return { rejected: errs.length > 0, rule: errs[0]?.rule ?? '-', message: errs[0]?.message ?? '' };
  } catch (e) {
    return { rejected: true, rule: 'THROWS', message: String(e) };
  }
}

function bind(bytes, origin, file = CASE) {
  fs.writeFileSync(file, bytes);
  const r = spawnSync(CHECKZONE, [...BIND_FLAGS, origin.replace(/\.$/, '') || '.', file], { encoding: 'latin1', timeout: 20_000 });
  const lines = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').filter(Boolean);
  const rejected = r.status !== 0;
  return { rejected, message: rejected ? (lines.length ? normalise(firstError(lines), file, origin) : `(no message, exit ${r.status === 1 ? 'N' : r.status})`) : '(loads)', raw: lines.slice(0, 4).join(' | ') };
}

/** Lines named-checkzone prints for a zone it loads (warnings, the summary). */
const NOT_AN_ERROR = /warning:|TTL set to prior TTL|using SOA MINTTL instead|using RFC1035 TTL semantics|file does not end with newline|deprecated|loaded serial|^OK$|not loaded due to errors|ignoring out-of-zone data|MX '[^']*' has no address records|SRV '[^']*' has no address records|\/(MX|SRV) '[^']*' is a CNAME \(illegal\)/;

/** The line that says why the load failed: the one that gives the loader's reason, else the first that is not a warning. */
function firstError(lines) {
  const failed = lines.find((l) => /loading from master file .* failed: /.test(l));
  const reason = failed && /failed: (.*)$/.exec(failed)[1];
  return (reason && lines.find((l) => l !== failed && l.endsWith(reason))) ?? failed ?? lines.find((l) => !NOT_AN_ERROR.test(l)) ?? lines[0];
}

/** BIND's message without the file, line, names and quoted data, so like failures group together. */
function normalise(line, file, origin) {
  return line
    .split(file)
    .join('')
    .replace(/^(\w+: )?:\d+: /, '$1')
    .replace(/'[^']*'|"[^"]*"/g, "'…'")
    .replace(/^(\w+: )?(?!dns_)[^\s:']+: (?=[a-zA-Z])/, '$1<name>: ')
    .replace(/zone \S+\/(\w+):/, 'zone <origin>/$1:')
    .replace(/\S+\/(\w+) '…'/g, '<name>/$1 \'…\'')
    .replace(/\b\d+\b/g, 'N')
    .trim();
}

// ---------------------------------------------------------------- known groups

function knownGroups() {
  if (!fs.existsSync(EXPECTED_TSV)) return [];
  return fs
    .readFileSync(EXPECTED_TSV, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .filter((c) => c[0] !== 'ours' && c.length >= 3)
    .map(([oursRule, bindMsg, reason, ourMessage]) => ({ oursRule, bindMsg, reason, ourMessage: ourMessage ? new RegExp(ourMessage) : undefined }));
}
const KNOWN = knownGroups();
/**
 * The known group a disagreement belongs to: same rule ('(accepts)' when we accept), BIND's message
 * equal (or starting with the known one when that ends with '*'), and, when the row gives one, our
 * message matching its pattern.
 */
const knownGroup = (rule, bindMsg, ourMessage) =>
  KNOWN.find(
    (k) =>
      k.oursRule === rule &&
      (k.bindMsg.endsWith('*') ? bindMsg.startsWith(k.bindMsg.slice(0, -1)) : bindMsg === k.bindMsg) &&
      (!k.ourMessage || k.ourMessage.test(ourMessage)),
  );

// ---------------------------------------------------------------- run

function* cases(gen, r) {
  const corpus = gen === 'corpus' ? corpusZones() : [];
  if (gen === 'corpus' && !corpus.length) {
    console.log(`# corpus: no zone files under ${path.join(CORPUS, 'zones')} (set SENDER_GUARD_CORPUS)`);
    return;
  }
  for (let i = 0; i < COUNT; i++) {
    if (gen === 'random') yield randomZone(r);
    else if (gen === 'mutate') {
      const z = randomZone(r);
      yield { origin: z.origin, text: mutate(r, z.text) };
    } else {
      const f = r.pick(corpus);
      const text = withApex(f.text);
      yield { origin: originOf(text), text: r.chance(0.15) ? text : mutate(r, text), from: f.rel };
    }
  }
}

/** A disagreement's group: our first error rule, BIND's first message, and which known group (if any) it falls in. */
const keyOf = (o, b) => {
  const rule = o.rejected ? o.rule : '(accepts)';
  const known = knownGroup(rule, b.message, o.message);
  return `${rule}  ⟷  ${b.message}${known ? `  #${KNOWN.indexOf(known)}` : ''}`;
};

/** Remove lines (then words) while the case stays in the same group; bounded number of BIND runs. */
function shrink(text, origin, key) {
  let budget = 150;
  const same = (t) => {
    if (budget-- <= 0) return false;
    const bytes = Buffer.from(t, 'latin1');
    const o = ours(bytes, origin);
    const b = bind(bytes, origin);
    return o.rejected !== b.rejected && keyOf(o, b) === key;
  };
  let lines = text.split('\n');
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let i = 0; i < lines.length && budget > 0; ) {
      const cand = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      if (cand.length && same(cand.join('\n'))) lines = cand;
      else i += chunk;
    }
  }
  return lines.join('\n');
}

const results = [];
const groups = new Map();
console.log(`# named-checkzone ${spawnSync(CHECKZONE, ['-v'], { encoding: 'utf8' }).stdout.trim()} ${BIND_FLAGS.join(' ')} <origin> <file>; core ${path.relative(ROOT, CORE_DIR) || CORE_DIR}`);
console.log(`# seed ${SEED}, count ${COUNT} per generator; work dir ${WORK}`);
for (const [gi, gen] of GENERATORS.entries()) {
  const r = rng(SEED * 7919 + gi * 104729 + 1);
  const tally = { gen, n: 0, both: 0, neither: 0, oursOnly: 0, bindOnly: 0, agreed: new Map() };
  for (const c of cases(gen, r)) {
    const bytes = Buffer.from(c.text, 'latin1');
    const o = ours(bytes, c.origin);
    const b = bind(bytes, c.origin);
    tally.n++;
    if (o.rejected && b.rejected) {
      tally.both++;
      const k = `${o.rule} ⟷ ${b.message}`;
      tally.agreed.set(k, (tally.agreed.get(k) ?? 0) + 1);
    }
    else if (!o.rejected && !b.rejected) tally.neither++;
    else {
      if (o.rejected) tally.oursOnly++;
      else tally.bindOnly++;
      const key = keyOf(o, b);
      const rule = o.rejected ? o.rule : '(accepts)';
      const g = groups.get(key) ?? { key, rule, bindMsg: b.message, known: knownGroup(rule, b.message, o.message), count: 0, gens: new Set(), example: undefined };
      g.count++;
      g.gens.add(gen);
      if (!g.example || c.text.length < g.example.text.length) g.example = { ...c, ourMessage: o.message, bindRaw: b.raw };
      groups.set(key, g);
    }
  }
  results.push(tally);
}

console.log('\ngenerator  cases  agree   both-reject both-accept  only-ours-reject only-BIND-rejects');
for (const t of results) {
  const agree = t.n ? (((t.both + t.neither) / t.n) * 100).toFixed(1) : '-';
  console.log(`${t.gen.padEnd(10)} ${String(t.n).padStart(5)}  ${agree.padStart(5)}%  ${String(t.both).padStart(11)} ${String(t.neither).padStart(11)}  ${String(t.oursOnly).padStart(16)} ${String(t.bindOnly).padStart(17)}`);
}

console.log('\nmost frequent rejections both agree on:');
for (const t of results) {
  const top = [...t.agreed].sort((a, b) => b[1] - a[1]).slice(0, 4);
  console.log(`  ${t.gen}: ${top.map(([k, n]) => `${n}× ${k}`).join('; ') || '-'}`);
}

const sorted = [...groups.values()].sort((a, b) => !b.known - !a.known || b.count - a.count || (a.key < b.key ? -1 : 1));
const fresh = sorted.filter((g) => !g.known);
console.log(`\n${sorted.length} disagreement group(s) (ours ⟷ BIND), ${fresh.length} new, ${sorted.length - fresh.length} known (${path.relative(ROOT, EXPECTED_TSV)}):`);
const exDir = path.join(WORK, 'examples');
fs.mkdirSync(exDir, { recursive: true });
sorted.forEach((g, i) => {
  let text = g.example.text;
  if (SHRINK) text = shrink(text, g.example.origin, g.key);
  const file = path.join(exDir, `group-${String(i + 1).padStart(2, '0')}.zone`);
  fs.writeFileSync(file, Buffer.from(text, 'latin1'));
  const b = bind(Buffer.from(text, 'latin1'), g.example.origin, file);
  const o = ours(Buffer.from(text, 'latin1'), g.example.origin);
  const reason = g.known?.reason;
  console.log(`\n${String(i + 1).padStart(2)}. [${reason ? 'known' : 'NEW'}] ${g.count}× (${[...g.gens].join(',')})  ours: ${g.rule}  BIND: ${g.bindMsg}`);
  if (reason) console.log(`    reason: ${reason}`);
  console.log(`    example: ${file} (origin ${g.example.origin}${g.example.from ? `, from ${g.example.from}` : ''})`);
  console.log(`    ours: ${o.rejected ? `${o.rule}: ${o.message}` : 'accepts'}`);
  console.log(`    BIND: ${b.raw}`);
});
fs.rmSync(CASE, { force: true });
