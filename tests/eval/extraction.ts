/**
 * `npm run -s eval:extraction [-- --json] [-- --verbose] [-- --page SUBSTRING]`
 * How true the extension's article text is (issue 17, "The article's true text"): word-level
 * precision, recall and F1 (utils/article/text-overlap.ts) of the text `analyze` reads on each
 * news page of ../shared/corpus against the page's reference text, and, in the same run,
 * the same figures for Readability's own `textContent` on the same page.
 *
 * The `scrapinghub-*` references are hand-made article bodies (the fair test); the
 * `readability-*` references are Readability's own output, so Readability scores near 1 there
 * by construction. What is measured of ours is the body of `article.text`: the references hold
 * no headline, and Readability's textContent has none either. A page that `analyze` does not
 * take for an article scores 0 (its text is empty), as it would for the reader.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { confirmArticle, detectArticle, measureBody } from '../../utils/article/detect-article';
import { extractArticle } from '../../utils/article/extract-article';
import { wordDifference, wordOverlap, type Overlap } from '../../utils/article/text-overlap';
import { parsePage } from '../../utils/cli/parse-page';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

interface ManifestPage {
  file: string;
  kind: 'news-article' | 'not-article';
  language: string;
  expected_text_file: string;
}

/** One page's figures. */
export interface ExtractionRow {
  /** File name without folder and `.html`: "scrapinghub-bbc-com-c7e39ac49fa1". */
  page: string;
  /** Who made the reference: by hand (scrapinghub) or Readability itself. */
  reference: 'hand-made' | 'readability';
  language: string;
  ours: Overlap;
  readability: Overlap;
  /** The body text we measured and Readability's, for reading a poor score. */
  oursText: string;
  readabilityText: string;
  referenceText: string;
}

/** Mean, minimum and count below the bar of one set of rows. */
export interface ExtractionSummary {
  pages: number;
  meanF1: number;
  minF1: number;
  /** The page with the lowest F1 ('' when there are no pages). */
  minPage: string;
  below: number;
  readabilityMeanF1: number;
}

/** Pages under this F1 are counted in the summary (issue 17's floor). */
export const F1_FLOOR = 0.8;

/** The article body `analyze` reads on `doc` (detect, extract, confirm); '' when it reads none. */
function readBody(doc: Document): string {
  const verdict = detectArticle(doc);
  const extracted = verdict.isArticle ? extractArticle(doc) : null;
  if (!extracted || !confirmArticle(verdict, measureBody(extracted.root, extracted.text.length)).isArticle) return '';
  return extracted.text.slice(extracted.bodyStart);
}

/** Readability's textContent with its default options on a copy of `doc`; '' when it finds nothing. */
function readWithReadability(doc: Document): string {
  return new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
}

/**
 * The figures for every news page of the corpus (or those whose name contains `only`), in
 * manifest order; [] when none match.
 */
export function measureExtraction(only?: string): ExtractionRow[] {
  const manifest = JSON.parse(readFileSync(`${corpus}manifest.json`, 'utf8')) as ManifestPage[];
  const rows: ExtractionRow[] = [];
  for (const entry of manifest) {
    if (entry.kind !== 'news-article') continue;
    const page = entry.file.split('/').pop()!.replace(/\.html$/, '');
    if (only && !page.includes(only)) continue;
    const referenceText = readFileSync(`${corpus}${entry.expected_text_file}`, 'utf8');
    const html = readFileSync(`${corpus}${entry.file}`);
    // One parse each: extraction must see the page as loaded, untouched by Readability's run.
    const oursText = readBody(parsePage(html));
    const readabilityText = readWithReadability(parsePage(html));
    rows.push({
      page,
      reference: page.startsWith('scrapinghub-') ? 'hand-made' : 'readability',
      language: entry.language,
      ours: wordOverlap(oursText, referenceText),
      readability: wordOverlap(readabilityText, referenceText),
      oursText,
      readabilityText,
      referenceText,
    });
  }
  return rows;
}

/** The summary of `rows`; zeros when there are none. */
export function summarizeExtraction(rows: ExtractionRow[]): ExtractionSummary {
  const n = rows.length;
  const mean = (pick: (r: ExtractionRow) => number) => (n ? rows.reduce((a, r) => a + pick(r), 0) / n : 0);
  const lowest = rows.reduce<ExtractionRow | null>((low, r) => (!low || r.ours.f1 < low.ours.f1 ? r : low), null);
  return {
    pages: n,
    meanF1: mean((r) => r.ours.f1),
    minF1: lowest?.ours.f1 ?? 0,
    minPage: lowest?.page ?? '',
    below: rows.filter((r) => r.ours.f1 < F1_FLOOR).length,
    readabilityMeanF1: mean((r) => r.readability.f1),
  };
}

/** The summary line of one set of pages. */
export function formatSummary(label: string, s: ExtractionSummary): string {
  return (
    `${label}: ${s.pages} pages, mean F1 ${s.meanF1.toFixed(3)}, min ${s.minF1.toFixed(3)} (${s.minPage}), ` +
    `${s.below} below ${F1_FLOOR.toFixed(2)}; Readability mean F1 ${s.readabilityMeanF1.toFixed(3)}`
  );
}

/** The table and both summary lines, as `npm run eval:extraction` prints them. */
export function formatExtraction(rows: ExtractionRow[]): string {
  const f = (x: number) => x.toFixed(2).padStart(5);
  const lines = [`${'page'.padEnd(44)} ours: P     R     F1   | Readability F1`];
  for (const r of rows) lines.push(`${r.page.padEnd(44)}       ${f(r.ours.precision)} ${f(r.ours.recall)} ${f(r.ours.f1)} | ${f(r.readability.f1)}`);
  lines.push(formatSummary('hand-made references (scrapinghub-*)', summarizeExtraction(rows.filter((r) => r.reference === 'hand-made'))));
  lines.push(formatSummary("Readability's references (readability-*)", summarizeExtraction(rows.filter((r) => r.reference === 'readability'))));
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false }, page: { type: 'string' } },
  });
  const rows = measureExtraction(values.page);
  if (values.json) {
    const handMade = rows.filter((r) => r.reference === 'hand-made');
    const byReadability = rows.filter((r) => r.reference === 'readability');
    const pages = rows.map(({ page, reference, language, ours, readability }) => ({ page, reference, language, ours, readability }));
    process.stdout.write(`${JSON.stringify({ pages, summary: { handMade: summarizeExtraction(handMade), readability: summarizeExtraction(byReadability) } }, null, 2)}\n`);
    return;
  }
  console.log(formatExtraction(rows));
  if (values.verbose) {
    for (const r of rows.filter((row) => row.ours.f1 < 1)) {
      const d = wordDifference(r.oursText, r.referenceText, 25);
      console.log(`\n${r.page} (F1 ${r.ours.f1.toFixed(3)})`);
      console.log(`  missing: ${d.missing.map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(' ')}`);
      console.log(`  extra:   ${d.extra.map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(' ')}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
