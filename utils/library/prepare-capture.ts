/**
 * The background's side of saving (issue 20, issue 21): what a content script captured is
 * made ready to store here. Its canonical address, site and byline are named from the page's
 * metadata facts (page-metadata.ts), and its HTML is sanitised with cleanArticleHtml's rules,
 * so that neither DOMPurify nor that logic loads into every page. Where DOMPurify runs is the
 * caller's: the background page itself in Firefox (it has a DOM), an offscreen document in
 * Chrome (its service worker has none). Whatever happens to the HTML, the article's text is
 * saved: a copy that could not be kept is null, and the outcome says why. Pure: the
 * sanitiser comes in as a parameter.
 */
import type { KeptHtml } from './article-html';
import type { ArticleCapture, SavedCapture } from './capture-article';
import { metadataFromFacts } from './page-metadata';

/** Sanitises captured HTML as keepArticleHtml does (article-html.ts). */
export type HtmlSanitiser = (html: string) => Promise<KeptHtml>;

/**
 * What became of a capture's HTML: kept (sanitised); none (the page gave none, or nothing was
 * left once sanitised); too-large (past the capture's bound, or past the saved copy's bound
 * once sanitised); failed (sanitising failed).
 */
export type CopyOutcome = 'kept' | 'none' | 'too-large' | 'failed';

/** A capture made ready to store, and what became of its HTML. */
export interface PreparedCapture {
  capture: SavedCapture;
  copy: CopyOutcome;
}

/** `capture` named from its facts, with its HTML sanitised by `sanitise`; never rejects (a failure keeps the text, without HTML). */
export async function prepareCapture({ html, htmlTooLarge, facts, ...rest }: ArticleCapture, sanitise: HtmlSanitiser): Promise<PreparedCapture> {
  const named = { ...rest, ...metadataFromFacts(facts, rest.url, rest.byline) };
  if (htmlTooLarge) return { capture: { ...named, html: null }, copy: 'too-large' };
  if (html === null || html.trim() === '') return { capture: { ...named, html: null }, copy: 'none' };
  try {
    const kept = await sanitise(html);
    const copy = kept.html !== null ? 'kept' : kept.tooLarge ? 'too-large' : 'none';
    return { capture: { ...named, html: kept.html }, copy };
  } catch (error) {
    console.warn('[backstory] the article was saved without its HTML: sanitising failed', error);
    return { capture: { ...named, html: null }, copy: 'failed' };
  }
}
