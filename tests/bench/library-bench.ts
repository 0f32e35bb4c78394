/**
 * `npm run bench:library` (issue 21): the saved-articles library at 10,000 articles, in
 * fake-indexeddb under Node (not Chromium: absolute times differ; the shape of the costs is
 * what this shows). The articles are made from the corpus's news pages: each page's reference
 * text and Readability's expected HTML (sanitised as saving does), varied per copy (a unique
 * word, its paragraphs in another order, tags, a note on some), under addresses of their own.
 *
 * Prints: save time per article (index not loaded, as a worker that has not searched), the
 * first search (which builds the index from every article), the index written to Dexie, a
 * fresh worker's library open (the first 200 listed with their filters) and its first search
 * (the index loaded from its shards), search latency p50/p95 over word queries, one more
 * save with its shard written, export and import of the whole backup, the database's size
 * (the JSON size of its rows: fake-indexeddb has no file) and the index's heap. Asserts nothing.
 * LIBRARY_ARTICLES changes the size.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { LibraryStore } from '../../utils/background/library-store';
import { BackstoryDb } from '../../utils/db';
import { cleanArticleHtml } from '../../utils/library/article-html';
import type { SavedCapture } from '../../utils/library/capture-article';
import { record } from './figures';

const ARTICLES = Number(process.env.LIBRARY_ARTICLES ?? 10_000);
const QUERIES = 300;
const corpus = new URL('../../../shared/corpus/pages/', import.meta.url);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
const mb = (chars: number) => `${(chars / 1e6).toFixed(1)} MB`;

/** A deterministic random number generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BasePage {
  name: string;
  title: string;
  site: string;
  text: string;
  html: string | null;
}

/** The corpus's news pages as reference text and (where Readability's expected HTML exists) sanitised HTML. */
function basePages(): BasePage[] {
  const manifest = JSON.parse(readFileSync(new URL("../manifest.json", corpus), "utf8")) as { file: string; kind: string; title: string; url: string | null; expected_text_file: string }[];
  const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
  const files = new Set(readdirSync(corpus));
  return manifest
    .filter((p) => p.kind === 'news-article')
    .map((p) => {
      const name = p.file.replace(/^pages\//, '').replace(/\.html$/, '');
      const text = readFileSync(new URL(`../${p.expected_text_file}`, corpus), 'utf8');
      const html = files.has(`${name}.expected.html`) ? cleanArticleHtml(purify, readFileSync(new URL(`${name}.expected.html`, corpus), 'utf8')) : null;
      return { name, title: p.title, site: p.url ? new URL(p.url).hostname.replace(/^www\./, '') : name.split('-')[1]!, text: `${p.title}\n\n${text}`, html };
    });
}

const TAGS = ['politics', 'economy', 'europe', 'asia', 'climate', 'tech', 'health', 'sport', 'to-read', 'sources'];

/** Article number `i`: a corpus page varied so that no two are the same. */
function articleOf(pages: BasePage[], i: number, random: () => number): { capture: SavedCapture; tags: string[]; note: string } {
  const page = pages[i % pages.length]!;
  const [headline, ...paragraphs] = page.text.split(/\n\s*\n/);
  for (let n = paragraphs.length - 1; n > 0; n--) {
    const m = Math.floor(random() * (n + 1));
    [paragraphs[n], paragraphs[m]] = [paragraphs[m]!, paragraphs[n]!];
  }
  const url = `https://${page.site}/${page.name}/${i}`;
  const capture: SavedCapture = {
    url,
    canonicalUrl: url,
    title: `${page.title} (${i})`,
    byline: null,
    site: page.site,
    published: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    text: [`${headline} (${i})`, `Copy number story${i}.`, ...paragraphs].join('\n\n'),
    html: page.html,
    events: [],
  };
  const tags = TAGS.filter(() => random() < 0.15);
  const note = random() < 0.2 ? `Note ${i}: follow up on ${paragraphs[0]?.split(' ').slice(0, 6).join(' ') ?? ''}` : '';
  return { capture, tags, note };
}

/** Queries made of words of the corpus texts: one word, two words, a prefix being typed. */
function queriesFrom(pages: BasePage[], random: () => number): string[] {
  const words = [...new Set(pages.flatMap((p) => p.text.split(/[^\p{L}]+/u)).filter((w) => w.length >= 5))];
  const pick = () => words[Math.floor(random() * words.length)]!.toLowerCase();
  return Array.from({ length: QUERIES }, (_, n) => (n % 3 === 0 ? pick() : n % 3 === 1 ? `${pick()} ${pick()}` : pick().slice(0, 4)));
}

/** The JSON size of every row of the library's tables (characters). */
async function librarySize(db: BackstoryDb): Promise<{ articles: number; bodies: number; index: number }> {
  const size = async (table: { each(f: (row: unknown) => void): Promise<void> }) => {
    let chars = 0;
    await table.each((row) => void (chars += JSON.stringify(row).length));
    return chars;
  };
  return { articles: await size(db.articles), bodies: await size(db.articleBodies), index: await size(db.searchShards) };
}

async function main(): Promise<void> {
  console.log(`library benchmark: ${ARTICLES} articles, fake-indexeddb under Node ${process.version}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
  const random = seeded(21);
  const pages = basePages();
  console.log(`made from ${pages.length} corpus news pages (${pages.filter((p) => p.html).length} with HTML)`);
  const db = new BackstoryDb(`bench-library-${process.pid}`);
  await db.open();
  let clock = Date.UTC(2026, 0, 1);
  const store = new LibraryStore(db, () => new Date((clock += 1000)));

  const saves: number[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const { capture, tags, note } = articleOf(pages, i, random);
    const started = performance.now();
    await store.save(capture, { entities: [], events: [] });
    if (tags.length || note) await store.update(capture.canonicalUrl, { tags, note });
    saves.push(performance.now() - started);
  }
  const saveTotal = saves.reduce((a, b) => a + b, 0);
  console.log(`save: ${s(saveTotal)} for all, p50 ${ms(percentile(saves, 50))}, p95 ${ms(percentile(saves, 95))} per article (tags and note included where given)`);
  record({ area: 'library', name: 'save p95', value: percentile(saves, 95), unit: 'ms' });

  let started = performance.now();
  await store.query({ text: 'government' });
  const build = performance.now() - started;
  started = performance.now();
  await store.persistIndex();
  const write = performance.now() - started;
  console.log(`first search, building the index from every article: ${s(build)}; writing its 16 shards: ${s(write)}`);

  // A fresh worker: open the library (list and filters), then its first search loads the index from Dexie.
  const fresh = new LibraryStore(db, () => new Date((clock += 1000)));
  started = performance.now();
  const page = await fresh.query({});
  const open = performance.now() - started;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  await fresh.index();
  const load = performance.now() - started;
  global.gc?.();
  const indexHeap = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  console.log(`library open (first ${page.articles.length} of ${page.total} listed, ${page.sites.length} sites, ${page.tags.length} tags): ${ms(open)}; index loaded from Dexie: ${s(load)}`);
  record({ area: 'library', name: 'library open', value: open, unit: 'ms' });
  record({ area: 'library', name: 'index load', value: load, unit: 'ms' });
  console.log(`the loaded index takes ${indexHeap.toFixed(0)} MB of heap (measured with --expose-gc)`);
  record({ area: 'library', name: 'index heap', value: indexHeap, unit: 'MB' });

  const queries = queriesFrom(pages, random);
  const search = await fresh.index();
  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const t0 = performance.now();
    hits += search.search(query).length;
    times.push(performance.now() - t0);
  }
  console.log(`search (index in memory, ${QUERIES} queries, ${Math.round(hits / QUERIES)} hits on average): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (target p95 ≤ 30 ms)`);
  record({ area: 'library', name: 'search p50', value: percentile(times, 50), unit: 'ms' });
  record({ area: 'library', name: 'search p95', value: percentile(times, 95), unit: 'ms' });
  const listed: number[] = [];
  for (const query of queries.slice(0, 50)) {
    const t0 = performance.now();
    await fresh.query({ text: query });
    listed.push(performance.now() - t0);
  }
  console.log(`search and list (queryLibrary: the index, then every article's summary read and filtered, 50 queries): p50 ${ms(percentile(listed, 50))}, p95 ${ms(percentile(listed, 95))}`);

  const { capture } = articleOf(pages, ARTICLES, random);
  started = performance.now();
  await fresh.save(capture, { entities: [], events: [] });
  const oneSave = performance.now() - started;
  started = performance.now();
  await fresh.persistIndex();
  console.log(`one more save with the index loaded: ${ms(oneSave)}; its shard written: ${ms(performance.now() - started)}`);

  started = performance.now();
  let backup = '';
  for await (const chunk of fresh.exportBackup()) backup += chunk;
  const exported = performance.now() - started;
  console.log(`export: ${s(exported)}, ${mb(backup.length)} of JSON`);
  record({ area: 'library', name: 'export', value: exported, unit: 'ms' });

  const target = new BackstoryDb(`bench-library-import-${process.pid}`);
  const restored = new LibraryStore(target, () => new Date());
  started = performance.now();
  const report = await restored.importBackup(backup);
  const imported = performance.now() - started;
  console.log(`import into an empty library: ${s(imported)} (${report.added} added)`);
  record({ area: 'library', name: 'import', value: imported, unit: 'ms' });

  const size = await librarySize(db);
  console.log(`database size (JSON of the rows): articles ${mb(size.articles)}, texts and HTML ${mb(size.bodies)}, search index ${mb(size.index)}; total ${mb(size.articles + size.bodies + size.index)}`);
  record({ area: 'library', name: 'database size', value: (size.articles + size.bodies + size.index) / 1e6, unit: 'MB' });
  global.gc?.();
  console.log(`heap in use at the end: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB (fake-indexeddb holds both databases in memory, and two stores hold an index each)`);
}

await main();
