/**
 * Chrome's offscreen document (issue 20): sanitises a saved article's HTML for the service
 * worker, which has no DOM (utils/background/html-sanitiser.ts opens and closes it). It answers
 * the offscreen protocol only, and only to the extension's own background.
 */
import DOMPurify from 'dompurify';
import { browser } from 'wxt/browser';
import { keepArticleHtml } from '../../utils/library/article-html';
import { dispatch, isRequestOf, offscreenRefusal, offscreenRequests, type Handlers, type OffscreenProtocol, type Sender } from '../../utils/messages';

const handlers: Handlers<OffscreenProtocol, Sender> = {
  sanitizeArticleHtml: ({ html }) => keepArticleHtml(DOMPurify, html),
};
// The background's script, as WXT builds entrypoints/background.ts. An offscreen document has
// only part of chrome.runtime (no getManifest): its own origin is the extension's.
const backgroundUrl = new URL('/background.js', location.origin).href;
const allow = (_name: keyof OffscreenProtocol, sender: Sender) => offscreenRefusal(sender, browser.runtime.id, backgroundUrl);

browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
  if (!isRequestOf(message, offscreenRequests)) return false;
  void dispatch(message, sender, offscreenRequests, handlers, allow).then(sendResponse);
  return true;
});
