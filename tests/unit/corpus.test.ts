/**
 * Article detection and extraction on the real pages of ../shared/corpus: the verdict for
 * every page, and how much of each article's reference text the extraction keeps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confirmArticle, detectArticle, measureBody } from '../../utils/article/detect-article';
import { extractArticle } from '../../utils/article/extract-article';
import { locateOffset } from '../../utils/article/collect-text';
import { parsePage } from '../../utils/cli/parse-page';
import { tokenize } from '../../utils/text/tokenize';

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
const KNOWN_WRONG_VERDICT: Record<string, string> = {
  'pages/readability-ehow-1.html': 'a how-to page that declares og:type article',
};
/** Pages where Readability itself keeps the wrong part (the print-only header). */
const KNOWN_POOR_EXTRACTION = new Set(['pages/readability-medicalnewstoday.html']);

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
  return counts;
}

function recall(expected: string, got: string): number {
  const e = bag(expected);
  const g = bag(got);
  let hit = 0;
  let all = 0;
  for (const [word, n] of e) {
    hit += Math.min(n, g.get(word) ?? 0);
    all += n;
  }
  return all ? hit / all : 1;
}

describe('the real page corpus', () => {
  const results = pages.map((page) => {
    const doc = parsePage(readFileSync(`${corpus}${page.file}`));
    const verdict = detectArticle(doc);
    const extracted = verdict.isArticle ? extractArticle(doc) : null;
    const final = extracted ? confirmArticle(verdict, measureBody(extracted.root, extracted.text.length)) : verdict;
    return { page, isArticle: final.isArticle && extracted !== null, extracted };
  });

  it('tells news articles from other pages', () => {
    const wrong = results.filter((r) => r.isArticle !== (r.page.kind === 'news-article')).map((r) => r.page.file);
    expect(wrong.sort()).toEqual(Object.keys(KNOWN_WRONG_VERDICT).sort());
  });

  it('keeps most of each article’s reference text (word recall ≥ 0.8 on every space-separated language page)', () => {
    const spaced = results.filter((r) => r.page.kind === 'news-article' && !['zh', 'ja'].includes(r.page.language) && !KNOWN_POOR_EXTRACTION.has(r.page.file));
    const low = spaced
      .map((r) => ({ file: r.page.file, recall: recall(readFileSync(`${corpus}${r.page.expected_text_file}`, 'utf8'), r.extracted?.text ?? '') }))
      .filter((r) => r.recall < 0.8);
    expect(low).toEqual([]);
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
