/**
 * The outbound networks that major mail providers publish in their SPF records, with the
 * `include:` target a customer is told to use. Data only (as known in 2026), for hover and the
 * `spf-ip-unknown` rule: an `ip4:`/`ip6:` term copied out of a provider's record goes stale when
 * the provider renumbers, while its `include:` follows the provider.
 *
 * Only networks that each provider has published for years are listed; a provider may send from
 * more, and for some (Zoho, Salesforce, Xserver) only the include is listed. Where a provider publishes its networks is named per entry (its SPF record is the source
 * of truth; run `dig TXT <include>` and follow its includes to refresh this table).
 */
import * as ipaddr from 'ipaddr.js';
import { parsedAddress } from './ip';

export interface MailProvider {
  /** Stable key (used in diagnostic data). */
  id: string;
  /** The provider's name as customers know it. */
  name: string;
  /** The name to write after `include:`. */
  include: string;
  /** Published outbound networks (`address/length`); may be empty when only the include is known. */
  networks: readonly string[];
  /** Where the provider publishes them. */
  source: string;
}

/** As known in 2026. */
export const MAIL_PROVIDERS: readonly MailProvider[] = [
  {
    id: 'google',
    name: 'Google Workspace',
    include: '_spf.google.com',
    // TXT of _spf.google.com → _netblocks.google.com, _netblocks2.google.com (IPv6),
    // _netblocks3.google.com; Google Workspace Admin Help "Set up SPF" (as known in 2026).
    networks: [
      '35.190.247.0/24',
      '64.233.160.0/19',
      '66.102.0.0/20',
      '66.249.80.0/20',
      '72.14.192.0/18',
      '74.125.0.0/16',
      '108.177.8.0/21',
      '173.194.0.0/16',
      '209.85.128.0/17',
      '216.58.192.0/19',
      '216.239.32.0/19',
      '172.217.0.0/19',
      '172.217.32.0/20',
      '172.217.128.0/19',
      '172.217.160.0/20',
      '172.217.192.0/19',
      '172.253.56.0/21',
      '172.253.112.0/20',
      '108.177.96.0/19',
      '35.191.0.0/16',
      '130.211.0.0/22',
      '2001:4860:4000::/36',
      '2404:6800:4000::/36',
      '2607:f8b0:4000::/36',
      '2800:3f0:4000::/36',
      '2a00:1450:4000::/36',
      '2c0f:fb50:4000::/36',
    ],
    source: 'the TXT records of _spf.google.com and its _netblocks includes (Google Workspace Admin Help, "Set up SPF")',
  },
  {
    id: 'microsoft365',
    name: 'Microsoft 365 (Exchange Online)',
    include: 'spf.protection.outlook.com',
    // TXT of spf.protection.outlook.com; Microsoft Learn "Set up SPF to identify valid email
    // sources for your Microsoft 365 domain" (as known in 2026).
    networks: ['40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/15', '52.102.0.0/16', '52.103.0.0/17', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48'],
    source: 'the TXT record of spf.protection.outlook.com (Microsoft Learn, "Set up SPF" for Microsoft 365)',
  },
  {
    id: 'amazonses',
    name: 'Amazon SES',
    include: 'amazonses.com',
    // TXT of amazonses.com; Amazon SES Developer Guide "Authenticating email with SPF" (as known in 2026).
    networks: ['199.255.192.0/22', '199.127.232.0/22', '54.240.0.0/18', '69.169.224.0/20', '23.249.208.0/20', '23.251.224.0/19', '76.223.176.0/20'],
    source: 'the TXT record of amazonses.com (Amazon SES Developer Guide, "Authenticating email with SPF")',
  },
  {
    id: 'sendgrid',
    name: 'Twilio SendGrid',
    include: 'sendgrid.net',
    // TXT of sendgrid.net; SendGrid docs "SPF records explained" (as known in 2026).
    networks: ['167.89.0.0/17', '208.117.48.0/20', '50.31.32.0/19', '198.37.144.0/20', '198.21.0.0/21', '192.254.112.0/20', '168.245.0.0/17', '149.72.0.0/16', '159.183.0.0/16'],
    source: 'the TXT record of sendgrid.net (Twilio SendGrid docs, "SPF records")',
  },
  {
    id: 'mailchimp',
    name: 'Mailchimp / Mandrill',
    include: 'servers.mcsv.net',
    // TXT of servers.mcsv.net; Mailchimp "Set up email domain authentication" and the Mandrill
    // knowledge base (as known in 2026).
    networks: ['205.201.128.0/20', '198.2.128.0/18', '148.105.8.0/21'],
    source: 'the TXT record of servers.mcsv.net (Mailchimp and Mandrill help, domain authentication)',
  },
  {
    id: 'mailgun',
    name: 'Mailgun',
    include: 'mailgun.org',
    // TXT of mailgun.org → _spf.mailgun.org, _spf2.mailgun.org; Mailgun help "SPF" (as known in 2026).
    networks: ['209.61.151.0/24', '166.78.68.0/22', '198.61.254.0/23', '192.237.158.0/23', '23.253.182.0/23', '159.135.224.0/20', '69.72.32.0/20'],
    source: 'the TXT records of mailgun.org and its _spf includes (Mailgun help, "Domain verification")',
  },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    include: 'zoho.com',
    // TXT of zoho.com (zoho.eu, zoho.in, zoho.jp for the other data centres); Zoho Mail help
    // "SPF configuration" (as known in 2026). Its networks are not listed here: not known with
    // enough certainty.
    networks: [],
    source: 'the TXT record of zoho.com (Zoho Mail help, "SPF configuration"; zoho.eu / zoho.in / zoho.jp per data centre)',
  },
  {
    id: 'salesforce',
    name: 'Salesforce',
    include: '_spf.salesforce.com',
    // Salesforce Help "Email Security: Sender Policy Framework" (as known in 2026). The record
    // authorises its senders through an `exists:` on the client address rather than a list of
    // networks, so none is listed here.
    networks: [],
    source: 'the TXT record of _spf.salesforce.com (Salesforce Help, "Sender Policy Framework")',
  },
  {
    id: 'postmark',
    name: 'Postmark',
    include: 'spf.mtasv.net',
    // TXT of spf.mtasv.net; Postmark support "SPF" (as known in 2026).
    networks: ['50.31.156.96/27', '104.245.209.192/26'],
    source: 'the TXT record of spf.mtasv.net (Postmark support, "SPF")',
  },
  {
    id: 'xserver',
    name: 'Xserver',
    include: 'spf.sender.xserver.jp',
    // Xserver's manual "SPF settings" names this include for mail sent through its servers; its
    // networks are not listed here (as known in 2026).
    networks: [],
    source: "Xserver's server-panel manual (SPF settings)",
  },
];

interface Block {
  provider: MailProvider;
  network: string;
  kind: 'ipv4' | 'ipv6';
  address: ipaddr.IPv4 | ipaddr.IPv6;
  length: number;
}

let blocks: Block[] | undefined;
function allBlocks(): Block[] {
  if (blocks) return blocks;
  blocks = [];
  for (const provider of MAIL_PROVIDERS) {
    for (const network of provider.networks) {
      const [address, length] = ipaddr.parseCIDR(network);
      blocks.push({ provider, network, kind: address.kind(), address, length });
    }
  }
  return blocks;
}

export interface ProviderMatch {
  provider: MailProvider;
  /** The published network that holds the term's network (`address/length`). */
  network: string;
}

/** The provider whose published network holds all of `address/length`, if any. */
export function providerOf(address: string, length: number): ProviderMatch | undefined {
  const a = parsedAddress(address);
  if (!a) return undefined;
  for (const b of allBlocks()) {
    if (b.kind !== a.kind() || length < b.length) continue;
    if ((a as ipaddr.IPv4).match(b.address as ipaddr.IPv4, b.length)) return { provider: b.provider, network: b.network };
  }
  return undefined;
}

/** The provider whose include target is `name` (normalised, without trailing dot). */
export function providerByInclude(name: string): MailProvider | undefined {
  return MAIL_PROVIDERS.find((p) => p.include === name);
}
