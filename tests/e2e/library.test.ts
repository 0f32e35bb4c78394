/**
 * The library in a real Chromium (issue 21): two corpus pages saved from the popup (Reuters,
 * whose og:site_name is its section "U.S.", opened with tracking parameters, then saved again
 * without them; and the BBC), read in the reader view from the saved copy, tagged and noted,
 * highlighted with a note (painted on the copy), searched, filtered by an actor chip, exported as a JSON backup, as Markdown
 * and as W3C Web Annotations, removed
 * (with undo), imported back: everything is there again. A bad file changes nothing.
 * Screenshots: test-output/screenshots/library-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import type { ExtensionDriver } from './extension';
import { endSession, shots, startSession } from './session';
import { axeViolations, describeViolations, isSerious, overflowsAtDoubleZoom, resetZoom, screenshotWhole } from './ui-pages';

/** No serious or critical axe violation, and nothing scrolls sideways at 200% zoom. */
async function expectUsable(page: Page, what: string): Promise<void> {
  const serious = (await axeViolations(page)).filter(isSerious);
  expect(serious, `${what}:\n${describeViolations(serious)}`).toEqual([]);
  const zoomed = await overflowsAtDoubleZoom(page);
  await resetZoom(page);
  expect(zoomed.overflows, `${what} scrolls sideways at 200%: ${zoomed.scrollWidth} > ${zoomed.clientWidth}`).toBe(false);
}

let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;

const REUTERS = '/corpus/scrapinghub-reuters-com-57d46c9d751e.html';
const BBC = '/corpus/readability-bbc-1.html';
const REUTERS_CANONICAL = 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W';
const BBC_CANONICAL = 'http://www.bbc.com/news/world-us-canada-33646704';

beforeAll(async () => {
  ({ server, ext, driver } = await startSession({ '/corpus/': join(sharedDir, 'corpus/pages') }));
  // The first article waits for the bundled pack's install: minutes on a machine as loaded as a shared CI.
  await driver.warmUp(`${server.origin}${BBC}`, 280_000);
}, 300_000);

afterAll(() => endSession({ server, ext }));

/** Opens `path` and saves its article from the popup; returns when the popup says it is saved. */
async function saveFromPopup(path: string): Promise<void> {
  const { page, tabId, state } = await driver.openArticle(`${server.origin}${path}`);
  expect(state.status).toBe('article');
  const popup = await driver.openExtensionPage('popup', tabId);
  await popup.getByTestId('save-article').click();
  await popup.locator('[data-testid=save-article][data-saved=true]').waitFor();
  await popup.close();
  await page.close();
}

const rows = (library: Page) => library.getByTestId('saved-article');
const HIGHLIGHTED = 'Oil prices fell sharply on Tuesday on oversupply concerns';
/** The text of the reader's highlights painted on the copy (CSS Custom Highlight API). */
const paintedHighlights = (library: Page) =>
  library.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-reader');
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  });
const rowUrls = (library: Page) => rows(library).evaluateAll((items) => items.map((li) => li.getAttribute('data-url')));

describe('the library', () => {
  let library: Page;
  let backup: string;

  it('saves a corpus page once by its canonical address, with the site from its metadata', async () => {
    await saveFromPopup(`${REUTERS}?utm_source=feed&utm_medium=social&fbclid=x`);
    await saveFromPopup(BBC);
    // The same article without the tracking parameters is known as saved (saving it again would update it: library-store.test.ts).
    const { page, tabId, state } = await driver.openArticle(`${server.origin}${REUTERS}`);
    expect(state.saved).toBe(true);
    const popup = await driver.openExtensionPage('popup', tabId);
    await popup.locator('[data-testid=save-article][data-saved=true]').waitFor();
    await popup.close();
    await page.close();

    library = await driver.openExtensionPage('library');
    await library.setViewportSize({ width: 1000, height: 900 });
    await rows(library).first().waitFor();
    // Newest saved first.
    expect(await rowUrls(library)).toEqual([BBC_CANONICAL, REUTERS_CANONICAL]);
    const reuters = library.locator(`[data-testid=saved-article][data-url="${REUTERS_CANONICAL}"]`);
    expect(await reuters.getByTestId('article-site').textContent()).toBe('Reuters');
    await screenshotWhole(library, join(shots, 'library-list.png'));
    await expectUsable(library, 'library list');
  });

  it('reads the saved copy: sanitised, no image fetched, with its actors', async () => {
    await library.locator(`[data-testid=saved-article][data-url="${REUTERS_CANONICAL}"]`).getByTestId('read-article').click();
    const reader = library.getByTestId('reader');
    await reader.waitFor();
    expect(await reader.getByTestId('reader-site').textContent()).toBe('Reuters');
    expect(await reader.getByTestId('reader-byline').textContent()).toBe('By Rodrigo Campos');
    const copy = reader.getByTestId('reader-copy');
    expect(await copy.textContent()).toContain('Oil prices fell sharply on Tuesday');
    const unsafe = await copy.evaluate((el) => el.querySelectorAll('script, style, iframe, [onclick], [onerror], [style], img[src], a[href^="javascript:"]').length);
    expect(unsafe).toBe(0);
    expect(await reader.getByTestId('actor-chip').count()).toBeGreaterThan(0);

    // Select a passage of the copy and highlight it with a note: it is painted on the copy.
    await copy.evaluate((el, words) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }, HIGHLIGHTED);
    await expect.poll(() => reader.getByTestId('highlight-selection').textContent()).toBe(`Selected: “${HIGHLIGHTED}”`);
    await reader.getByTestId('highlight-note').fill('The lead: oversupply');
    await reader.getByTestId('add-highlight').click();
    await expect.poll(() => reader.getByTestId('reader-highlight').count()).toBe(1);
    expect(await reader.getByTestId('reader-highlight').getAttribute('data-orphan')).toBe('false');
    expect(await paintedHighlights(library)).toEqual([HIGHLIGHTED]);
    await screenshotWhole(library, join(shots, 'library-reader.png'));
    await expectUsable(library, 'library reader view');
  });

  it('keeps tags and a note, and finds the article by them and by its text', async () => {
    const reader = library.getByTestId('reader');
    await reader.getByTestId('article-tags-input').fill('oil, markets');
    await reader.getByTestId('article-note-input').fill('Compare with the OPEC meeting in December.');
    await reader.getByTestId('save-notes').click();
    await expect.poll(() => reader.getByTestId('notes-status').textContent()).toBe('Tags and note saved.');
    await library.getByTestId('reader-back').click();
    const reuters = library.locator(`[data-testid=saved-article][data-url="${REUTERS_CANONICAL}"]`);
    await expect.poll(() => reuters.getByTestId('article-tags').textContent()).toBe('#oil#markets');

    const search = library.getByTestId('library-search');
    // A word of the note, then one only the BBC story's text has, then nothing.
    await search.fill('december meeting');
    await expect.poll(() => rowUrls(library)).toEqual([REUTERS_CANONICAL]);
    await search.fill('kenya');
    await expect.poll(() => rowUrls(library)).toEqual([BBC_CANONICAL]);
    await screenshotWhole(library, join(shots, 'library-search.png'));
    await search.fill('zeppelin');
    await library.getByTestId('library-empty').waitFor();
    await search.fill('');
    await expect.poll(() => rows(library).count()).toBe(2);

    await library.getByTestId('filter-tag').selectOption('oil');
    await expect.poll(() => rowUrls(library)).toEqual([REUTERS_CANONICAL]);
    await library.getByTestId('filter-tag').selectOption('');
    await expect.poll(() => rows(library).count()).toBe(2);
  });

  it('filters by an actor chip', async () => {
    const bbc = rows(library).filter({ hasText: 'Obama' }).first();
    await bbc.locator('[data-entity-id="barack-obama"] button').click();
    await expect.poll(() => library.getByTestId('chip-filter').textContent()).toContain('Barack Obama');
    await expect.poll(() => rows(library).count()).toBe(1);
    await screenshotWhole(library, join(shots, 'library-chip-filter.png'));
    await library.getByTestId('clear-chip-filter').click();
    await expect.poll(() => rows(library).count()).toBe(2);
  });

  it('exports a backup and Markdown, removes everything (with undo), imports the backup: everything is back', async () => {
    await library.getByTestId('storage-facts').waitFor();
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId('export-library').click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-library-\d{4}-\d{2}-\d{2}\.json$/);
    backup = readFileSync((await download.path())!, 'utf8');
    const parsed = JSON.parse(backup) as { format: string; version: number; articles: { url: string; note: string; tags: string[]; html: string | null }[] };
    expect(parsed).toMatchObject({ format: 'backstory-library', version: 1 });
    expect(parsed.articles.map((a) => a.url).sort()).toEqual([BBC_CANONICAL, REUTERS_CANONICAL]);
    expect(parsed.articles.find((a) => a.url === REUTERS_CANONICAL)).toMatchObject({ note: 'Compare with the OPEC meeting in December.', tags: ['oil', 'markets'] });

    const [zip] = await Promise.all([library.waitForEvent('download'), library.getByTestId('export-markdown').click()]);
    const files = unzipSync(readFileSync((await zip.path())!));
    const names = Object.keys(files);
    expect(names).toHaveLength(2);
    const reutersMd = strFromU8(files[names.find((n) => n.startsWith('Oversupply'))!]!);
    expect(reutersMd).toContain(`url: "${REUTERS_CANONICAL}"`);
    expect(reutersMd).toContain('## Note\n\nCompare with the OPEC meeting in December.');
    expect(reutersMd).toContain('  - "oil"');
    expect(reutersMd).toContain(`## Highlights\n\n> ${HIGHLIGHTED}\n\nThe lead: oversupply`);

    // The highlights and notes as W3C Web Annotations: one collection, the quote found in the saved text at its position.
    const [annotations] = await Promise.all([library.waitForEvent('download'), library.getByTestId('export-annotations').click()]);
    expect(annotations.suggestedFilename()).toMatch(/^backstory-annotations-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const collection = JSON.parse(readFileSync((await annotations.path())!, 'utf8')) as {
      '@context': string;
      type: string;
      total: number;
      first: { type: string; items: { type: string; motivation: string; body: unknown; target: string | { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] } }[] };
    };
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
    const [articleNote, highlight] = collection.first.items;
    expect(articleNote).toMatchObject({ type: 'Annotation', motivation: 'commenting', target: REUTERS_CANONICAL });
    expect(articleNote!.body).toEqual([
      { type: 'TextualBody', value: 'Compare with the OPEC meeting in December.', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'oil', format: 'text/plain', purpose: 'tagging' },
      { type: 'TextualBody', value: 'markets', format: 'text/plain', purpose: 'tagging' },
    ]);
    expect(highlight).toMatchObject({ type: 'Annotation', motivation: 'commenting', body: { type: 'TextualBody', value: 'The lead: oversupply', purpose: 'commenting' } });
    const target = highlight!.target as { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
    expect(target.source).toBe(REUTERS_CANONICAL);
    const [quote, position] = target.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: HIGHLIGHTED });
    // Offsets in the text of the reader view's copy, where the highlight was made.
    expect(position).toMatchObject({ type: 'TextPositionSelector' });
    expect(position!.end! - position!.start!).toBe(HIGHLIGHTED.length);

    await library.getByTestId('select-all').check();
    await library.getByTestId('remove-selected').click();
    await library.getByTestId('library-empty').waitFor();
    await library.getByTestId('undo').click();
    await expect.poll(() => rows(library).count()).toBe(2);
    await library.getByTestId('select-all').check();
    await library.getByTestId('remove-selected').click();
    await library.getByTestId('library-empty').waitFor();
    await library.getByRole('button', { name: 'Dismiss' }).click().catch(() => {});

    // A file that is not a backup: refused with a clear message, nothing changes.
    await library.getByTestId('import-library-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect.poll(() => library.getByTestId('backup-status').textContent()).toMatch(/^Nothing was imported\. .*not a Backstory library backup/);
    expect(await library.getByTestId('library-empty').count()).toBe(1);

    await library.getByTestId('import-library-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect.poll(() => library.getByTestId('backup-status').textContent()).toBe('Imported: 2 added, 0 updated, 0 already in your library.');
    await expect.poll(() => rows(library).count()).toBe(2);
    const reuters = library.locator(`[data-testid=saved-article][data-url="${REUTERS_CANONICAL}"]`);
    expect(await reuters.getByTestId('article-note').textContent()).toBe('Compare with the OPEC meeting in December.');
    await library.getByTestId('library-search').fill('december meeting');
    await expect.poll(() => rowUrls(library)).toEqual([REUTERS_CANONICAL]);
    await reuters.getByTestId('read-article').click();
    expect(await library.getByTestId('reader-copy').textContent()).toContain('Oil prices fell sharply on Tuesday');
    // The highlight came back with the backup, anchored again on the copy.
    await expect.poll(() => paintedHighlights(library)).toEqual([HIGHLIGHTED]);
    expect(await library.getByTestId('reader-highlight').getAttribute('data-orphan')).toBe('false');
    await library.getByTestId('reader-back').click();
    await library.getByTestId('library-search').fill('');
    await expect.poll(() => rows(library).count()).toBe(2);
    await screenshotWhole(library, join(shots, 'library-restored.png'));

    // The same backup again: nothing is added twice.
    await library.getByTestId('import-library-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect.poll(() => library.getByTestId('backup-status').textContent()).toBe('Imported: 0 added, 0 updated, 2 already in your library.');
    await expect.poll(() => rows(library).count()).toBe(2);
  });
});
