/**
 * Page cost (part of `npm run bench`): what the content script costs each page of
 * ../shared/corpus, run under Node on jsdom: detection, extraction and the second look
 * (detectArticle, extractArticle, measureBody, confirmArticle), beside the baseline measured
 * in the same run: Readability's own parse of a copy of the page, which any reader view pays.
 * jsdom is slower than a browser; the ratio is what compares from run to run (the long tasks
 * in Chromium are measured by the end-to-end tests). PAGE_COST_EVERY=n reads every n-th page
 * only. Prints figures; asserts nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { confirmArticle, detectArticle, measureBody } from '../../utils/article/detect-article';
import { extractArticle } from '../../utils/article/extract-article';
import { parsePage } from '../../utils/cli/parse-page';
import { record } from './figures';

const pages = fileURLToPath(new URL('../../../shared/corpus/pages/', import.meta.url));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

function main(): void {
  const all = readdirSync(pages).filter((f) => f.endsWith('.html') && !f.endsWith('.expected.html')).sort();
  // PAGE_COST_EVERY=n reads every n-th page only (npm run bench: 3, to stay within minutes on 2 cores).
  const every = Math.max(1, Number(process.env.PAGE_COST_EVERY ?? 1));
  const files = all.filter((_, i) => i % every === 0);
  const ours: number[] = [];
  const readability: number[] = [];
  let worst = { file: '', ms: 0 };
  // One page first, not counted: the first run compiles the code.
  extractArticle(parsePage(readFileSync(pages + files[0]!)));
  for (const file of files) {
    const doc = parsePage(readFileSync(pages + file));
    // Readability's copy is made before anything reads the page (it is left as it was, but not timed).
    const copy = doc.cloneNode(true) as Document;
    let start = performance.now();
    const verdict = detectArticle(doc);
    const extracted = verdict.isArticle ? extractArticle(doc) : null;
    if (extracted) confirmArticle(verdict, measureBody(extracted.root, extracted.text.length));
    const ms = performance.now() - start;
    ours.push(ms);
    if (ms > worst.ms) worst = { file, ms };
    start = performance.now();
    new Readability(copy).parse();
    readability.push(performance.now() - start);
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`${files.length} corpus pages under jsdom: detect + extract + confirm median ${fmt(percentile(ours, 50))}, p95 ${fmt(percentile(ours, 95))}, max ${fmt(worst.ms)} (${worst.file}), total ${fmt(total(ours))}`);
  console.log(`baseline, Readability's parse of a copy: median ${fmt(percentile(readability, 50))}, p95 ${fmt(percentile(readability, 95))}, total ${fmt(total(readability))}`);
  const area = 'page cost';
  record({ area, name: `read a page (jsdom), median of ${files.length}`, value: percentile(ours, 50), unit: 'ms', baseline: { name: 'Readability parse, median', value: percentile(readability, 50) } });
  record({ area, name: `read a page (jsdom), p95 of ${files.length}`, value: percentile(ours, 95), unit: 'ms', baseline: { name: 'Readability parse, p95', value: percentile(readability, 95) } });
  record({ area, name: `read a page (jsdom), worst: ${worst.file.replace(/\.html$/, '')}`, value: worst.ms, unit: 'ms' });
}

main();
