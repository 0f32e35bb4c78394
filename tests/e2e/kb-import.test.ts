/**
 * Importing a knowledge-base file through the library page in a real Chromium: a file of
 * many pieces lands whole; an import stopped with its button, or cut short by closing the
 * page, leaves the knowledge base exactly as it was, with whatever it had written cleared
 * (at once when stopped, when the worker next starts when the page was closed).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPack } from '../bench/synthetic-pack';
import { launchWithExtension, requireInputs, type ExtensionBrowser } from './browser';

let ext: ExtensionBrowser;
const files: string[] = [];

function packFile(entities: number, events: number, name: string): string {
  const file = join(tmpdir(), `backstory-e2e-${process.pid}-${name}.json`);
  writeFileSync(file, JSON.stringify(syntheticPack({ entities, aliasesPerEntity: 3, events }, 42, `${name}-`)));
  files.push(file);
  return file;
}

async function library(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/library.html`);
  await page.getByTestId('knowledge-base').waitFor();
  return page;
}

const kbInfo = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ backstory: 'getKbInfo', data: {} })) as Promise<{ ok: boolean; value: { entities: number; events: number; userRecords: number } }>;

/** Keys of block rows that belong to no current generation (read from the page: same origin, same database). */
const staleRows = (page: Page) =>
  page.evaluate(`(async () => {
    const db = await new Promise((ok, fail) => { const open = indexedDB.open('backstory'); open.onsuccess = () => ok(open.result); open.onerror = () => fail(open.error); });
    const read = (store, call) => new Promise((ok) => { const request = call(db.transaction(store).objectStore(store)); request.onsuccess = () => ok(request.result); });
    const keys = await read('blocks', (s) => s.getAllKeys());
    const layers = (await read('meta', (s) => s.get('layers'))).value;
    db.close();
    return keys.filter((key) => { const [layer, gen] = key.split('/'); return Number(gen) !== layers[layer].gen; }).length;
  })()`) as Promise<number>;

beforeAll(async () => {
  requireInputs();
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  for (const file of files) rmSync(file, { force: true });
});

describe('importing a large file from the library', () => {
  it('reads a file of several pieces and finds all its records', async () => {
    const page = await library();
    const before = (await kbInfo(page)).value;
    await page.getByTestId('import-file').setInputFiles(packFile(20_000, 10_000, 'several-pieces'));
    await page.locator('[data-testid=import-report][data-outcome=imported]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-count=added]').textContent()).toBe('Added: 30000');
    expect((await kbInfo(page)).value).toEqual({ ...before, entities: before.entities + 20_000, events: before.events + 10_000, userRecords: before.userRecords + 30_000 });
    await page.close();
  });

  it('keeps nothing of an import stopped midway, and clears what it wrote at once', async () => {
    const page = await library();
    const before = (await kbInfo(page)).value;
    await page.getByTestId('import-file').setInputFiles(packFile(120_000, 30_000, 'stopped'));
    // Stopped once rows of the new generation are on disk (written every 8M characters,
    // about a third of this file; not current, as the import has not finished).
    await expect.poll(() => staleRows(page), { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
    await page.getByTestId('import-progress').getByRole('button').click();
    const report = page.locator('[data-testid=import-report][data-outcome=failed]');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.textContent()).toMatch(/stopped/);
    expect((await kbInfo(page)).value).toEqual(before);
    expect(await staleRows(page)).toBe(0);
    await page.close();
  });

  it('changes nothing when the page is closed mid-import, and clears what it wrote', async () => {
    const page = await library();
    const before = (await kbInfo(page)).value;
    // Large enough that rows are written before the end (every 8M characters, about a
    // quarter of this file): closed at 40% read, one write has begun; later, on a busy
    // machine, the rest of the file could be read between two looks at the progress.
    await page.getByTestId('import-file').setInputFiles(packFile(120_000, 30_000, 'cut-short'));
    const progress = async () => {
      const report = await page.getByTestId('import-report').textContent({ timeout: 50 }).catch(() => null);
      if (report) throw new Error(`the import ended before the page was closed: ${report}`);
      return Number(/(\d+)%/.exec((await page.getByTestId('import-progress').textContent({ timeout: 1000 }).catch(() => '')) ?? '')?.[1] ?? 0);
    };
    await expect.poll(progress, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(40);
    await page.close();

    const other = await library();
    expect((await kbInfo(other)).value).toEqual(before);
    console.info(`rows the cut-short import left, before the worker restarts: ${await staleRows(other)}`);
    // A new worker (as after the browser stopped it) clears the unfinished generation.
    const cdp = await ext.context.newCDPSession(other);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect((await kbInfo(other)).value).toEqual(before);
    await expect.poll(() => staleRows(other), { timeout: 20_000 }).toBe(0);
    // And the next import is not blocked by the one left behind.
    await other.getByTestId('import-file').setInputFiles(packFile(100, 10, 'after'));
    await other.locator('[data-testid=import-report][data-outcome=imported]').waitFor({ timeout: 60_000 });
    expect((await kbInfo(other)).value.entities).toBe(before.entities + 100);
  });
});
