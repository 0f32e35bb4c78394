/**
 * Anchoring a reader's highlight in an article's text (issue 21) as web annotation tools do:
 * W3C Web Annotation selectors, a TextQuoteSelector (the passage, with up to 32 characters
 * of context either side) and a TextPositionSelector (its offsets). Found again by position
 * when the text there is still the passage; else by the quote, exactly or approximately
 * (approx-string-match, as Hypothesis's client does), the candidate whose context and place
 * agree best winning. So a highlight survives markup changes that shift the text, and edits
 * to the passage itself up to a quarter of its characters. Pure.
 */
import approxSearch from 'approx-string-match';

/** The selectors of a passage (W3C Web Annotation: TextQuoteSelector, TextPositionSelector). */
export interface TextSelectors {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/** Characters of context kept either side of a passage. */
export const CONTEXT_CHARS = 32;
/** The share of a passage's characters that may differ for an approximate match to count. */
const MAX_ERROR_SHARE = 0.25;
/** How much each agreement counts towards a candidate's score. */
const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/** The selectors of `text.slice(start, end)`. */
export function describePassage(text: string, start: number, end: number): TextSelectors {
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: text.slice(end, end + CONTEXT_CHARS) },
    position: { start, end },
  };
}

/** How alike `a` is to `b`, from 0 (nothing alike) to 1 (the same), allowing for the edits approx-string-match counts. */
function similarity(text: string, pattern: string): number {
  if (!pattern) return 1;
  if (!text) return 0;
  const [best] = approxSearch(text, pattern, pattern.length);
  return best ? 1 - best.errors / pattern.length : 0;
}

/** Where a passage is in `text` now: its offsets, and whether it is the very quote; null when it cannot be found (an orphan, kept and listed as such). */
export function anchorPassage(text: string, selectors: TextSelectors): { start: number; end: number; exact: boolean } | null {
  const { quote, position } = selectors;
  if (!quote.exact) return null;
  if (text.slice(position.start, position.end) === quote.exact) return { ...position, exact: true };
  const exactHits: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) exactHits.push({ start: at, end: at + quote.exact.length, errors: 0 });
  const maxErrors = Math.floor(quote.exact.length * MAX_ERROR_SHARE);
  const candidates = exactHits.length ? exactHits : maxErrors > 0 ? approxSearch(text, quote.exact, maxErrors) : [];
  let best: { start: number; end: number; errors: number; score: number } | null = null;
  for (const candidate of candidates) {
    const before = text.slice(Math.max(0, candidate.start - quote.prefix.length), candidate.start);
    const after = text.slice(candidate.end, candidate.end + quote.suffix.length);
    const score =
      weights.quote * (1 - candidate.errors / quote.exact.length) +
      weights.prefix * similarity(before, quote.prefix) +
      weights.suffix * similarity(after, quote.suffix) +
      weights.position * (1 - Math.min(1, Math.abs(candidate.start - position.start) / Math.max(1, text.length)));
    if (!best || score > best.score) best = { ...candidate, score };
  }
  return best ? { start: best.start, end: best.end, exact: best.errors === 0 } : null;
}
