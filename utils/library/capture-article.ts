/**
 * What the content script hands the background when the reader saves its page's article
 * (issue 21): the text it analysed, the page's metadata facts, and Readability's HTML of the
 * article, bounded but not sanitised: the background names and sanitises it (prepare-capture.ts),
 * so that DOMPurify and the metadata logic stay out of the content script every page loads
 * (issue 20: its bundle, 30 KB gzipped). Readability runs again on a copy of the page for the
 * HTML: once, at the reader's request, rather than on every page read. Pure: the page comes
 * in as a parameter.
 */
import { Readability } from '@mozilla/readability';
import { MAX_CAPTURED_HTML_CHARS } from './article-html';
import { collectPageFacts, type PageFacts } from './page-facts';

/** What a content script sends for saving: its page's metadata facts and its HTML as Readability gave it, unsanitised. */
export interface ArticleCapture {
  /** The address the page was read from. */
  url: string;
  title: string;
  /** Readability's byline; the background prefers the page's metadata (page-metadata.ts readByline). */
  byline: string | null;
  published: string | null;
  text: string;
  /** The page's metadata as read: the background names its canonical address, site and byline from it. */
  facts: PageFacts;
  /** Readability's HTML of the article, NOT sanitised, at most MAX_CAPTURED_HTML_CHARS; null when there is none or it was too long. */
  html: string | null;
  /** Readability's HTML was longer than MAX_CAPTURED_HTML_CHARS, so none was sent. */
  htmlTooLarge: boolean;
  /** The events the analysis found named in the text, once each. */
  events: { id: string; title: string; date: string }[];
}

/** What the library stores of a capture (prepare-capture.ts): named from its facts, its HTML sanitised and bounded, null when none was kept. */
export interface SavedCapture {
  url: string;
  canonicalUrl: string;
  title: string;
  byline: string | null;
  site: string | null;
  published: string | null;
  text: string;
  html: string | null;
  events: { id: string; title: string; date: string }[];
}

/** What the content script knows of its page's article once read. */
export interface ReadArticle {
  url: string;
  title: string;
  text: string;
  published: string | null;
  byline: string | null;
  eventMentions: { event: { id: string; title: string; date: string } }[];
}

/** Readability's HTML of the article of a copy of `doc`; null when it finds none. */
function articleHtmlOf(doc: Document): string | null {
  const copy = doc.cloneNode(true) as Document;
  return new Readability(copy).parse()?.content ?? null;
}

/** The capture of `doc`'s article, read as `read`; its HTML is left out past `maxHtmlChars`. */
export function captureArticle(doc: Document, read: ReadArticle, maxHtmlChars = MAX_CAPTURED_HTML_CHARS): ArticleCapture {
  const html = articleHtmlOf(doc);
  const htmlTooLarge = html !== null && html.length > maxHtmlChars;
  const events = [...new Map(read.eventMentions.map((m) => [m.event.id, { id: m.event.id, title: m.event.title, date: m.event.date }])).values()];
  return {
    url: read.url,
    title: read.title,
    byline: read.byline,
    published: read.published,
    text: read.text,
    facts: collectPageFacts(doc),
    html: htmlTooLarge ? null : html,
    htmlTooLarge,
    events,
  };
}
