/**
 * Pages whose article comes late or changes (issue 20), in a real Chromium with the built
 * extension: an article inserted 2 s after load, a body swapped by a script, a live blog, a
 * single-page app's pushState to a second article, a page that never stops changing. At each
 * step every highlight shows its mention's text, the new text's names are highlighted, and the
 * work stays within the watcher's bounds (utils/page/watch-policy.ts). And an article split
 * across the light DOM, open and closed shadow roots and a same-origin iframe: highlights
 * where the extension can read the text (the page's own document), each showing its
 * mention's text; the shadow trees and the iframe keep their content and their scripts go on
 * running. Text inside shadow roots and iframes is not read today (see the report of issue 20).
 * Screenshots go to test-output/screenshots/dynamic-*.png and split-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxReadsWhileBusy, watchLimits } from '../../utils/page/watch-policy';
import { serveGenerated } from './adversarial-pages';
import { launchWithExtension, requireInputs, type ExtensionBrowser } from './browser';
import { cbsArticle, latePage, liveBlogPage, neverSettlingPage, seedArticle, singlePageApp, swappedBodyPage, textOf, tickingClockPage, articleHtml } from './dynamic-pages';
import { ExtensionDriver } from './extension';
import { watchExtensionErrors } from './extension-errors';
import { shots } from './session';
import { staleHighlights, waitForWatch, watchState, type WatchReport } from './watch-driver';

const seed = seedArticle();
const cbs = cbsArticle();
/** CBS paragraphs that name people or places the knowledge base surely holds. */
const cbsNamed = cbs.paragraphs.filter((p) => /\b(Trump|Ukraine|Biden|Zelensky)\b/.test(p));
const LIVE_UPDATES = 8;
const light = seed.paragraphs.slice(0, 4);
const inShadow = seed.paragraphs.slice(4, 7);
const inFrame = seed.paragraphs.slice(7, 10);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const paras = (ps: string[]) => ps.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');

const splitPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${seed.title}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2025-10-22"></head><body>
<main>${articleHtml({ title: seed.title, paragraphs: light })}
<story-part id="open-part"></story-part><story-part id="closed-part" data-mode="closed"></story-part>
<iframe id="frame" src="/frame.html" style="width:100%;height:400px;border:0"></iframe></main>
<script>
const shadowParas = ${JSON.stringify(paras(inShadow))};
window.closedRoots = {};
customElements.define('story-part', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: this.dataset.mode === 'closed' ? 'closed' : 'open' });
    root.innerHTML = '<style>p { color: #123; }</style>' + shadowParas + '<p class="ticks">0</p>';
    window.closedRoots[this.id] = root;
    let n = 0;
    setInterval(() => { root.querySelector('.ticks').textContent = String(++n); }, 200);
  }
});
</script></body></html>`;
const framePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${paras(inFrame)}</body></html>`;


let ext: ExtensionBrowser;
let driver: ExtensionDriver;
let server: Awaited<ReturnType<typeof serveGenerated>>;

beforeAll(async () => {
  requireInputs();
  const short = { ...seed, paragraphs: seed.paragraphs.slice(0, 4) };
  server = await serveGenerated({
    '/warm-up.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${seed.title}</title></head><body>${articleHtml(seed)}</body></html>`,
    '/late.html': latePage(seed, 2000),
    '/swapped.html': swappedBodyPage(seed, 2, 1500),
    '/live.html': liveBlogPage(short, cbsNamed.slice(0, LIVE_UPDATES), 1000),
    '/spa.html': singlePageApp(seed, cbs, '/spa-second.html', 2500),
    '/never.html': neverSettlingPage(seed, 100),
    '/clock.html': tickingClockPage(seed, 100),
    '/split.html': splitPage,
    '/frame.html': framePage,
  });
  ext = await launchWithExtension();
  driver = new ExtensionDriver(ext);
  // The first install of the bundled pack, as long as it takes on a busy machine.
  await driver.warmUp(`${server.origin}/warm-up.html`, 280_000);
}, 300_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}${path}`);
  return { page, tabId: await driver.tabIdOf(page) };
}

const mentions = (r: WatchReport) => new Set(r.highlights.map((h) => h.mention));

describe('an article that comes or changes late', () => {
  it('is read when inserted 2 s after load', async () => {
    const { page, tabId } = await open('/late.html');
    const first = await waitForWatch(ext, tabId, (r) => r.reads >= 1 && !!r.watching);
    expect(first.highlights).toEqual([]);
    const read = await waitForWatch(ext, tabId, (r) => r.highlights.length > 10);
    expect(staleHighlights(read)).toEqual([]);
    for (const name of ['Sergei Lavrov', 'Budapest', 'Kremlin']) expect(mentions(read).has(name), name).toBe(true);
    expect(read.reads).toBeLessThanOrEqual(3);
    expect((await driver.waitForTabState(tabId)).status).toBe('article');
    await page.screenshot({ path: join(shots, 'dynamic-late.png') });
    await page.close();
  });

  it('is read again when a script replaces the body, and no highlight points into the old one', async () => {
    const { page, tabId } = await open('/swapped.html');
    const teaser = await waitForWatch(ext, tabId, (r) => r.highlights.length > 0);
    expect(staleHighlights(teaser)).toEqual([]);
    // Names only in the paragraphs behind the paywall.
    const later = ['Sergei Lavrov', 'Dmitry Peskov'].filter((n) => !seed.paragraphs.slice(0, 2).join(' ').includes(n));
    expect(later.length).toBeGreaterThan(0);
    const whole = await waitForWatch(ext, tabId, (r) => later.every((n) => mentions(r).has(n)));
    expect(staleHighlights(whole)).toEqual([]);
    expect(whole.highlights.length).toBeGreaterThan(teaser.highlights.length);
    // Every highlight is in the new body, on screen where its text is.
    const full = textOf(seed);
    for (const h of whole.highlights) expect(full.includes(h.block), h.block).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('.paywall').length)).toBe(0);
    await page.close();
  });

  it(`follows a live blog that appends a paragraph every second (${LIVE_UPDATES} updates): valid at every step, the last update highlighted`, async () => {
    const { page, tabId } = await open('/live.html');
    const seen: number[] = [];
    const started = Date.now();
    // While it updates: every highlight shows its mention at every look.
    while (Date.now() - started < LIVE_UPDATES * 1000 + 500) {
      const r = await watchState(ext, tabId);
      expect(staleHighlights(r)).toEqual([]);
      seen.push(r.highlights.length);
      await page.waitForTimeout(700);
    }
    const last = squash(cbsNamed[LIVE_UPDATES - 1]!);
    const settled = await waitForWatch(ext, tabId, (r) => r.highlights.some((h) => h.block === last));
    expect(staleHighlights(settled)).toEqual([]);
    // Names of the appended text are highlighted.
    expect(settled.highlights.filter((h) => cbsNamed.slice(0, LIVE_UPDATES).map(squash).includes(h.block)).length).toBeGreaterThanOrEqual(LIVE_UPDATES);
    expect(settled.reads).toBeLessThanOrEqual(1 + watchLimits.maxRereads);
    console.log(`live blog: ${settled.reads} reads for ${LIVE_UPDATES} updates; highlights seen while it updated: ${seen.join(', ')} → ${settled.highlights.length}`);
    await page.screenshot({ path: join(shots, 'dynamic-live-blog.png'), fullPage: true });
    await page.close();
  });

  it('reads the second article of a single-page app after pushState, and only it', async () => {
    const { page, tabId } = await open('/spa.html');
    const first = await waitForWatch(ext, tabId, (r) => mentions(r).has('Sergei Lavrov'));
    expect(staleHighlights(first)).toEqual([]);
    await page.waitForURL(/spa-second/);
    const onlyCbs = ['Volker', 'Morrison', 'Zelensky', 'Kurt Volker', 'Tim Morrison', 'Volodymyr Zelensky'].filter((n) => !textOf(seed).includes(n));
    const second = await waitForWatch(ext, tabId, (r) => r.highlights.length > 0 && r.highlights.every((h) => textOf(cbs).includes(h.block)) && r.highlights.some((h) => onlyCbs.includes(h.mention)));
    expect(staleHighlights(second)).toEqual([]);
    expect(second.reads).toBeLessThanOrEqual(3);
    const state = await driver.waitForTabState(tabId);
    expect(state.analysis?.article.title).toBe(cbs.title);
    await page.screenshot({ path: join(shots, 'dynamic-spa-second.png') });
    await page.close();
  });
});

describe('a page that never stops changing', () => {
  it('is read a bounded number of times, then left alone as unsettled, its highlights still right', async () => {
    const { page, tabId } = await open('/never.html');
    const bound = 1 + maxReadsWhileBusy();
    const stopped = await waitForWatch(ext, tabId, (r) => r.stopped !== null, watchLimits.maxBusyMs + watchLimits.maxDelayMs + 20_000);
    expect(stopped.stopped).toBe('unsettled');
    expect(stopped.watching).toBe(false);
    expect(stopped.reads).toBeLessThanOrEqual(bound);
    expect(staleHighlights(stopped)).toEqual([]);
    expect(mentions(stopped).has('Sergei Lavrov')).toBe(true);
    // The tab's state says so.
    await expect.poll(async () => ((await driver.waitForTabState(tabId)) as { watchStopped?: string }).watchStopped).toBe('unsettled');
    // It stays left alone, and the page goes on as it was.
    const count = async () => Number(await page.locator('#count').textContent());
    const before = await count();
    await page.waitForTimeout(2000);
    expect(await count()).toBeGreaterThan(before);
    expect((await watchState(ext, tabId)).reads).toBe(stopped.reads);
    console.log(`never-settling page: ${stopped.reads} reads (bound ${bound}) before it was left alone`);
    await page.close();
  });

  it('is not read again for changes outside the article (a ticking clock)', async () => {
    const { page, tabId } = await open('/clock.html');
    const read = await waitForWatch(ext, tabId, (r) => r.highlights.length > 0);
    await page.waitForTimeout(5000);
    const after = await watchState(ext, tabId);
    // The first read may be followed by one more for the ticks it saw before it knew the article.
    expect(after.reads).toBeLessThanOrEqual(2);
    expect(after.watching).toBe(true);
    expect(after.highlights.length).toBe(read.highlights.length);
    await page.close();
  });
});

describe('an article split across shadow roots and an iframe', () => {
  it('is highlighted where its text is readable, and nothing of the page breaks', async () => {
    const page = await ext.context.newPage();
    const watch = await watchExtensionErrors(ext.context, page);
    await page.goto(`${server.origin}/split.html`);
    const tabId = await driver.tabIdOf(page);
    const snapshot = () =>
      page.evaluate(() => {
        const roots = (window as unknown as { closedRoots: Record<string, ShadowRoot> }).closedRoots;
        const strip = (html: string) => html.replace(/<p class="ticks">\d+<\/p>/, '');
        return {
          open: strip(roots['open-part']!.innerHTML),
          closed: strip(roots['closed-part']!.innerHTML),
          frame: (document.getElementById('frame') as HTMLIFrameElement).contentDocument!.documentElement.outerHTML,
          ticks: Number(roots['open-part']!.querySelector('.ticks')!.textContent),
        };
      });
    await page.waitForFunction(() => (document.getElementById('frame') as HTMLIFrameElement).contentDocument?.readyState === 'complete');
    const before = await snapshot();
    const state = await driver.waitForTabState(tabId);
    expect(state.status).toBe('article');
    const report = await waitForWatch(ext, tabId, (r) => r.highlights.length > 0);
    expect(staleHighlights(report)).toEqual([]);
    // Where the text is readable: every highlight sits in the page's own paragraphs or headline.
    const readable = [seed.title, ...light].map(squash);
    for (const h of report.highlights) expect(readable.some((t) => t.includes(h.block)), h.block).toBe(true);
    const names = new Set(report.highlights.map((h) => h.mention));
    for (const name of ['Donald Trump', 'Vladimir Putin']) expect(names.has(name), name).toBe(true);
    // Nothing broken: the shadow trees and the frame hold what they held, their scripts still run.
    await page.waitForTimeout(600);
    const after = await snapshot();
    expect(after.open).toBe(before.open);
    expect(after.closed).toBe(before.closed);
    expect(after.frame).toBe(before.frame);
    expect(after.ticks).toBeGreaterThan(before.ticks);
    expect(watch.errors).toEqual([]);
    await page.screenshot({ path: join(shots, 'split-shadow-iframe.png'), fullPage: true });
    await watch.stop();
    await page.close();
  });
});
