/**
 * `npm run bench:kb`: the knowledge base at scale in a real Chromium with the built extension.
 * A synthetic pack (100k entities, 300k names, 50k events by default; KB_ENTITIES and
 * KB_EVENTS change it) is written to a file and imported through the library page, in
 * pieces, as a reader would. We print the import time with its phases, the database size,
 * the service worker's JS heap (read through the DevTools protocol, during and after the
 * import), and the time from a fresh service worker to the first answered lookups.
 * KB_INVALID=1 also imports the same file with one broken reference at its very end, which
 * must be refused with the database unchanged; KB_LIVE=1 collects garbage before each heap
 * reading, to tell live data from garbage not yet collected. Figures only, no assertions.
 * KB_PROFILE=1 prints where the worker and the library page spend their time during the import
 * (CPU profiles through the DevTools protocol); KB_LIVE_AT=<ms> what the worker holds live that
 * long into the import; KB_IMPORT_ONLY=1 stops after the import.
 */

import { writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, projectRoot, requireInputs, servePages } from '../e2e/browser';
import { record } from './figures';
import { syntheticPack } from './synthetic-pack';
import { WorkerProbe, sampleHeap } from './worker-probe';

const size = { entities: Number(process.env.KB_ENTITIES ?? 100_000), aliasesPerEntity: 3, events: Number(process.env.KB_EVENTS ?? 50_000) };
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
}

interface AllocationNode {
  callFrame: CallFrame;
  selfSize: number;
  children: AllocationNode[];
}

/** A function as a profile names it: its name, and its script's file and line. */
const frameName = (frame: CallFrame) => `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}` : ''}`.trim();

/** The `count` largest amounts by function, one line each as `line` writes it. */
function topLines(amounts: Map<string, number>, count: number, line: (amount: number, name: string) => string): string {
  return [...amounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, amount]) => `    ${line(amount, name)}`)
    .join('\n');
}

const addTo = (amounts: Map<string, number>, key: string, amount: number) => amounts.set(key, (amounts.get(key) ?? 0) + amount);

/** The functions that took most of a CPU profile's time by themselves, one line each. */
function topOfProfile(profile: CpuProfile, count = 18): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) addTo(self, frameName(byNode.get(samples[i]!)!.callFrame), (deltas[i + 1] ?? 0) / 1000);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return topLines(self, count, (ms, name) => `${Math.round(ms).toString().padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
}

/** The functions that allocated most in a sampling heap profile, one line each. */
function topAllocations(head: AllocationNode, count = 15): string {
  const self = new Map<string, number>();
  const visit = (node: AllocationNode, caller: string) => {
    // A built-in (no script of its own) is named with its caller: "join" alone says little.
    addTo(self, node.callFrame.url ? frameName(node.callFrame) : `${frameName(node.callFrame)} < ${caller}`, node.selfSize);
    node.children.forEach((child) => visit(child, frameName(node.callFrame)));
  };
  visit(head, '');
  return topLines(self, count, (bytes, name) => `${mb(bytes).padStart(9)}  ${name}`);
}

/**
 * KB_LIVE_AT=<ms>: what the worker holds live that long into the first import (after a
 * forced collection, which also slows that run), by the function that allocated it, from a
 * sampling heap profile started with the import (objects allocated before it are not seen).
 */
async function liveAllocationsAt(probe: WorkerProbe, ms: number, ended: Promise<unknown>): Promise<string> {
  await probe.send('HeapProfiler.startSampling', { samplingInterval: 1 << 14 });
  try {
    const when = await Promise.race([new Promise((ok) => setTimeout(() => ok(`${ms} ms into the import`), ms)), ended.then(() => 'when the import had ended', () => 'when the import had failed')]);
    await probe.send('HeapProfiler.collectGarbage');
    const { profile } = await probe.send<{ profile: { head: AllocationNode } }>('HeapProfiler.getSamplingProfile');
    return `  worker heap live ${when} (sampled), by allocating function:\n${topAllocations(profile.head, 20)}`;
  } finally {
    await probe.send('HeapProfiler.stopSampling');
  }
}

/** KB_PROFILE=1: CPU profiles of the worker and the page around `work`, their top functions printed. */
async function profiled<T>(probe: WorkerProbe, cdp: CDPSession, work: () => Promise<T>): Promise<T> {
  if (!process.env.KB_PROFILE) return work();
  await probe.send('Profiler.enable');
  await probe.send('Profiler.setSamplingInterval', { interval: 500 });
  await probe.send('Profiler.start');
  await probe.send('HeapProfiler.startSampling', { samplingInterval: 1 << 16, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile: allocations } = await probe.send<{ profile: { head: AllocationNode } }>('HeapProfiler.stopSampling');
  console.log(`  worker allocations (sampled, collected ones included), self:\n${topAllocations(allocations.head)}`);
  const { profile: worker } = await probe.send<{ profile: CpuProfile }>('Profiler.stop');
  const { profile: page } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  console.log(`  worker CPU profile, self time:\n${topOfProfile(worker)}`);
  console.log(`  page CPU profile, self time:\n${topOfProfile(page)}`);
  return result;
}

/** Imports a file through the library page; returns seconds, the report text, the heap peak and the heap every half second. */
async function importThroughPage(page: Page, file: string, probe: WorkerProbe, liveAt?: number): Promise<{ seconds: number; outcome: string; peak: number; timeline: string }> {
  const heap = sampleHeap(probe);
  const kb = page.getByTestId('knowledge-base');
  const started = Date.now();
  await kb.getByTestId('import-file').setInputFiles(file);
  const report = kb.getByTestId('import-report');
  const ended = report.waitFor({ timeout: 600_000 });
  const live = liveAt === undefined ? null : liveAllocationsAt(probe, liveAt, ended);
  try {
    await ended;
  } finally {
    if (live) console.log(await live);
  }
  const seconds = (Date.now() - started) / 1000;
  return { seconds, outcome: (await report.innerText()).replace(/\s+/g, ' ').slice(0, 200), ...(await heap.stop()) };
}

/** Stops the service worker, opens a demo article, and prints how long until its analysis is stored; returns the ms. */
async function wakeOnArticle(ext: Awaited<ReturnType<typeof launchWithExtension>>, page: Page, cdp: CDPSession, label: string): Promise<number> {
  const server = await servePages({ '/': join(projectRoot, 'tests/fixtures/demo') });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(500);
  const article = await ext.context.newPage();
  const opened = Date.now();
  await article.goto(`${server.origin}/alaska-summit.html`);
  const url = article.url();
  const analysed = await page.evaluate(async (u) => {
    for (let i = 0; i < 600; i++) {
      const [tab] = await chrome.tabs.query({ url: u });
      const state = tab?.id === undefined ? null : (await chrome.storage.session.get(`tab-${tab.id}`))[`tab-${tab.id}`];
      if (state) return (state as { analysis?: { mentions: unknown[] } }).analysis?.mentions.length ?? 0;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return -1;
  }, url);
  const ms = Date.now() - opened;
  console.log(`${label}: fresh service worker, article opened → analysis stored: ${ms} ms (${analysed} mentions)`);
  await article.close();
  void server.close();
  return ms;
}

async function main(): Promise<void> {
  requireInputs();
  const pack = syntheticPack(size);
  const file = join(tmpdir(), `backstory-synthetic-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(pack));
  console.log(`synthetic pack: ${pack.entities.length} entities, ${pack.entities.reduce((n, e) => n + 1 + e.aliases.length, 0)} names, ${pack.events.length} events, ${mb(statSync(file).size)} of JSON`);
  let invalid: string | null = null;
  if (process.env.KB_INVALID) {
    const last = pack.events.at(-1)!;
    last.participants = [{ entity: 'nobody-at-all' }];
    invalid = join(tmpdir(), `backstory-synthetic-invalid-${process.pid}.json`);
    writeFileSync(invalid, JSON.stringify({ ...pack, entities: pack.entities.map((e) => ({ ...e, id: `x-${e.id}` })) }));
  }
  const ext = await launchWithExtension();
  ext.context.on('console', (message) => {
    if (message.text().startsWith('[backstory]')) console.log(`  worker: ${message.text()}`);
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const send = (name: string, data: unknown) =>
      page.evaluate(async ([n, d]) => chrome.runtime.sendMessage({ backstory: n, data: d }), [name, data] as const) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
    await send('getKbInfo', {}); // the default pack is installed first
    const cdp = await ext.context.newCDPSession(page);
    const defaultWake = await wakeOnArticle(ext, page, cdp, 'default pack only');
    record({ area: 'cold start', name: 'fresh worker, article opened → analysed (default pack)', value: defaultWake, unit: 'ms' });
    let probe = await WorkerProbe.attach(cdp, ext.extensionId);
    const restHeap = await probe.heap(true);
    console.log(`service worker heap with the default pack, one article read: ${mb(restHeap)}`);
    record({ area: 'memory', name: 'worker heap, default pack, one article read', value: restHeap / 2 ** 20, unit: 'MB' });

    const liveAt = process.env.KB_LIVE_AT ? Number(process.env.KB_LIVE_AT) : undefined;
    if (liveAt !== undefined && !(liveAt >= 0)) throw new Error(`KB_LIVE_AT must be a number of milliseconds, not ${process.env.KB_LIVE_AT}`);
    const run = await profiled(probe, cdp, () => importThroughPage(page, file, probe, liveAt));
    console.log(`import through the library page: ${run.seconds.toFixed(1)} s — ${run.outcome}`);
    const afterImport = await probe.heap(true);
    console.log(`service worker heap: peak during import ${mb(run.peak)}, after import ${mb(afterImport)}`);
    const records = `${(pack.entities.length + pack.events.length) / 1000}k records`;
    record({ area: 'memory', name: `worker heap peak, import of ${records}`, value: run.peak / 2 ** 20, unit: 'MB', baseline: { name: 'file size', value: statSync(file).size / 2 ** 20 } });
    record({ area: 'memory', name: `worker heap after the import of ${records}`, value: afterImport / 2 ** 20, unit: 'MB', baseline: { name: 'at rest before it', value: restHeap / 2 ** 20 } });
    console.log(`  heap during the import, MB every 0.5 s: ${run.timeline}`);
    if (process.env.KB_IMPORT_ONLY) return;
    const info = await send('getKbInfo', {});
    console.log(`knowledge base now: ${JSON.stringify(info.value)}`);
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    console.log(`database size (navigator.storage.estimate): ${mb(usage)}`);
    record({ area: 'memory', name: `database size with the default pack and ${records} imported`, value: usage / 2 ** 20, unit: 'MB' });
    // As a string: the bundler's helpers for named functions do not exist in the page.
    const rows = (await page.evaluate(`(async () => {
      const db = await new Promise((ok, fail) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const out = {};
      for (const key of ['derived', 'search']) {
        const started = performance.now();
        await new Promise((ok) => {
          const get = db.transaction('meta').objectStore('meta').get(key);
          get.onsuccess = () => ok(get.result);
        });
        out[key] = Math.round(performance.now() - started);
      }
      db.close();
      return out;
    })()`)) as { derived: number; search: number };
    console.log(`reading the stored lookup data from a page: derived ${rows.derived} ms, search lists ${rows.search} ms`);

    // The whole knowledge base exported through the library page, chunk by chunk, as a reader
    // would; KB_EXPORT=user exports the reader's layer only: the records just imported.
    const scope = process.env.KB_EXPORT === 'user' ? 'user' : 'all';
    const exportHeap = sampleHeap(probe);
    const exportStarted = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByTestId(`export-${scope}`).click()]);
    const saved = await download.path();
    const { peak: exportPeak } = await exportHeap.stop();
    const exportSeconds = (Date.now() - exportStarted) / 1000;
    const exported = scope === 'all' ? 'the whole knowledge base' : 'the reader’s layer';
    console.log(`export of ${exported} through the library page: ${exportSeconds.toFixed(1)} s, ${mb(statSync(saved).size)}; heap peak ${mb(exportPeak)}`);
    // The export passes over the data the other way: the import's natural yardstick.
    record({ area: 'kb import', name: `import ${records} through the library page`, value: run.seconds, unit: 's', baseline: { name: `export of ${exported}`, value: exportSeconds } });

    // One edit, then the next lookup and search: the edit goes into the derived data's overlay.
    const editStarted = Date.now();
    await send('addAlias', { id: 'e123', alias: 'Edited Alias' });
    const edited = Date.now();
    await send('getEntity', { id: 'e124' });
    const looked = Date.now();
    const found = await send('searchKb', { query: 'edited alias' });
    console.log(`one edit (an alias added): ${edited - editStarted} ms; then the next lookup ${looked - edited} ms, a search ${Date.now() - looked} ms (${JSON.stringify(found.value).includes('e123') ? 'finds it' : 'DOES NOT FIND IT'})`);
    record({ area: 'library search', name: `search after an edit (Chromium, ${records} imported)`, value: Date.now() - looked, unit: 'ms' });

    if (invalid) {
      await page.reload();
      const before = JSON.stringify((await send('getKbInfo', {})).value);
      const refused = await importThroughPage(page, invalid, probe);
      const after = JSON.stringify((await send('getKbInfo', {})).value);
      console.log(`invalid file (${mb(statSync(invalid).size)}, one bad reference at the end): ${refused.seconds.toFixed(1)} s — ${refused.outcome}; heap peak ${mb(refused.peak)} (MB every 0.5 s: ${refused.timeline}); knowledge base ${before === after ? 'unchanged' : `CHANGED: ${after}`}`);
    }

    // A fresh service worker: stop it, then time the first answered lookups. The worker logs
    // how long after its own start each first answer went out. The baseline: a fresh worker's
    // first answer to a message that reads no knowledge base (the settings).
    await probe.detach();
    await cdp.send('ServiceWorker.enable');
    const stopWorker = async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(500);
    };
    await stopWorker();
    let wake = Date.now();
    await send('getSettings', {});
    const wakeOnly = Date.now() - wake;
    console.log(`fresh service worker → first answered settings request (no knowledge base read), seen from the page: ${wakeOnly} ms`);
    await stopWorker();
    wake = Date.now();
    const entity = await send('getEntity', { id: 'e123' });
    const lookup = Date.now() - wake;
    console.log(`fresh service worker → first answered entity lookup, seen from the page: ${lookup} ms (${entity.ok ? 'ok' : entity.error})`);
    const search = Date.now();
    await send('searchKb', { query: 'lavrov' });
    const firstSearch = Date.now() - search;
    console.log(`then the first search (search lists read): ${firstSearch} ms`);
    const wakeBase = { name: 'fresh worker, first settings answer', value: wakeOnly };
    record({ area: 'cold start', name: `fresh worker → first entity lookup (${records} imported)`, value: lookup, unit: 'ms', baseline: wakeBase });
    record({ area: 'library search', name: `first search of a fresh worker (${records} imported)`, value: firstSearch, unit: 'ms' });

    const syntheticWake = await wakeOnArticle(ext, page, cdp, 'with the synthetic pack');
    record({ area: 'cold start', name: `fresh worker, article opened → analysed (${records} imported)`, value: syntheticWake, unit: 'ms', baseline: { name: 'the same, default pack only', value: defaultWake } });
    probe = await WorkerProbe.attach(cdp, ext.extensionId);
    console.log(`service worker heap after a fresh start and one article: ${mb(await probe.heap(true))}`);
  } finally {
    await ext.close();
    rmSync(file, { force: true });
    if (invalid) rmSync(invalid, { force: true });
  }
}

main().catch((error) => {
  console.error(`bench:kb failed: ${(error as Error).message}`);
  process.exit(1);
});
