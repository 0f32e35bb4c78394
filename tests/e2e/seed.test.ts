/**
 * The seed article end to end in a real Chromium with the built extension: detection,
 * highlights in the article body only, the hover card, the side panel's related events,
 * the popup, saving to the library, and the library after a browser restart.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, projectRoot, sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import { ExtensionDriver } from './extension';
import { endSession, shots, startSession } from './session';
import { expectSeedAnalysed } from './seed-expectations';

let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;

beforeAll(async () => {
  ({ server, ext, driver } = await startSession({ '/seed/': join(sharedDir, 'fixtures/seed'), '/demo/': join(projectRoot, 'tests/fixtures/demo'), '/corpus/': join(sharedDir, 'corpus/pages') }, '/seed/index.html'));
});

afterAll(() => endSession({ server, ext }));

describe('the seed article', () => {
  it('is detected, analysed and highlighted in the article body only', async () => {
    const { page, tabId, state } = await driver.openArticle(`${server.origin}/seed/index.html`);
    const highlights = await driver.highlights(tabId);
    expectSeedAnalysed(state, highlights);
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

  it('lists the related prior events in the side panel, the required ones in the first five', async () => {
    const { tabId, state } = await driver.openArticle(`${server.origin}/seed/index.html`);
    const panel = await driver.openExtensionPage('sidepanel', tabId);
    await panel.setViewportSize({ width: 420, height: 1000 });
    const items = panel.getByTestId('related-event');
    await items.first().waitFor();
    const ids = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id') ?? ''));
    expect(ids).toEqual(state.analysis!.related.map((r) => r.id));
    const top5 = ids.slice(0, 5);
    for (const wanted of [/^2025-08-15-.*alaska/, /^2025-10-16-.*call/, /^2025-10-17-/, /^2025-10-20-.*rubio-lavrov/]) {
      expect(top5.some((id) => wanted.test(id)), `${wanted} in ${top5.join(', ')}`).toBe(true);
    }
    await expect.poll(() => panel.getByTestId('actor').count()).toBeGreaterThan(10);
    await panel.screenshot({ path: join(shots, 'sidepanel.png'), fullPage: true });

    // How it unfolded: the call that set up the summit, the summit, and its calling off, oldest first, each joined by its link.
    const steps = panel.getByTestId('chain-step');
    const chain = await steps.evaluateAll((els) => els.map((el) => `${el.querySelector('.chain-link')?.textContent ?? ''}|${el.getAttribute('data-event-id')}`));
    expect(chain.length, chain.join('; ')).toBeGreaterThanOrEqual(3);
    expect(chain.map((s) => s.split('|')[0] === ''), chain.join('; ')).toEqual(chain.map((_, i) => i === 0));
    const calledOff = chain.findIndex((s) => /^Cancelled by\|2025-10-22-/.test(s));
    expect(calledOff, chain.join('; ')).toBeGreaterThan(0);
    expect(chain[calledOff - 1], chain.join('; ')).toMatch(/budapest/);
    await panel.getByTestId('chain').screenshot({ path: join(shots, 'sidepanel-chain.png') });

    // An event page with its sources, and back.
    await items.filter({ hasText: 'Alaska' }).first().getByRole('button').first().click();
    const eventPage = panel.getByTestId('event-page');
    await eventPage.waitFor();
    expect(await eventPage.getByTestId('event-sources').locator('a[href^="http"]').count()).toBeGreaterThan(0);
    await panel.screenshot({ path: join(shots, 'sidepanel-event.png'), fullPage: true });
    await panel.getByTestId('back').click();
    await items.first().waitFor();
    await panel.close();
  });

  it('saves the article from the popup and finds it in the library, also after a restart', async () => {
    const { page, tabId } = await driver.openArticle(`${server.origin}/seed/index.html`);
    const popup = await driver.openExtensionPage('popup', tabId);
    await popup.setViewportSize({ width: 380, height: 700 });
    await expect.poll(() => popup.getByTestId('related-event').count()).toBe(2);
    expect(await popup.getByTestId('actor').count()).toBeGreaterThan(3);
    await popup.screenshot({ path: join(shots, 'popup.png'), fullPage: true });
    await popup.getByTestId('save-article').click();
    await expect.poll(async () => (await driver.waitForTabState(tabId)).saved).toBe(true);
    await popup.screenshot({ path: join(shots, 'popup-saved.png'), fullPage: true });

    const library = await driver.openExtensionPage('library');
    const rows = library.getByTestId('saved-article');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Trump Calls Off Putin Talks');
    await library.screenshot({ path: join(shots, 'library.png'), fullPage: true });
    await Promise.all([page.close(), popup.close(), library.close()]);

    // The library lives in IndexedDB: it is still there after the browser restarts.
    await ext.close(true);
    ext = await launchWithExtension(ext.profile);
    driver = new ExtensionDriver(ext);
    const reopened = await driver.openExtensionPage('library');
    await reopened.getByTestId('saved-article').first().waitFor();
    expect(await reopened.getByTestId('saved-article').first().textContent()).toContain('Trump Calls Off Putin Talks');
    await reopened.close();
  });
});

describe('a page that is not an article', () => {
  it('is left alone: no highlights, and the popup says so', async () => {
    const { tabId, state } = await driver.openArticle(`${server.origin}/demo/front-page.html`);
    expect(state.status).toBe('not-article');
    expect(await driver.highlights(tabId)).toEqual([]);
    const popup = await driver.openExtensionPage('popup', tabId);
    await popup.getByTestId('status').first().waitFor();
    expect(await popup.getByTestId('related-event').count()).toBe(0);
    await popup.screenshot({ path: join(shots, 'popup-not-article.png'), fullPage: true });
    await popup.close();
  });
});
