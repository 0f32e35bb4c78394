/**
 * Decides whether a page is a news article. Cheap signals first (JSON-LD type, Open Graph,
 * article meta tags), so a page that says what it is costs a few selector lookups; only an
 * undecided page pays for Readability's `isProbablyReaderable`.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { parsePublishedDate } from '../text/dates';

export type ArticleVerdict = {
  isArticle: boolean;
  /** The signal that decided. */
  reason:
    | 'json-ld'
    | 'open-graph'
    | 'not-an-article-type'
    | 'readerable-with-date'
    | 'readerable-short'
    | 'not-readerable'
    | 'no-date'
    | 'no-body'
    | 'listing'
    | 'too-long'
    | 'instructions';
};

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'liveblogposting', 'blogposting', 'report',
]);
const NON_ARTICLE_TYPES = new Set(['website', 'product', 'profile', 'collectionpage', 'searchresultspage', 'itemlist', 'book', 'video.movie', 'howto', 'recipe']);

/** The `@type` values of every JSON-LD object on the page, lower case; [] when none parse. */
export function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const t = record['@type'];
    for (const value of Array.isArray(t) ? t : [t]) if (typeof value === 'string') types.push(value.toLowerCase());
    if (record['@graph']) visit(record['@graph']);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is the page's problem; the other signals still decide.
    }
  }
  return types;
}

function meta(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/** The first value of a JSON-LD `datePublished` on the page; null when there is none. */
function jsonLdDate(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The page's publication date as YYYY-MM-DD, from JSON-LD, article meta tags, or the first
 * `<time datetime>`; null when the page gives none.
 */
export function findPublishedDate(doc: Document): string | null {
  const candidates = [
    jsonLdDate(doc),
    meta(doc, 'meta[property="article:published_time"]'),
    meta(doc, 'meta[name="article:published_time"]'),
    meta(doc, 'meta[itemprop="datePublished"]'),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? null,
    meta(doc, 'meta[name="date"]'),
    meta(doc, 'meta[name="pubdate"]'),
    meta(doc, 'meta[name="publishdate"]'),
    meta(doc, 'meta[name="DC.date.issued"]'),
    meta(doc, 'meta[name="dc.date"]'),
    meta(doc, 'meta[name="sailthru.date"]'),
    meta(doc, 'meta[name="parsely-pub-date"]'),
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  ];
  for (const value of candidates) {
    const date = parsePublishedDate(value);
    if (date) return date;
  }
  return null;
}

/** Judges whether `doc` is a news article; see {@link ArticleVerdict} for the reasons. */
export function detectArticle(doc: Document): ArticleVerdict {
  if (!doc.body) return { isArticle: false, reason: 'no-body' };
  const types = jsonLdTypes(doc);
  if (types.some((t) => ARTICLE_TYPES.has(t))) return { isArticle: true, reason: 'json-ld' };
  const ogType = meta(doc, 'meta[property="og:type"]')?.toLowerCase() ?? null;
  if (ogType === 'article') return { isArticle: true, reason: 'open-graph' };
  if ((ogType && NON_ARTICLE_TYPES.has(ogType)) || types.some((t) => NON_ARTICLE_TYPES.has(t))) {
    // A site's home page says "website"; many article pages say it too, so only a dated,
    // readerable page gets past this.
    if (!findPublishedDate(doc)) return { isArticle: false, reason: 'not-an-article-type' };
  }
  if (!isProbablyReaderable(doc)) return { isArticle: false, reason: 'not-readerable' };
  if (!findPublishedDate(doc) && !hasDateline(doc)) return { isArticle: true, reason: 'readerable-short' };
  return { isArticle: true, reason: 'readerable-with-date' };
}

/** Shape of the extracted article body, measured on its live root. */
export interface BodyShape {
  /** Characters of the extracted text. */
  length: number;
  /** Share of the root's text that sits inside links. */
  linkDensity: number;
  /** h2–h4 headings inside the root. */
  headings: number;
  /** Steps numbered 1, 2, 3… without a gap, each a line of its own ("Step 1"): 0 when the body has no step 1. */
  steps: number;
}

/** Tuning numbers of the second look at a page, after extraction (measured on ../shared/corpus). */
export const bodyLimits = {
  /** A section front or an encyclopedia page: many headings and much of the text in links. */
  listingHeadings: 15,
  listingLinkDensity: 0.15,
  /** Without a strong signal, longer than this is a book chapter, a spec or an encyclopedia page. */
  weakMaxLength: 25_000,
  /** Without a date, news text is shorter still. */
  undatedMaxLength: 20_000,
  weakMaxLinkDensity: 0.2,
  /**
   * A body laid out as this many numbered steps is instructions (a how-to or a recipe), not
   * news, whatever the page declares: how-to sites say og:type "article" too (readability-ehow-1).
   */
  instructionSteps: 3,
};

/** A text node that is only a step's number ("Step 2", "Paso 2:"), in the languages of the corpus. */
const STEP_LABEL = /^\s*(?:step|paso|passo|étape|etape|schritt|stap|krok)\s*(\d{1,2})\s*[:.]?\s*$/i;
/** DOM NodeFilter.SHOW_TEXT, which is no global under Node. */
const SHOW_TEXT = 4;

/** How many steps numbered from 1 without a gap the root holds as lines of their own ("Step 1", "Step 2"…); 0 when none. */
function countSteps(root: Element): number {
  const seen = new Set<number>();
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    // A label is short; the test on length keeps the walk cheap on a long body.
    if (data.length > 40) continue;
    const m = STEP_LABEL.exec(data);
    if (m) seen.add(Number(m[1]));
  }
  let steps = 0;
  while (seen.has(steps + 1)) steps++;
  return steps;
}

/** Measures the extracted body for {@link confirmArticle}. */
export function measureBody(root: Element, length: number): BodyShape {
  const total = (root.textContent ?? '').replace(/\s+/g, ' ').length || 1;
  let linked = 0;
  for (const a of root.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, ' ').length;
  return { length, linkDensity: linked / total, headings: root.querySelectorAll('h2, h3, h4').length, steps: countSteps(root) };
}

/**
 * The second look, once the body is extracted: vetoes listing pages and instructions (a body
 * of numbered steps) even when they claim to be articles, and long or link-heavy pages that
 * only looked readerable.
 */
export function confirmArticle(verdict: ArticleVerdict, body: BodyShape): ArticleVerdict {
  if (!verdict.isArticle) return verdict;
  const b = bodyLimits;
  if (body.headings >= b.listingHeadings && body.linkDensity >= b.listingLinkDensity) return { isArticle: false, reason: 'listing' };
  if (body.steps >= b.instructionSteps) return { isArticle: false, reason: 'instructions' };
  const strong = verdict.reason === 'json-ld' || verdict.reason === 'open-graph';
  if (strong) return verdict;
  if (body.linkDensity >= b.weakMaxLinkDensity) return { isArticle: false, reason: 'listing' };
  const max = verdict.reason === 'readerable-short' ? b.undatedMaxLength : b.weakMaxLength;
  if (body.length > max) return { isArticle: false, reason: 'too-long' };
  return verdict;
}

const DATELINE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? (?:19|20)\d{2}\b|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (?:19|20)\d{2}\b|\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b/;

/** True when the page shows a date near its top, as news pages do in their dateline. */
function hasDateline(doc: Document): boolean {
  const head = (doc.body?.textContent ?? '').slice(0, 6000);
  return DATELINE.test(head);
}
