import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analysis/analyze-document';
import { analyzeText } from '../analysis/analyze-text';
import { parsePage } from '../cli/parse-page';
import { BackstoryDb, currentDerived, installPack } from '../db';
import { KnowledgeBase } from '../kb/knowledge-base';
import { readPackFile } from '../kb/load-pack-file';
import { KbReader } from './kb-reader';
import { syntheticPack } from '../../tests/bench/synthetic-pack';
import { deleteRecord, importKbText, putUserEntity, undoDelete } from './kb-store';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
if (!existsSync(shared)) throw new Error(`../shared not found at ${shared}: these tests read real pages from it`);
const pages = [
  ['fixtures/seed/index.html', '2025-10-22'],
  ['corpus/pages/scrapinghub-cbsnews-com-7a664e40d256.html', '2019-11-20'],
  ['corpus/pages/readability-bbc-1.html', '2015-07-24'],
] as const;

let db: BackstoryDb;
const pack = readPackFile();
const full = new KnowledgeBase(pack.entities, pack.events);

beforeAll(async () => {
  db = new BackstoryDb(`reader-${Math.random()}`);
  await installPack(db, pack);
});
afterAll(async () => {
  db.close();
  await db.delete();
});

describe('KbReader', () => {
  it.each(pages)('gives %s the same analysis from its slice as from the whole knowledge base', async (page, date) => {
    const whole = analyzeDocument(parsePage(readFileSync(shared + page)), full, { date });
    const slice = await new KbReader(db).sliceFor(whole.article.text);
    expect(slice.entities.size).toBeLessThan(full.entities.size / 3);
    const fromSlice = analyzeText(whole.article, slice);
    expect(fromSlice.mentions).toEqual(whole.mentions);
    expect(fromSlice.eventMentions).toEqual(whole.eventMentions);
    expect(fromSlice.related.slice(0, 10).map((r) => r.id)).toEqual(whole.related.slice(0, 10).map((r) => r.id));
  });

  it('answers reads that overlap while the pack is first read whole', async () => {
    const reader = new KbReader(db);
    const event = pack.events[0]!;
    const [lavrov, events, pair] = await Promise.all([reader.entities(['sergey-lavrov']), reader.events([event.id]), reader.entities(['dmitry-peskov', 'vladimir-putin'])]);
    expect(lavrov.map((e) => e.id)).toEqual(['sergey-lavrov']);
    expect(events.map((e) => e.title)).toEqual([event.title]);
    expect(pair.map((e) => e.id)).toEqual(['dmitry-peskov', 'vladimir-putin']);
  });

  it('reads the reader’s layer first and leaves deleted records out', async () => {
    const reader = new KbReader(db);
    expect((await reader.entity('dmitry-peskov'))?.name).toBe('Dmitry Peskov');
    // The background tells its reader after every change, as here.
    const { undoToken } = await deleteRecord(db, 'entity', 'dmitry-peskov', new Date('2026-01-01T00:00:00Z'));
    reader.invalidate();
    expect(await reader.entity('dmitry-peskov')).toBeNull();
    await undoDelete(db, undoToken);
    reader.invalidate();
    expect((await reader.entity('dmitry-peskov'))?.name).toBe('Dmitry Peskov');
  });

  it('reads only the index shards a text needs, and gives the same analysis from split lookup data', async () => {
    const big = new BackstoryDb(`reader-big-${Math.random()}`);
    try {
      await installPack(big, pack);
      // Enough records of the reader's own for the derived data to be split in two.
      const report = await importKbText(big, JSON.stringify(syntheticPack({ entities: 9000, aliasesPerEntity: 2, events: 0 }, 7, 'syn-')), new Date('2026-01-01T00:00:00Z'));
      expect(report.added).toBe(9000);
      expect((await currentDerived(big)).shards).toBe(2);
      const [page, date] = pages[0];
      const whole = analyzeDocument(parsePage(readFileSync(shared + page)), full, { date });
      const slice = await new KbReader(big).sliceFor(whole.article.text);
      expect(analyzeText(whole.article, slice).mentions).toEqual(whole.mentions);

      const keys: string[] = [];
      const bulkGet = big.meta.bulkGet.bind(big.meta);
      big.meta.bulkGet = ((wanted: string[]) => (keys.push(...wanted), bulkGet(wanted))) as typeof big.meta.bulkGet;
      const lavrov = await new KbReader(big).sliceFor('Lavrov');
      expect([...lavrov.entities.keys()]).toContain('sergey-lavrov');
      expect(keys.filter((k) => k.startsWith('index/'))).toHaveLength(1);
    } finally {
      big.close();
      await big.delete();
    }
  });

  it('reads again from the start when the knowledge base changed between its reads', async () => {
    const reader = new KbReader(db);
    const at = new Date('2026-01-01T00:00:00Z');
    await putUserEntity(db, { id: 'first-mine', name: 'First Mine', type: 'place', aliases: [], description: 'Mine.' }, at);
    expect((await reader.counts()).userRecords).toBe(1);
    // A change the reader is not told of: its head is now older than the stored shards.
    await putUserEntity(db, { id: 'second-mine', name: 'Second Mine', type: 'place', aliases: [], description: 'Mine too.' }, at);
    await currentDerived(db);
    expect((await reader.entities(['second-mine', 'first-mine'])).map((e) => e.id)).toEqual(['second-mine', 'first-mine']);
    expect((await reader.counts()).userRecords).toBe(2);
  });
});
