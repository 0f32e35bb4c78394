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
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060]/g;
const COMBINING = /\p{M}/gu;
// Letters that NFKD does not decompose into a base letter.
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
const FOLDABLE = /[ßøđłıæœþð]/g;

const PLAIN = /^[A-Za-z0-9]+$/;

/** Normalises one word: NFKD, diacritics removed, lower case. Returns '' for no letters. */
export function normalizeWord(word: string): string {
  if (PLAIN.test(word)) return word.toLowerCase(); // the common case, without Unicode work
  return word
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

/** Classifies how a word is written (see {@link Case}). */
export function caseOf(word: string): Case {
  if (PLAIN.test(word)) return caseOfAscii(word);
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (lower === upper) return Case.None;
  if (word === upper) return Case.Upper;
  const first = word.charAt(0);
  return first !== first.toLowerCase() ? Case.Capitalised : Case.Lower;
}

function caseOfAscii(word: string): Case {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  if (upper + lower === 0) return Case.None;
  if (lower === 0) return Case.Upper;
  const first = word.charCodeAt(0);
  return first >= 65 && first <= 90 ? Case.Capitalised : Case.Lower;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060]/u;

/** True for a UTF-16 unit that can be part of a word (surrogates count: astral letters). */
function isWordUnit(c: number, ch: string): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return WORD_CHAR.test(ch);
}

/**
 * Tokenises `text` in one pass over its UTF-16 units; ASCII words (most of them) are
 * normalised and classified without any Unicode work. Returns [] for text without words.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isWordUnit(c, text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let upper = 0;
    let lower = 0;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 97 && c <= 122) lower++;
        else if (c >= 65 && c <= 90) upper++;
        else if (!(c >= 48 && c <= 57)) break;
      } else if (isWordUnit(c, text[i]!)) ascii = false;
      else break;
      i++;
    }
    const raw = text.slice(start, i);
    if (ascii) {
      const first = raw.charCodeAt(0);
      const kind = upper + lower === 0 ? Case.None : lower === 0 ? Case.Upper : first >= 65 && first <= 90 ? Case.Capitalised : Case.Lower;
      tokens.push({ norm: upper ? raw.toLowerCase() : raw, start, end: i, case: kind });
      continue;
    }
    const norm = normalizeWord(raw);
    if (norm) tokens.push({ norm, start, end: i, case: caseOf(raw.replace(INVISIBLE, '')) });
  }
  return tokens;
}

/** The normalised tokens of a phrase, for building an index: "Sergei Lavrov" → ["sergei", "lavrov"]. */
export function phraseKey(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
