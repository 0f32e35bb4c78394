/**
 * Saving from the page's context menu and the keyboard shortcut (issue 21), in a real
 * Chromium. Headless Chromium can neither open a context menu nor press an extension's
 * command, so the tests call the very listeners the background registered for them
 * (`backstoryListeners` in the worker) with the real tab, as the browser would: the same
 * path then runs (tab state, the content script's article, the library, the toolbar badge).
 * Then the automatic backup of that library (issue 21): turned on in the library, made at once
 * with "Back up now" through the downloads API (Chrome: its offscreen document), the file read
 * back from disk and parsed. Playwright names downloads by GUID, so the rolling name and its
 * overwrite are checked as asked of downloads.download, not on disk.
 * Last, the saved article attached to an event of the knowledge base from the reader view
 * (listed on the event's page in the side panel), and made into a new event of the reader's own.
 * Screenshots: test-output/screenshots/quick-save-library.png, auto-backup.png, article-events.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import type { ExtensionDriver } from './extension';
import { endSession, shots, startSession } from './session';
import { projectRoot } from './browser';
import { screenshotWhole } from './ui-pages';

let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;

const BBC = '/corpus/readability-bbc-1.html';
const BBC_CANONICAL = 'http://www.bbc.com/news/world-us-canada-33646704';
const FRONT_PAGE = '/demo/front-page.html';

beforeAll(async () => {
  ({ server, ext, driver } = await startSession({ '/corpus/': join(sharedDir, 'corpus/pages'), '/demo/': join(projectRoot, 'tests/fixtures/demo') }));
  // The first article waits for the bundled pack's install: minutes on a loaded machine.
  await driver.warmUp(`${server.origin}${BBC}`, 280_000);
}, 300_000);

afterAll(() => endSession({ server, ext }));

interface Outcome {
  ok: boolean;
  title?: string;
  again?: boolean;
  reason?: string;
  detail?: string;
}

/** Calls a background listener as the browser would for the tab: a command ('save-article') or a context menu click. */
function trigger(how: 'command' | 'menu', tabId: number): Promise<Outcome> {
  return ext.worker.evaluate(
    async ({ how, tabId }) => {
      const tab = await chrome.tabs.get(tabId);
      const listeners = (globalThis as unknown as { backstoryListeners: { onCommand(c: string, t: unknown): Promise<unknown>; onMenuClicked(i: unknown, t: unknown): Promise<unknown> } }).backstoryListeners;
      return (how === 'command' ? listeners.onCommand('save-article', tab) : listeners.onMenuClicked({ menuItemId: 'save-article', pageUrl: tab.url }, tab)) as Promise<Outcome>;
    },
    { how, tabId },
  );
}

/** The toolbar button's badge text and title for a tab. */
const badge = (tabId: number) =>
  ext.worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);

describe('saving without the popup', () => {
  it('declares the shortcut, apart from the highlight keys', async () => {
    const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
    const save = commands.find((c) => c.name === 'save-article');
    expect(save?.shortcut).toBe('Alt+Shift+S');
    expect(save?.description).toBe('Save the article to your Backstory library');
    const keys = commands.map((c) => c.shortcut).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
    // The content script's own keys for going from highlight to highlight (card-controller.ts).
    expect(keys).not.toContain('Alt+Shift+N');
    expect(keys).not.toContain('Alt+Shift+P');
  });

  it('saves the article from the shortcut, says so on the toolbar button, and the library lists it', async () => {
    const { page, tabId, state } = await driver.openArticle(`${server.origin}${BBC}`);
    expect(state).toMatchObject({ status: 'article', saved: false });
    // A page the content script is reading again (it changed) is refused as "still reading", as the reader would be told: wait for it.
    let outcome = await trigger('command', tabId);
    for (let tries = 0; !outcome.ok && outcome.reason === 'quickSaveAnalysing' && tries < 45; tries++) {
      await new Promise((resume) => setTimeout(resume, 1_000));
      outcome = await trigger('command', tabId);
    }
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, again: false });
    expect(outcome.title).toMatch(/Obama/);
    expect(await badge(tabId)).toEqual({ text: '✓', title: `Saved to your Backstory library: ${outcome.title}` });
    expect((await driver.waitForTabState(tabId)).saved).toBe(true);

    // From the context menu, the same article again: updated, not added twice.
    expect(await trigger('menu', tabId)).toMatchObject({ ok: true, again: true });
    expect((await badge(tabId)).title).toMatch(/^Saved again, your library's copy is updated: /);
    await page.close();

    const library = await driver.openExtensionPage('library');
    await library.setViewportSize({ width: 1000, height: 700 });
    await library.getByTestId('saved-article').first().waitFor();
    expect(await library.getByTestId('saved-article').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-url')))).toEqual([BBC_CANONICAL]);
    await screenshotWhole(library, join(shots, 'quick-save-library.png'));
    await library.close();
  });

  it('refuses a page that is not an article, saying why, and saves nothing', async () => {
    const { page, tabId, state } = await driver.openArticle(`${server.origin}${FRONT_PAGE}`);
    expect(state.status).toBe('not-article');
    expect(await trigger('menu', tabId)).toEqual({ ok: false, reason: 'quickSaveNotArticle', detail: '' });
    expect(await badge(tabId)).toEqual({ text: '!', title: 'Not saved: this page is not an article.' });
    // The shortcut on a browser page of its own: nothing to save there.
    const blank = await ext.context.newPage();
    await blank.goto('about:blank');
    const blankId = await driver.tabIdOf(blank);
    expect(await trigger('command', blankId)).toMatchObject({ ok: false, reason: 'quickSaveNotWebPage' });
    await blank.close();
    await page.close();
    const listed = await ext.worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const count = await new Promise<number>((ok) => {
        const request = db.transaction('articles').objectStore('articles').count();
        request.onsuccess = () => ok(request.result);
      });
      db.close();
      return count;
    });
    expect(listed).toBe(1);
  });
});

describe('automatic backups', () => {
  it('are off until the reader turns them on; then the library is written to backstory-backup.json, and the library says when', async () => {
    const library = await driver.openExtensionPage('library');
    await library.setViewportSize({ width: 1000, height: 900 });
    // Playwright saves every download under a GUID name in a folder of its own, so the file's
    // name cannot be seen on disk: what the extension asks of downloads.download is recorded.
    await ext.worker.evaluate(() => {
      const downloads = chrome.downloads as unknown as { download(o: object, ...rest: unknown[]): unknown; asked?: object[] };
      const real = downloads.download.bind(downloads);
      downloads.asked = [];
      downloads.download = (options: object, ...rest: unknown[]) => (downloads.asked!.push(options), real(options, ...rest));
    });
    const asked = () => ext.worker.evaluate(() => (chrome.downloads as unknown as { asked: { filename: string; conflictAction: string; saveAs: boolean }[] }).asked.map(({ filename, conflictAction, saveAs }) => ({ filename, conflictAction, saveAs })));
    const written = () => ext.worker.evaluate(() => chrome.downloads.search({ state: 'complete' }));
    const section = library.getByTestId('auto-backup');
    await section.getByTestId('auto-backup-off').waitFor();
    await expect.poll(() => section.getByTestId('auto-backup-off').isChecked()).toBe(true);
    expect(await section.getByTestId('auto-backup-last').textContent()).toBe('No automatic backup has been made yet.');
    expect(await ext.worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);

    await section.getByTestId('auto-backup-daily').check();
    await expect.poll(() => section.getByTestId('auto-backup-next').count()).toBe(1);
    await expect.poll(() => ext.worker.evaluate(() => chrome.alarms.getAll().then((all) => all.map((a) => [a.name, a.periodInMinutes])))).toEqual([['backstory-backup', 30]]);

    await section.getByTestId('back-up-now').click();
    await expect.poll(() => section.getByTestId('auto-backup-last').getAttribute('data-ok'), { timeout: 30_000 }).toBe('true');
    expect(await section.getByTestId('auto-backup-last').textContent()).toMatch(/^Last backup: .+, 1 article\.$/);
    await screenshotWhole(library, join(shots, 'auto-backup.png'));

    expect(await asked()).toEqual([{ filename: 'backstory-backup.json', conflictAction: 'overwrite', saveAs: false }]);
    const [first] = await written();
    const backup = JSON.parse(readFileSync(first!.filename, 'utf8')) as { format: string; version: number; exportedAt: string; articles: { url: string }[] };
    expect(backup).toMatchObject({ format: 'backstory-library', version: 1 });
    expect(backup.articles.map((a) => a.url)).toEqual([BBC_CANONICAL]);
    // Once more: the same rolling file is asked for, with the library as it is now.
    const lastText = () => section.getByTestId('auto-backup-last').textContent();
    await section.getByTestId('back-up-now').click();
    await expect.poll(() => asked().then((all) => all.length), { timeout: 30_000 }).toBe(2);
    expect((await asked())[1]).toEqual({ filename: 'backstory-backup.json', conflictAction: 'overwrite', saveAs: false });
    await expect.poll(() => written().then((all) => all.length), { timeout: 30_000 }).toBe(2);
    await expect.poll(lastText).toMatch(/^Last backup: .+, 1 article\.$/);
    // The one offscreen document (shared with the sanitising of saves) is closed once idle, 30 s after the file is written.
    await expect.poll(() => ext.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length), { timeout: 60_000, interval: 1_000 }).toBe(0);

    // Off again: the alarm goes.
    await section.getByTestId('auto-backup-off').check();
    await expect.poll(() => ext.worker.evaluate(() => chrome.alarms.getAll().then((all) => all.length))).toBe(0);
    await library.close();
  });
});

describe('a saved article and the events of the knowledge base', () => {
  it('is attached to an event found by a search, and the event’s page in the side panel lists it', async () => {
    const library = await driver.openExtensionPage('library');
    await library.setViewportSize({ width: 1000, height: 900 });
    await library.locator(`[data-testid=saved-article][data-url="${BBC_CANONICAL}"]`).getByTestId('read-article').click();
    const events = library.getByTestId('article-events');
    await events.waitFor();
    expect(await events.getByTestId('attached-event').count()).toBe(0);
    await events.getByTestId('event-search').fill('Helsinki summit');
    const helsinki = events.locator('[data-testid=event-result][data-event-id="2018-07-16-helsinki-summit"]');
    await helsinki.getByTestId('attach-event').click();
    await expect.poll(() => events.getByTestId('attached-event').evaluateAll((items) => items.map((li) => li.getAttribute('data-event-id')))).toEqual(['2018-07-16-helsinki-summit']);
    expect(await events.getByTestId('article-events-status').textContent()).toBe('Attached to “Trump–Putin summit in Helsinki”: the event\'s page in the side panel lists this article.');
    expect(await helsinki.getByTestId('attach-event').isDisabled()).toBe(true);

    // A new event of the reader's own, from the article's title and date.
    await events.getByTestId('new-event-toggle').click();
    expect(await events.getByTestId('new-event-title').inputValue()).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(await events.getByTestId('new-event-date').inputValue()).toBe('2015-07-24');
    await events.getByTestId('new-event-title').fill('Obama on gun laws, BBC interview');
    await events.getByTestId('new-event-type').selectOption('statement');
    await events.getByTestId('make-event').click();
    await expect.poll(() => events.getByTestId('attached-event').count()).toBe(2);
    expect(await events.getByTestId('article-events-status').textContent()).toBe('“Obama on gun laws, BBC interview” is now an event of your knowledge base, with this article attached.');
    await screenshotWhole(library, join(shots, 'article-events.png'));

    const panel = await driver.openExtensionPage('sidepanel');
    for (const [query, id] of [
      ['Helsinki summit', '2018-07-16-helsinki-summit'],
      ['Obama on gun laws', 'reader-2015-07-24-obama-on-gun-laws-bbc-interview'],
    ] as const) {
      await panel.getByTestId('search').fill(query);
      await panel.locator(`[data-testid=search-result][data-event-id="${id}"] button`).first().click();
      const page = panel.locator(`[data-testid=event-page][data-event-id="${id}"]`);
      await page.waitFor();
      await expect.poll(() => page.textContent()).toContain("Obama admits US gun laws are his 'biggest frustration'");
      await panel.getByTestId('back').click();
    }
    await panel.close();

    // Let go of the first: the library's list no longer counts it.
    await events.locator('[data-testid=attached-event][data-event-id="2018-07-16-helsinki-summit"]').getByTestId('detach-event').click();
    await expect.poll(() => events.getByTestId('attached-event').count()).toBe(1);
    await library.close();
  });
});
