/**
 * What the content script hands the background when the reader saves its page's article
 * (issue 21): the text it analysed, the page's metadata, and a sanitised copy of the article's
 * HTML. Readability runs again on a copy of the page for the HTML: once, at the reader's
 * request, rather than on every page read. Pure: the page and DOMPurify come in as parameters.
 */
import { Readability } from '@mozilla/readability';
import type { DOMPurify } from 'dompurify';
import { cleanArticleHtml } from './article-html';
import { readPageMetadata } from './page-metadata';

export interface ArticleCapture {
  /** The address the page was read from. */
  url: string;
  canonicalUrl: string;
  title: string;
  byline: string | null;
  site: string | null;
  published: string | null;
  text: string;
  /** Sanitised, bounded (see cleanArticleHtml); null when the page's article has none that fits. */
  html: string | null;
  /** The events the analysis found named in the text, once each. */
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

/** The capture of `doc`'s article, read as `read`. */
export function captureArticle(doc: Document, read: ReadArticle, dompurify: DOMPurify): ArticleCapture {
  const metadata = readPageMetadata(doc, read.url, read.byline);
  const html = articleHtmlOf(doc);
  const events = [...new Map(read.eventMentions.map((m) => [m.event.id, { id: m.event.id, title: m.event.title, date: m.event.date }])).values()];
  return {
    url: read.url,
    canonicalUrl: metadata.canonicalUrl,
    title: read.title,
    byline: metadata.byline,
    site: metadata.site,
    published: read.published,
    text: read.text,
    html: html ? cleanArticleHtml(dompurify, html) : null,
    events,
  };
}
