/**
 * `zone-svcb-dns`: an SVCB record for a DNS server (owner `_dns.…` or `_<port>._dns.…`, RFC 9461)
 * in ServiceMode without the parameters its clients need: `alpn` is mandatory (RFC 9461 §4.1), and
 * when it names an HTTP version (`h2`, `h3`, `http/1.1`…) so is `dohpath` (RFC 9461 §5).
 * (named-checkzone, check-svcb: "SVCB record not valid".) Like named-checkzone, a protocol id
 * with a comma in it (`alpn=h1\\,h2`: one id `h1,h2` by RFC 9460 Appendix A.1) is also read
 * piece by piece: no registered id has a comma, so it is an escaping mistake for a list.
 */
import type { Rule } from '../../rule';
import type { ZoneModel, ZoneToken } from '../model';
import { zoneFacts } from '../analysis';
import { freshTokens } from './common';

/** The HTTP protocol ids of the IANA ALPN registry (the ones named-checkzone's check-svcb knows). */
const HTTP_ALPN = new Set(['http/0.9', 'http/1.0', 'http/1.1', 'h2', 'h2c', 'h3']);

/** The owner is a DNS server's SVCB name: `_dns` first, or `_<port>._dns`. */
export function isDnsSvcbOwner(owner: string): boolean {
  return /^_dns\./i.test(owner) || /^_\d{1,5}\._dns\./i.test(owner);
}

/** Protocol ids of an alpn value (RFC 9460 App. A.1: zone-file escapes first, then `\,` keeps a comma in an id). */
export function alpnIds(value: string): string[] {
  let plain = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\\') plain += value[i];
    else if (/^\d{3}/.test(value.slice(i + 1, i + 4))) {
      plain += String.fromCharCode(Number(value.slice(i + 1, i + 4)));
      i += 3;
    } else if (i + 1 < value.length) plain += value[++i];
  }
  const ids: string[] = [];
  let cur = '';
  for (let i = 0; i < plain.length; i++) {
    if (plain[i] === '\\' && i + 1 < plain.length) cur += plain[++i];
    else if (plain[i] === ',') {
      ids.push(cur);
      cur = '';
    } else cur += plain[i];
  }
  ids.push(cur);
  return ids;
}

/** What an alpn value offers over HTTP: each HTTP id, or an HTTP piece of an id with a comma in it (`within`). */
export function httpAlpn(value: string): { id: string; within?: string }[] {
  const out: { id: string; within?: string }[] = [];
  for (const id of alpnIds(value)) {
    if (HTTP_ALPN.has(id)) out.push({ id });
    else if (id.includes(',')) for (const piece of id.split(',')) if (HTTP_ALPN.has(piece)) out.push({ id: piece, within: id });
  }
  return out;
}

/** SvcParams of a record: key → value ('' when the key has none). */
function params(tokens: ZoneToken[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.quoted) continue;
    const eq = t.text.indexOf('=');
    const key = (eq < 0 ? t.text : t.text.slice(0, eq)).toLowerCase();
    let value = eq < 0 ? '' : t.text.slice(eq + 1);
    const q = tokens[i + 1];
    if (eq >= 0 && value === '' && q?.quoted && q.range.start === t.range.end) {
      value = q.text.length >= 2 && q.text.endsWith('"') ? q.text.slice(1, -1) : q.text.slice(1);
      i++;
    }
    out.set(key === 'key1' ? 'alpn' : key === 'key7' ? 'dohpath' : key, value);
  }
  return out;
}

export const zoneSvcbDns: Rule<ZoneModel> = {
  meta: {
    id: 'zone-svcb-dns',
    scope: 'record',
    language: 'zone',
    severity: 'error',
    description: 'An SVCB record for a DNS server (_dns) lacks alpn, or names an HTTP version in alpn without dohpath (RFC 9461).',
  },
  check(model, _ctx, report) {
    const svcbs = zoneFacts(model).ofType(64);
    if (svcbs.length === 0) return;
    for (const r of svcbs) {
      if (r.generic || !isDnsSvcbOwner(r.owner)) continue;
      const t = freshTokens(r, model.text);
      if (!t[0] || t[0].text === '0' || !/^\d+$/.test(t[0].text)) continue;
      const p = params(t);
      const alpn = p.get('alpn');
      if (alpn === undefined) {
        report({ range: r.typeRange, message: `SVCB for the DNS server ${r.owner} has no alpn: RFC 9461 §4.1 requires it to say which transports (dot, doq, h2…) the server offers` });
        continue;
      }
      const http = httpAlpn(alpn);
      if (http.length && !p.has('dohpath')) {
        const within = http.find((h) => h.within)?.within;
        const why = within ? `; the protocol id '${within}' has a comma in it, which named-checkzone reads as a list (no registered id has a comma: write the ids apart)` : '';
        report({ range: r.typeRange, message: `SVCB for the DNS server ${r.owner} offers ${[...new Set(http.map((h) => h.id))].join(', ')} (DNS over HTTPS) but has no dohpath: RFC 9461 §5 requires the URI template, e.g. dohpath=/dns-query{?dns}${why}` });
      }
    }
  },
};
