/**
 * The reader's history in a real Chromium (issue 18): three articles on the Russia–Ukraine
 * peace talks of 2025 read in sequence (two demo pages of ours, then the seed article), the
 * third listing the first two under "You read about this" with their reasons; an unrelated
 * article listing none; and Clear history in the library taking them away, in the open panel
 * too. Screenshots: test-output/screenshots/history-*.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import type { ExtensionDriver } from './extension';
import { endSession, shots, startSession } from './session';
import { screenshotWhole } from './ui-pages';

let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;

/** Follow-ups of our demo Alaska page, days after it: the same matter read again and again (a thread of the history). */
const followUps = [
  { day: '2025-08-19', title: 'Three days after Alaska, Kyiv asks what the summit agreed' },
  { day: '2025-08-23', title: 'A week after the Alaska summit, talk of a Moscow round' },
  { day: '2025-08-30', title: 'Two weeks on, the Alaska summit leaves Europe waiting' },
];
const threadDir = join(projectRoot, 'test-output/thread-pages');

beforeAll(async () => {
  const page = readFileSync(join(projectRoot, 'tests/fixtures/demo/alaska-summit.html'), 'utf8');
  mkdirSync(threadDir, { recursive: true });
  followUps.forEach(({ day, title }, i) =>
    writeFileSync(join(threadDir, `follow-up-${i + 1}.html`), page.replaceAll('2025-08-16', day).replaceAll('Alaska summit ends without a deal as Putin proposes Moscow for the next round', title)),
  );
  // The warm-up page is the unrelated one (the Guardian on whale strandings, 2019): it is the first story kept.
  ({ server, ext, driver } = await startSession(
    { '/demo/': join(projectRoot, 'tests/fixtures/demo'), '/thread/': threadDir, '/seed/': join(sharedDir, 'fixtures/seed'), '/corpus/': join(sharedDir, 'corpus/pages') },
    '/corpus/readability-guardian-1.html',
  ));
});

afterAll(() => endSession({ server, ext }));

const istanbul = () => `${server.origin}/demo/istanbul-talks.html`;
const alaska = () => `${server.origin}/demo/alaska-summit.html`;
const seed = () => `${server.origin}/seed/index.html`;

/** Reads an article in a new tab and waits until the history has been read for it; returns its tab and what it listed. */
async function read(url: string): Promise<{ tabId: number; readBefore: { url: string; reasons: string[] }[] }> {
  const { tabId } = await driver.openArticle(url);
  let readBefore: { url: string; reasons: string[] }[] | undefined;
  await expect
    .poll(
      async () => {
        const state = (await driver.waitForTabState(tabId)) as { analysis: { readBefore?: typeof readBefore } | null };
        readBefore = state.analysis?.readBefore;
        return readBefore !== undefined;
      },
      { timeout: 30_000, interval: 200 },
    )
    .toBe(true);
  return { tabId, readBefore: readBefore! };
}

describe('the reader’s history', () => {
  it('lists the two earlier articles on the peace talks for the third, with their reasons, and none for an unrelated one', async () => {
    expect((await read(istanbul())).readBefore).toEqual([]);
    expect((await read(alaska())).readBefore.map((s) => s.url)).toEqual([istanbul()]);
    const third = await read(seed());
    expect(third.readBefore.map((s) => s.url)).toEqual([alaska(), istanbul()]);

    const panel = await driver.openExtensionPage('sidepanel', third.tabId);
    await panel.setViewportSize({ width: 420, height: 1000 });
    const section = panel.getByTestId('read-before');
    await section.waitFor();
    expect(await section.locator('h2').textContent()).toBe('You read about this');
    const stories = section.getByTestId('read-before-story');
    expect(await stories.evaluateAll((items) => items.map((li) => li.getAttribute('data-url')))).toEqual([alaska(), istanbul()]);
    const alaskaReasons = await stories.nth(0).locator('.reasons li').allTextContents();
    expect(alaskaReasons).toContain('both are about “Trump–Putin summit in Alaska (Anchorage)”');
    const istanbulReasons = await stories.nth(1).locator('.reasons li').allTextContents();
    expect(istanbulReasons.find((r) => r.startsWith('both speak of'))).toContain('ceasefire');
    expect(await stories.nth(0).locator('a').textContent()).toBe('Alaska summit ends without a deal as Putin proposes Moscow for the next round');
    await section.screenshot({ path: join(shots, 'history-read-before.png') });
    await screenshotWhole(panel, join(shots, 'history-panel.png'));
    await panel.close();

    // Libération on the Nepal earthquake (2015): nothing of the peace talks, nor of the whales.
    const unrelated = await read(`${server.origin}/corpus/readability-liberation-1.html`);
    expect(unrelated.readBefore).toEqual([]);
    const other = await driver.openExtensionPage('sidepanel', unrelated.tabId);
    await other.getByTestId('site-history').waitFor();
    expect(await other.getByTestId('read-before').count()).toBe(0);
    await other.close();
  });

  it('groups the articles on one matter read days apart into a thread in the library, which the reader names and makes an event', async () => {
    for (let i = 1; i <= followUps.length; i++) await read(`${server.origin}/thread/follow-up-${i}.html`);
    const library = await driver.openExtensionPage('library');
    const thread = library.getByTestId('history-thread').first();
    await thread.waitFor();
    const urls = await thread.locator('details a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (let i = 1; i <= followUps.length; i++) expect(urls).toContain(`${server.origin}/thread/follow-up-${i}.html`);
    expect(urls).not.toContain(seed());
    // Named by the matter itself, not by the older summit its stories recall.
    expect(await thread.locator('details summary').textContent()).toMatch(/Alaska/);
    await thread.locator('details summary').click();
    await thread.getByTestId('history-thread-name').fill('After the Alaska summit');
    await library.getByTestId('history-threads').screenshot({ path: join(shots, 'history-threads.png') });
    await thread.getByTestId('history-thread-make').click();
    await expect.poll(() => thread.getByTestId('history-thread-added').textContent()).toBe('Added to your knowledge base as “After the Alaska summit”.');
    await library.close();
  });

  it('clearing the history in the library removes them, from the open panel too', async () => {
    const { tabId, readBefore } = await read(seed());
    // (the follow-ups of the thread test are about the Alaska summit too)
    expect(readBefore.map((s) => s.url)).toEqual(expect.arrayContaining([alaska(), istanbul()]));
    const panel = await driver.openExtensionPage('sidepanel', tabId);
    await panel.getByTestId('read-before-story').first().waitFor();

    const library = await driver.openExtensionPage('library');
    const count = library.getByTestId('history-count');
    await count.waitFor();
    expect(await library.getByTestId('history-story').count()).toBeGreaterThanOrEqual(4);
    await library.getByTestId('history').screenshot({ path: join(shots, 'history-library.png') });
    // Clear asks first; "Keep" keeps every story.
    const stories = await library.getByTestId('history-story').count();
    await library.getByTestId('clear-history').click();
    await library.getByTestId('clear-history-confirm').waitFor();
    await library.getByTestId('clear-history-confirm').getByRole('button', { name: 'Keep' }).click();
    expect(await library.getByTestId('history-story').count()).toBe(stories);
    await library.getByTestId('clear-history').click();
    await library.getByTestId('clear-history-yes').click();
    await expect.poll(() => count.textContent()).toBe('0 articles in your history');
    await expect.poll(() => panel.getByTestId('read-before').count()).toBe(0);

    // Read again after clearing: the seed is the only story, and lists nothing.
    expect((await read(seed())).readBefore).toEqual([]);
    await library.close();
    await panel.close();
  });
});
