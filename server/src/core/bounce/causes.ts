/**
 * Why mail bounces, as data: each cause with the status codes and wording receivers use for it,
 * what it means, how to fix it, and the Sender Guard rules that catch its usual reasons in the
 * workspace (zone files, router configs, router logs).
 *
 * Matching (see explain.ts): a matcher holds when every criterion it names holds; it scores 2 for
 * an enhanced status, 1 for a basic reply code and 3 for wording. The highest score wins; on a tie
 * the cause listed first wins, so the more specific causes come first.
 */

export interface CauseMatcher {
  /** Enhanced status codes, exactly as written ("5.7.26"). */
  status?: string[];
  /** Basic SMTP reply codes (421, 550). */
  codes?: number[];
  /** Wording, matched against the reply (or, without one, the notice's text). */
  words?: RegExp[];
}

export interface BounceCause {
  id: string;
  title: string;
  explanation: string;
  fix: string;
  /** Rule ids whose findings in the workspace point at the reason. */
  rules: string[];
  matchers: CauseMatcher[];
}

const DMARC_WORDS = [/\bDMARC\b[^.]{0,40}?\b(?:policy|reject\w*|fail\w*|verification)/i, /\b(?:reject\w*|not accepted|blocked|refused)\b[^.]{0,60}?\bDMARC\b/i];
const UNAUTH_WORDS = [
  /does not have authentication information/i,
  /fails? to pass authentication checks/i,
  /sender is unauthenticated/i,
  /\bunauthenticated\b/i,
  /(?:doesn't|does not) meet the required authentication level/i,
  /authentication requirements/i,
  /must authenticate with[^.]{0,30}SPF[^.]{0,10}DKIM/i,
  /not (?:properly )?authenticated/i,
];
const SPF_WORDS = [
  /\bSPF\b[^.]{0,40}?\b(?:fail\w*|did not pass|not pass|hard ?fail|soft ?fail|reject\w*|not permitted|not authori[sz]ed)/i,
  /\bSPF (?:check|validation|verification) failed/i,
  /not (?:a )?(?:designated|permitted)[^.]{0,30}sender/i,
  /is not allowed to send mail from/i,
  /sender policy framework/i,
];
const DKIM_WORDS = [/\bDKIM\b[^.]{0,30}?\b(?:fail\w*|invalid|did not verify|not valid|bad signature)/i, /no (?:valid|passing|acceptable)[^.]{0,20}DKIM/i, /body hash did not verify/i];
const BLOCK_WORDS = [
  /\bS3150\b/,
  /\bTSS\d\d\b/,
  /traffic not accepted from this IP/i,
  /unusual rate of unsolicited mail/i,
  /spamhaus|\b(?:SBL|XBL|PBL|CSS)\b(?=[^.]{0,40}(?:listed|spamhaus))|barracuda|spamcop|\bSORBS\b|uceprotect|\bpsbl\b/i,
  /\b(?:block|black|deny)[ -]?list(?:ed)?\b/i,
  /blocked using/i,
  /\b(?:DNSBL|RBL)\b/i,
  /\blisted (?:at|in|on|by)\b/i,
  /(?:poor|bad|low) (?:IP |sender |sending )?reputation|IP reputation/i,
  /banned sending IP/i,
  /ブラックリスト|ブロックリスト|送信元IP[^。]{0,20}(?:拒否|ブロック)/,
];
const PTR_WORDS = [
  /\bPTR record/i,
  /reverse (?:DNS|lookup|hostname|host name|resolution)/i,
  /\brDNS\b/i,
  /cannot find your (?:reverse )?host ?name/i,
  /\bno PTR\b/i,
  /逆引き/,
];
const RELAY_WORDS = [/\brelay(?:ing)? (?:access )?(?:denied|not permitted|prohibited|not allowed)/i, /unable to relay/i, /we do not relay/i, /not permitted to relay/i, /中継(?:を)?拒否/];
const TLS_WORDS = [/\bTLS (?:is )?required/i, /requires? (?:TLS|encryption|STARTTLS)/i, /must issue a STARTTLS command first/i, /encryption (?:is )?(?:required|needed)/i, /STARTTLS (?:is )?required/i];
const SPAM_WORDS = [
  /likely unsolicited mail/i,
  /(?:identified|detected|classified|considered|flagged|marked) as (?:spam|junk|bulk|unsolicited)/i,
  /\bspam (?:content|message|score|filter)/i,
  /\bcontent (?:rejected|filter\w*)|message content (?:rejected|not accepted)/i,
  /looks like spam|appears to be spam|probability of (?:being )?spam/i,
  /\[(?:CS01|HM08)\]/,
  /迷惑メール/,
];
const UNKNOWN_USER_WORDS = [
  /user unknown|unknown user|unknown recipient|no such (?:user|recipient|mailbox|address)/i,
  /(?:user|mailbox|recipient|address|account) (?:does not|doesn't) exist/i,
  /recipient not found|RecipientNotFound|mailbox not found|invalid recipient|invalid mailbox/i,
  /no mailbox here by that name/i,
  /宛先(?:不明|が見つかりません)|(?:ユーザ|アカウント|アドレス)[ーが]*(?:存在しません|見つかりません)/,
];
const FULL_WORDS = [
  /mailbox (?:is )?full|over ?quota|quota (?:exceeded|exceed)|exceeded (?:storage|its quota|the quota)/i,
  /mailbox (?:size |storage )?(?:limit )?exceeded|insufficient (?:space|storage) in (?:the )?mailbox/i,
  /容量(?:超過|オーバー|が一杯|がいっぱい)|メールボックスが(?:一杯|いっぱい)/,
];
const SIZE_WORDS = [
  /message (?:size )?(?:exceeds|too (?:large|big))|message is too (?:large|big)/i,
  /\bsize limit\b|exceeds (?:the )?(?:maximum|max\.?|fixed|allowed)? ?(?:message )?size/i,
  /message length exceeds/i,
  /サイズ[^。]{0,20}(?:超|大き)/,
];
const GREY_WORDS = [/\bgr[ae]y-?list(?:ed|ing)?\b/i];
const RATE_WORDS = [
  /rate[- ]limit(?:ed|ing)?/i,
  /too many (?:messages|connections|recipients|mails|emails)/i,
  /(?:unusual|unexpected) (?:rate|volume)/i,
  /temporarily (?:deferred|throttled|rate limited)|\bthrottl/i,
  /receiving mail at a rate/i,
  /try again later/i,
];
const DNS_WORDS = [
  /host or domain name not found/i,
  /name service error/i,
  /domain (?:not found|does not exist|doesn't exist)|no such domain/i,
  /unrouteable address|unroutable address/i,
  /\bNXDOMAIN\b|\bno MX\b/i,
  /couldn't find any host named/i,
  /all relevant MX records point to non-existent hosts/i,
  /DNS (?:lookup )?(?:failure|error)/i,
];

export const CAUSES: BounceCause[] = [
  {
    id: 'dmarc-reject',
    title: 'Rejected by the sender domain’s DMARC policy',
    explanation:
      'The receiver checked the From: domain’s DMARC record, found that neither SPF nor DKIM passed in alignment with that domain, and applied its p=reject (or quarantine) policy.',
    fix: 'Send only through servers listed in the domain’s SPF record, sign with DKIM for the From: domain, and check alignment (the SPF MAIL FROM domain or the DKIM d= must match the From: domain). Until every source passes, keep p=none and read the aggregate reports.',
    rules: ['spf-unauthorised-host', 'spf-missing-record', 'sender-requirements', 'dkim-bad-key', 'dmarc-version', 'dmarc-policy-none'],
    matchers: [{ status: ['5.7.1', '5.7.26', '5.7.509', '5.7.0'], words: DMARC_WORDS }, { words: DMARC_WORDS }],
  },
  {
    id: 'unauthenticated',
    title: 'Message not authenticated (SPF and DKIM did not pass)',
    explanation:
      'The receiver requires mail to pass SPF or DKIM (and, for bulk senders, both plus DMARC), and this message passed neither. Gmail, Microsoft and Yahoo enforce these sender requirements since 2024.',
    fix: 'Publish an SPF record that lists every server sending for the domain, sign outgoing mail with DKIM and publish the key, and publish a DMARC record (p=none is enough to start). Then send a test message and read the Authentication-Results header at the receiver.',
    rules: ['spf-missing-record', 'spf-unauthorised-host', 'spf-version-typo', 'spf-permissive-all', 'sender-requirements', 'dmarc-version', 'dkim-bad-key'],
    matchers: [
      { status: ['5.7.1', '5.7.26', '5.7.515'], words: UNAUTH_WORDS },
      { status: ['5.7.26'], words: [/authenticat/i] },
      { status: ['5.7.9'], words: [/policy reasons|not accepted for policy/i] },
      { words: UNAUTH_WORDS },
      { status: ['5.7.26'] },
      { status: ['5.7.515'] },
      { status: ['5.7.9'] },
    ],
  },
  {
    id: 'spf-fail',
    title: 'SPF check failed',
    explanation:
      'The receiver evaluated the SPF record of the envelope sender’s domain (or the HELO name) for the connecting IP address and got fail: the record does not list the server that sent the message.',
    fix: 'Add the sending server (its IP address, or an include: of the provider that sends for you) to the domain’s SPF record, keep the record within 10 DNS-querying terms, and make sure there is exactly one record starting with v=spf1.',
    rules: ['spf-unauthorised-host', 'spf-missing-record', 'spf-version-typo', 'spf-syntax', 'spf-lookup-limit', 'spf-multiple-records'],
    matchers: [{ status: ['5.7.23', '5.7.24', '5.7.27', '5.7.1', '5.7.0', '4.7.23', '4.7.24', '4.7.27'], words: SPF_WORDS }, { words: SPF_WORDS }, { status: ['5.7.23', '4.7.23', '5.7.24', '4.7.24'] }],
  },
  {
    id: 'dkim-fail',
    title: 'DKIM signature missing or invalid',
    explanation: 'The receiver found no DKIM signature that verifies for the message, or none that aligns with the From: domain.',
    fix: 'Sign outgoing mail with DKIM, publish the public key at <selector>._domainkey.<domain>, and make sure nothing after the signer (a footer, a mailing list, an antivirus gateway) changes the signed headers or body.',
    rules: ['sender-requirements', 'dkim-bad-key', 'dkim-revoked-key', 'dkim-weak-key', 'dkim-syntax', 'dkim-testing-mode'],
    matchers: [{ status: ['5.7.20', '5.7.21', '5.7.22', '5.7.1', '5.7.7'], words: DKIM_WORDS }, { words: DKIM_WORDS }, { status: ['5.7.20', '5.7.21', '5.7.22'] }],
  },
  {
    id: 'ptr-missing',
    title: 'No or mismatching reverse DNS (PTR) for the sending IP',
    explanation:
      'The receiver looked up the PTR record of the connecting IP address and found none, or found a name whose address records do not point back to the same IP (forward-confirmed reverse DNS failed).',
    fix: 'Ask whoever owns the IP address (the ISP or hosting provider) to set a PTR record naming the mail server, and publish an A/AAAA record for that name pointing back to the same address. Use that name in HELO/EHLO.',
    rules: ['sender-requirements'],
    matchers: [{ status: ['5.7.25', '4.7.25', '5.7.1', '4.7.1', '5.7.0', '4.7.0', '5.5.0'], words: PTR_WORDS }, { words: PTR_WORDS }, { status: ['5.7.25', '4.7.25'] }],
  },
  {
    id: 'blocklisted-ip',
    title: 'Sending IP address is on a blocklist or has a poor reputation',
    explanation:
      'The receiver refused the connection or the message because the sending IP address is listed on a DNS blocklist (Spamhaus ZEN/SBL/XBL/PBL, Barracuda, SpamCop, …) or on the provider’s own reputation list. The usual reason is spam sent from that address — often by an infected PC on the LAN sending straight to port 25 through the router’s NAT address.',
    fix: 'Find and clean the source first: look for LAN hosts sending SMTP to the internet in the router log, block outbound port 25 for everyone but the mail server, then request delisting (Spamhaus lookup, Microsoft sender support for S3150, Yahoo sender hub for TSS codes). Delisting before fixing the source only buys days.',
    rules: ['rtx-smtp-egress-open', 'log-infected-host'],
    matchers: [{ status: ['5.7.1', '5.7.0', '4.7.0', '4.7.1', '5.7.708', '5.7.606', '5.7.511', '5.7.750'], words: BLOCK_WORDS }, { words: BLOCK_WORDS }, { status: ['5.7.708', '5.7.606', '5.7.511'] }],
  },
  {
    id: 'relay-denied',
    title: 'Relaying denied',
    explanation:
      'The server that was asked to take the message is not the recipient domain’s mail server and does not relay for the sender: the sending client was not authenticated, or the recipient domain is not one the server accepts mail for.',
    fix: 'Send through your own submission server with SMTP AUTH (port 587), or, for a server you run, add the recipient domain to its accepted domains / relay_domains. Check that the recipient domain’s MX records point at the right servers.',
    rules: [],
    matchers: [{ status: ['5.7.1', '5.7.54', '5.7.64', '4.7.1', '5.4.1'], words: RELAY_WORDS }, { words: RELAY_WORDS }, { status: ['5.7.54', '5.7.64'] }],
  },
  {
    id: 'tls-required',
    title: 'The receiver requires TLS',
    explanation: 'The receiving server accepts mail only over an encrypted connection (STARTTLS), and the sending server did not use one.',
    fix: 'Enable opportunistic TLS on the sending server (Postfix: smtp_tls_security_level = may or encrypt) with a current TLS version, and check that its certificate store can verify the receiver.',
    rules: [],
    matchers: [{ status: ['5.7.10', '5.7.11', '4.7.10', '5.7.0', '5.7.3', '5.7.4'], words: TLS_WORDS }, { words: TLS_WORDS }, { status: ['5.7.10', '5.7.11', '5.7.30'] }],
  },
  {
    id: 'content-spam',
    title: 'Rejected as spam (content or sender reputation)',
    explanation: 'The receiver’s filter judged this message to be unsolicited mail, from its content, its links or the sending domain’s reputation, and refused it.',
    fix: 'Check that the message is authenticated (SPF, DKIM, DMARC), remove URL shorteners and links to poorly reputed sites, keep lists clean (only recipients who asked), offer one-click unsubscribe for bulk mail, and check the LAN for a compromised account or PC sending spam under the same domain.',
    rules: ['sender-requirements', 'dmarc-policy-none', 'spf-permissive-all', 'log-infected-host'],
    matchers: [{ status: ['5.7.1', '5.7.0', '5.7.350', '5.7.520', '4.7.1'], words: SPAM_WORDS }, { words: SPAM_WORDS }],
  },
  {
    id: 'mailbox-unknown',
    title: 'Recipient address does not exist',
    explanation: 'The receiving server does not know the recipient mailbox: the address is mistyped, the account was removed, or the domain’s MX points at a server that does not host it.',
    fix: 'Check the spelling of the address with the recipient by another channel and remove it from lists that keep bouncing; repeated sends to unknown users hurt the sender’s reputation.',
    rules: [],
    matchers: [
      { status: ['5.1.1', '5.1.10', '5.1.0', '5.1.6', '5.2.1', '5.0.0', '4.1.1'], words: UNKNOWN_USER_WORDS },
      { words: UNKNOWN_USER_WORDS },
      // Exchange Online's directory-based edge blocking of addresses it does not host.
      { status: ['5.4.1'], words: [/recipient address rejected: access denied/i] },
      { status: ['5.1.1'] },
    ],
  },
  {
    id: 'mailbox-full',
    title: 'Recipient mailbox is full',
    explanation: 'The recipient’s mailbox is over its storage quota. A 4.x.x reply is retried by the sending server; a 5.x.x reply is final.',
    fix: 'Nothing to change on the sending side: tell the recipient by another channel, or resend later once they have made room.',
    rules: [],
    matchers: [{ status: ['5.2.2', '4.2.2', '5.2.0', '4.2.0', '5.2.1'], words: FULL_WORDS }, { words: FULL_WORDS }, { status: ['5.2.2', '4.2.2'] }],
  },
  {
    id: 'message-too-large',
    title: 'Message too large',
    explanation: 'The message (after encoding, attachments count about a third more than their file size) exceeds the size the receiving server or mailbox accepts.',
    fix: 'Send large files by a link to a file share instead of as attachments, or compress them; keep messages under about 10 MB for wide delivery.',
    rules: [],
    matchers: [{ status: ['5.3.4', '5.2.3', '4.3.4', '5.3.0', '5.7.0'], words: SIZE_WORDS }, { words: SIZE_WORDS }, { status: ['5.3.4', '5.2.3', '4.3.4'] }],
  },
  {
    id: 'greylisted',
    title: 'Greylisted (temporary deferral, retried automatically)',
    explanation: 'The receiver deliberately deferred the first attempt from an unknown sender/IP/recipient triple and accepts a retry after a few minutes; real mail servers retry, spam software often does not.',
    fix: 'Usually nothing: the sending server retries. If the retry keeps failing, the sending side is probably a pool of addresses retrying from different IPs (list them in SPF so the receiver can whitelist by domain), or the queue’s retry interval is too long.',
    rules: [],
    matchers: [{ words: GREY_WORDS }],
  },
  {
    id: 'rate-limited',
    title: 'Rate limited (too much mail too fast)',
    explanation: 'The receiver is temporarily deferring mail from this sender because of its volume or rate (421 / 4.7.x); the sending server retries later.',
    fix: 'Slow down: spread bulk sends over time, send to engaged recipients, authenticate the mail (rate limits are looser for authenticated, well-reputed senders), and check that no LAN host or compromised account is sending unexpected volume.',
    rules: ['log-infected-host', 'rtx-smtp-egress-open', 'sender-requirements'],
    matchers: [{ status: ['4.7.28', '4.7.0', '4.7.1', '4.2.1', '4.3.2', '4.4.5', '5.7.28'], words: RATE_WORDS }, { words: RATE_WORDS }, { status: ['4.7.28', '5.7.28'] }, { status: ['4.7.0'], codes: [421] }],
  },
  {
    id: 'dns-failure',
    title: 'Recipient domain could not be resolved',
    explanation: 'The sending server could not find where to deliver: the recipient domain does not exist, has no MX or address records, or its DNS servers did not answer.',
    fix: 'Check the recipient domain’s spelling. If it is your own domain, check its NS delegation and MX records (and that the MX names have A/AAAA records); a 4.4.3 reply means the DNS lookup failed temporarily.',
    rules: [],
    matchers: [{ status: ['5.1.2', '4.4.3', '5.4.4', '4.4.4', '5.4.3', '5.1.10'], words: DNS_WORDS }, { words: DNS_WORDS }, { status: ['5.1.2', '4.4.3', '5.4.4', '4.4.4'] }],
  },
];

export const UNKNOWN_CAUSE: Omit<BounceCause, 'matchers'> = {
  id: 'unknown',
  title: 'Cause not recognised',
  explanation: 'The reply does not match a known cause.',
  fix: 'Read the reply text: receivers often link to a page that explains their code. Retry later when the status is temporary (4.x.x).',
  rules: [],
};
