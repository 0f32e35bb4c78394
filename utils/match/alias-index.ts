/**
 * One compiled structure for every alias: a trie over normalised tokens, walked once per
 * token of the text, longest match first. Never one regular expression per alias.
 */
import { Case, tokenize, type Token } from '../text/tokenize';

export type AliasKind = 'name' | 'demonym' | 'nominal' | 'event';

export interface AliasTarget {
  /** Id of the entity (name, demonym, nominal) or event (event) the alias names. */
  ref: string;
  kind: AliasKind;
  /** The alias as written in the knowledge base. */
  alias: string;
  /** Per token, the least case the text must have: "US" needs "US", "Putin" needs "Putin" or "PUTIN". */
  cases: Case[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  targets: AliasTarget[] | null;
}

export interface AliasMatch {
  /** Token indices, end exclusive. */
  from: number;
  to: number;
  targets: AliasTarget[];
}

const newNode = (): TrieNode => ({ next: new Map(), targets: null });

/** What the text must look like for an alias token written this way. */
function requiredCase(token: Token): Case {
  if (token.case === Case.Upper) return token.end - token.start > 1 ? Case.Upper : Case.Capitalised;
  return token.case === Case.Capitalised ? Case.Capitalised : Case.Lower;
}

function caseSatisfies(actual: Case, required: Case): boolean {
  if (required === Case.Lower) return true;
  if (required === Case.Upper) return actual === Case.Upper;
  return actual === Case.Capitalised || actual === Case.Upper;
}

// Between two tokens of one name: spaces, a line break, a dot ("U.S."), a hyphen, an apostrophe.
const NAME_GAP = /^[\s.\-‐‑'’]{1,3}$/u;

/** True when the characters between two tokens may sit inside one name. */
export function isNameGap(text: string, end: number, nextStart: number): boolean {
  const gap = text.slice(end, nextStart);
  return NAME_GAP.test(gap) && !/\n\s*\n/.test(gap);
}

export class AliasIndex {
  private readonly root = newNode();
  size = 0;

  /**
   * Adds an alias; an alias without any word is ignored. A leading "the" is dropped: a
   * mention is the name only ("the Kremlin" → "Kremlin"), and nominal phrases take their
   * article from the text.
   */
  add(alias: string, ref: string, kind: AliasKind): void {
    alias = alias.replace(/^the\s+/i, '');
    const tokens = tokenize(alias);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      let child = node.next.get(token.norm);
      if (!child) node.next.set(token.norm, (child = newNode()));
      node = child;
    }
    const target: AliasTarget = { ref, kind, alias, cases: tokens.map(requiredCase) };
    node.targets ??= [];
    if (!node.targets.some((t) => t.ref === ref && t.kind === kind && t.cases.join() === target.cases.join())) {
      node.targets.push(target);
      this.size++;
    }
  }

  /**
   * The longest alias that starts at token `from` and whose case the text satisfies;
   * null when none does.
   */
  longestMatchAt(text: string, tokens: Token[], from: number, accept?: (t: AliasTarget) => boolean): AliasMatch | null {
    let node: TrieNode | undefined = this.root;
    let best: AliasMatch | null = null;
    for (let i = from; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (i > from && !isNameGap(text, tokens[i - 1]!.end, token.start)) break;
      node = node.next.get(token.norm);
      if (!node) break;
      if (node.targets) {
        const ok = node.targets.filter(
          (t) => (!accept || accept(t)) && t.cases.every((c, k) => caseSatisfies(tokens[from + k]!.case, c)),
        );
        if (ok.length) best = { from, to: i + 1, targets: ok };
      }
    }
    return best;
  }

  /**
   * Every non-overlapping longest match in the text, left to right, limited to targets
   * that `accept` lets through. Returns [] when nothing matches.
   */
  findAll(text: string, tokens: Token[], accept?: (t: AliasTarget) => boolean): AliasMatch[] {
    const matches: AliasMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const match = this.longestMatchAt(text, tokens, i, accept);
      if (match) {
        matches.push(match);
        i = match.to;
      } else i++;
    }
    return matches;
  }
}
