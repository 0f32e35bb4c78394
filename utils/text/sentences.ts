/**
 * Splits prose into sentences: after ., ! or ? (and any closing quote) followed by a space
 * and a capital, and at paragraph breaks. Abbreviations such as "U.S." before a capital
 * are not sentence ends when the next word is a name we cannot tell apart; good enough for
 * grouping the words around a trigger, not for linguistics.
 */
export interface Span {
  start: number;
  end: number;
}

const BOUNDARY = /(?<!\b[A-Z])(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr))[.!?]["”’']?(?=\s+["“‘']?[A-Z0-9])|\n\s*\n/g;

/** Sentence spans covering `text`, in order; one span for text without a boundary. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
