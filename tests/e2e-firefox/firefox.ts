/**
 * Starts Debian's Firefox ESR with the built Firefox extension (.output/firefox-mv2) installed
 * as a temporary add-on, and drives it over WebDriver BiDi with puppeteer-core: no geckodriver,
 * no browser download. Pitfalls found on Firefox 153 (../shared/TOOLCHAIN.md, "Firefox
 * end-to-end"):
 *
 * - WebDriver navigates only to http(s), file and blob URLs unless Firefox is started with
 *   `--remote-allow-system-access`; extension pages need it.
 * - A navigation to a moz-extension:// page happens but never reports its end to WebDriver, so
 *   `page.goto` would time out: the driver starts it and waits for the page's own readyState.
 * - The extension's origin (moz-extension://<uuid>) is random per profile unless the
 *   `extensions.webextensions.uuids` pref fixes it before the install.
 * - Extension consoles (background page, extension pages) reach Firefox's stdout with the
 *   `devtools.console.stdout.*` prefs: the driver keeps those lines, to check for errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { projectRoot, sharedDir } from '../e2e/browser';
import type { Highlight, TabStateLike } from '../e2e/extension';

export const firefoxExtensionDir = join(projectRoot, '.output/firefox-mv2');

/** The Firefox to drive: $FIREFOX_PATH, or Debian's firefox-esr, or firefox. Throws when none exists. */
export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('no Firefox found: install it (apt-get install firefox-esr) or set FIREFOX_PATH');
  return found;
}

/** Fails clearly when the shared material or the Firefox build is missing. */
export function requireFirefoxInputs(): void {
  if (!existsSync(join(sharedDir, 'fixtures/seed/index.html'))) throw new Error(`../shared not found at ${sharedDir}: the end-to-end tests read the seed page from it`);
  if (!existsSync(join(firefoxExtensionDir, 'manifest.json'))) throw new Error(`no Firefox build at ${firefoxExtensionDir}: run npm run build:firefox first`);
}

/** The add-on id the manifest declares (browser_specific_settings.gecko.id). */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(firefoxExtensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id');
  return id;
}

/** The extension's fixed internal UUID in test profiles: its pages are at moz-extension://<this>/. */
const EXTENSION_UUID = 'b4c5d6e7-0000-4000-8000-00000000b057';

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  /** Lines the extension's contexts wrote to the console (background page, content scripts, extension pages). */
  consoleLines: string[];
  close(): Promise<void>;
}

/** Starts Firefox headless in a fresh profile (removed on close) and installs the extension temporarily. */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const id = geckoId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
    },
  });
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const consoleLines: string[] = [];
  let partial = '';
  browser.process()?.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    consoleLines.push(...lines.filter((l) => l.includes('[backstory]') || l.includes(origin)));
  });
  try {
    const installed = await browser.installExtension(firefoxExtensionDir);
    if (installed !== id) throw new Error(`Firefox installed the extension as ${installed}, not ${id}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, origin, consoleLines, close: () => browser.close() };
}

/** The extension APIs as code evaluated in an extension page sees them; only what the driver calls. */
export interface ExtensionPageGlobals {
  browser: {
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
    sidebarAction: { isOpen(details: object): Promise<boolean> };
  };
}

/**
 * Page objects for the extension in Firefox, as tests/e2e/extension.ts has them for Chromium:
 * the background's tab states and the content script's answers are read from an extension
 * page (Firefox's WebDriver reaches no background page), which sees the same storage and may
 * message the content scripts.
 */
export class FirefoxDriver {
  private control: Page | null = null;

  constructor(readonly ff: FirefoxWithExtension) {}

  /** Opens an extension page (popup, sidepanel, library) as a tab, and waits until it has loaded. */
  async openExtensionPage(name: 'popup' | 'sidepanel' | 'library', tabId?: number, timeoutMs = 20_000): Promise<Page> {
    const url = `${this.ff.origin}/${name}.html${tabId === undefined ? '' : `?tabId=${tabId}`}`;
    const page = await this.ff.browser.newPage();
    // The navigation never reports its end to WebDriver (see the top of this file): not awaited.
    void page.goto(url, { timeout: 0 }).catch(() => {});
    const until = Date.now() + timeoutMs;
    for (;;) {
      const where = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '');
      if (where === `complete ${url}`) return page;
      if (Date.now() > until) throw new Error(`${url} did not load (last seen: ${where || 'nothing'})`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  /** An extension page kept open to run extension API calls from. */
  private async controlPage(): Promise<Page> {
    this.control ??= await this.openExtensionPage('library');
    return this.control;
  }

  /** The browser's id of the tab showing `page` (the newest, when several show the same URL). */
  async tabIdOf(page: Page): Promise<number> {
    const control = await this.controlPage();
    const id = await control.evaluate(async (u) => {
      const { browser } = globalThis as unknown as ExtensionPageGlobals;
      return (await browser.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1).sort((a, b) => b - a)[0];
    }, page.url());
    if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
    return id;
  }

  /** Waits until the background has a settled state for the tab (analysed, not an article, too large, failed). */
  async waitForTabState(tabId: number, timeoutMs = 30_000): Promise<TabStateLike> {
    const control = await this.controlPage();
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const state = await control.evaluate(async (id) => {
        const { browser } = globalThis as unknown as ExtensionPageGlobals;
        return (await browser.storage.session.get(`tab-${id}`))[`tab-${id}`] ?? null;
      }, tabId);
      if (state && (state as TabStateLike).status !== 'analysing') return state as TabStateLike;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    throw new Error(`tab ${tabId} was never analysed`);
  }

  /** Sends a message of the content-script protocol (utils/page/run-content.ts) to the tab. */
  private async askContent<T>(tabId: number, name: string): Promise<{ ok: boolean; value?: T; error?: string }> {
    const control = await this.controlPage();
    return (await control.evaluate(
      async (id, backstory) => {
        const { browser } = globalThis as unknown as ExtensionPageGlobals;
        return browser.tabs.sendMessage(id, { backstory, data: {} });
      },
      tabId,
      name,
    )) as { ok: boolean; value?: T; error?: string };
  }

  /** Asks the tab's content script which highlights it painted, once it has read the page. */
  async highlights(tabId: number, timeoutMs = 20_000): Promise<Highlight[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const reply = await this.askContent<{ done: boolean; highlights: Highlight[] }>(tabId, 'listHighlights');
      if (!reply.ok) throw new Error(`listHighlights failed: ${reply.error}`);
      if (reply.value?.done) return reply.value.highlights;
      if (Date.now() > until) throw new Error(`tab ${tabId} never finished reading its page`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  /** What the hover card shows now, read through the content script (its shadow root is closed). */
  async currentCard(tabId: number): Promise<{ name: string; role: string | null; description: string } | null> {
    const reply = await this.askContent<{ name: string; role: string | null; description: string } | null>(tabId, 'currentCard');
    return reply.value ?? null;
  }

  /** Whether Firefox's sidebar shows the extension's panel in the current window. */
  async isSidebarOpen(): Promise<boolean> {
    const control = await this.controlPage();
    return control.evaluate(async () => {
      const { browser } = globalThis as unknown as ExtensionPageGlobals;
      return browser.sidebarAction.isOpen({});
    });
  }

  /** Opens a web page and waits for the background's verdict on it. */
  async openArticle(url: string, timeoutMs?: number): Promise<{ page: Page; tabId: number; state: TabStateLike }> {
    const page = await this.ff.browser.newPage();
    await page.goto(url);
    const tabId = await this.tabIdOf(page);
    const state = await this.waitForTabState(tabId, timeoutMs);
    return { page, tabId, state };
  }
}
