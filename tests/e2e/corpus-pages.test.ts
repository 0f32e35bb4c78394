/**
 * Every page of ../shared/corpus, served on 127.0.0.1 and loaded in one Chromium with the
 * built extension, one after the other (issue 20, "Proved on real pages"): no exception from
 * the extension, highlights only on article pages and only in the article body (each
 * highlight's block of text is part of the page's reference article text), each highlight's
 * live text equal to its mention's, the page's DOM unchanged (its serialisation at parse
 * time and after the extension read it are equal, our shadow host aside), and on the pages
 * with gold files the highlighted entities equal those of the analysis the command line makes
 * of the same page (`npm run analyze`: the same modules under jsdom).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analysis/analyze-document';
import { parsePage } from '../../utils/cli/parse-page';
import { loadKnowledgeBase } from '../../utils/kb/load-pack-file';
import { launchWithExtension, projectRoot, requireInputs, servePages, sharedDir, type ExtensionBrowser, type PageServer } from './browser';
import { watchExtensionErrors } from './extension-errors';
import { ExtensionDriver } from './extension';
import { endSession } from './session';
import { staleHighlights, watchState } from './watch-driver';

interface CorpusEntry {
  file: string;
  kind: 'news-article' | 'not-article';
  expected_text_file?: string;
  title?: string;
  readability_metadata?: { title?: string };
}

const corpus = JSON.parse(readFileSync(join(sharedDir, 'corpus/manifest.json'), 'utf8')) as CorpusEntry[];
const goldPages = new Set(
  ['readability-bbc-1', 'scrapinghub-cbsnews-com-7a664e40d256', 'scrapinghub-nytimes-com-702d1da63b8e'].filter((name) => {
    try {
      const gold = JSON.parse(readFileSync(join(sharedDir, `gold/${name}.json`), 'utf8')) as { page: string };
      return gold.page.endsWith(`${name}.html`);
    } catch {
      return false;
    }
  }),
);
/** Share of a highlight's block's words that must be words of the reference article: the rest may be a caption or a line the reference leaves out. */
const IN_ARTICLE_SHARE = 0.7;
/** Wait for one page's reading at most this long (ms). */
const PAGE_WAIT_MS = 40_000;

let server: PageServer;
let ext: ExtensionBrowser;
let driver: ExtensionDriver;
/** One line per page as the suite goes (test-output/corpus-pages.txt). */
const progress = join(projectRoot, 'test-output/corpus-pages.txt');
/** The entities highlighted on each gold page, for the last test. */
const highlighted = new Map<string, Set<string>>();

beforeAll(async () => {
  mkdirSync(join(projectRoot, 'test-output'), { recursive: true });
  writeFileSync(progress, '');
  requireInputs();
  // The saved pages keep some of their sites' inline scripts, which change their own DOM: a content
  // security policy stops them (not the content script, which a page's policy does not reach), so
  // that any change of the DOM would be the extension's.
  server = await servePages({ '/corpus/': join(sharedDir, 'corpus/pages'), '/seed/': join(sharedDir, 'fixtures/seed') }, { 'content-security-policy': "script-src 'none'" });
  ext = await launchWithExtension();
  driver = new ExtensionDriver(ext);
  // The saved pages still name scripts, fonts and images on their sites: refused at once, as offline (no request may leave 127.0.0.1).
  await ext.context.route((url) => url.protocol.startsWith('http') && url.origin !== server.origin, (route) => route.abort());
  // The first install of the bundled pack, as long as it takes on a busy machine.
  await driver.warmUp(`${server.origin}/seed/index.html`, 280_000);
  // Before any page script or the content script runs (at document_idle), each page keeps its own parse.
  await ext.context.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') (window as unknown as { __parsed: string }).__parsed = document.documentElement.outerHTML;
    });
  });
}, 300_000);

afterAll(() => endSession({ server, ext }));

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const nameOf = (file: string) => file.replace(/^pages\//, '').replace(/\.html$/, '');
/** Where two serialisations first differ, with some context; null when they are equal. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i} of ${a.length}/${b.length}: “${a.slice(Math.max(0, i - 80), i + 120)}” became “${b.slice(Math.max(0, i - 80), i + 120)}”`;
}

/** Our own elements, which the serialisation leaves out: the card's shadow host. */
const withoutOurs = (html: string) => html.replace(/<backstory-[a-z-]+[^>]*>(?:<\/backstory-[a-z-]+>)?/g, '');

describe('every corpus page with the extension', () => {
  it.each(corpus.map((e) => [nameOf(e.file), e] as const))('%s', async (name, entry) => {
    const started = Date.now();
    const page = await ext.context.newPage();
    const watch = await watchExtensionErrors(ext.context, page);
    await page.goto(`${server.origin}/corpus/${name}.html`, { waitUntil: 'load' });
    const tabId = await driver.tabIdOf(page);
    const state = await driver.waitForTabState(tabId, PAGE_WAIT_MS);
    const highlights = await driver.highlights(tabId, PAGE_WAIT_MS);
    const report = await watchState(ext, tabId);
    if (goldPages.has(name)) highlighted.set(name, new Set(highlights.map((h) => h.entityId)));

    expect(watch.errors).toEqual([]);
    expect(state.status, state.error).not.toBe('failed');
    expect(staleHighlights(report)).toEqual([]);
    expect(report.highlights.length).toBe(highlights.length);
    if (entry.kind === 'not-article') expect(highlights).toEqual([]);

    // In the article body: each highlight's block of text is (nearly all) words of the reference article.
    // The reference texts leave the headline out; the article's text starts with it.
    const headline = `${entry.title ?? ''} ${entry.readability_metadata?.title ?? ''}`;
    const reference = new Set(words(`${headline} ${readFileSync(join(sharedDir, 'corpus', entry.expected_text_file ?? `pages/${name}.expected.txt`), 'utf8')}`));
    const outside = report.highlights.filter((h) => {
      const w = words(h.block);
      return w.filter((x) => reference.has(x)).length < w.length * IN_ARTICLE_SHARE;
    });
    expect(outside.map((h) => `${h.mention} in “${h.block.slice(0, 120)}”`)).toEqual([]);

    // The page as parsed, before the content script ran, and now: the same DOM and text.
    const { parsed, now } = await page.evaluate(() => ({ parsed: (window as unknown as { __parsed?: string }).__parsed ?? null, now: document.documentElement.outerHTML }));
    expect(parsed, 'the parse-time snapshot').not.toBeNull();
    expect(firstDifference(withoutOurs(parsed!), withoutOurs(now)), 'the DOM is unchanged').toBeNull();

    appendFileSync(progress, `${name}: ${state.status}, ${highlights.length} highlights, ${Date.now() - started} ms\n`);
    await watch.stop();
    await page.close();
  });

  it('highlights on the gold pages the entities the analysis names', () => {
    expect([...highlighted.keys()].sort()).toEqual([...goldPages].sort());
    const kb = loadKnowledgeBase();
    for (const [name, ids] of highlighted) {
      const analysis = analyzeDocument(parsePage(readFileSync(join(sharedDir, `corpus/pages/${name}.html`))), kb, {});
      // Highlights paint name mentions (nominal phrases are off by default, demonyms are never painted).
      const named = new Set(analysis.mentions.filter((m) => m.kind === 'name').map((m) => m.entity.id));
      expect([...ids].sort(), name).toEqual([...named].sort());
    }
  }, 180_000);
});
