/**
 * The popup, side panel and library in a real Chromium, for the seed article: no serious or
 * critical axe-core violations in light and dark, keyboard use, screenshots of each surface
 * in both themes, no sideways scrolling at 200% zoom, and how fast the side panel shows the
 * related events.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, projectRoot, requireInputs, servePages, sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import { ExtensionDriver } from './extension';
import {
  THEMES,
  describeViolations,
  focusOutline,
  overflowsAtDoubleZoom,
  panelTiming,
  resetZoom,
  seriousViolations,
  tabUntil,
  useTheme,
  watchFirstRelatedEvent,
} from './ui-pages';

const shots = join(projectRoot, 'test-output/screenshots');
let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;
let seedTabId: number;

beforeAll(async () => {
  requireInputs();
  mkdirSync(shots, { recursive: true });
  server = await servePages({ '/seed/': join(sharedDir, 'fixtures/seed') });
  ext = await launchWithExtension();
  driver = new ExtensionDriver(ext);
  const { tabId } = await driver.openArticle(`${server.origin}/seed/index.html`);
  seedTabId = tabId;
  // The library shows the seed article saved.
  const popup = await driver.openExtensionPage('popup', seedTabId);
  await popup.getByTestId('save-article').click();
  await popup.locator('[data-testid=save-article][data-saved=true]').waitFor();
  await popup.close();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const zoomed = await overflowsAtDoubleZoom(page);
  expect(zoomed.overflows, `${what} at 200%: scrollWidth ${zoomed.scrollWidth} > ${zoomed.innerWidth}`).toBe(false);
}

async function openPanel(theme: (typeof THEMES)[number]): Promise<Page> {
  const panel = await driver.openExtensionPage('sidepanel', seedTabId);
  await useTheme(panel, theme);
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.getByTestId('related-event').first().waitFor();
  return panel;
}

describe.each(THEMES)('in the %s colour scheme', (theme) => {
  it('the popup is accessible, fits at 200% zoom and is screenshot', async () => {
    const popup = await driver.openExtensionPage('popup', seedTabId);
    await useTheme(popup, theme);
    await popup.setViewportSize({ width: 360, height: 640 });
    await popup.getByTestId('related-event').first().waitFor();
    await expectAccessible(popup, `popup (${theme})`);
    await popup.screenshot({ path: join(shots, `ui-popup-${theme}.png`), fullPage: true });
    await expectNoSidewaysScroll(popup, 'popup');
    await popup.close();
  });

  it('the side panel overview, an actor page and an event page are accessible', async () => {
    const panel = await openPanel(theme);
    await expectAccessible(panel, `side panel overview (${theme})`);
    await panel.screenshot({ path: join(shots, `ui-sidepanel-${theme}.png`), fullPage: true });
    await expectNoSidewaysScroll(panel, 'side panel overview');
    await resetZoom(panel);

    await panel.getByTestId('open-actor').first().click();
    await panel.getByTestId('entity-page').waitFor();
    await expectAccessible(panel, `actor page (${theme})`);
    await panel.screenshot({ path: join(shots, `ui-sidepanel-actor-${theme}.png`), fullPage: true });
    await panel.getByTestId('back').click();

    await panel.getByTestId('related-event').first().getByRole('button').click();
    await panel.getByTestId('event-page').waitFor();
    await expectAccessible(panel, `event page (${theme})`);
    await panel.screenshot({ path: join(shots, `ui-sidepanel-event-${theme}.png`), fullPage: true });
    await expectNoSidewaysScroll(panel, 'event page');
    await panel.close();
  });

  it('the library is accessible, fits at 200% zoom and is screenshot', async () => {
    const library = await driver.openExtensionPage('library');
    await useTheme(library, theme);
    await library.setViewportSize({ width: 1000, height: 900 });
    await library.getByTestId('saved-article').first().waitFor();
    await expectAccessible(library, `library (${theme})`);
    await library.screenshot({ path: join(shots, `ui-library-${theme}.png`), fullPage: true });
    await expectNoSidewaysScroll(library, 'library');
    await library.close();
  });
});

describe('the side panel with the keyboard', () => {
  it('opens the first related event with Enter and goes back with the keyboard', async () => {
    const panel = await openPanel('light');
    await panel.bringToFront();
    const firstEvent = panel.getByTestId('related-event').first();
    const eventId = await firstEvent.getAttribute('data-event-id');
    expect(await tabUntil(panel, '[data-testid=related-event] button')).toBe(true);
    expect(await panel.evaluate(() => document.activeElement?.closest('[data-testid=related-event]')?.getAttribute('data-event-id'))).toBe(eventId);
    expect((await focusOutline(panel)).style).not.toBe('none');

    await panel.keyboard.press('Enter');
    const eventPage = panel.getByTestId('event-page');
    await eventPage.waitFor();
    expect(await eventPage.getAttribute('data-event-id')).toBe(eventId);

    expect(await tabUntil(panel, '[data-testid=back]', { backwards: true })).toBe(true);
    expect((await focusOutline(panel)).style).not.toBe('none');
    await panel.keyboard.press('Space');
    await firstEvent.waitFor();
    // Focus returns to the control that opened the page.
    expect(await panel.evaluate(() => document.activeElement?.closest('[data-testid=related-event]')?.getAttribute('data-event-id'))).toBe(eventId);
    await panel.close();
  });
});

describe('the side panel speed', () => {
  it('shows the related events of an analysed tab soon after it opens', async () => {
    const figures = [];
    for (let i = 0; i < 3; i++) {
      const panel = await ext.context.newPage();
      await watchFirstRelatedEvent(panel);
      await panel.goto(driver.url('sidepanel', seedTabId));
      figures.push(await panelTiming(panel));
      await panel.close();
    }
    for (const f of figures) {
      console.log(`side panel: DOMContentLoaded ${f.domContentLoaded.toFixed(1)} ms, first related event ${f.firstRelatedEvent.toFixed(1)} ms after navigation start`);
    }
    expect(figures.every((f) => f.firstRelatedEvent > 0)).toBe(true);
  });
});
