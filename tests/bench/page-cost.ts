/**
 * Page cost (`npm run bench:page`, and part of `npm run bench`): what the content script costs
 * each page of ../shared/corpus in Chromium with the built extension (issue 20, "Measured").
 * For each page, the content script's main-thread time (detect, extract, highlight, watch),
 * which it measures itself with performance.now() around each stretch of its work and reports
 * through watchState; long tasks from a PerformanceObserver('longtask') in the page, counted
 * as the extension's when one of its stretches ran inside them; the time from the page's
 * start to its first highlight; and, as the baseline of the same run, the same page's
 * Readability clone + parse in the page (what any reader view pays). Also the content-script
 * bundle's size gzipped. PAGE_COST_EVERY=n reads every n-th page only. Prints figures and
 * writes them to bench-output/page-cost.json; asserts nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { MainThreadCost } from '../../utils/page/main-thread-meter';
import { extensionDir, launchWithExtension, projectRoot, requireInputs, servePages, sharedDir } from '../e2e/browser';
import { ExtensionDriver } from '../e2e/extension';
import { record } from './figures';

const percentile = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))]! : NaN);
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
/** The web platform's long-task threshold (ms). */
const LONG_TASK_MS = 50;
/** Wait for one page at most this long (ms). */
const PAGE_WAIT_MS = 30_000;

interface PageFigures {
  page: string;
  status: string;
  /** The content script's main-thread time (ms), all phases. */
  mainThreadMs: number;
  phases: MainThreadCost['phases'];
  /** Long tasks (ms) in which the content script's work ran. */
  ourLongTasks: number[];
  /** Every long task on the page (ms), whoever caused it. */
  allLongTasks: number[];
  readabilityMs: number;
  /** From the start of navigation to the first highlight (ms); null when none was painted. */
  firstHighlightMs: number | null;
  /** From the load event to the first highlight (ms); null when none was painted. */
  loadToHighlightMs: number | null;
  highlights: number;
}

interface CorpusEntry {
  file: string;
  kind: string;
}

async function main(): Promise<void> {
  requireInputs();
  const corpus = JSON.parse(readFileSync(join(sharedDir, 'corpus/manifest.json'), 'utf8')) as CorpusEntry[];
  const every = Math.max(1, Number(process.env.PAGE_COST_EVERY ?? 1));
  const entries = corpus.filter((_, i) => i % every === 0);
  const readabilitySource = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
  const bundle = readFileSync(join(extensionDir, 'content-scripts/content.js'));
  const bundleGzipKb = gzipSync(bundle, { level: 9 }).length / 1024;

  // The saved pages keep some inline scripts of their sites, half-working without the rest: stopped, so that the page's own work does not blur ours.
  const server = await servePages({ '/corpus/': join(sharedDir, 'corpus/pages'), '/seed/': join(sharedDir, 'fixtures/seed') }, { 'content-security-policy': "script-src 'none'" });
  const ext = await launchWithExtension();
  const driver = new ExtensionDriver(ext);
  const results: PageFigures[] = [];
  try {
    // The bundled pack's first install is not a page's cost.
    await driver.warmUp(`${server.origin}/seed/index.html`, 300_000);
    // The saved pages still name scripts, fonts and images on their sites: refused at once, as offline.
    await ext.context.route((url) => url.protocol.startsWith('http') && url.origin !== server.origin, (route) => route.abort());
    await ext.context.addInitScript(() => {
      const tasks: [number, number][] = [];
      (window as unknown as { __longTasks: [number, number][] }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    for (const entry of entries) {
      const name = entry.file.replace(/^pages\//, '').replace(/\.html$/, '');
      const page = await ext.context.newPage();
      try {
        await page.goto(`${server.origin}/corpus/${name}.html`, { waitUntil: 'load', timeout: PAGE_WAIT_MS });
        const tabId = await driver.tabIdOf(page);
        const state = await driver.waitForTabState(tabId, PAGE_WAIT_MS);
        const highlights = await driver.highlights(tabId, PAGE_WAIT_MS);
        const report = (await ext.worker.evaluate(async (id) => chrome.tabs.sendMessage(id, { backstory: 'watchState', data: {} }), tabId)) as { ok: boolean; value?: { cost: MainThreadCost } };
        if (!report.ok || !report.value) throw new Error('no watchState reply');
        const { cost } = report.value;
        const { longTasks, loadEnd } = await page.evaluate(() => ({
          longTasks: (window as unknown as { __longTasks: [number, number][] }).__longTasks,
          loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0,
        }));
        const ours = longTasks.filter(([start, duration]) => cost.spans.some(([s, e]) => s < start + duration && e > start)).map(([, d]) => d);
        // The baseline, in the same page: Readability on a clone of the document, as the content script runs it.
        // (Evaluated through the DevTools protocol, which the page's script policy does not stop; first use, as the content script's.)
        const readabilityMs = (await page.evaluate(`(() => { ${readabilitySource}
          const started = performance.now();
          new Readability(document.cloneNode(true)).parse();
          return performance.now() - started; })()`)) as number;
        const mainThreadMs = Object.values(cost.phases).reduce((a, b) => a + b, 0);
        results.push({
          page: name,
          status: state.status,
          mainThreadMs,
          phases: cost.phases,
          ourLongTasks: ours,
          allLongTasks: longTasks.map(([, d]) => d),
          readabilityMs,
          firstHighlightMs: cost.firstHighlightAt,
          loadToHighlightMs: cost.firstHighlightAt === null ? null : cost.firstHighlightAt - loadEnd,
          highlights: highlights.length,
        });
        const r = results[results.length - 1]!;
        console.log(`${name}: ${r.status}, main thread ${fmt(mainThreadMs)} (detect ${fmt(cost.phases.detect)}, extract ${fmt(cost.phases.extract)}, highlight ${fmt(cost.phases.highlight)}, watch ${fmt(cost.phases.watch)}), Readability ${fmt(readabilityMs)}, our long tasks [${ours.map(Math.round).join(', ')}], ${r.highlights} highlights${r.firstHighlightMs === null ? '' : ` at ${fmt(r.firstHighlightMs)}`}`);
      } catch (error) {
        console.log(`${name}: not measured (${(error as Error).message.split('\n')[0]})`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await ext.close();
    await server.close();
  }

  const main = results.map((r) => r.mainThreadMs);
  const articles = results.filter((r) => r.status === 'article').map((r) => r.mainThreadMs);
  const others = results.filter((r) => r.status !== 'article').map((r) => r.mainThreadMs);
  const readability = results.map((r) => r.readabilityMs);
  const ourLong = results.flatMap((r) => r.ourLongTasks).filter((d) => d > LONG_TASK_MS);
  const firstHighlight = results.flatMap((r) => (r.firstHighlightMs === null ? [] : [r.firstHighlightMs]));
  const loadToHighlight = results.flatMap((r) => (r.loadToHighlightMs === null ? [] : [r.loadToHighlightMs]));
  const figures = {
    date: new Date().toISOString(),
    pages: results.length,
    mainThread: { median: percentile(main, 50), p95: percentile(main, 95), max: Math.max(...main) },
    articlePages: { count: articles.length, median: percentile(articles, 50), p95: percentile(articles, 95) },
    otherPages: { count: others.length, median: percentile(others, 50), max: others.length ? Math.max(...others) : NaN },
    readability: { median: percentile(readability, 50), p95: percentile(readability, 95), max: Math.max(...readability) },
    longTasks: { count: ourLong.length, worst: ourLong.length ? Math.max(...ourLong) : 0 },
    firstHighlight: { fromNavigationMedian: percentile(firstHighlight, 50), fromNavigationP95: percentile(firstHighlight, 95), fromLoadMedian: percentile(loadToHighlight, 50), fromLoadP95: percentile(loadToHighlight, 95) },
    contentScript: { bytes: bundle.length, gzipKb: bundleGzipKb },
    perPage: results,
  };
  const dir = join(projectRoot, 'bench-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'page-cost.json'), `${JSON.stringify(figures, null, 1)}\n`);

  const area = 'page cost';
  record({ area, name: `content script main thread, median of ${results.length} pages`, value: figures.mainThread.median, unit: 'ms', baseline: { name: 'Readability clone + parse, median', value: figures.readability.median } });
  record({ area, name: `content script main thread, p95 of ${results.length} pages`, value: figures.mainThread.p95, unit: 'ms', baseline: { name: 'Readability clone + parse, p95', value: figures.readability.p95 } });
  record({ area, name: 'long tasks with the content script in them', value: ourLong.length, unit: 'count' });
  record({ area, name: 'navigation to first highlight, median', value: figures.firstHighlight.fromNavigationMedian, unit: 'ms' });
  record({ area, name: 'content script bundle, gzipped', value: bundleGzipKb, unit: 'KB' });

  console.log(`\ncontent-script bundle: ${(bundle.length / 1024).toFixed(1)} KB, ${bundleGzipKb.toFixed(1)} KB gzipped (target ≤ 30 KB)`);
  console.log(`article pages (${articles.length}): main thread median ${fmt(figures.articlePages.median)}, p95 ${fmt(figures.articlePages.p95)}; other pages (${others.length}): median ${fmt(figures.otherPages.median)}, max ${fmt(figures.otherPages.max)} (target ≤ 1 ms)`);
  console.log(`first highlight: median ${fmt(figures.firstHighlight.fromNavigationMedian)} (p95 ${fmt(figures.firstHighlight.fromNavigationP95)}) after navigation began, median ${fmt(figures.firstHighlight.fromLoadMedian)} (p95 ${fmt(figures.firstHighlight.fromLoadP95)}) after the load event`);
  console.log(`worst long task with the content script in it: ${fmt(figures.longTasks.worst)}; figures written to bench-output/page-cost.json`);
  console.log(`page: main thread median ${figures.mainThread.median.toFixed(1)} ms, p95 ${figures.mainThread.p95.toFixed(1)} ms; Readability median ${figures.readability.median.toFixed(1)} ms, p95 ${figures.readability.p95.toFixed(1)} ms; long tasks ${ourLong.length}; pages ${results.length}`);
}

await main();
