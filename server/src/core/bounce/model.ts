/** What the bounce parser produces. */
import type { Range } from '../types';

/** The SMTP stage a reply answered, when the bounce says. */
export type SmtpPhase = 'connect' | 'HELO' | 'MAIL' | 'RCPT' | 'DATA';

/** Which writer's layout the reply was found in. */
export type BounceSource = 'dsn' | 'postfix' | 'exim' | 'sendmail' | 'exchange' | 'qmail' | 'reply-lines' | 'text';

export interface RemoteMta {
  host?: string;
  ip?: string;
}

/** One per-recipient group of a delivery-status report (RFC 3464 §2.3). */
export interface DsnRecipient {
  finalRecipient?: string;
  originalRecipient?: string;
  action?: string;
  status?: string;
  remoteMta?: string;
  diagnosticCode?: string;
  lastAttemptDate?: string;
}

export interface BounceProblem {
  message: string;
  range: Range;
}

export interface ParsedBounce {
  /** True when a `message/delivery-status` part (or bare DSN fields) was read. */
  dsn: boolean;
  /** Where the primary reply was found. */
  source?: BounceSource;
  subject?: string;
  reportingMta?: string;
  arrivalDate?: string;
  remoteMta?: RemoteMta;
  /** The basic SMTP reply code (RFC 5321), e.g. 550. */
  replyCode?: number;
  /** The enhanced status code (RFC 3463 class.subject.detail), e.g. "5.7.26". */
  status?: string;
  /** The whole reply, continuation lines joined: "550 5.7.26 This mail …". */
  reply?: string;
  /** Where the reply stands in the input. */
  replyRange?: Range;
  /** False when the reply came from an encoded part: `replyRange` is then that part's body. */
  replyRangeExact: boolean;
  phase?: SmtpPhase;
  recipients: string[];
  dsnRecipients: DsnRecipient[];
  /**
   * Readable text of the first text part (bounded), for wording when no SMTP reply was found
   * (some providers' notices, Japanese ones among them, carry only prose).
   */
  notice: string;
  problems: BounceProblem[];
}
