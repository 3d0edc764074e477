/**
 * "Did you mean" for SPF term names: unknown mechanisms (`inlude:`, `ip:`, `al`, `redirect:`)
 * and modifiers that are evidently a misspelt `redirect=`/`exp=` or a mechanism written with `=`.
 * Unknown modifiers are legal (RFC 7208 §6) and only reported when they are such near misses.
 */
import { editDistance } from './nearMiss';
import type { SpfMechanism, SpfModifier } from './parse';
import { MECHANISMS, MECHANISM_NAMES, MODIFIER_NAMES, mechanismNamed, type MechanismDoc } from './terms';

export interface NameSuggestion {
  /** Value span to replace. */
  start: number;
  end: number;
  replacement: string;
  /** The corrected spelling shown in messages and fix titles (`include:`, `redirect=`). */
  label: string;
}

/** Modifiers defined by other specifications (RFC 6652 reporting); never "corrected". */
const EXTENSION_MODIFIERS = new Set(['ra', 'rp', 'rr']);

/** Spellings too far for the edit distance that still evidently mean a known name. */
const ALIASES: Record<string, string> = {
  ipv4: 'ip4',
  ipv6: 'ip6',
  explanation: 'exp',
  expl: 'exp',
  redir: 'redirect',
};

function maxDistance(name: string): number {
  if (name.length <= 1) return 0;
  return name.length <= 4 ? 1 : 2;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Whether an argument as written fits the shape a mechanism expects. */
function fitsArgument(doc: MechanismDoc, arg: string): boolean {
  if (doc.network === 4) return /^:[0-9.]+(?:\/|$)/.test(arg);
  if (doc.network === 6) return /^:[0-9a-f]*:[0-9a-f:.]*(?:\/|$)/i.test(arg);
  if (doc.domain === 'none') return arg === '';
  if (doc.domain === 'required') return /^:./.test(arg);
  if (doc.cidr === 'dual') return arg === '' || arg.startsWith(':') || arg.startsWith('/');
  return arg === '' || arg.startsWith(':');
}

interface Candidate {
  name: string;
  distance: number;
  fits: boolean;
  suggestion: NameSuggestion;
}

function best(cands: Candidate[], written: string): NameSuggestion[] {
  if (cands.length === 0) return [];
  const pool = cands.some((c) => c.fits) ? cands.filter((c) => c.fits) : cands;
  const minD = Math.min(...pool.map((c) => c.distance));
  let top = pool.filter((c) => c.distance === minD);
  const maxP = Math.max(...top.map((c) => commonPrefix(written, c.name)));
  top = top.filter((c) => commonPrefix(written, c.name) === maxP);
  return top.map((c) => c.suggestion);
}

/** Corrections for a mechanism with an unknown name, best first. */
export function suggestForMechanism(m: SpfMechanism): NameSuggestion[] {
  if (m.mechanism) return [];
  const written = m.name.text.toLowerCase();
  const arg = m.argument.text;
  const colon = arg.startsWith(':');
  const cands: Candidate[] = [];
  const limit = maxDistance(written);
  const alias = ALIASES[written];
  for (const name of MECHANISM_NAMES) {
    const d = alias === name ? 1 : editDistance(written, name);
    if (d > limit || d >= name.length + (alias === name ? 1 : 0)) continue;
    cands.push({
      name,
      distance: d,
      fits: fitsArgument(MECHANISMS[name], arg),
      suggestion: { start: m.name.start, end: m.name.end, replacement: name, label: name },
    });
  }
  if (colon) {
    // `redirect:foo`, `redirct:foo`: a modifier written like a mechanism.
    for (const name of MODIFIER_NAMES) {
      const d = alias === name ? 1 : editDistance(written, name);
      if (d > 0 && (d > limit || d >= name.length)) continue;
      cands.push({
        name,
        distance: d,
        fits: arg.length > 1,
        suggestion: { start: m.name.start, end: m.name.end + 1, replacement: `${name}=`, label: `${name}=` },
      });
    }
  }
  return best(cands, written);
}

export interface ModifierNearMiss {
  message: string;
  suggestions: NameSuggestion[];
}

/**
 * An unknown modifier that is evidently a mistake: a misspelt `redirect`/`exp`, or a mechanism
 * written with `=` (`include=`, `ip4=`). Other unknown modifiers are legal and ignored.
 */
export function modifierNearMiss(m: SpfModifier): ModifierNearMiss | undefined {
  if (m.modifier) return undefined;
  const written = m.name.text.toLowerCase();
  if (EXTENSION_MODIFIERS.has(written)) return undefined;
  const asMechanism = mechanismNamed(written);
  if (asMechanism) {
    const label = `${asMechanism.name}:`;
    const fixable = asMechanism.domain !== 'none' || asMechanism.network !== undefined;
    return {
      message:
        `'${m.name.text}=' is read as an unknown modifier and ignored by receivers; ` +
        (fixable ? `the mechanism is written '${label}'.` : `'${asMechanism.name}' takes no argument.`),
      suggestions: fixable ? [{ start: m.name.start, end: m.equals.end, replacement: label, label }] : [],
    };
  }
  const limit = maxDistance(written);
  const alias = ALIASES[written];
  const cands: Candidate[] = [];
  for (const name of MODIFIER_NAMES) {
    const d = alias === name ? 1 : editDistance(written, name);
    if (d > limit || d >= name.length) continue;
    cands.push({
      name,
      distance: d,
      fits: true,
      suggestion: { start: m.name.start, end: m.name.end, replacement: name, label: `${name}=` },
    });
  }
  const sugg = best(cands, written);
  if (sugg.length === 0) return undefined;
  return {
    message: `Unknown modifier '${m.name.text}=' is ignored by receivers; did you mean '${sugg.map((s) => s.label).join("' or '")}'?`,
    suggestions: sugg,
  };
}
