/**
 * Runs code in the extension's content-script world of a page (its isolated world), through
 * the DevTools protocol: messages sent from there come from the content script, as a hostile
 * page that took over the content script's context would send them.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export class ContentWorld {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly contextId: number,
  ) {}

  /** The content script's world of `page` (waits for the content script to start). */
  static async of(context: BrowserContext, page: Page, timeoutMs = 20_000): Promise<ContentWorld> {
    const cdp = await context.newCDPSession(page);
    const ids: number[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => {
      if (e.context.auxData?.type === 'isolated' && e.context.origin.startsWith('chrome-extension://')) ids.push(e.context.id);
    });
    await cdp.send('Runtime.enable');
    const until = Date.now() + timeoutMs;
    while (!ids.length && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50));
    if (!ids.length) throw new Error('the content script never started on this page');
    return new ContentWorld(cdp, ids[ids.length - 1]!);
  }

  /** Sends a message to the background as the content script; resolves with the reply. */
  async send(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
    const result = (await this.cdp.send('Runtime.evaluate', {
      contextId: this.contextId,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value as { ok: boolean; value?: unknown; error?: string };
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}
