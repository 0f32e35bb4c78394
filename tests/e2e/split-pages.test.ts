/**
 * An article split across the light DOM, an open shadow root, a closed one and a same-origin
 * iframe (issue 20, "pages with shadow DOM, iframes and articles split across them"), built
 * at test time from the seed article's paragraphs. Highlights are where the extension can
 * read the text (the page's own document), each showing its mention's text; the shadow trees
 * and the iframe keep their content, and the page's own scripts in them go on running.
 * Text inside shadow roots and iframes is not read today (see the report of issue 20).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveGenerated } from './adversarial-pages';
import { launchWithExtension, requireInputs, type ExtensionBrowser } from './browser';
import { articleHtml, seedArticle } from './dynamic-pages';
import { watchExtensionErrors } from './extension-errors';
import { ExtensionDriver } from './extension';
import { shots } from './session';
import { staleHighlights, waitForWatch } from './watch-driver';

const seed = seedArticle();
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
  server = await serveGenerated({ '/split.html': splitPage, '/frame.html': framePage, '/warm-up.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${seed.title}</title></head><body>${articleHtml(seed)}</body></html>` });
  ext = await launchWithExtension();
  driver = new ExtensionDriver(ext);
  await driver.warmUp(`${server.origin}/warm-up.html`, 300_000);
}, 300_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
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
