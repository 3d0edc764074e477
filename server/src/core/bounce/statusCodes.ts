/**
 * Enhanced mail system status codes (RFC 3463 and the IANA registry's later additions:
 * RFC 3886, 4468, 4954, 5248, 6531, 6710, 7293, 7372, 7505, 8617, 8689) as data.
 */

export const STATUS_CLASSES: Record<string, string> = {
  '2': 'success',
  '4': 'persistent transient failure (the sender retries later)',
  '5': 'permanent failure (the message will not be delivered as it is)',
};

export const STATUS_SUBJECTS: Record<string, string> = {
  '0': 'other or undefined status',
  '1': 'addressing status',
  '2': 'mailbox status',
  '3': 'mail system status',
  '4': 'network and routing status',
  '5': 'mail delivery protocol status',
  '6': 'message content or media status',
  '7': 'security or policy status',
};

/** subject.detail → meaning. */
export const STATUS_DETAILS: Record<string, string> = {
  '0.0': 'other undefined status',
  '1.0': 'other address status',
  '1.1': 'bad destination mailbox address',
  '1.2': 'bad destination system address',
  '1.3': 'bad destination mailbox address syntax',
  '1.4': 'destination mailbox address ambiguous',
  '1.5': 'destination address valid',
  '1.6': 'destination mailbox has moved, no forwarding address',
  '1.7': "bad sender's mailbox address syntax",
  '1.8': "bad sender's system address",
  '1.9': 'message relayed to a non-compliant mailer',
  '1.10': 'recipient address has a null MX',
  '2.0': 'other or undefined mailbox status',
  '2.1': 'mailbox disabled, not accepting messages',
  '2.2': 'mailbox full',
  '2.3': 'message length exceeds an administrative limit',
  '2.4': 'mailing list expansion problem',
  '3.0': 'other or undefined mail system status',
  '3.1': 'mail system full',
  '3.2': 'system not accepting network messages',
  '3.3': 'system not capable of the selected features',
  '3.4': 'message too big for the system',
  '3.5': 'system incorrectly configured',
  '3.6': 'requested priority was changed',
  '4.0': 'other or undefined network or routing status',
  '4.1': 'no answer from host',
  '4.2': 'bad connection',
  '4.3': 'directory server failure (DNS)',
  '4.4': 'unable to route',
  '4.5': 'mail system congestion',
  '4.6': 'routing loop detected',
  '4.7': 'delivery time expired',
  '4.8': 'recipient address has a null MX',
  '5.0': 'other or undefined protocol status',
  '5.1': 'invalid command',
  '5.2': 'syntax error',
  '5.3': 'too many recipients',
  '5.4': 'invalid command arguments',
  '5.5': 'wrong protocol version',
  '5.6': 'authentication exchange line is too long',
  '6.0': 'other or undefined media error',
  '6.1': 'media not supported',
  '6.2': 'conversion required and prohibited',
  '6.3': 'conversion required but not supported',
  '6.4': 'conversion with loss performed',
  '6.5': 'conversion failed',
  '6.6': 'message content not available',
  '6.7': 'non-ASCII addresses not permitted for that sender or recipient',
  '6.8': 'UTF-8 string reply is required, but not permitted by the client',
  '6.9': 'UTF-8 header message cannot be transferred to one or more recipients',
  '7.0': 'other or undefined security status',
  '7.1': 'delivery not authorized, message refused',
  '7.2': 'mailing list expansion prohibited',
  '7.3': 'security conversion required but not possible',
  '7.4': 'security features not supported',
  '7.5': 'cryptographic failure',
  '7.6': 'cryptographic algorithm not supported',
  '7.7': 'message integrity failure',
  '7.8': 'authentication credentials invalid',
  '7.9': 'authentication mechanism is too weak',
  '7.10': 'encryption needed',
  '7.11': 'encryption required for the requested authentication mechanism',
  '7.12': 'a password transition is needed',
  '7.13': 'user account disabled',
  '7.14': 'trust relationship required',
  '7.15': 'priority level is too low',
  '7.16': 'message is too big for the specified priority',
  '7.17': 'mailbox owner has changed',
  '7.18': 'domain owner has changed',
  '7.19': 'RRVS test cannot be completed',
  '7.20': 'no passing DKIM signature found',
  '7.21': 'no acceptable DKIM signature found',
  '7.22': 'no valid author-matched DKIM signature found',
  '7.23': 'SPF validation failed',
  '7.24': 'SPF validation error',
  '7.25': 'reverse DNS validation failed',
  '7.26': 'multiple authentication checks failed',
  '7.27': 'sender address has a null MX',
  '7.28': 'mail flood detected',
  '7.29': 'ARC validation failure',
  '7.30': 'REQUIRETLS support required',
};

export interface StatusMeaning {
  status: string;
  class: string;
  subject: string;
  /** The registered meaning of subject.detail, when there is one. */
  detail?: string;
  /** One line: "5.7.26: permanent failure …; security or policy status: multiple authentication checks failed". */
  text: string;
}

const STATUS = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** The registry's reading of an enhanced status code; undefined when it is not one. */
export function statusMeaning(status: string | undefined): StatusMeaning | undefined {
  const m = status ? STATUS.exec(status.trim()) : null;
  if (!m) return undefined;
  const s = `${m[1]}.${Number(m[2])}.${Number(m[3])}`;
  const cls = STATUS_CLASSES[m[1]];
  const subject = STATUS_SUBJECTS[String(Number(m[2]))] ?? 'unregistered subject';
  const detail = Object.prototype.hasOwnProperty.call(STATUS_DETAILS, `${Number(m[2])}.${Number(m[3])}`) ? STATUS_DETAILS[`${Number(m[2])}.${Number(m[3])}`] : undefined;
  return { status: s, class: cls, subject, detail, text: `${s}: ${cls}; ${subject}${detail ? `: ${detail}` : ' (detail not registered)'}` };
}
