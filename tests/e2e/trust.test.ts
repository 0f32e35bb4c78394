/**
 * Issue 19 end to end: large and adversarial pages get a clear state and no long freeze, a
 * costly message does not stop the background from answering, and a content script is told
 * only what its own tab needs. Figures are printed; the time limits asserted are generous on
 * purpose (a busy 2-core machine), far below the freezes they guard against (30 s, 150 s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hugeArticlePage, manyElementsPage, megabytesOfTextPage, serveGenerated } from './adversarial-pages';
import { launchWithExtension, requireInputs, type ExtensionBrowser } from './browser';
import { ContentWorld } from './content-world';
import { ExtensionDriver } from './extension';
import { LongTaskTrace } from './long-tasks';

/** No long task caused by the extension may be longer than this (ms); before the fix: 30,031. */
const WORST_EXTENSION_TASK_MS = 500;
/**
 * No long task at all on the page's main thread may be longer than this (ms). It counts the
 * page's own parsing too (450 ms for 5 MB of text) and tasks the trace does not name the
 * content script in (those resumed after a pause), so it is generous; before the fix the
 * extension alone held the thread for 30 s, 6.4 s and 14.7 s on these pages.
 */
const WORST_PAGE_TASK_MS = 2000;

let ext: ExtensionBrowser;
let driver: ExtensionDriver;
let server: Awaited<ReturnType<typeof serveGenerated>>;

beforeAll(async () => {
  requireInputs();
  server = await serveGenerated({
    '/many-elements.html': manyElementsPage(50_000),
    '/megabytes.html': megabytesOfTextPage(5_000_000),
    '/huge-article.html': hugeArticlePage(1_800_000),
    // 12,000 elements and about 160,000 characters of article: within every limit.
    '/within-budget.html': manyElementsPage(12_000),
    '/long-article.html': hugeArticlePage(150_000, 'A long article'),
    '/article.html': hugeArticlePage(5_000, 'Trump and Putin'),
  });
  ext = await launchWithExtension();
  driver = new ExtensionDriver(ext);
  // The timed tests below measure the pages, not the first install of the bundled pack.
  await driver.warmUp(`${server.origin}/article.html`);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens a page with a trace running; resolves with its tab state and the long tasks seen. */
async function openTraced(path: string) {
  const page = await ext.context.newPage();
  const trace = await LongTaskTrace.start(ext.context, page);
  const started = Date.now();
  await page.goto(`${server.origin}${path}`, { timeout: 60_000 });
  const tabId = await driver.tabIdOf(page);
  const state = await driver.waitForTabState(tabId, 30_000);
  const elapsed = Date.now() - started;
  const tasks = await trace.stop();
  console.log(`${path}: ${state.status} after ${elapsed} ms; long tasks of the extension: [${tasks.durations.map(Math.round).join(', ')}] ms; all long tasks on the page's main thread: [${tasks.thread.map(Math.round).join(', ')}] ms`);
  return { page, tabId, state, tasks };
}

describe('large pages (issue 19, failure 1)', () => {
  it.each([
    ['/many-elements.html', 'elements'],
    ['/megabytes.html', 'page-text'],
    ['/huge-article.html', 'page-text'],
  ])('%s is reported too large to read, without freezing the page', async (path, limit) => {
    const { page, tabId, state, tasks } = await openTraced(path);
    expect(state.status).toBe('too-large');
    expect(state.tooLarge?.limit).toBe(limit);
    expect(tasks.worst).toBeLessThan(WORST_EXTENSION_TASK_MS);
    expect(Math.max(0, ...tasks.thread)).toBeLessThan(WORST_PAGE_TASK_MS);
    const popup = await driver.openExtensionPage('popup', tabId);
    await expect.poll(() => popup.getByTestId('tab-problem').getAttribute('data-problem')).toBe('too-large');
    await popup.close();
    await page.close();
  });

  it('reads a page just within the budget in slices', async () => {
    const { page, state, tasks } = await openTraced('/within-budget.html');
    expect(state.status).toBe('article');
    expect(tasks.worst).toBeLessThan(WORST_EXTENSION_TASK_MS);
    expect(Math.max(0, ...tasks.thread)).toBeLessThan(WORST_PAGE_TASK_MS);
    await page.close();
  });

  it('analyses a long article and keeps its tab state small', async () => {
    const { page, tabId, state } = await openTraced('/long-article.html');
    expect(state.status).toBe('article');
    const bytes = await ext.worker.evaluate(async (id) => JSON.stringify(await chrome.storage.session.get(`tab-${id}`)).length, tabId);
    console.log(`tab state of a ${state.analysis?.article.length}-character article: ${bytes} bytes in session storage`);
    expect(bytes).toBeLessThan(200_000);
    await page.close();
  });
});

describe('a costly message (issue 19, failure 2)', () => {
  it('is refused past the size extraction can send, and the library is answered while a large analysis runs', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/article.html`);
    const tabId = await driver.tabIdOf(page);
    await driver.waitForTabState(tabId);
    const world = await ContentWorld.of(ext.context, page);
    const url = `${server.origin}/article.html`;
    const names = 'Donald Trump met Vladimir Putin in Budapest. Sergei Lavrov called Marco Rubio. Volodymyr Zelensky visited Washington. ';
    const huge = { backstory: 'analyzeArticle', data: { url, title: 'x', text: names.repeat(Math.ceil(2_000_000 / names.length)).slice(0, 2_000_000), published: '2025-10-22', site: null } };
    const refusedAt = Date.now();
    expect(await world.send(huge)).toEqual({ ok: false, error: expect.stringContaining('text') });
    console.log(`a 2,000,000-character analyzeArticle was refused in ${Date.now() - refusedAt} ms (before: the worker answered nothing for over 150 s)`);

    const large = { ...huge, data: { ...huge.data, text: huge.data.text.slice(0, 200_000) } };
    const library = await driver.openExtensionPage('library');
    await library.waitForLoadState();
    const analysing = world.send(large);
    let worst = 0;
    let asked = 0;
    let analysed = false;
    void analysing.then(() => (analysed = true));
    while (!analysed) {
      const started = Date.now();
      await library.evaluate(() => chrome.runtime.sendMessage({ backstory: 'listArticles', data: {} }));
      worst = Math.max(worst, Date.now() - started);
      asked++;
    }
    const reply = await analysing;
    console.log(`while a 200,000-character name-dense analysis ran (${reply.ok ? 'done' : reply.error}), the library asked ${asked} times; slowest answer ${worst} ms`);
    expect(worst).toBeLessThan(1000);
    await world.close();
    await library.close();
    await page.close();
  });
});

describe('content scripts (issue 19, failure 4)', () => {
  it('are refused the library, other tabs, and pages they are not on', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/article.html`);
    const tabId = await driver.tabIdOf(page);
    await driver.waitForTabState(tabId);
    const world = await ContentWorld.of(ext.context, page);
    expect(await world.send({ backstory: 'listArticles', data: {} })).toEqual({ ok: false, error: expect.stringMatching(/only from Backstory's own pages/) });
    expect(await world.send({ backstory: 'getTabState', data: { tabId } })).toEqual({ ok: false, error: expect.stringMatching(/only from Backstory's own pages/) });
    expect(await world.send({ backstory: 'getTabState', data: { tabId: tabId + 1 } })).toMatchObject({ ok: false });
    const report = (u: string) => world.send({ backstory: 'reportNotArticle', data: { url: u, title: 'x' } });
    expect(await report('javascript:alert(document.domain)')).toEqual({ ok: false, error: expect.stringMatching(/http\(s\)/) });
    expect(await report('https://bank.example/')).toEqual({ ok: false, error: expect.stringMatching(/only itself/) });
    // The page's own report is still accepted.
    expect(await world.send({ backstory: 'getHighlightSettings', data: { url: `${server.origin}/article.html` } })).toMatchObject({ ok: true });
    await world.close();
    await page.close();
  });
});
