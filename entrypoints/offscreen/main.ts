/**
 * Chrome's offscreen document (issue 20): sanitises a saved article's HTML for the service
 * worker, which has no DOM (utils/background/html-sanitiser.ts opens and closes it), and holds
 * the automatic backup's file while it downloads (issue 21, utils/ui/backup-file.ts). It answers
 * the offscreen and backup-file protocols only, and only to the extension's own background.
 */
import DOMPurify from 'dompurify';
import { browser } from 'wxt/browser';
import { keepArticleHtml } from '../../utils/library/article-html';
import { answerBackupFile } from '../../utils/ui/backup-file';
import { dispatch, isRequestOf, offscreenRefusal, offscreenRequests, type Handlers, type OffscreenProtocol, type Sender } from '../../utils/messages';

const handlers: Handlers<OffscreenProtocol, Sender> = {
  sanitizeArticleHtml: ({ html }) => keepArticleHtml(DOMPurify, html),
};
// The background's script, as WXT builds entrypoints/background.ts. An offscreen document has
// only part of chrome.runtime (no getManifest): its own origin is the extension's.
const backgroundUrl = new URL('/background.js', location.origin).href;
// The background only, for both protocols this document answers.
const allow = (_name: string, sender: Sender) => offscreenRefusal(sender, browser.runtime.id, backgroundUrl);

browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
  if (!isRequestOf(message, offscreenRequests)) return false;
  void dispatch(message, sender, offscreenRequests, handlers, allow).then(sendResponse);
  return true;
});

answerBackupFile(browser.runtime.onMessage, allow);
