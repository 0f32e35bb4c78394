/**
 * Saving sanitises in the background, not in the page (issue 20: DOMPurify left the content
 * script). A page we write, whose article carries an `<img onerror>`, `javascript:` links, a
 * script and an inline handler, is saved from the popup; Chrome's service worker has the HTML
 * sanitised in its offscreen document, and the copy read back through the library page has
 * none of them, with the article's words and its good link. The offscreen document refuses a
 * content script. An article whose HTML is past the capture's bound is saved with its text
 * only, and the popup says so. Screenshots: test-output/screenshots/save-sanitised-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveGenerated } from './adversarial-pages';
import { launchWithExtension, projectRoot, requireInputs, type ExtensionBrowser } from './browser';
import { ContentWorld } from './content-world';
import { ExtensionDriver } from './extension';
import { shots } from './session';
import { screenshotWhole } from './ui-pages';

const demo = readFileSync(join(projectRoot, 'tests/fixtures/demo/alaska-summit.html'), 'utf8');
const FIRST_PARAGRAPH = '<p>ANCHORAGE, Alaska &mdash;';
const HOSTILE =
  '<p>Officials briefed reporters <a href="javascript:window.pwned=1">behind the hangar</a> after the talks, and shared a ' +
  '<a href="https://meridianpost.example/world/alaska-map">map of the base</a>.</p>' +
  '<p onmouseover="window.pwned=2">Photographers waited <img src=x onerror="window.pwned=3"> on the tarmac for an hour.</p>' +
  '<script>window.pwned = 4</script>';

/** The demo article with hostile markup inside its body. */
const hostilePage = demo.replace(FIRST_PARAGRAPH, `${HOSTILE}\n${FIRST_PARAGRAPH}`);

/**
 * The demo article with a paragraph of spans carrying long data attributes after each of its
 * paragraphs: Readability's HTML of it is past the capture's bound (800,000 characters) while its
 * text stays within what Backstory reads.
 */
function bloatedPage(): string {
  const span = `<span data-tracking="${'t'.repeat(400)}">word</span> `;
  const bloat = `<p>Related coverage follows. ${span.repeat(300)}</p>`;
  return demo.replace(/<\/p>/g, `</p>\n${bloat}`).replace('<title>Alaska summit', '<title>Bloated Alaska summit');
}

const REPORTED_CANONICAL = 'https://meridianpost.example/world/2025/08/16/alaska-summit-no-deal';

let ext: ExtensionBrowser;
let driver: ExtensionDriver;
let server: Awaited<ReturnType<typeof serveGenerated>>;

beforeAll(async () => {
  requireInputs();
  server = await serveGenerated({ '/hostile.html': hostilePage, '/bloated.html': bloatedPage(), '/warm-up.html': demo });
  ext = await launchWithExtension();
  driver = new ExtensionDriver(ext);
  await driver.warmUp(`${server.origin}/warm-up.html`, 280_000);
}, 300_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Saves the article of `path` from the popup; returns the popup's note after saving and the page. */
async function saveFromPopup(path: string) {
  const { page, tabId, state } = await driver.openArticle(`${server.origin}${path}`);
  expect(state.status).toBe('article');
  const popup = await driver.openExtensionPage('popup', tabId);
  await popup.getByTestId('save-article').click();
  await popup.locator('[data-testid=save-article][data-saved=true]').waitFor();
  const note = await popup.getByTestId('save-note').textContent({ timeout: 1000 }).catch(() => null);
  return { page, popup, note };
}

const offscreenDocuments = () =>
  ext.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map((c) => (c as { documentUrl?: string }).documentUrl));

describe('saving sanitises in the background (issue 20)', () => {
  it('stores a hostile article without its script, handlers or javascript: links, read back through the library', async () => {
    const { page, popup, note } = await saveFromPopup('/hostile.html');
    expect(note).toBeNull();
    // Chrome: sanitised in the offscreen document, opened for the save and kept open a while.
    expect(await offscreenDocuments()).toEqual([`chrome-extension://${ext.extensionId}/offscreen.html`]);

    // A content script's message reaches the offscreen document too: refused.
    const world = await ContentWorld.of(ext.context, page);
    const refused = await world.send({ backstory: 'sanitizeArticleHtml', data: { html: '<p>x</p>' } });
    expect(refused).toEqual({ ok: false, error: "accepted only from Backstory's background" });
    await world.close();
    await popup.close();
    await page.close();

    const library = await driver.openExtensionPage('library');
    await library.setViewportSize({ width: 1000, height: 900 });
    const row = library.locator(`[data-testid=saved-article][data-url="${REPORTED_CANONICAL}"]`);
    await row.getByTestId('read-article').click();
    const copy = library.getByTestId('reader-copy');
    await copy.waitFor();
    const text = await copy.textContent();
    expect(text).toContain('Officials briefed reporters behind the hangar after the talks');
    expect(text).toContain('Photographers waited');
    expect(text).toContain('Donald Trump and Vladimir Putin talked for close to three hours');
    const found = await copy.evaluate((el) => ({
      links: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      handlers: el.querySelectorAll('[onmouseover], [onerror], [onclick]').length,
      scripts: el.querySelectorAll('script').length,
      // Images stay, their addresses parked until the reader allows them; `src=x` (not a web address) is dropped.
      fetching: el.querySelectorAll('img[src]').length,
      html: el.innerHTML,
    }));
    expect(found.links).toEqual(['https://meridianpost.example/world/alaska-map']);
    expect(found).toMatchObject({ handlers: 0, scripts: 0, fetching: 0 });
    expect(found.html).not.toMatch(/javascript:|pwned/);
    // What is stored, not only what is shown: the saved article's HTML as the background keeps it.
    const stored = (await library.evaluate(async (url) => (await chrome.runtime.sendMessage({ backstory: 'getArticle', data: { url } })) as { ok: boolean; value: { html: string | null } }, REPORTED_CANONICAL));
    expect(stored.ok).toBe(true);
    expect(stored.value.html).toContain('Officials briefed reporters');
    expect(stored.value.html).not.toMatch(/javascript:|pwned|onerror|onmouseover|<script/);
    expect(await library.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await screenshotWhole(library, join(shots, 'save-sanitised-reader.png'));
    await library.close();
  });

  it('saves an article whose HTML is past the bound with its text only, and the popup says so', async () => {
    const { page, popup, note } = await saveFromPopup('/bloated.html');
    expect(note).toMatch(/too large to keep a copy of; its text is in your library/);
    await screenshotWhole(popup, join(shots, 'save-sanitised-popup-note.png'));
    await popup.close();
    await page.close();
    const library = await driver.openExtensionPage('library');
    const stored = (await library.evaluate(async (url) => (await chrome.runtime.sendMessage({ backstory: 'getArticle', data: { url } })) as { ok: boolean; value: { html: string | null; text: string; title: string } }, REPORTED_CANONICAL));
    expect(stored.ok).toBe(true);
    expect(stored.value.html).toBeNull();
    expect(stored.value.text).toContain('Donald Trump and Vladimir Putin talked for close to three hours');
    await library.close();
  });
});
