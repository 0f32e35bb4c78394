import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analysis/analyze-document';
import { analyzeText } from '../analysis/analyze-text';
import { parsePage } from '../cli/parse-page';
import { BackstoryDb, readLayers } from '../db';
import { Deriver, currentDerived, currentMembership, installPack, stampOf } from '../derived';
import { KnowledgeBase } from '../kb/knowledge-base';
import { buildCuratedPack } from '../cli/build-pack';
import { KbReader } from './kb-reader';
import { syntheticPack } from '../../tests/bench/synthetic-pack';
import { addAlias, deleteRecord, importKbText, listUserRecords, putUserEntity, putUserEvent, revertRecord, searchEntities, searchEvents, undoDelete } from './kb-store';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
if (!existsSync(shared)) throw new Error(`../shared not found at ${shared}: these tests read real pages from it`);
const pages = [
  ['fixtures/seed/index.html', '2025-10-22'],
  ['corpus/pages/scrapinghub-cbsnews-com-7a664e40d256.html', '2019-11-20'],
  ['corpus/pages/readability-bbc-1.html', '2015-07-24'],
] as const;

let db: BackstoryDb;
// The curated part of the default pack: the reader's behaviour, not the size of the data.
const pack = buildCuratedPack();
const full = new KnowledgeBase(pack.entities, pack.events);

beforeAll(async () => {
  db = new BackstoryDb(`reader-${Math.random()}`);
  await installPack(db, pack);
});
afterAll(async () => {
  db.close();
  await db.delete();
});

/** Runs `test` on a database of its own with the default pack installed, deleted afterwards. */
async function withOwnDb(name: string, test: (source: BackstoryDb) => Promise<void>): Promise<void> {
  const source = new BackstoryDb(`${name}-${Math.random()}`);
  try {
    await installPack(source, pack);
    await test(source);
  } finally {
    source.close();
    await source.delete();
  }
}

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

  it('reads again from the start when the knowledge base changed between its reads', () =>
    withOwnDb('reader-changed', async (source) => {
      const at = new Date('2026-01-01T00:00:00Z');
      await putUserEntity(source, { id: 'first-mine', name: 'First Mine', type: 'place', aliases: [], description: 'Mine.' }, at);
      // No stored head: the reader derives it on its first read and holds no shard yet.
      await source.meta.delete('derived');
      const reader = new KbReader(source);
      expect((await reader.counts()).userRecords).toBe(1);
      // A change the reader is not told of, derived anew: its head is now older than the stored shards.
      const second = { id: 'second-mine', name: 'Second Mine', type: 'place', aliases: [], description: 'Mine too.' };
      await importKbText(source, JSON.stringify({ manifest: { ...pack.manifest, name: 'mine' }, entities: [second], events: [] }), at);
      expect((await reader.entities(['second-mine', 'first-mine'])).map((e) => e.id)).toEqual(['second-mine', 'first-mine']);
      expect((await reader.counts()).userRecords).toBe(2);
    }));

  it('never reads a shard of one derivation with the head of another of the same knowledge base', () =>
    withOwnDb('reader-layouts', async (source) => {
      const text = 'Lavrov and Rubio spoke of Budapest; Peskov said the Kremlin agreed.';
      // The same merged view derived in 2 shards (as an import sized from a large file may do)...
      const layers = await readLayers(source);
      const deriver = new Deriver(20_000);
      await deriver.addPack(source, layers);
      expect((await deriver.store(source, stampOf(layers))).derived.shards).toBe(4);
      const reader = new KbReader(source);
      const found = [...(await reader.sliceFor(text)).entities.keys()].sort();
      expect(found).toEqual(expect.arrayContaining(['sergey-lavrov', 'marco-rubio', 'budapest', 'dmitry-peskov']));
      // ...and again in 1, as a reader that found the head stale does.
      await source.meta.delete('derived');
      expect((await currentDerived(source)).shards).toBe(1);
      reader.invalidate();
      expect([...(await reader.sliceFor(text)).entities.keys()].sort()).toEqual(found);
    }));

  it('answers after the reader’s edits exactly as after deriving everything anew', () =>
    withOwnDb('reader-overlay', async (source) => {
      const reader = new KbReader(source);
      // Read before the edits, as a running worker has: its shards stay in use after them.
      await reader.sliceFor('Lavrov met Rubio.');
      const base = (await currentDerived(source)).base;
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
      const changes: (() => Promise<unknown>)[] = [
        () => deleteRecord(source, 'entity', 'dmitry-peskov', at(1)),
        // A name that another entity has too: both are its targets.
        () => putUserEntity(source, { id: 'lavrov-namesake', name: 'Lavrov', type: 'person', aliases: ['Kremlin spokesman Lavrov'], description: 'A namesake.' }, at(2)),
        () => addAlias(source, 'viktor-orban', 'the Hungarian host', at(3)),
        async () => {
          const alaska = (await reader.events(['2025-08-15-alaska-summit']))[0]!;
          const participants = alaska.participants.filter((p) => p.entity !== 'vladimir-putin');
          return putUserEvent(source, { ...alaska, aliases: [...alaska.aliases, 'Anchorage summit'], participants, place: 'budapest' }, at(4));
        },
        () => addAlias(source, 'donald-trump', 'The Donald', at(5)).then(() => revertRecord(source, 'entity', 'donald-trump', at(6))),
        async () => undoDelete(source, (await deleteRecord(source, 'entity', 'budapest', at(7))).undoToken),
        () => putUserEntity(source, { id: 'short-lived', name: 'Short Lived', type: 'place', aliases: [], description: 'Gone.' }, at(8)).then(() => deleteRecord(source, 'entity', 'short-lived', at(9))),
      ];
      for (const change of changes) {
        await change();
        reader.invalidate();
      }
      const head = await currentDerived(source);
      // The edits went into the overlay: the shards are still those derived before them.
      expect(head.base).toBe(base);
      expect(head.stamp).not.toBe(base);
      expect(head.overlay.entity.map((e) => e.id).sort()).toEqual(['budapest', 'dmitry-peskov', 'donald-trump', 'lavrov-namesake', 'short-lived', 'viktor-orban']);

      const answers = async (r: KbReader) => {
        const slices = await Promise.all(pages.map(async ([page, date]) => {
          const article = analyzeDocument(parsePage(readFileSync(shared + page)), full, { date }).article;
          const text = `${article.text}\n\nThe Hungarian host spoke of the Anchorage summit; Kremlin spokesman Lavrov agreed.`;
          const slice = await r.sliceFor(text);
          const { mentions, eventMentions, related } = analyzeText({ ...article, text }, slice);
          return { entities: [...slice.entities.keys()].sort(), events: [...slice.events.keys()].sort(), mentions, eventMentions, related };
        }));
        const ids = ['dmitry-peskov', 'lavrov-namesake', 'viktor-orban', 'donald-trump', 'budapest', 'short-lived', 'sergey-lavrov'];
        return {
          slices,
          entities: await r.entities(ids),
          involving: await Promise.all(['vladimir-putin', 'budapest', 'dmitry-peskov'].map(async (id) => (await r.eventsInvolving([id])).map((e) => e.id).sort())),
          counts: await r.counts(),
          search: [await searchEntities(source, 'lavrov', 10), await searchEntities(source, 'hungarian host', 10), await searchEvents(source, 'summit', 40)],
          recent: await listUserRecords(source),
          membership: await currentMembership(source).then((m) => ids.map((id) => [m.existing('entity', id), m.inUserLayer('entity', id)])),
        };
      };
      const overlaid = await answers(reader);
      expect(overlaid.entities.map((e) => e.id)).toEqual(['lavrov-namesake', 'viktor-orban', 'donald-trump', 'budapest', 'sergey-lavrov']);
      const seed = overlaid.slices[0]!;
      expect(seed.mentions.some((m) => m.entity.id === 'viktor-orban' && /Hungarian host/i.test(m.text))).toBe(true);
      expect(seed.eventMentions.some((m) => m.event.id === '2025-08-15-alaska-summit' && m.text === 'Anchorage summit')).toBe(true);
      expect(seed.mentions.some((m) => m.entity.id === 'dmitry-peskov')).toBe(false);
      const [putin, budapest] = overlaid.involving;
      expect(putin).not.toContain('2025-08-15-alaska-summit');
      expect(budapest).toContain('2025-08-15-alaska-summit');

      await source.meta.delete('derived');
      const derivedAnew = await currentDerived(source);
      expect(derivedAnew.base).not.toBe(base);
      expect(derivedAnew.overlay.entity).toEqual([]);
      expect(await answers(new KbReader(source))).toEqual(overlaid);
    }));
});
