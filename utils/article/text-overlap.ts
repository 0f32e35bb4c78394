/**
 * Word-level overlap between an extracted text and a reference text (issue 17, "The
 * article's true text"): precision, recall and F1 over the multiset of normalised words.
 *
 * A word is a run of Unicode letters, marks and digits, in lower case (NFKC first, so
 * full-width and compatibility forms read as their plain letters). Everything else —
 * punctuation, symbols, whitespace — only separates words and is not scored: "U.S." is "u",
 * "s" and "don't" is "don", "t" on both sides alike, and a text that differs from the reference
 * only in quotes, dashes or bullet signs scores 1. Invisible characters (soft hyphen, zero-width
 * joiners) do not split a word. Scripts written without spaces (Han, Hiragana, Katakana) count
 * one word per character, so a Chinese or Japanese page is measured at the same grain as a
 * spaced one rather than as a few sentence-long "words". Diacritics are kept: both texts come
 * from the same page.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// A character of a script written without spaces is a word of its own; any other run of letters, marks and digits is one word.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+/gu;

/** The normalised words of `text`, in order; [] when it has none. */
export function wordTokens(text: string): string[] {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().match(WORD) ?? [];
}

/** Counts of each word. */
export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of wordTokens(text)) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** How much of a text is the reference's, word for word. */
export interface Overlap {
  /** Shared words / words of the text (1 when both are empty, 0 when only the text is). */
  precision: number;
  /** Shared words / words of the reference (1 when the reference has none). */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** Words of the text, of the reference, and shared (multiset intersection). */
  words: number;
  referenceWords: number;
  shared: number;
}

/** Word-level precision, recall and F1 of `text` against `reference` (see the module comment). */
export function wordOverlap(text: string, reference: string): Overlap {
  return overlapOfBags(wordBag(text), wordBag(reference));
}

/** {@link wordOverlap} on bags already counted. */
export function overlapOfBags(got: Map<string, number>, ref: Map<string, number>): Overlap {
  const total = (bag: Map<string, number>) => [...bag.values()].reduce((a, n) => a + n, 0);
  const words = total(got);
  const referenceWords = total(ref);
  let shared = 0;
  for (const [word, n] of got) shared += Math.min(n, ref.get(word) ?? 0);
  const precision = words ? shared / words : referenceWords ? 0 : 1;
  const recall = referenceWords ? shared / referenceWords : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, words, referenceWords, shared };
}

/**
 * The words one text has more of than the other, most first: `missing` are the reference's
 * words the text lacks, `extra` the text's words the reference lacks. For reading a poor
 * score; [] each when the bags are equal.
 */
export function wordDifference(text: string, reference: string, limit = 30): { missing: [string, number][]; extra: [string, number][] } {
  const got = wordBag(text);
  const ref = wordBag(reference);
  const less = (a: Map<string, number>, b: Map<string, number>) =>
    [...a]
      .map(([w, n]): [string, number] => [w, n - (b.get(w) ?? 0)])
      .filter(([, n]) => n > 0)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, limit);
  return { missing: less(ref, got), extra: less(got, ref) };
}
