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
// apostrophe, a slash ("9/11"), or a comma and a space ("Paris, Texas", "Washington, D.C.").
const NAME_GAP = /^(?:[\s.\-‐‑'’/]{1,3}|, ?)$/u;

/** True when the characters between two tokens may sit inside one name. */
export function isNameGap(text: string, end: number, nextStart: number): boolean {
  const gap = text.slice(end, nextStart);
  return NAME_GAP.test(gap) && !/\n\s*\n/.test(gap);
}
