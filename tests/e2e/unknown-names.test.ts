/**
 * Names the knowledge base does not hold (issue 17) in a real Chromium with the built
 * extension, on a demo article we wrote: the side panel lists them under "Not in your
 * knowledge base", the page never highlights them, and "Add" opens the entity form filled in
 * from the article (name, type, the sentence, the article as source), which adds the entity.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, type ExtensionBrowser, type PageServer } from './browser';
import type { ExtensionDriver } from './extension';
import { endSession, shots, startSession } from './session';
import { axeViolations, describeViolations, isSerious } from './ui-pages';

let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;

beforeAll(async () => {
  ({ server, ext, driver } = await startSession({ '/demo/': join(projectRoot, 'tests/fixtures/demo') }));
});

/** No serious or critical axe-core violation on the page as it is now. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const serious = (await axeViolations(page)).filter(isSerious);
  expect(serious, `${what}:\n${describeViolations(serious)}`).toEqual([]);
}

afterAll(() => endSession({ server, ext }));

describe('names the knowledge base does not hold', () => {
  it('are listed in the side panel, never highlighted, and "Add" opens a form filled in from the article', { timeout: 240_000 }, async () => {
    const url = `${server.origin}/demo/istanbul-talks.html`;
    const page = await ext.context.newPage();
    await page.goto(url);
    const tabId = await driver.tabIdOf(page);
    // The first start installs the bundled pack first: more than the usual wait on a busy machine.
    const state = await driver.waitForTabState(tabId, 110_000);
    expect(state.status).toBe('article');

    const panel = await driver.openExtensionPage('sidepanel', tabId);
    await panel.setViewportSize({ width: 400, height: 1100 });
    const section = panel.getByTestId('unknown-names-section');
    await section.waitFor({ timeout: 20_000 });
    await expect(section.locator('h2').textContent()).resolves.toBe('Not in your knowledge base');
    const row = section.getByTestId('unknown-name').filter({ hasText: 'Dolmabahçe Palace' });
    await expect(row.getByTestId('unknown-name-text').textContent()).resolves.toBe('Dolmabahçe Palace');
    await expect(row.textContent()).resolves.toMatch(/Place/);

    // The page highlights linked mentions only.
    const highlights = await driver.highlights(tabId);
    expect(highlights.length).toBeGreaterThan(0);
    expect(highlights.map((h) => h.text)).not.toContain('Dolmabahçe Palace');
    expect(highlights.every((h) => h.entityId.length > 0)).toBe(true);

    // The sentence it came from, on expand.
    await row.locator('summary').click();
    await expect(row.locator('blockquote').textContent()).resolves.toContain('The talks took place at Dolmabahçe Palace');
    await section.screenshot({ path: join(shots, 'sidepanel-unknown-names.png') });
    await expectAccessible(panel, 'side panel with names not in the knowledge base');

    await row.getByTestId('unknown-name-add').click();
    const form = panel.getByTestId('add-entity-page');
    await form.waitFor();
    await expect(form.getByTestId('entity-name').inputValue()).resolves.toBe('Dolmabahçe Palace');
    await expect(form.getByTestId('entity-type').inputValue()).resolves.toBe('place');
    await expect(form.getByTestId('entity-description').inputValue()).resolves.toContain('The talks took place at Dolmabahçe Palace');
    await expect(form.getByTestId('entity-source').textContent()).resolves.toContain(state.analysis!.article.title);
    await panel.screenshot({ path: join(shots, 'sidepanel-unknown-name-add.png') });
    await expectAccessible(panel, 'the form that adds a name of the article');

    await form.getByTestId('add-entity').click();
    await form.getByTestId('entity-added').waitFor();
    // The new record is in the knowledge base: search finds it.
    await panel.getByTestId('search').fill('Dolmabahçe');
    await panel.locator('[data-testid=search-result][data-entity-id=dolmabahce-palace]').waitFor({ timeout: 10_000 });
  });
});
