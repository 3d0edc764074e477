/**
 * Explains a parsed bounce: picks the cause (causes.ts) from the enhanced status code, the basic
 * reply code and the reply's wording, names the evidence, and lists the rules that would have
 * caught the reason in the workspace. Unmatched replies are still explained from RFC 3463.
 */
import { CAUSES, UNKNOWN_CAUSE, type BounceCause, type CauseMatcher } from './causes';
import type { ParsedBounce } from './model';
import { parseBounce } from './parse';
import { statusMeaning, type StatusMeaning } from './statusCodes';

export interface BounceExplanation {
  cause: { id: string; title: string; explanation: string; fix: string };
  /** What matched: "enhanced status 5.7.26 and the words 'DMARC policy'". */
  evidence: string;
  relatedRules: string[];
  /** The RFC 3463 reading of the enhanced status code, when there is one. */
  status?: StatusMeaning;
}

interface Match {
  cause: BounceCause;
  score: number;
  status?: string;
  code?: number;
  words?: string;
}

function tryMatcher(m: CauseMatcher, status: string | undefined, code: number | undefined, text: string): Omit<Match, 'cause'> | undefined {
  let score = 0;
  const hit: Omit<Match, 'cause' | 'score'> = {};
  if (m.status) {
    if (!status || !m.status.includes(status)) return undefined;
    score += 2;
    hit.status = status;
  }
  if (m.codes) {
    if (code === undefined || !m.codes.includes(code)) return undefined;
    score += 1;
    hit.code = code;
  }
  if (m.words) {
    let found: RegExpExecArray | null = null;
    for (const re of m.words) {
      found = re.exec(text);
      if (found) break;
    }
    if (!found) return undefined;
    score += 3;
    hit.words = found[0];
  }
  return score > 0 ? { ...hit, score } : undefined;
}

/** The best-scoring cause for a status, reply code and wording (undefined: none matched). */
export function matchCause(status: string | undefined, code: number | undefined, text: string): Match | undefined {
  let best: Match | undefined;
  for (const cause of CAUSES) {
    for (const m of cause.matchers) {
      const r = tryMatcher(m, status, code, text);
      if (r && (!best || r.score > best.score)) best = { cause, ...r };
    }
  }
  return best;
}

function evidenceOf(m: Match, fromNotice: boolean): string {
  const parts: string[] = [];
  if (m.status) parts.push(`enhanced status ${m.status}`);
  if (m.code !== undefined) parts.push(`reply code ${m.code}`);
  if (m.words) parts.push(`the words '${m.words.replace(/\s+/g, ' ').trim()}'${fromNotice ? ' in the notice' : ''}`);
  return parts.join(' and ');
}

export function explainBounce(b: ParsedBounce): BounceExplanation {
  const meaning = statusMeaning(b.status);
  const fromNotice = !b.reply;
  const text = b.reply ?? b.notice;
  const m = matchCause(b.status, b.replyCode, text);
  if (m) {
    const evidence = evidenceOf(m, fromNotice);
    return {
      cause: { id: m.cause.id, title: m.cause.title, explanation: `Evidence: ${evidence}. ${m.cause.explanation}`, fix: m.cause.fix },
      evidence,
      relatedRules: [...m.cause.rules],
      status: meaning,
    };
  }
  const codeText =
    b.replyCode === undefined ? '' : b.replyCode >= 500 ? `Reply code ${b.replyCode} is a permanent failure. ` : b.replyCode >= 400 ? `Reply code ${b.replyCode} is a temporary failure: the sender retries. ` : '';
  const explanation = meaning
    ? `${UNKNOWN_CAUSE.explanation} ${codeText}Enhanced status ${meaning.text}.`
    : `${UNKNOWN_CAUSE.explanation} ${codeText}${b.reply ? '' : 'No SMTP reply or status code was found in the text.'}`.trim();
  return {
    cause: { id: UNKNOWN_CAUSE.id, title: UNKNOWN_CAUSE.title, explanation, fix: UNKNOWN_CAUSE.fix },
    evidence: meaning ? `enhanced status ${meaning.status}` : b.replyCode !== undefined ? `reply code ${b.replyCode}` : 'nothing recognised',
    relatedRules: [],
    status: meaning,
  };
}

/** Parse and explain in one step. */
export function explainBounceText(text: string): { bounce: ParsedBounce; explanation: BounceExplanation } {
  const bounce = parseBounce(text);
  return { bounce, explanation: explainBounce(bounce) };
}
