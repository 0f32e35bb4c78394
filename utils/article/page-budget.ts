/**
 * How much of a page the content script is willing to read (issue 19, "Large pages
 * freeze"). Readability reads a whole copy of the page in one go, which cannot be cut into
 * slices, so a page past these limits is not read at all: the reader is told it is too
 * large, rather than the page freezing. Measured on ../shared/corpus: at most 9,888
 * elements (a Wikipedia page), 493,262 characters of text in the page outside scripts and styles and 119,859 in an
 * extracted article (the same page); news articles stay under 40,000.
 */
export const pageBudget = {
  /** Elements in the page. */
  maxElements: 25_000,
  /** Characters of text in the page's body, outside scripts and styles. */
  maxPageChars: 1_000_000,
  /** Characters of the extracted article: what the background accepts in `analyzeArticle`. */
  maxArticleChars: 200_000,
  /** Wall time of the extraction, pauses included (ms). */
  maxExtractMs: 10_000,
  /** Work between two pauses that let the page run (ms). */
  sliceMs: 25,
};

/** Why a page is not read: it is past one of the limits of {@link pageBudget}. */
export interface TooLarge {
  limit: 'elements' | 'page-text' | 'article-text' | 'time';
  /** What was measured (elements, characters or ms); at least `max`. */
  measured: number;
  max: number;
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Checks a page against the budget before anything costly runs, in time bounded by the
 * budget itself (counting stops at the limit); null when the page may be read.
 */
export function checkPageBudget(doc: Document, budget = pageBudget): TooLarge | null {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > budget.maxElements) return { limit: 'elements', measured: elements, max: budget.maxElements };
  if (!doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (NOT_TEXT.has(node.parentElement?.tagName.toUpperCase() ?? '')) continue;
    chars += (node as Text).data.length;
    if (chars > budget.maxPageChars) return { limit: 'page-text', measured: chars, max: budget.maxPageChars };
  }
  return null;
}

/** The extracted article, checked against the budget; null when it may be analysed. */
export function checkArticleBudget(length: number, budget = pageBudget): TooLarge | null {
  return length > budget.maxArticleChars ? { limit: 'article-text', measured: length, max: budget.maxArticleChars } : null;
}
