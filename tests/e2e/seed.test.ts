/**
 * The seed article end to end in a real Chromium with the built extension: detection,
 * highlights in the article body only, the hover card, the side panel's related events,
 * the popup, saving to the library, and the library after a browser restart.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, projectRoot, requireInputs, servePages, sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import { ExtensionDriver } from './extension';

const shots = join(projectRoot, 'test-output/screenshots');
let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;

beforeAll(async () => {
  requireInputs();
  mkdirSync(shots, { recursive: true });
  server = await servePages({ '/seed/': join(sharedDir, 'fixtures/seed'), '/demo/': join(projectRoot, 'tests/fixtures/demo'), '/corpus/': join(sharedDir, 'corpus/pages') });
  ext = await launchWithExtension();
  driver = new ExtensionDriver(ext);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the seed article', () => {
  it('is detected, analysed and highlighted in the article body only', async () => {
    const { page, tabId, state } = await driver.openArticle(`${server.origin}/seed/index.html`);
    expect(state.status).toBe('article');
    expect(state.analysis?.article.published).toBe('2025-10-22');
    expect(state.analysis?.article.title).toMatch(/^Trump Calls Off Putin Talks/);

    const highlights = await driver.highlights(tabId);
    const byText = new Map(highlights.map((h) => [h.text, h.entityId]));
    expect(byText.get('Donald Trump')).toBe('donald-trump');
    expect(byText.get('Sergei Lavrov')).toBe('sergey-lavrov');
    expect(byText.get('Dmitry Peskov')).toBe('dmitry-peskov');
    expect(byText.get('Kremlin')).toBe('moscow-kremlin');
    expect(byText.get('Budapest')).toBe('budapest');
    expect(highlights.filter((h) => h.text === 'Trump').length).toBeGreaterThanOrEqual(5);
    // Every highlight sits inside the <article>; none in the aside, nav, footer or cookie bar.
    const box = (await page.locator('article').boundingBox())!;
    for (const h of highlights.filter((x) => x.rect)) {
      expect(h.rect!.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(h.rect!.x + h.rect!.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    // Highlights are painted, not inserted: the page's DOM has no element of ours.
    const foreign = await page.evaluate(() => document.querySelectorAll('mark, backstory-card, [class*="backstory"]').length);
    expect(foreign).toBe(0);
    await page.screenshot({ path: join(shots, 'seed-highlights.png') });
  });

  it('shows a hover card with the role held on the article date', async () => {
    const { page, tabId } = await driver.openArticle(`${server.origin}/seed/index.html`);
    await page.evaluate(() => window.scrollTo(0, 350));
    await page.waitForTimeout(100);
    const lavrov = (await driver.highlights(tabId)).find((h) => h.text === 'Sergei Lavrov' && h.rect && h.rect.y > 0 && h.rect.y < 880);
    expect(lavrov).toBeDefined();
    await page.bringToFront();
    await page.mouse.move(10, 10);
    await page.mouse.move(lavrov!.rect!.x + lavrov!.rect!.width / 2, lavrov!.rect!.y + lavrov!.rect!.height / 2, { steps: 4 });
    await expect.poll(() => driver.currentCard(tabId)).toMatchObject({ name: 'Sergey Lavrov' });
    const card = await driver.currentCard(tabId);
    expect(card?.role).toMatch(/Foreign/);
    await page.screenshot({ path: join(shots, 'seed-hover-card.png') });
  });
});
