/**
 * `npm run bench:kb`: the knowledge base at scale in a real Chromium with the built extension.
 * A synthetic pack (100k entities, 300k aliases, 50k events) is imported through the library
 * page; we print the import time, the database size, the time from a fresh service worker to
 * the first answered lookup, and the service worker's JS heap. Figures only, no assertions.
 */

import { join } from 'node:path';
import { launchWithExtension, projectRoot, requireInputs, servePages } from '../e2e/browser';
import { syntheticPack } from './synthetic-pack';

const size = { entities: Number(process.env.KB_ENTITIES ?? 100_000), aliasesPerEntity: 3, events: Number(process.env.KB_EVENTS ?? 50_000) };

async function main(): Promise<void> {
  requireInputs();
  const pack = syntheticPack(size);
  const text = JSON.stringify(pack);
  console.log(`synthetic pack: ${pack.entities.length} entities, ${pack.entities.reduce((n, e) => n + 1 + e.aliases.length, 0)} names, ${pack.events.length} events, ${(text.length / 2 ** 20).toFixed(1)} MB of JSON`);
  const ext = await launchWithExtension();
  ext.worker.on('console', (message) => {
    if (message.text().startsWith('[backstory]')) console.log(`  worker: ${message.text()}`);
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const send = (name: string, data: unknown) =>
      page.evaluate(async ([n, d]) => chrome.runtime.sendMessage({ backstory: n, data: d }), [name, data] as const) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
    await send('getKbInfo', {}); // the default pack is installed first

    const started = Date.now();
    const report = await send('importKb', { text });
    console.log(`import: ${((Date.now() - started) / 1000).toFixed(1)} s, ${JSON.stringify(report.ok ? report.value : report.error).slice(0, 200)}`);
    const firstInfo = Date.now();
    const info = await send('getKbInfo', {});
    console.log(`first lookup after import (index compiled and stored): ${Date.now() - firstInfo} ms, ${JSON.stringify(info.value)}`);
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    console.log(`database size (navigator.storage.estimate): ${(usage / 2 ** 20).toFixed(1)} MB`);

    // A fresh service worker: stop it, then time the first answered lookup.
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(500);
    const wake = Date.now();
    const search = await send('searchKb', { query: 'lavrov' });
    console.log(`fresh service worker to first answered search: ${Date.now() - wake} ms (${search.ok ? 'ok' : search.error})`);

    // A fresh service worker again, then a real article: from the page load to its analysis.
    const server = await servePages({ '/': join(projectRoot, 'tests/fixtures/demo') });
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
    console.log(`fresh service worker, article opened to analysis stored: ${Date.now() - opened} ms (${analysed} mentions)`);
    await server.close();
    const worker = ext.context.serviceWorkers().at(-1) ?? (await ext.context.waitForEvent('serviceworker'));
    const heap = await worker.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
    console.log(`service worker JS heap: ${heap === null ? 'not reported by this Chromium' : `${(heap / 2 ** 20).toFixed(1)} MB`}`);
  } finally {
    await ext.close();
  }
}

main().catch((error) => {
  console.error(`bench:kb failed: ${(error as Error).message}`);
  process.exit(1);
});
