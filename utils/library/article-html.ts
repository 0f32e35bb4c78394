/**
 * The saved copy of an article's HTML (issue 21): Readability's cleaned markup, sanitised
 * with DOMPurify to text, links, lists, tables and images, bounded in size. Sanitised twice:
 * when saved (in the background: its page in Firefox, an offscreen document in Chrome, see
 * prepare-capture.ts; issue 20 moved it out of the content script) and again when shown (in
 * the library page), since a backup file may carry anything. No script, event handler, style,
 * form or frame survives; links keep http(s) and in-page targets only (no `javascript:`, no
 * `data:`); an image's address moves to `data-backstory-src`, so that showing the saved copy
 * fetches nothing until the reader allows it (withImages). Pure: DOMPurify comes in bound to a window.
 */
import type { Config, DOMPurify } from 'dompurify';
import { isWebUrl } from '../web-url';

/** The most characters of HTML a saved article keeps; past it, its images go, then its markup (the text is always kept). */
export const MAX_ARTICLE_HTML_CHARS = 400_000;

/**
 * The most characters of Readability's HTML a capture carries. Sanitising removes class, id,
 * style and data attributes, so raw HTML is longer than what is kept: on the 69 corpus pages
 * it is 1.06 times as long (median), 8.9 times at most (CNET's SVG classes). Past this bound
 * the page sends none (capture-article.ts, htmlTooLarge) and the saved article keeps its
 * text, so a huge page never sends megabytes.
 */
export const MAX_CAPTURED_HTML_CHARS = MAX_ARTICLE_HTML_CHARS * 2;

/** Where an image's address waits until the reader allows images. */
export const IMAGE_SOURCE_ATTR = 'data-backstory-src';

const TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small',
  'mark', 'q', 'cite', 'abbr', 'time', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'figure', 'figcaption', 'img', 'div', 'span', 'section', 'article',
];
const ATTRIBUTES = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'datetime', 'lang', 'dir', IMAGE_SOURCE_ATTR];

const CONFIG: Config = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  // Absolute http(s) links and in-page fragments; everything else (javascript:, data:, relative) goes.
  ALLOWED_URI_REGEXP: /^(?:https?:\/\/|#)/i,
  KEEP_CONTENT: true,
};

/** Elements whose content goes with them (DOMPurify keeps the text of other removed elements). */
const FORBID_CONTENT = ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'button', 'select', 'textarea', 'video', 'audio', 'canvas'];

/** Runs DOMPurify with our rules; images' addresses are parked (or dropped with `dropImages`). */
function purify(dompurify: DOMPurify, html: string, dropImages: boolean): string {
  dompurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? node.getAttribute(IMAGE_SOURCE_ATTR);
      node.removeAttribute('src');
      node.removeAttribute(IMAGE_SOURCE_ATTR);
      if (!dropImages && src && isWebUrl(src)) node.setAttribute(IMAGE_SOURCE_ATTR, src);
    }
    if (node.nodeName === 'A' && node.getAttribute('href')) {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  });
  try {
    const tags = dropImages ? TAGS.filter((t) => t !== 'img' && t !== 'figure') : TAGS;
    return dompurify.sanitize(html, { ...CONFIG, ALLOWED_TAGS: tags, ADD_ATTR: ['rel', 'target'], FORBID_CONTENTS: FORBID_CONTENT, RETURN_TRUSTED_TYPE: false }) as string;
  } finally {
    dompurify.removeHook('afterSanitizeAttributes');
  }
}

/**
 * The article's HTML as a saved article keeps it: sanitised, images parked, at most
 * MAX_ARTICLE_HTML_CHARS; without images when that is what fits, null when even that does
 * not (the saved text stands in for it).
 */
export function cleanArticleHtml(dompurify: DOMPurify, html: string, maxChars = MAX_ARTICLE_HTML_CHARS): string | null {
  return keepArticleHtml(dompurify, html, maxChars).html;
}

/** cleanArticleHtml's answer, and why it is null: nothing was left once sanitised, or too much. */
export interface KeptHtml {
  html: string | null;
  /** Null `html`: the sanitised markup was empty (false) or too long even without images (true). */
  tooLarge: boolean;
}

/** As cleanArticleHtml, saying why no HTML is kept (the background tells the reader, issue 20). */
export function keepArticleHtml(dompurify: DOMPurify, html: string, maxChars = MAX_ARTICLE_HTML_CHARS): KeptHtml {
  const clean = purify(dompurify, html, false).trim();
  if (clean.length <= maxChars) return { html: clean || null, tooLarge: false };
  const plain = purify(dompurify, clean, true).trim();
  return plain.length <= maxChars ? { html: plain || null, tooLarge: false } : { html: null, tooLarge: true };
}

/**
 * Saved HTML made safe to show (sanitised again: it may come from an imported file), with
 * its images' addresses put back only when the reader allows images; "" for none.
 */
export function htmlForReading(dompurify: DOMPurify, html: string, withImages: boolean): string {
  const clean = purify(dompurify, html, false);
  if (!withImages) return clean;
  return clean.replace(new RegExp(`<img([^>]*?) ${IMAGE_SOURCE_ATTR}="([^"]*)"`, 'g'), `<img$1 src="$2" ${IMAGE_SOURCE_ATTR}="$2"`);
}

/** How many images a saved copy would fetch if the reader allowed them. */
export const countImages = (html: string): number => html.split(`${IMAGE_SOURCE_ATTR}=`).length - 1;
