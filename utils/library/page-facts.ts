/**
 * The few facts of a page's metadata that name its site, its canonical address and its author,
 * read as they are (issue 20): the content script reads them from the page, and the background
 * makes sense of them (page-metadata.ts), so that the logic stays out of the script every page
 * loads. Bounded: a page's text comes in. Pure: the page comes in as a Document.
 */

/**
 * The most JSON-LD blocks read, the most characters of each, and of any other value: sent with
 * every article read, so at most 150,000 characters of JSON-LD. A longer block is cut; it then
 * does not parse, and only its publisher's name is read from its text (page-metadata.ts).
 */
export const pageFactLimits = { jsonLdBlocks: 5, jsonLdChars: 30_000, valueChars: 2000 } as const;

/** What page-metadata.ts reads of a page: each value as the page gives it, cut at pageFactLimits.valueChars; null when absent. */
export interface PageFacts {
  canonicalLink: string | null;
  ogUrl: string | null;
  ogSiteName: string | null;
  applicationName: string | null;
  author: string | null;
  articleAuthor: string | null;
  /** The texts of the page's JSON-LD blocks, in order. */
  jsonLd: string[];
}

/** `doc`'s metadata facts; every field null (and jsonLd []) for a page with none. */
export function collectPageFacts(doc: Document): PageFacts {
  const value = (selector: string, attribute: string) => doc.querySelector(selector)?.getAttribute(attribute)?.slice(0, pageFactLimits.valueChars) ?? null;
  return {
    canonicalLink: value('link[rel~="canonical" i]', 'href'),
    ogUrl: value('meta[property="og:url"]', 'content'),
    ogSiteName: value('meta[property="og:site_name"]', 'content'),
    applicationName: value('meta[name="application-name"]', 'content'),
    author: value('meta[name="author" i]', 'content'),
    articleAuthor: value('meta[property="article:author"]', 'content'),
    jsonLd: [...doc.querySelectorAll('script[type="application/ld+json" i]')].slice(0, pageFactLimits.jsonLdBlocks).map((s) => (s.textContent ?? '').slice(0, pageFactLimits.jsonLdChars)),
  };
}
