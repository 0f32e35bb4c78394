/**
 * `npm run bench:kb` (first part): the bundled default pack in Chromium — the extension's size
 * on disk and compressed, the first install and a pack upgrade (from the worker's start to the
 * pack being ready, with the worker's heap peak), the worker's heap at rest, and an article
 * analysed right after (time and heap). Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { extensionDir, launchWithExtension, requireInputs, servePages, sharedDir } from '../e2e/browser';
import { ExtensionDriver } from '../e2e/extension';
import { record } from './figures';
import { sampleHeap, WorkerProbe } from './worker-probe';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Bytes of every file under `dir`, and the same compressed as a zip compresses them (deflate per file). */
function sizes(dir: string): { disk: number; zipped: number } {
  let disk = 0;
  let zipped = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    disk += statSync(path).size;
    zipped += deflateRawSync(readFileSync(path), { level: 9 }).length;
  }
  return { disk, zipped };
}

/**
 * The worker's time since it started when the pack is ready: the worker says so on its console
 * ("pack checked"), after the install and its derived data; the database's pack row (written
 * before the derive) is the fallback should the line come before we listen.
 */
async function untilPackInstalled(ext: Awaited<ReturnType<typeof launchWithExtension>>): Promise<{ ms: number; lines: string[]; peak: number }> {
  const lines: string[] = [];
  ext.worker.on('console', (m) => lines.push(m.text()));
  const cdp = await ext.context.newCDPSession(await ext.context.newPage());
  const probe = await WorkerProbe.attach(cdp, ext.extensionId);
  const heap = sampleHeap(probe);
  let ms = NaN;
  for (let i = 0; i < 1200 && Number.isNaN(ms); i++) {
    ms = await ext.worker.evaluate(
      () =>
        new Promise<number>((ok) => {
          const open = indexedDB.open('backstory');
          open.onerror = () => ok(NaN);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('meta')) return (db.close(), ok(NaN));
            const get = db.transaction('meta').objectStore('meta').get('pack');
            get.onsuccess = () => (db.close(), ok(get.result ? performance.now() : NaN));
            get.onerror = () => (db.close(), ok(NaN));
          };
        }),
    );
    const said = lines.find((l) => l.includes('pack checked'));
    if (said) ms = Number(/pack checked (\d+) ms/.exec(said)?.[1]);
    else if (!Number.isNaN(ms) && i < 300) ms = NaN; // the row is there; wait for the line a while
    if (Number.isNaN(ms)) await new Promise((ok) => setTimeout(ok, 100));
  }
  const { peak } = await heap.stop();
  await probe.detach();
  return { ms, lines, peak };
}

async function main(): Promise<void> {
  requireInputs();
  const { disk, zipped } = sizes(extensionDir);
  console.log(`extension (.output/chrome-mv3): ${mb(disk)} on disk, ${mb(zipped)} compressed as a zip`);
  record({ area: 'memory', name: 'extension on disk', value: disk / 2 ** 20, unit: 'MB', baseline: { name: 'compressed as a zip', value: zipped / 2 ** 20 } });

  const server = await servePages({ '/seed/': join(sharedDir, 'fixtures/seed') });
  let ext = await launchWithExtension();
  const first = await untilPackInstalled(ext);
  console.log(`first install: pack ready ${(first.ms / 1000).toFixed(1)} s after the worker started, worker heap peak ${mb(first.peak)}`);
  record({ area: 'kb import', name: 'default pack, first install (worker start → ready)', value: first.ms / 1000, unit: 's' });
  record({ area: 'memory', name: 'worker heap peak, default pack first install', value: first.peak / 2 ** 20, unit: 'MB' });
  for (const l of first.lines.filter((x) => /install pack|derive/.test(x))) console.log(`  ${l}`);

  const cdp = await ext.context.newCDPSession(await ext.context.newPage());
  let probe = await WorkerProbe.attach(cdp, ext.extensionId);
  const rest = await probe.heap(true);
  console.log(`worker heap at rest after the install: ${mb(rest)}`);
  record({ area: 'memory', name: 'worker heap at rest, default pack installed', value: rest / 2 ** 20, unit: 'MB' });
  const driver = new ExtensionDriver(ext);
  const heap = sampleHeap(probe);
  const t = performance.now();
  const { state } = await driver.openArticle(`${server.origin}/seed/index.html`);
  const analysed = performance.now() - t;
  const { peak } = await heap.stop();
  console.log(`seed article analysed ${Math.round(analysed)} ms after it was opened (${state.analysis?.entities.length ?? 0} actors), worker heap peak ${mb(peak)}, at rest after ${mb(await probe.heap(true))}`);
  record({ area: 'cold start', name: 'seed article opened → analysed, after the first install', value: analysed, unit: 'ms' });
  await probe.detach();

  // PACK_UPGRADE=0 stops here (npm run bench, to stay within minutes).
  if (process.env.PACK_UPGRADE === '0') {
    await ext.close();
    await server.close();
    return;
  }
  // An upgrade: the installed pack's build is forgotten, and the next start installs it again.
  await ext.worker.evaluate(async () => {
    await new Promise<void>((ok, fail) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => {
        const tx = open.result.transaction('meta', 'readwrite');
        tx.objectStore('meta').delete('pack');
        tx.oncomplete = () => (open.result.close(), ok());
        tx.onerror = () => fail(tx.error);
      };
      open.onerror = () => fail(open.error);
    });
  });
  const profile = ext.profile;
  await ext.close(true);
  ext = await launchWithExtension(profile);
  const upgrade = await untilPackInstalled(ext);
  console.log(`pack upgrade (same browser, pack installed again over the old one): ready ${(upgrade.ms / 1000).toFixed(1)} s after the worker started, worker heap peak ${mb(upgrade.peak)}`);
  record({ area: 'kb import', name: 'default pack, upgrade over the old one', value: upgrade.ms / 1000, unit: 's', baseline: { name: 'first install', value: first.ms / 1000 } });
  for (const l of upgrade.lines.filter((x) => /install pack|derive|cleared/.test(x))) console.log(`  ${l}`);
  probe = await WorkerProbe.attach(await ext.context.newCDPSession(await ext.context.newPage()), ext.extensionId);
  console.log(`worker heap at rest after the upgrade: ${mb(await probe.heap(true))}`);
  await probe.detach();
  await ext.close();
  await server.close();
}

await main();
