/**
 * Article detection and extraction on the real pages of ../shared/corpus: every saved page is
 * read without an error, the verdict for every page, and how close each article's extracted
 * text comes to its reference text (word overlap, utils/article/text-overlap.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confirmArticle, detectArticle, measureBody } from '../../utils/article/detect-article';
import { extractArticle } from '../../utils/article/extract-article';
import { locateOffset } from '../../utils/article/collect-text';
import { parsePage } from '../../utils/cli/parse-page';
import { wordOverlap } from '../../utils/article/text-overlap';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
if (!existsSync(corpus)) throw new Error(`../shared/corpus not found at ${corpus}: these tests read the real pages from it`);

interface Page {
  file: string;
  kind: 'news-article' | 'not-article';
  language: string;
  expected_text_file: string;
}
const pages = JSON.parse(readFileSync(`${corpus}manifest.json`, 'utf8')) as Page[];
/** Known misses, each with the reason we accept it for now. */
const KNOWN_WRONG_VERDICT: Record<string, string> = {};
/**
 * Pages whose Readability reference (Readability's own output) holds much that we leave out on
 * purpose, with the reason. The hand-made references are the fair test of that choice.
 */
const KNOWN_LOW_RECALL: Record<string, string> = {
  'pages/readability-yahoo-2.html': 'a third of its reference is a slideshow caption, written out twice',
};

/** Reads one page as `analyze` does: parse, detect, extract, confirm; also extracts a page that is no article. */
function read(file: string) {
  const doc = parsePage(readFileSync(`${corpus}${file}`));
  const verdict = detectArticle(doc);
  const extracted = extractArticle(doc);
  const final = extracted && verdict.isArticle ? confirmArticle(verdict, measureBody(extracted.root, extracted.text.length)) : verdict;
  return { isArticle: final.isArticle && extracted !== null, extracted };
}

describe('the real page corpus', () => {
  const failures: { file: string; error: string }[] = [];
  const results = pages.map((page) => {
    try {
      return { page, ...read(page.file) };
    } catch (error) {
      failures.push({ file: page.file, error: String(error) });
      return { page, isArticle: false, extracted: null };
    }
  });

  it('reads every saved page without an error (also the reference HTML files, also pages that are no article)', () => {
    const listed = new Set(pages.map((p) => p.file));
    for (const name of readdirSync(`${corpus}pages`)) {
      if (!name.endsWith('.html') || listed.has(`pages/${name}`)) continue;
      try {
        read(`pages/${name}`);
      } catch (error) {
        failures.push({ file: `pages/${name}`, error: String(error) });
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('tells news articles from other pages', () => {
    const wrong = results.filter((r) => r.isArticle !== (r.page.kind === 'news-article')).map((r) => r.page.file);
    expect(wrong.sort()).toEqual(Object.keys(KNOWN_WRONG_VERDICT).sort());
  });

  const reference = (r: (typeof results)[number]) => readFileSync(`${corpus}${r.page.expected_text_file}`, 'utf8');
  const body = (r: (typeof results)[number]) => (r.isArticle && r.extracted ? r.extracted.text.slice(r.extracted.bodyStart) : '');

  it('keeps most of each article’s reference text (word recall ≥ 0.8 on every news page)', () => {
    const low = results
      .filter((r) => r.page.kind === 'news-article')
      .map((r) => ({ file: r.page.file, recall: wordOverlap(body(r), reference(r)).recall }))
      .filter((r) => r.recall < 0.8)
      .map((r) => r.file);
    expect(low.sort()).toEqual(Object.keys(KNOWN_LOW_RECALL).sort());
  });

  it('extracts the hand-made article bodies (scrapinghub-*) word for word: mean F1 ≥ 0.95, none below 0.80 (issue 17)', () => {
    const handMade = results.filter((r) => r.page.file.startsWith('pages/scrapinghub-'));
    expect(handMade.length).toBeGreaterThan(10);
    const f1 = handMade.map((r) => ({ file: r.page.file, f1: wordOverlap(body(r), reference(r)).f1 }));
    expect(f1.filter((r) => r.f1 < 0.8)).toEqual([]);
    expect(f1.reduce((a, r) => a + r.f1, 0) / f1.length).toBeGreaterThanOrEqual(0.95);
  });

  it('dates every news article whose address holds its date, when its metadata gives none', () => {
    const dated = results.filter((r) => r.page.kind === 'news-article' && r.extracted);
    const undated = dated.filter((r) => r.extracted!.published === null).map((r) => r.page.file);
    const byAddress = dated.filter((r) => /\/(?:19|20)\d\d\/\d\d\/\d\d\//.test(readFileSync(`${corpus}${r.page.file}`, 'utf8').match(/rel="canonical" href="([^"]+)"/)?.[1] ?? ''));
    expect(byAddress.length).toBeGreaterThan(3);
    expect(undated.filter((f) => byAddress.some((r) => r.page.file === f))).toEqual([]);
    // The Washington Post's page on the Bardo attack has no date in its metadata, only in its address.
    expect(results.find((r) => r.page.file === 'pages/readability-wapo-1.html')?.extracted?.published).toBe('2015-03-18');
  });

  it('maps every character of the extracted body back to the live text node it came from', () => {
    for (const { extracted } of results) {
      if (!extracted) continue;
      for (const seg of extracted.segments) {
        const at = locateOffset(extracted.segments, seg.start);
        expect(at?.node).toBe(seg.node);
        const last = locateOffset(extracted.segments, seg.start + seg.length, true)!;
        const text = extracted.text.slice(seg.start, seg.start + seg.length).replace(/\s+/g, ' ');
        expect(seg.node.data.slice(at!.offset, last.offset).replace(/\s+/g, ' ')).toBe(text);
      }
    }
  });
});
