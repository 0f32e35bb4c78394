/**
 * Where the background sanitises a saved article's HTML (issue 20): in place when it has a DOM
 * (Firefox's background page), else in Chrome's offscreen document (entrypoints/offscreen/),
 * opened on demand and closed when idle (offscreen-document.ts). Chrome allows one offscreen
 * document per extension: the same one holds the automatic backup's file while it downloads
 * (backup-download.ts), through `offscreenDocument()`.
 */
import DOMPurify from 'dompurify';
import { keepArticleHtml } from '../library/article-html';
import type { HtmlSanitiser } from '../library/prepare-capture';
import { sendToOffscreen } from '../messages';
import { OffscreenDocument, type OffscreenApi } from './offscreen-document';

/** The offscreen document's page, as WXT builds entrypoints/offscreen/index.html. */
const OFFSCREEN_PATH = 'offscreen.html';
/** The document may answer before its script listens (just created): tries this many times, this far apart. */
const SEND_TRIES = 3;
const SEND_RETRY_MS = 100;
const NOT_LISTENING = /receiving end does not exist|could not establish connection/i;

interface ChromeOffscreen {
  offscreen?: {
    createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  };
}

/** The chrome.offscreen calls, bound to our document; null where the browser has none (Firefox). */
function chromeOffscreenApi(): OffscreenApi | null {
  const chrome = (globalThis as unknown as { chrome?: ChromeOffscreen }).chrome;
  const offscreen = chrome?.offscreen;
  if (!chrome || !offscreen || !chrome.runtime.getContexts) return null;
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const getContexts = chrome.runtime.getContexts.bind(chrome.runtime);
  return {
    hasDocument: async () => (await getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0,
    create: () =>
      offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER', 'BLOBS'],
        justification: 'Sanitise the HTML of an article the reader saves (DOMPurify needs a DOM), and hold the automatic backup of the library while it downloads.',
      }),
    close: () => offscreen.closeDocument(),
  };
}

const pause = (ms: number) => new Promise<void>((resume) => setTimeout(resume, ms));

let shared: OffscreenDocument | null | undefined;

/** The background's one offscreen document (Chrome); null where the browser has none (Firefox). */
export function offscreenDocument(): OffscreenDocument | null {
  if (shared === undefined) {
    const api = chromeOffscreenApi();
    shared = api ? new OffscreenDocument(api) : null;
    void shared?.closeLeftOver().catch(() => {});
  }
  return shared;
}

/** The sanitiser for this background; one that always rejects (the save then keeps the text) when neither way is there. */
export function htmlSanitiser(): HtmlSanitiser {
  if (DOMPurify.isSupported) return async (html) => keepArticleHtml(DOMPurify, html);
  const document = offscreenDocument();
  if (!document) return async () => Promise.reject(new Error('no DOM to sanitise with: no offscreen document in this browser'));
  return (html) =>
    document.use(async () => {
      for (let tried = 1; ; tried++) {
        const reply = await sendToOffscreen('sanitizeArticleHtml', { html });
        if (reply.ok) return reply.value;
        if (tried >= SEND_TRIES || !NOT_LISTENING.test(reply.error)) throw new Error(reply.error);
        await pause(SEND_RETRY_MS);
      }
    });
}
