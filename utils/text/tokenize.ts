/**
 * Splits text into word tokens with their offsets in the original string and a normalised
 * form for matching. Normalisation is per token, so every offset still points into the text
 * the reader sees: diacritics are folded (Erdoğan = Erdogan), case is folded, and invisible
 * characters inside a word (soft hyphen, zero-width joiners) are ignored.
 */

/** How a token is written: decides whether a capitalised alias may match it. */
export const Case = {
  Lower: 0,
  /** First letter upper, some lower: "Putin". */
  Capitalised: 1,
  /** Every letter upper (and at least one letter): "RUSSIA", "U", "NATO". */
  Upper: 2,
  /** No letter at all: "2025". */
  None: 3,
} as const;
export type Case = (typeof Case)[keyof typeof Case];

export interface Token {
  /** Normalised form: lower case, no diacritics. */
  norm: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  case: Case;
}

// Letters, marks and digits make words; an apostrophe ends one ("Putin’s" → "Putin", "s").
const WORD = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060]+/gu;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060]/g;
const COMBINING = /\p{M}/gu;
// Letters that NFKD does not decompose into a base letter.
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
const FOLDABLE = /[ßøđłıæœþð]/g;

/** Normalises one word: NFKD, diacritics removed, lower case. Returns '' for no letters. */
export function normalizeWord(word: string): string {
  return word
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

/** Classifies how a word is written (see {@link Case}). */
export function caseOf(word: string): Case {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (lower === upper) return Case.None;
  if (word === upper) return Case.Upper;
  const first = word.charAt(0);
  return first !== first.toLowerCase() ? Case.Capitalised : Case.Lower;
}

/** Tokenises `text`; returns [] for text without words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const norm = normalizeWord(raw);
    if (!norm) continue;
    const start = match.index;
    tokens.push({ norm, start, end: start + raw.length, case: caseOf(raw.replace(INVISIBLE, '')) });
  }
  return tokens;
}

/** The normalised tokens of a phrase, for building an index: "Sergei Lavrov" → ["sergei", "lavrov"]. */
export function phraseKey(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
