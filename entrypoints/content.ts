import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContent, type ContentSession } from '../utils/page/run-content';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    let session: ContentSession | null = null;
    const start = async () => {
      session?.dispose();
      try {
        session = await runContent(window, browser.runtime.onMessage, () => void start());
      } catch (error) {
        console.debug('[backstory] could not read this page', error);
      }
    };
    ctx.onInvalidated(() => session?.dispose());
    // Single-page apps change the article without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => void start());
    await start();
  },
});
