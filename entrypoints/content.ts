import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { dispatch, isRequestOf, sendToBackground, watchRequests, type Handlers, type WatchProtocol } from '../utils/messages';
import { runContent, type ContentSession } from '../utils/page/run-content';
import { pageMeter } from '../utils/page/main-thread-meter';
import { describeHighlights, PageWatcher } from '../utils/page/watch-page';

/** Our own nodes in the page: the card's shadow host (its tag starts with "backstory-"). */
const isOurs = (node: Node) => node.nodeName.toLowerCase().startsWith('backstory-');

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    let session: ContentSession | null = null;
    let reading: Promise<void> | null = null;
    // Reads the page; the previous session stays (and its highlights) until the new read is done.
    const read = async () => {
      const previous = session;
      let replaced = false;
      const replace = () => {
        if (!replaced) previous?.dispose();
        replaced = true;
      };
      watcher.readStarted();
      let next: ContentSession | null = null;
      try {
        next = await runContent(window, browser.runtime.onMessage, () => void start(), replace, previous === null);
      } catch (error) {
        console.debug('[backstory] could not read this page', error);
      } finally {
        replace();
        session = next;
        watcher.readFinished();
      }
    };
    // One read at a time: a read asked for during another follows it.
    const start = (): Promise<void> => {
      const after = reading ?? Promise.resolve();
      const mine = after.then(read);
      reading = mine.finally(() => {
        if (reading === mine) reading = null;
      });
      return mine;
    };
    const watcher = new PageWatcher(window, {
      reading: () => session?.watched ?? { root: null, painted: [] },
      reread: start,
      isOurs,
      meter: pageMeter,
      onStop: (reason) => {
        console.debug(`[backstory] stopped watching this page for changes: ${reason}`);
        void sendToBackground('reportWatchStopped', { url: window.location.href, reason });
      },
    });

    const handlers: Handlers<WatchProtocol, unknown> = {
      watchState: () => ({ ...watcher.status, highlights: describeHighlights(session?.watched.painted ?? []), cost: pageMeter.cost }),
    };
    const listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => {
      if (!isRequestOf(message, watchRequests)) return false;
      void dispatch(message, sender, watchRequests, handlers).then(sendResponse);
      return true;
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => {
      watcher.dispose();
      browser.runtime.onMessage.removeListener(listener);
      session?.dispose();
    });
    // Single-page apps change the article without a page load: the watcher reads the new one once the page is quiet.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      if (withoutHash(event.newUrl) !== withoutHash(event.oldUrl)) watcher.addressChanged();
    });
    await start();
  },
});

const withoutHash = (url: URL) => url.href.replace(/#.*$/, '');
