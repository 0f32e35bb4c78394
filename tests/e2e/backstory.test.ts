/**
 * The side panel's backstory in a real Chromium (issue 18): a good related list with its
 * reasons for the seed article, "what happened next" folded after a few items, an event the
 * reader marks "not related" gone for good from that article, and the honest empty panel for
 * a story the knowledge base has no earlier events of, with what the reader can do instead.
 * Screenshots go to test-output/screenshots/backstory-*.png.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import type { ExtensionDriver } from './extension';
import { endSession, shots, startSession } from './session';
import { screenshotWhole } from './ui-pages';

let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;

beforeAll(async () => {
  ({ server, ext, driver } = await startSession({ '/seed/': join(sharedDir, 'fixtures/seed'), '/corpus/': join(sharedDir, 'corpus/pages') }, '/seed/index.html'));
});

afterAll(() => endSession({ server, ext }));

describe('the backstory in the side panel', () => {
  it('lists the seed article\'s earlier events with their reasons, and only a few of what happened next', async () => {
    const { tabId } = await driver.openArticle(`${server.origin}/seed/index.html`);
    const panel = await driver.openExtensionPage('sidepanel', tabId);
    await panel.setViewportSize({ width: 420, height: 1000 });
    const items = panel.getByTestId('related-event');
    await items.first().waitFor();
    const reasons = await items.first().locator('.reasons li').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('later-event').count()).toBeGreaterThan(0);
    // Three shown; the rest folded behind "Show N more", closed.
    const visibleLater = await panel.locator('[data-testid=later-event]:visible').count();
    expect(visibleLater).toBeLessThanOrEqual(3);
    if ((await panel.getByTestId('more-later').count()) > 0) {
      expect(await panel.getByTestId('more-later').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    }
    await screenshotWhole(panel, join(shots, 'backstory-related-light.png'));
    await panel.close();
  });

  it('forgets an event the reader marks "not related", for that article, when it is read again', async () => {
    const { tabId } = await driver.openArticle(`${server.origin}/seed/index.html`);
    const panel = await driver.openExtensionPage('sidepanel', tabId);
    const items = panel.getByTestId('related-event');
    await items.first().waitFor();
    const last = panel.locator('[data-testid=related-event]:visible').last();
    const dismissed = (await last.getAttribute('data-event-id'))!;
    await last.getByTestId('dismiss-event').click();
    await expect.poll(() => panel.locator(`[data-testid=related-event][data-event-id="${dismissed}"]`).count()).toBe(0);
    // The same article in another tab is analysed anew, and the event stays out.
    const again = await driver.openArticle(`${server.origin}/seed/index.html`);
    expect(again.tabId).not.toBe(tabId);
    expect(again.state.analysis?.related.map((r) => r.id)).not.toContain(dismissed);
    await panel.close();
  });

  it('says plainly when no earlier event matches the story, and offers a search and the library', async () => {
    // CNN on a Stanford report about poverty and mobility in ten countries (1 February 2016): places and
    // bodies the knowledge base knows, no earlier event of it. (The Telegraph on Zimbabwe's 2017 coup served
    // here until the pack learnt that coup and Mnangagwa's sacking.)
    const { tabId, state } = await driver.openArticle(`${server.origin}/corpus/readability-cnn.html`);
    expect(state.analysis?.entities.length).toBeGreaterThan(0);
    expect(state.analysis?.related.map((r) => `${r.date} ${r.title}: ${r.reasons.join('; ')}`)).toEqual([]);
    const panel = await driver.openExtensionPage('sidepanel', tabId);
    await panel.setViewportSize({ width: 420, height: 900 });
    const empty = panel.getByTestId('no-backstory');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No earlier events in your knowledge base match this story');
    expect(await panel.getByTestId('add-events').getAttribute('href')).toMatch(/library\.html$/);
    await screenshotWhole(panel, join(shots, 'backstory-empty-light.png'));
    await panel.getByTestId('search-backstory').click();
    await expect.poll(() => panel.getByTestId('search').inputValue()).not.toBe('');
    await panel.close();
  });
});
