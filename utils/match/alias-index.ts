/**
 * What an alias index answers: which knowledge-base records an alias names, and how the text
 * must be written for it to count. The index itself is compiled-index.ts: one structure for
 * every alias, walked once per token of the text, longest match first — never one regular
 * expression per alias.
 */
import type { Case } from '../text/tokenize';

/** `weak`: a name that alone is weak evidence (a surname, a common word), see Entity.weakNames. */
export type AliasKind = 'name' | 'demonym' | 'nominal' | 'event' | 'weak';

export interface AliasTarget {
  /** Id of the entity (name, demonym, nominal) or event (event) the alias names. */
  ref: string;
  kind: AliasKind;
  /** The alias as written in the knowledge base. */
  alias: string;
  /** Per token, the least case the text must have: "US" needs "US", "Putin" needs "Putin" or "PUTIN". */
  cases: Case[];
}

/** A filter of targets that names the kinds it takes, so that an index skips the others before it builds them. */
export type TargetFilter = ((t: AliasTarget) => boolean) & { kinds?: ReadonlySet<AliasKind> };

/** The filter that takes these kinds of target only. */
export function ofKinds(...kinds: AliasKind[]): TargetFilter {
  const set = new Set(kinds);
  return Object.assign((t: AliasTarget) => set.has(t.kind), { kinds: set });
}

export interface AliasMatch {
  /** Token indices, end exclusive. */
  from: number;
  to: number;
  targets: AliasTarget[];
}

// Between two tokens of one name: spaces, a line break, a dot ("U.S."), a hyphen, an
// apostrophe, a slash ("9/11"), an ampersand ("S&P 500", "Procter & Gamble"), or a comma and a space ("Paris, Texas", "Washington, D.C.");
// never a blank line. Read character by character: it runs once per step of every match.
const GAP_MARKS = new Set([0x2e, 0x2d, 0x2010, 0x2011, 0x27, 0x2019, 0x2f, 0x26]);

/** `\s` of a regular expression, as a character code test. */
function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when the characters between two tokens may sit inside one name. */
export function isNameGap(text: string, end: number, nextStart: number): boolean {
  const length = nextStart - end;
  if (length < 1 || length > 3) return false;
  if (text.charCodeAt(end) === 0x2c) return length === 1 || (length === 2 && text.charCodeAt(end + 1) === 0x20);
  let afterLineBreak = false; // with nothing but spaces since
  for (let i = end; i < nextStart; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (afterLineBreak) return false;
      afterLineBreak = true;
    } else if (GAP_MARKS.has(c)) afterLineBreak = false;
    else if (!isSpaceCode(c)) return false;
  }
  return true;
}
