/**
 * The seed article end to end in Firefox ESR with the built Firefox extension (MV2: background
 * page, sidebar): the bundled pack installs into Firefox's IndexedDB, the seed page is
 * analysed and highlighted in its article body, the hover card shows the entity under the
 * pointer, the side panel page lists the article's actors and related events, the popup opens
 * Firefox's sidebar, a copy of the seed page with hostile markup in its article is saved from
 * the popup with its HTML sanitised in the background page (issue 20: DOMPurify left the
 * content script), and the extension logs no error meanwhile. The first three are the checks
 * of tests/e2e/seed.test.ts in Chromium.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages, sharedDir, type PageServer } from '../e2e/browser';
import { shots } from '../e2e/session';
import { FirefoxDriver, launchFirefoxWithExtension, requireFirefoxInputs, type FirefoxWithExtension } from './firefox';
import { expectSeedAnalysed } from '../e2e/seed-expectations';

let server: PageServer | undefined;
let ff: FirefoxWithExtension | undefined;
let driver: FirefoxDriver;
let seedUrl: string;
let hostileUrl: string;

/** The seed page with a script, an onerror image, a handler and a javascript: link in its article. */
function writeHostileSeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-hostile-'));
  const seed = readFileSync(join(sharedDir, 'fixtures/seed/index.html'), 'utf8');
  const hostile =
    '<p onmouseover="window.pwned=1">Reporters waited <img src=x onerror="window.pwned=2"> outside the West Wing ' +
    '<a href="javascript:window.pwned=3">for an hour</a>.</p><script>window.pwned = 4</script>';
  writeFileSync(join(dir, 'index.html'), seed.replace('<article>', `<article>\n${hostile}`));
  return dir;
}

beforeAll(async () => {
  requireFirefoxInputs();
  mkdirSync(shots, { recursive: true });
  server = await servePages({ '/seed/': join(sharedDir, 'fixtures/seed'), '/hostile/': writeHostileSeed() });
  seedUrl = `${server.origin}/seed/index.html`;
  hostileUrl = `${server.origin}/hostile/index.html`;
  ff = await launchFirefoxWithExtension();
  driver = new FirefoxDriver(ff);
  // The first article waits for the bundled pack's first install into IndexedDB.
  const { page } = await driver.openArticle(seedUrl, 280_000);
  await page.close();
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('the seed article in Firefox', () => {
  it('is analysed and highlighted in the article body only, as the content script and the page both see it', async () => {
    const { page, tabId, state } = await driver.openArticle(seedUrl);
    const highlights = await driver.highlights(tabId);
    expectSeedAnalysed(state, highlights);
    // Every highlighted entity is one of the analysis's actors.
    const actors = new Set(state.analysis!.entities.map((e) => e.id));
    expect(highlights.filter((h) => !actors.has(h.entityId))).toEqual([]);

    // What Firefox paints is what the content script says it painted: the ranges in the page's
    // highlight registry (read from the page's own world) hold exactly the highlights' texts.
    const painted = await page.evaluate(() => {
      const texts: string[] = [];
      CSS.highlights.forEach((highlight, name) => {
        if (name.startsWith('backstory-')) highlight.forEach((range) => void texts.push((range as Range).toString()));
      });
      return texts;
    });
    expect(painted.toSorted()).toEqual(highlights.map((h) => h.text).toSorted());

    // Inside the <article>; none in the aside, nav, footer or cookie bar.
    const box = (await (await page.$('article'))!.boundingBox())!;
    for (const h of highlights.filter((x) => x.rect)) {
      expect(h.rect!.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(h.rect!.x + h.rect!.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    // Painted, not inserted: the page's DOM has no element of ours.
    expect(await page.evaluate(() => document.querySelectorAll('mark, backstory-card, [class*="backstory"]').length)).toBe(0);
    await page.screenshot({ path: join(shots, 'firefox-seed-highlights.png') });
    await page.close();
  });

  it('shows the hover card of the entity under the pointer', async () => {
    const { page, tabId } = await driver.openArticle(seedUrl);
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, 350));
    const lavrov = (await driver.highlights(tabId)).find((h) => h.text === 'Sergei Lavrov' && h.rect && h.rect.y > 0 && h.rect.y < 880);
    expect(lavrov).toBeDefined();
    await page.mouse.move(10, 10);
    await page.mouse.move(lavrov!.rect!.x + lavrov!.rect!.width / 2, lavrov!.rect!.y + lavrov!.rect!.height / 2, { steps: 4 });
    await expect.poll(() => driver.currentCard(tabId), { timeout: 10_000 }).toMatchObject({ name: 'Sergey Lavrov' });
    expect((await driver.currentCard(tabId))?.role).toMatch(/Foreign/);
    await page.screenshot({ path: join(shots, 'firefox-seed-hover-card.png') });

    // Away from every highlight, the card goes.
    await page.mouse.move(5, 5, { steps: 2 });
    await expect.poll(() => driver.currentCard(tabId), { timeout: 10_000 }).toBeNull();
    await page.close();
  });

  it('lists the article’s actors and related prior events in the side panel page', async () => {
    const { page, tabId, state } = await driver.openArticle(seedUrl);
    const panel = await driver.openExtensionPage('sidepanel', tabId);
    await panel.setViewport({ width: 420, height: 1000 });
    await panel.waitForSelector('[data-testid="related-event"]');
    const ids = await panel.$$eval('[data-testid="related-event"]', (els) => els.map((el) => el.getAttribute('data-event-id') ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(state.analysis!.related.map((r) => r.id));
    expect(ids.slice(0, 5).some((id) => /^2025-08-15-.*alaska/.test(id)), ids.slice(0, 5).join(', ')).toBe(true);

    const actorIds = await panel.$$eval('[data-testid="actor"]', (els) => els.map((el) => el.getAttribute('data-entity-id') ?? ''));
    expect(actorIds.length).toBeGreaterThan(10);
    expect(actorIds).toEqual(expect.arrayContaining(['donald-trump', 'vladimir-putin', 'sergey-lavrov']));
    await panel.screenshot({ path: join(shots, 'firefox-sidepanel.png'), fullPage: true });
    await Promise.all([panel.close(), page.close()]);
  });

  it('opens Firefox’s sidebar from the popup’s “Open side panel”', async () => {
    const { page, tabId } = await driver.openArticle(seedUrl);
    expect(await driver.isSidebarOpen()).toBe(false);
    const popup = await driver.openExtensionPage('popup', tabId);
    await popup.waitForSelector('[data-testid="open-panel"]');
    // A real click: sidebarAction.open() works only within a user gesture.
    await popup.click('[data-testid="open-panel"]');
    await expect.poll(() => driver.isSidebarOpen(), { timeout: 10_000 }).toBe(true);
    await Promise.all([popup.close(), page.close()]);
  });

  it('saves an article from the popup with its HTML sanitised in the background page', async () => {
    const { page, tabId, state } = await driver.openArticle(hostileUrl);
    expect(state.status).toBe('article');
    const popup = await driver.openExtensionPage('popup', tabId);
    await popup.waitForSelector('[data-testid="save-article"]');
    await popup.click('[data-testid="save-article"]');
    await popup.waitForSelector('[data-testid="save-article"][data-saved="true"]', { timeout: 20_000 });
    // No note: the copy of its HTML was kept.
    expect(await popup.$('[data-testid="save-note"]')).toBeNull();
    const saved = (await popup.evaluate(async (url) => {
      const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return browser.runtime.sendMessage({ backstory: 'getArticle', data: { url } });
    }, hostileUrl)) as { ok: boolean; value: { html: string | null; text: string } | null };
    expect(saved.ok).toBe(true);
    expect(saved.value?.html).toContain('Reporters waited');
    expect(saved.value?.html).toContain('Donald Trump said he decided against holding');
    expect(saved.value?.html).not.toMatch(/onmouseover|onerror|javascript:|<script|pwned/);
    await Promise.all([popup.close(), page.close()]);
  });

  it('logs no error from the extension meanwhile', () => {
    expect(ff!.consoleLines.length).toBeGreaterThan(0); // the background's install report at least
    const errors = ff!.consoleLines.filter((line) => /^(console\.error|JavaScript error)/.test(line));
    expect(errors).toEqual([]);
  });
});
