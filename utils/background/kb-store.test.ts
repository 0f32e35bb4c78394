import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { miniEntities, miniEvents } from '../../tests/fixtures/mini-kb';
import { seeded } from '../../tests/bench/synthetic-pack';
import {
  BackstoryDb,
  dropUnfinishedGenerations,
  newGeneration,
  readLayers,
  scanLayer,
  switchGeneration,
  type Kind,
  type RecordOf,
  type UserRecord,
} from '../db';
import { OVERLAY_MAX, RECENT_KEPT, currentDerived, currentDerivedWith, currentMembership, installPack, readShards, stampOf, type IndexShard } from '../derived';
import { CompiledAliasIndex, ShardedAliasIndex } from '../match/compiled-index';
import type { Entity, KbEvent, Pack } from '../kb/schema';
import { KnowledgeBase } from '../kb/knowledge-base';
import { addAlias, deleteRecord, exportKb, importKbText, KbImport, listUserRecords, putUserEntity, revertRecord, searchEntities, searchEvents, undoDelete } from './kb-store';
import { KbReader } from './kb-reader';

/**
 * The merged view, read the plain way, as the reference the tests compare with: pack
 * records, replaced by the reader's records of the same id, without the ones the reader
 * deleted, plus the reader's own.
 */
async function readMerged(source: BackstoryDb): Promise<{ entities: Entity[]; events: KbEvent[] }> {
  const layers = await readLayers(source);
  const merge = async <K extends Kind>(kind: K): Promise<RecordOf<K>[]> => {
    const user = new Map<string, UserRecord<RecordOf<K>>>();
    await scanLayer(source, layers, 'user', kind, (u) => user.set(u.id, u as UserRecord<RecordOf<K>>));
    const out: RecordOf<K>[] = [];
    await scanLayer(source, layers, 'pack', kind, (r) => {
      if (!user.has(r.id)) out.push(r as RecordOf<K>);
    });
    for (const u of user.values()) if (u.record) out.push(u.record);
    return out;
  };
  return { entities: await merge('entity'), events: await merge('event') };
}

/** The whole merged view with its stored index, every shard of it, to look at what the database now holds. */
async function loadKnowledgeBase(source: BackstoryDb): Promise<KnowledgeBase> {
  const [merged, derived] = await Promise.all([readMerged(source), currentDerived(source)]);
  const shards = await readShards<IndexShard>(source, 'index', Array.from({ length: derived.shards }, (_, n) => n), derived);
  const index = new ShardedAliasIndex(derived.shards, new Map([...shards].map(([n, shard]) => [n, new CompiledAliasIndex(shard.index)])));
  return new KnowledgeBase(merged.entities, merged.events, index);
}

const manifest = { name: 'test pack', version: '1.0.0', schemaVersion: 1 as const, license: 'CC0', created: '2026-01-01', sources: ['tests'] };
const now = new Date('2026-11-25T12:00:00Z');
let db: BackstoryDb;

beforeEach(async () => {
  db = new BackstoryDb(`kb-${Math.random()}`);
  await installPack(db, { manifest, entities: miniEntities, events: miniEvents });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const snapshot = async () => JSON.stringify(await readMerged(db));

/** An export's chunks, and the pack they make together. */
async function exportPack(source: BackstoryDb, scope: 'all' | 'user', chunkChars?: number): Promise<{ fileName: string; chunks: string[]; text: string; pack: Pack }> {
  const { fileName, chunks } = exportKb(source, scope, now, { chunkChars });
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  const text = all.join('');
  return { fileName, chunks: all, text, pack: JSON.parse(text) as Pack };
}

describe('import', () => {
  it('merges by id and reports added, updated and unchanged records', async () => {
    const edited = { ...miniEntities.find((e) => e.id === 'sergey-lavrov')!, aliases: ['Sergei Lavrov', 'Lavrov', 'Sergej Lawrow'] };
    const added: Entity = { id: 'new-person', name: 'Ada Example', type: 'person', aliases: ['Example'], description: 'Someone new.' };
    const putin = miniEntities.find((e) => e.id === 'vladimir-putin')!;
    const report = await importKbText(db, JSON.stringify({ manifest, entities: [edited, added, putin], events: [] }), now);
    expect(report).toEqual({ added: 1, updated: 1, unchanged: 1, rejected: 0, problems: [] });
    const kb = await loadKnowledgeBase(db);
    expect(kb.entities.get('sergey-lavrov')?.aliases).toContain('Sergej Lawrow');
    expect(kb.index.findAll('Sergej Lawrow met Ada Example', (await import('../text/tokenize')).tokenize('Sergej Lawrow met Ada Example')).map((m) => m.targets[0]!.ref)).toEqual(['sergey-lavrov', 'new-person']);
  });

  it('compares by fingerprint: a record the reader deleted comes back as added, over the pack', async () => {
    const lavrov = miniEntities.find((e) => e.id === 'sergey-lavrov')!;
    await deleteRecord(db, 'entity', 'sergey-lavrov', now);
    // Keys in another order are the same record.
    const reordered = Object.fromEntries(Object.entries(lavrov).reverse());
    const file = JSON.stringify({ manifest, entities: [reordered, miniEntities.find((e) => e.id === 'vladimir-putin')], events: [] });
    expect(await importKbText(db, file, now)).toMatchObject({ added: 1, updated: 0, unchanged: 1 });
    expect((await listUserRecords(db, 5)).records.find((r) => r.id === 'sergey-lavrov')?.change).toBe('edited');
    expect(await importKbText(db, file, now)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it.each([
    ['malformed JSON', '{"manifest": ', /not valid JSON/],
    ['a wrong schema version', JSON.stringify({ manifest: { ...manifest, schemaVersion: 9 }, entities: [], events: [] }), /schema version 9/],
    ['duplicate ids', JSON.stringify({ manifest, entities: [miniEntities[0], miniEntities[0]], events: [] }), /duplicate entity id/],
    ['a reference to a missing entity', JSON.stringify({ manifest, entities: [], events: [{ ...miniEvents[0], participants: [{ entity: 'nobody' }] }] }), /unknown entity "nobody"/],
    ['a huge string', JSON.stringify({ manifest, entities: [{ ...miniEntities[0], description: 'x'.repeat(100_000) }], events: [] }), /at most 500 characters/],
    // Found by fuzzing the importer (import-fuzz.test.ts, issue 19):
    ['a misspelt list of events', JSON.stringify({ manifest, entities: [miniEntities[0]], evnts: [miniEvents[0]] }), /^events: must be an array of events$/m],
    ['a second list of entities', `{"manifest":${JSON.stringify(manifest)},"entities":[],"events":[],"entities":[]}`, /"entities" appears twice/],
    ['a month 13', JSON.stringify({ manifest, entities: [], events: [{ ...miniEvents[0], date: '2026-13' }] }), /^events\.0\.date: must be a date/m],
    ['a manifest without its schema version', JSON.stringify({ manifest: { ...manifest, schemaVersion: undefined }, entities: [], events: [] }), /gives no schema version/],
    ['a record without its name', JSON.stringify({ manifest, entities: [{ ...miniEntities[0], name: undefined }], events: [] }), /^entities\.0\.name: is required but missing$/m],
  ])('rejects %s with a clear message and changes nothing', async (_what, text, message) => {
    const before = await snapshot();
    const report = await importKbText(db, text, now);
    expect(report.added + report.updated).toBe(0);
    expect(report.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it('lists every problem of an invalid file, with its path', async () => {
    const bad = { manifest, entities: [{ id: 'Bad Id', name: '', type: 'robot', aliases: [], description: 'x' }], events: [] };
    const report = await importKbText(db, JSON.stringify(bad), now);
    const paths = report.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['entities.0.id', 'entities.0.name', 'entities.0.type']));
    expect(report.rejected).toBe(1);
  });
});

describe('search', () => {
  it('lists events newest first; one dated only to the month or year comes after the days within it', async () => {
    const talks = (id: string, date: string) => ({ id, title: `Zembla talks ${id}`, aliases: [], date, participants: [{ entity: 'russia' }], type: 'talks' as const, summary: 'Test.', sources: [{ url: 'https://example.org/' }] });
    const events = [talks('a', '2024-12-31'), talks('b', '2025-10'), talks('c', '2025'), talks('d', '2025-10-22'), talks('e', '2010-01-02')];
    expect(await importKbText(db, JSON.stringify({ manifest, entities: [], events }), now)).toMatchObject({ added: 5 });
    expect((await searchEvents(db, 'zembla talks', 10)).map((e) => e.id)).toEqual(['d', 'b', 'c', 'a', 'e']);
  });

  it('lists entities most prominent first', async () => {
    expect((await searchEntities(db, 'georgia', 5)).map((e) => e.id)).toEqual(['georgia-state', 'georgia-country']);
    expect((await searchEntities(db, 'trump', 5)).map((e) => e.id)).toEqual(['donald-trump']);
  });
});

describe('export', () => {
  it('round-trips generated records losslessly through export and import', async () => {
    const rand = seeded(7);
    for (let run = 0; run < 5; run++) {
      const entities: Entity[] = Array.from({ length: 20 }, (_, i) => ({
        id: `gen-${run}-${i}`,
        name: `Name ${Math.floor(rand() * 1e6)} “quoted” ü`,
        type: (['person', 'country', 'city', 'organisation'] as const)[Math.floor(rand() * 4)]!,
        aliases: Array.from({ length: Math.floor(rand() * 4) }, (_, k) => `Alias ${k} ${Math.floor(rand() * 1e4)}`),
        description: `Generated ${rand().toFixed(6)}`,
        ...(rand() > 0.5 ? { prominence: Math.round(rand() * 100) / 100 } : {}),
        ...(rand() > 0.5 ? { roles: [{ title: 'Office', of: 'russia', start: '2001-02-03', phrases: ['the officer'] }] } : {}),
      }));
      const report = await importKbText(db, JSON.stringify({ manifest, entities, events: [] } satisfies Pack), now);
      expect(report.added).toBe(20);
    }
    const { pack } = await exportPack(db, 'all');
    const copy = new BackstoryDb(`copy-${Math.random()}`);
    await installPack(copy, { manifest, entities: [], events: [] });
    const report = await importKbText(copy, JSON.stringify(pack), now);
    expect(report.rejected).toBe(0);
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    const again = (await exportPack(copy, 'all')).pack;
    expect(sort(again.entities)).toEqual(sort(pack.entities));
    expect(sort(again.events)).toEqual(sort(pack.events));
    copy.close();
    await copy.delete();
  });

  it('exports only the reader’s layer when asked', async () => {
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: [], description: 'Mine.' }, now);
    const { pack, fileName } = await exportPack(db, 'user');
    expect(fileName).toBe('backstory-my-additions-2026-11-25.json');
    expect(pack.entities.map((e) => e.id)).toEqual(['mine']);
    expect(pack.events).toEqual([]);
  });

  it('writes the merged view as JSON.stringify would, in chunks, whatever their size', async () => {
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: ['Mine “quoted”'], description: 'Mine.\nTwo lines.' }, now);
    await addAlias(db, 'vladimir-putin', 'Wladimir Putin', now);
    await deleteRecord(db, 'entity', 'chad', now);
    await deleteRecord(db, 'event', miniEvents[0]!.id, now);
    const whole = await exportPack(db, 'all');
    const merged = await readMerged(db);
    expect(whole.text).toBe(`${JSON.stringify({ manifest: whole.pack.manifest, ...merged }, null, 1)}\n`);
    expect(whole.pack.entities.map((e) => e.id)).not.toContain('chad');
    expect(whole.pack.entities.find((e) => e.id === 'vladimir-putin')?.aliases).toContain('Wladimir Putin');
    const small = await exportPack(db, 'all', 500);
    expect(small.chunks.length).toBeGreaterThan(1);
    expect(small.text).toBe(whole.text);
    // The reader's layer alone: their records, not their deletions.
    const user = await exportPack(db, 'user');
    expect(user.pack.entities.map((e) => e.id).sort()).toEqual(['mine', 'vladimir-putin']);
    expect(user.text).toBe(`${JSON.stringify(user.pack, null, 1)}\n`);
  });

  it('stops with a clear message when the knowledge base changes while it is exported', async () => {
    const text = JSON.stringify({ manifest, entities: Array.from({ length: 5000 }, (_, i) => ({ id: `bulk-${i}`, name: `Bulk ${i}`, type: 'person', aliases: [], description: 'x' })), events: [] });
    await importKbText(db, text, now);
    const { chunks } = exportKb(db, 'all', now, { chunkChars: 1000 });
    await chunks.next();
    await putUserEntity(db, { id: 'late', name: 'Late Entity', type: 'place', aliases: [], description: 'Added meanwhile.' }, now);
    await expect((async () => {
      for await (const _ of chunks);
    })()).rejects.toThrow(/changed while it was exported/);
  });
});

describe('the reader’s layer', () => {
  it('wins over the pack and survives a pack update', async () => {
    await addAlias(db, 'vladimir-putin', 'Wladimir Putin', now);
    await installPack(db, { manifest: { ...manifest, version: '2.0.0' }, entities: miniEntities, events: miniEvents });
    const kb = await loadKnowledgeBase(db);
    expect(kb.entities.get('vladimir-putin')?.aliases).toContain('Wladimir Putin');
    expect((await listUserRecords(db)).records.map((r) => [r.id, r.change])).toEqual([['vladimir-putin', 'edited']]);
  });

  it('deletes a pack record and undoes the delete', async () => {
    const { undoToken } = await deleteRecord(db, 'entity', 'dmitry-peskov', now);
    expect((await loadKnowledgeBase(db)).entities.has('dmitry-peskov')).toBe(false);
    await undoDelete(db, undoToken);
    expect((await loadKnowledgeBase(db)).entities.has('dmitry-peskov')).toBe(true);
    await expect(undoDelete(db, undoToken)).rejects.toThrow(/nothing to undo/);
  });

  it('goes back to the pack’s version of an edited or deleted record, and undoes that', async () => {
    await addAlias(db, 'vladimir-putin', 'Wladimir Putin', now);
    const { undoToken } = await revertRecord(db, 'entity', 'vladimir-putin', now);
    expect((await loadKnowledgeBase(db)).entities.get('vladimir-putin')?.aliases).not.toContain('Wladimir Putin');
    expect(await listUserRecords(db)).toEqual({ records: [], total: 0 });
    await undoDelete(db, undoToken);
    expect((await loadKnowledgeBase(db)).entities.get('vladimir-putin')?.aliases).toContain('Wladimir Putin');
    await deleteRecord(db, 'entity', 'dmitry-peskov', now);
    await revertRecord(db, 'entity', 'dmitry-peskov', now);
    expect((await loadKnowledgeBase(db)).entities.has('dmitry-peskov')).toBe(true);
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: [], description: 'Mine.' }, now);
    await expect(revertRecord(db, 'entity', 'mine', now)).rejects.toThrow(/no version in the pack/);
  });

  it('refuses an invalid edit with the reason', async () => {
    await expect(putUserEntity(db, { id: 'x', name: 'X', type: 'person', aliases: [], description: 'x', roles: [{ title: 'T', of: 'atlantis' }] }, now)).rejects.toThrow(/roles.0.of: unknown entity "atlantis"/);
  });
});

describe('the derived data after an edit', () => {
  it('takes an edit into its overlay, and derives everything anew once the overlay is full', async () => {
    const before = await currentDerived(db);
    for (let i = 0; i < OVERLAY_MAX; i++) {
      await putUserEntity(db, { id: `mine-${i}`, name: `Mine ${i}`, type: 'place', aliases: [], description: 'Mine.' }, now);
      const head = await currentDerived(db);
      expect([head.base, head.overlay.entity.length, head.counts.entities]).toEqual([before.base, i + 1, before.counts.entities + i + 1]);
    }
    await putUserEntity(db, { id: 'one-more', name: 'One More', type: 'place', aliases: [], description: 'Mine.' }, now);
    const anew = await currentDerived(db);
    expect(anew.base).not.toBe(before.base);
    expect(anew.overlay.entity).toEqual([]);
    expect(anew.counts.entities).toBe(before.counts.entities + OVERLAY_MAX + 1);
    expect((await searchEntities(db, 'one more', 5)).map((e) => e.id)).toEqual(['one-more']);
    expect((await listUserRecords(db)).total).toBe(OVERLAY_MAX + 1);
  });

  it('searches after edits as after deriving anew, ties and limits included', async () => {
    const mine = (id: string, name: string, prominence?: number): Entity => ({ id, name, type: 'place', aliases: [], description: 'Mine.', ...(prominence === undefined ? {} : { prominence }) });
    await putUserEntity(db, mine('zz-georgia', 'Georgia Mine', 0.4), now);
    await putUserEntity(db, mine('aa-mine', 'Another Mine'), now);
    await addAlias(db, 'tbilisi', 'Georgian capital', now);
    await deleteRecord(db, 'entity', 'georgia-state', now);
    const queries = ['georgia', 'mine', 'a', 'e'];
    const answers = async () => Promise.all(queries.flatMap((q) => [1, 2, 50].map(async (limit) => (await searchEntities(db, q, limit)).map((e) => e.id))));
    const overlaid = await answers();
    expect((await currentDerived(db)).overlay.entity).toHaveLength(4);
    await db.meta.delete('derived');
    expect((await currentDerived(db)).overlay.entity).toHaveLength(0);
    expect(await answers()).toEqual(overlaid);
    expect(overlaid[0]).toEqual(['zz-georgia']);
  });

  it('keeps the list of the reader’s newest changes full when one of them goes', async () => {
    const many = Array.from({ length: RECENT_KEPT + 1 }, (_, i): Entity => ({ id: `listed-${i}`, name: `Listed ${i}`, type: 'place', aliases: [], description: 'Mine.' }));
    await importKbText(db, JSON.stringify({ manifest, entities: many, events: [] }), now);
    await deleteRecord(db, 'entity', 'listed-7', new Date(now.getTime() + 1000));
    const { records, total } = await listUserRecords(db);
    expect(total).toBe(RECENT_KEPT);
    expect(records).toHaveLength(RECENT_KEPT);
    expect(records.map((r) => r.id)).not.toContain('listed-7');
  });
});

describe('schema upgrades', () => {
  it('opens a database written by schema version 1, upgrades it and finds every record', async () => {
    const name = `v1-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ entities: 'id, type, *aliases', events: 'id, date, *entityIds', articles: 'url, savedAt, *entityIds', meta: 'key' });
    await old.table('entities').bulkPut(miniEntities);
    await old.table('events').bulkPut(miniEvents.map((e) => ({ ...e, entityIds: e.participants.map((p) => p.entity) })));
    await old.table('articles').put({ url: 'https://a.example/', title: 'Saved', site: null, published: null, savedAt: '2026-01-01T00:00:00Z', text: 'Putin', entities: [], entityIds: ['vladimir-putin'] });
    await old.table('meta').put({ key: 'pack', value: { ...manifest } });
    old.close();

    const upgraded = new BackstoryDb(name);
    const kb = await loadKnowledgeBase(upgraded);
    expect([...kb.entities.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...miniEntities].sort((a, b) => a.id.localeCompare(b.id)));
    expect(kb.events.size).toBe(miniEvents.length);
    expect(kb.events.get(miniEvents[0]!.id)).toEqual(miniEvents[0]);
    expect((await upgraded.articles.get('https://a.example/'))?.title).toBe('Saved');
    expect(await listUserRecords(upgraded)).toEqual({ records: [], total: 0 });
    expect(upgraded.tables.map((t) => t.name).sort()).toEqual(['articleBodies', 'articleTombstones', 'articles', 'blocks', 'dismissals', 'meta', 'searchShards', 'stories', 'undo', 'wrongLinks']);
    upgraded.close();
    await upgraded.delete();
  });

  it('opens a database of schema version 3 with the reader’s records, and keeps them winning', async () => {
    const name = `v3-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ entities: 'id, type, *aliases', events: 'id, date, *entityIds', articles: 'url, savedAt, *entityIds', meta: 'key' });
    old.version(2).stores({ userEntities: 'id, updatedAt', userEvents: 'id, updatedAt', undo: 'token, createdAt' });
    old.version(3).stores({ entities: 'id, type, *aliases, name', userEntities: 'id, updatedAt, record.name, *record.aliases', userEvents: 'id, updatedAt, *entityIds' });
    await old.table('entities').bulkPut(miniEntities);
    await old.table('events').bulkPut(miniEvents.map((e) => ({ ...e, entityIds: e.participants.map((p) => p.entity) })));
    const putin = miniEntities.find((e) => e.id === 'vladimir-putin')!;
    await old.table('userEntities').bulkPut([
      { id: 'vladimir-putin', record: { ...putin, aliases: [...putin.aliases, 'Wladimir Putin'] }, overridesPack: true, updatedAt: '2026-01-02T00:00:00Z' },
      { id: 'dmitry-peskov', record: null, overridesPack: true, updatedAt: '2026-01-01T00:00:00Z' },
    ]);
    await old.table('meta').bulkPut([{ key: 'pack', value: { ...manifest } }, { key: 'userRevision', value: 2 }]);
    old.close();

    const upgraded = new BackstoryDb(name);
    const kb = await loadKnowledgeBase(upgraded);
    expect(kb.entities.get('vladimir-putin')?.aliases).toContain('Wladimir Putin');
    expect(kb.entities.has('dmitry-peskov')).toBe(false);
    expect(kb.entities.size).toBe(miniEntities.length - 1);
    expect((await listUserRecords(upgraded)).records.map((r) => [r.id, r.change])).toEqual([['vladimir-putin', 'edited'], ['dmitry-peskov', 'deleted']]);
    upgraded.close();
    await upgraded.delete();
  });
});

describe('imports read in chunks', () => {
  const bigPack = (n: number): Pack => ({
    manifest,
    entities: Array.from({ length: n }, (_, i) => ({ id: `bulk-${i}`, name: `Bulk Person ${i}`, type: 'person' as const, aliases: [`B. P. ${i}`, ...(i % 3 ? [] : [`Бульк ${i} – 😀`])], description: `Generated ${i}.`, roles: [{ title: 'Envoy', of: 'russia' }] })),
    events: Array.from({ length: n / 2 }, (_, i) => ({ id: `bulk-event-${i}`, title: `Bulk talks ${i}`, aliases: [], date: '2024-05-01', participants: [{ entity: `bulk-${i}` }, { entity: 'vladimir-putin' }], type: 'talks' as const, summary: 'Generated.', sources: [{ url: 'https://example.org/' }] })),
  });

  it('imports a file fed in small pieces, and every record is found by id and by name', async () => {
    const text = JSON.stringify(bigPack(6000));
    // Written every 50k characters: a bucket's records end up in several rows.
    const run = await KbImport.begin(db, text.length, now, { flushChars: 50_000 });
    for (let at = 0; at < text.length; at += 7001) await run.write(text.slice(at, at + 7001));
    expect(await run.finish()).toEqual({ added: 9000, updated: 0, unchanged: 0, rejected: 0, problems: [] });
    // More entities than one bucket holds: they are spread over buckets, read bucket by bucket.
    expect((await readLayers(db)).user.buckets).toEqual({ entity: 128, event: 1 });
    // More records than one shard of derived data covers: the index and the per-id data are split.
    expect((await currentDerived(db)).shards).toBe(2);
    const reader = new KbReader(db);
    expect((await reader.entities(['bulk-0', 'bulk-5999', 'vladimir-putin'])).map((e) => e.id)).toEqual(['bulk-0', 'bulk-5999', 'vladimir-putin']);
    expect((await reader.eventsInvolving(['bulk-1234'])).map((e) => e.id)).toEqual(['bulk-event-1234']);
    expect((await searchEntities(db, 'bulk person 5999', 5)).map((e) => e.id)).toEqual(['bulk-5999']);
    // Text beyond ASCII comes back whole, from rows and from the search lists.
    expect((await reader.entities(['bulk-1233']))[0]!.aliases).toEqual(['B. P. 1233', 'Бульк 1233 – 😀']);
    expect((await searchEntities(db, 'бульк 1233 – 😀', 5)).map((e) => e.id)).toEqual(['bulk-1233']);
    expect(await reader.counts()).toEqual({ entities: miniEntities.length + 6000, events: miniEvents.length + 3000, userRecords: 9000 });
    const listed = await listUserRecords(db, 3);
    expect(listed.total).toBe(9000);
    expect(listed.records.map((r) => r.change)).toEqual(['added', 'added', 'added']);
    // What the import derived as records passed by is what deriving from the database gives.
    const fromImport = (await db.meta.bulkGet(['derived', 'search'])).map((r) => r!.value as { counts?: unknown; entities?: string; events?: string });
    await db.meta.bulkDelete(['derived', 'search', 'membership']);
    const fresh = await currentDerived(db);
    const freshSearch = (await db.meta.get('search'))!.value as { entities: string; events: string };
    const lines = (text: string) => text.split('\n').sort();
    expect(fresh.counts).toEqual(fromImport[0]!.counts);
    expect(lines(freshSearch.entities)).toEqual(lines(fromImport[1]!.entities!));
    expect(lines(freshSearch.events)).toEqual(lines(fromImport[1]!.events!));
    // The same file again changes nothing and says so.
    expect(await importKbText(db, text, now)).toMatchObject({ added: 0, updated: 0, unchanged: 9000 });
  });

  it('leaves the database exactly as before when the reader goes away mid-file', async () => {
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: [], description: 'Mine.' }, now);
    const before = await snapshot();
    const rowsBefore = await db.blocks.count();
    const text = JSON.stringify(bigPack(2000));
    const run = await KbImport.begin(db, text.length, now, { flushChars: 10_000 });
    await run.write(text.slice(0, text.length / 2));
    await run.settle();
    expect(await db.blocks.count()).toBeGreaterThan(rowsBefore); // half the file is written, unseen
    expect(await snapshot()).toBe(before);
    // The page closed: no more pieces, no finish. A new service worker clears what was left.
    expect(await dropUnfinishedGenerations(db)).toBe(1);
    expect(await db.blocks.count()).toBe(rowsBefore);
    expect(await snapshot()).toBe(before);
  });

  it('is ready with a new pack before the old one is dropped, which follows (and counts as unfinished until then)', async () => {
    const old = (await readLayers(db)).pack.gen;
    await installPack(db, { manifest: { ...manifest, version: '3.0.0' }, entities: miniEntities, events: miniEvents }, '3.0.0+test', { dropReplaced: 'later' });
    expect((await readLayers(db)).pack.gen).not.toBe(old);
    expect((await loadKnowledgeBase(db)).entities.has('vladimir-putin')).toBe(true);
    for (let i = 0; i < 200 && (await db.blocks.where('key').startsWith(`pack/${old}/`).count()) > 0; i++) await new Promise((ok) => setTimeout(ok, 10));
    expect(await db.blocks.where('key').startsWith(`pack/${old}/`).count()).toBe(0);
    expect(await dropUnfinishedGenerations(db)).toBe(0);
  });

  it('drops a replaced generation that a worker stopped before dropping, and leaves nothing unfinished otherwise', async () => {
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: [], description: 'Mine.' }, now);
    await installPack(db, { manifest: { ...manifest, version: '2.0.0' }, entities: miniEntities, events: miniEvents });
    expect(await dropUnfinishedGenerations(db)).toBe(0);
    const old = (await readLayers(db)).user.gen;
    // A new reader's layer made current, and the worker stopped before dropping the old one.
    const gen = await newGeneration(db);
    const { replaced } = await switchGeneration(db, 'user', { gen, buckets: { entity: 1, event: 1 }, counts: { entity: 0, event: 0 } });
    expect(replaced).toBe(old);
    expect(await db.blocks.where('key').startsWith(`user/${old}/`).count()).toBeGreaterThan(0);
    expect(await dropUnfinishedGenerations(db)).toBe(1);
    expect(await db.blocks.where('key').startsWith(`user/${old}/`).count()).toBe(0);
    expect(await dropUnfinishedGenerations(db)).toBe(0);
  });

  it('lets queued tasks run between the pieces it reads (the page asking, a Stop)', async () => {
    const text = JSON.stringify(bigPack(12_000));
    const run = await KbImport.begin(db, text.length, now, { flushChars: 1 << 30 });
    // Chunks of 64 kB, all there at once: each read of the stream is a microtask.
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < bytes.length; at += 1 << 16) c.enqueue(bytes.subarray(at, at + (1 << 16)));
        c.close();
      },
    });
    const told: number[] = [];
    let toldWhenTaskRan = -1;
    setTimeout(() => (toldWhenTaskRan = told.at(-1) ?? 0), 0);
    await run.read(stream, { onBytes: (n) => told.push(n) });
    // The task ran while the file was still being read, not once it all had been.
    expect(toldWhenTaskRan).toBeGreaterThan(-1);
    expect(toldWhenTaskRan).toBeLessThan(bytes.length / 2);
    // Progress only goes up, and ends at the whole file.
    expect(told).toEqual([...told].sort((a, b) => a - b));
    expect(told.at(-1)).toBe(bytes.length);
    await run.abort();
  });

  it('reads a stream chunk larger than a piece in pieces, letting tasks run between them', async () => {
    const text = JSON.stringify(bigPack(12_000));
    expect(text.length).toBeGreaterThan(3 * (1 << 19));
    const run = await KbImport.begin(db, text.length, now, { flushChars: 1 << 30 });
    const pieces: number[] = [];
    const write = run.write.bind(run);
    run.write = (piece: string) => (pieces.push(piece.length), write(piece));
    let piecesWhenTaskRan = -1;
    setTimeout(() => (piecesWhenTaskRan = pieces.length), 0);
    // The whole file in one chunk, as a stream may hand it over.
    const bytes = new TextEncoder().encode(text);
    await run.read(new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }));
    expect(Math.max(...pieces)).toBeLessThanOrEqual(1 << 19);
    // A Stop between two pieces of the chunk is heard before the next one.
    const again = await KbImport.begin(db, text.length, now, { flushChars: 1 << 30 });
    const stop = new AbortController();
    let written = 0;
    const writeAgain = again.write.bind(again);
    again.write = (piece: string) => (written++ === 0 && stop.abort(), writeAgain(piece));
    await expect(again.read(new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }), { signal: stop.signal })).rejects.toThrow(/stopped/);
    expect(written).toBe(1);
    await again.abort();
    expect(piecesWhenTaskRan).toBeGreaterThan(0);
    expect(piecesWhenTaskRan).toBeLessThan(pieces.length - 1);
    expect(await run.finish()).toMatchObject({ added: 18_000, rejected: 0 });
  });

  it('keeps a generation allocated while it drops stale ones, and finishes a drop cut short', async () => {
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: [], description: 'Mine.' }, now);
    const old = (await readLayers(db)).user.gen;
    await switchGeneration(db, 'user', { gen: await newGeneration(db), buckets: { entity: 1, event: 1 }, counts: { entity: 0, event: 0 } });
    // A worker stopped after the rows went but before the list was updated: dropped at the next start.
    await db.blocks.where('key').startsWith(`user/${old}/`).delete();
    const [dropped, fresh] = await Promise.all([dropUnfinishedGenerations(db), newGeneration(db)]);
    expect(dropped).toBe(1);
    expect((await db.meta.get('unfinished'))!.value).toEqual([fresh]);
  });

  it('refuses the file when the reader edits the knowledge base while it is read, and changes nothing', async () => {
    // The reader's layer has a generation already: the edit below changes only its revision.
    await putUserEntity(db, { id: 'earlier', name: 'Earlier Entity', type: 'place', aliases: [], description: 'Before.' }, now);
    const text = JSON.stringify(bigPack(2000));
    const run = await KbImport.begin(db, text.length, now, { flushChars: 10_000 });
    await run.write(text.slice(0, text.length / 2));
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: [], description: 'Mine.' }, now);
    const before = await snapshot();
    await run.write(text.slice(text.length / 2));
    await expect(run.finish()).rejects.toThrow(/changed while the file was read/);
    expect(await snapshot()).toBe(before);
    expect(await dropUnfinishedGenerations(db)).toBe(0);
  });

  it('compares with membership derived anew when the head is current but its row is gone', async () => {
    const text = JSON.stringify(bigPack(200));
    await importKbText(db, text, now);
    await db.meta.delete('membership');
    const membership = await currentMembership(db);
    expect(membership.stamp).toBe(stampOf(await readLayers(db)));
    expect(await importKbText(db, text, now)).toMatchObject({ added: 0, updated: 0, unchanged: 300 });
  });

  it('gives each caller the rows of its own derivation when two derive at once', async () => {
    await db.meta.delete('derived');
    const both = await Promise.all([0, 1].map(() => currentDerivedWith(db, ['membership', 'search'])));
    for (const { derived, rows } of both) {
      expect((rows.get('membership') as { stamp: string }).stamp).toBe(derived.base);
      expect((rows.get('search') as { stamp: string }).stamp).toBe(derived.base);
    }
    expect(both[0]!.derived.base).not.toBe(both[1]!.derived.base);
  });

  it('refuses a file whose last piece is broken, after many good ones, and changes nothing', async () => {
    const before = await snapshot();
    const text = JSON.stringify(bigPack(2000));
    const report = await importKbText(db, `${text.slice(0, -40)}`, now);
    expect(report.problems[0]!.message).toMatch(/not valid JSON/);
    expect(await snapshot()).toBe(before);
    expect(await dropUnfinishedGenerations(db)).toBe(0);
  });

  it('caps a very long problem list and says how many were left out', async () => {
    const pack = bigPack(2000);
    pack.entities.forEach((e) => (e.roles = [{ title: 'Envoy', of: 'atlantis' }]));
    const report = await importKbText(db, JSON.stringify(pack), now);
    expect(report.problems.length).toBe(501);
    expect(report.problems.at(-1)!.message).toBe('and 1500 more problems');
  });
});

describe('pack install', () => {
  it('refuses an invalid pack, listing its problems, and keeps the one installed', async () => {
    const before = await snapshot();
    await expect(installPack(db, { manifest, entities: [{ id: 'x', name: '', type: 'nothing' }], events: [] })).rejects.toThrow(/the pack is invalid: entities\.0/);
    expect(await snapshot()).toBe(before);
  });
});
