/**
 * The background's side of saving (issue 20, issue 21): the HTML a content script captured is
 * sanitised here, with cleanArticleHtml's rules, before anything is stored. Where DOMPurify
 * runs is the caller's: the background page itself in Firefox (it has a DOM), an offscreen
 * document in Chrome (its service worker has none). Whatever happens to the HTML, the
 * article's text is saved: a copy that could not be kept is null, and the outcome says why.
 * Pure: the sanitiser comes in as a parameter.
 */
import type { KeptHtml } from './article-html';
import type { ArticleCapture, SavedCapture } from './capture-article';

/** Sanitises captured HTML as keepArticleHtml does (article-html.ts). */
export type HtmlSanitiser = (html: string) => Promise<KeptHtml>;

/**
 * What became of a capture's HTML: kept (sanitised); none (the page gave none); too-large (past
 * the capture's bound, or past the saved copy's bound once sanitised); failed (sanitising failed).
 */
export type CopyOutcome = 'kept' | 'none' | 'too-large' | 'failed';

/** A capture made ready to store, and what became of its HTML. */
export interface SanitisedCapture {
  capture: SavedCapture;
  copy: CopyOutcome;
}

/** `capture` with its HTML sanitised by `sanitise`; never rejects (a failure keeps the text, without HTML). */
export async function sanitizeCapture({ html, htmlTooLarge, ...rest }: ArticleCapture, sanitise: HtmlSanitiser): Promise<SanitisedCapture> {
  if (htmlTooLarge) return { capture: { ...rest, html: null }, copy: 'too-large' };
  if (html === null || html.trim() === '') return { capture: { ...rest, html: null }, copy: 'none' };
  try {
    const kept = await sanitise(html);
    const copy = kept.html !== null ? 'kept' : kept.tooLarge ? 'too-large' : 'none';
    return { capture: { ...rest, html: kept.html }, copy };
  } catch (error) {
    console.warn('[backstory] the article was saved without its HTML: sanitising failed', error);
    return { capture: { ...rest, html: null }, copy: 'failed' };
  }
}
