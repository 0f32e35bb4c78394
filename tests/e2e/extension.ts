/**
 * Page objects for the extension in a real Chromium: open an article, wait for its
 * analysis, read the highlights, open the popup, side panel and library for a tab.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export interface TabStateLike {
  status: 'analysing' | 'article' | 'not-article' | 'too-large' | 'failed';
  saved: boolean;
  /** Tab states keep no article text and no mentions (issue 19): the content script has those. */
  analysis: {
    article: { title: string; length: number; published: string | null };
    entities: { id: string; name: string; wikipedia?: string }[];
    related: { id: string; title: string; date: string; reasons: string[] }[];
  } | null;
  tooLarge?: { limit: string; measured: number; max: number };
  error?: string;
}

export interface Highlight {
  text: string;
  entityId: string;
  kind: string;
  rect: { x: number; y: number; width: number; height: number } | null;
}

export interface BoxLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardLike {
  name: string;
  type: string;
  role: string | null;
  description: string;
  wikipedia: string | null;
  rect: BoxLike;
  anchor: BoxLike | null;
  actions: { label: string; rect: BoxLike; href?: string }[];
  focused: boolean;
}

export class ExtensionDriver {
  constructor(readonly ext: ExtensionBrowser) {}

  url(page: 'popup' | 'sidepanel' | 'library', tabId?: number): string {
    return `chrome-extension://${this.ext.extensionId}/${page}.html${tabId === undefined ? '' : `?tabId=${tabId}`}`;
  }

  /** The browser's id of the tab showing `page` (the newest, when several show the same URL). */
  async tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const id = await this.ext.worker.evaluate(
      async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1).sort((a, b) => b - a)[0],
      url,
    );
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  }

  /** Waits until the background has a settled state for the tab (analysed, not an article, too large, failed). */
  async waitForTabState(tabId: number, timeoutMs = 20_000): Promise<TabStateLike> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const state = await this.ext.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab-${id}`))[`tab-${id}`], tabId);
      if (state && (state as TabStateLike).status !== 'analysing') return state as TabStateLike;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`tab ${tabId} was never analysed`);
  }

  /**
   * Opens `url` and waits until it is analysed, as long as a first install of the bundled pack
   * may take on a busy machine (the first article waits for it), then closes it: run once
   * before tests that time what follows.
   */
  async warmUp(url: string, timeoutMs = 110_000): Promise<void> {
    const page = await this.ext.context.newPage();
    await page.goto(url);
    await this.waitForTabState(await this.tabIdOf(page), timeoutMs);
    await page.close();
  }

  /** Asks the tab's content script which highlights it painted, once it has read the page. */
  async highlights(tabId: number, timeoutMs = 20_000): Promise<Highlight[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const reply = (await this.ext.worker.evaluate(async (id) => chrome.tabs.sendMessage(id, { backstory: 'listHighlights', data: {} }), tabId)) as {
        ok: boolean;
        value?: { done: boolean; highlights: Highlight[] };
        error?: string;
      };
      if (!reply.ok) throw new Error(`listHighlights failed: ${reply.error}`);
      if (reply.value?.done) return reply.value.highlights;
      if (Date.now() > until) throw new Error(`tab ${tabId} never finished reading its page`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  /** What the hover card shows now, read through the content script (its shadow root is closed). */
  async currentCard(tabId: number): Promise<{ name: string; role: string | null; description: string } | null> {
    const reply = (await this.ext.worker.evaluate(async (id) => chrome.tabs.sendMessage(id, { backstory: 'currentCard', data: {} }), tabId)) as {
      ok: boolean;
      value?: { name: string; role: string | null; description: string } | null;
    };
    return reply.value ?? null;
  }

  /** The card as the content script knows it: what it shows, where it and its actions are; null when hidden. */
  async card(tabId: number): Promise<CardLike | null> {
    const reply = (await this.ext.worker.evaluate(async (id) => chrome.tabs.sendMessage(id, { backstory: 'currentCard', data: {} }), tabId)) as { ok: boolean; value?: CardLike | null };
    return reply.value ?? null;
  }

  /** Opens an article page and waits for its analysis. */
  async openArticle(url: string): Promise<{ page: Page; tabId: number; state: TabStateLike }> {
    const page = await this.ext.context.newPage();
    await page.goto(url);
    const tabId = await this.tabIdOf(page);
    const state = await this.waitForTabState(tabId);
    return { page, tabId, state };
  }

  /** Opens an extension page (popup, side panel, library) as a tab. */
  async openExtensionPage(name: 'popup' | 'sidepanel' | 'library', tabId?: number): Promise<Page> {
    const page = await this.ext.context.newPage();
    await page.goto(this.url(name, tabId));
    return page;
  }
}
