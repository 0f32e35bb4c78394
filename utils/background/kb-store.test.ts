import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { miniEntities, miniEvents } from '../../tests/fixtures/mini-kb';
import { seeded } from '../../tests/bench/synthetic-pack';
import { BackstoryDb, currentIndex, installPack, readMerged } from '../db';
import type { Entity, Pack } from '../kb/schema';
import { KnowledgeBase } from '../kb/knowledge-base';
import { addAlias, deleteRecord, exportKb, importKbText, listUserRecords, putUserEntity, undoDelete } from './kb-store';

/** The whole merged view with its stored index, to look at what the database now holds. */
async function loadKnowledgeBase(source: BackstoryDb): Promise<KnowledgeBase> {
  const [merged, index] = await Promise.all([readMerged(source), currentIndex(source)]);
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

  it.each([
    ['malformed JSON', '{"manifest": ', /not valid JSON/],
    ['a wrong schema version', JSON.stringify({ manifest: { ...manifest, schemaVersion: 9 }, entities: [], events: [] }), /schema version 9/],
    ['duplicate ids', JSON.stringify({ manifest, entities: [miniEntities[0], miniEntities[0]], events: [] }), /duplicate entity id/],
    ['a reference to a missing entity', JSON.stringify({ manifest, entities: [], events: [{ ...miniEvents[0], participants: [{ entity: 'nobody' }] }] }), /unknown entity "nobody"/],
    ['a huge string', JSON.stringify({ manifest, entities: [{ ...miniEntities[0], description: 'x'.repeat(100_000) }], events: [] }), /at most 500 characters/],
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
    const { pack } = await exportKb(db, 'all', now);
    const copy = new BackstoryDb(`copy-${Math.random()}`);
    await installPack(copy, { manifest, entities: [], events: [] });
    const report = await importKbText(copy, JSON.stringify(pack), now);
    expect(report.rejected).toBe(0);
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    const again = (await exportKb(copy, 'all', now)).pack;
    expect(sort(again.entities)).toEqual(sort(pack.entities));
    expect(sort(again.events)).toEqual(sort(pack.events));
    copy.close();
    await copy.delete();
  });

  it('exports only the reader’s layer when asked', async () => {
    await putUserEntity(db, { id: 'mine', name: 'My Entity', type: 'place', aliases: [], description: 'Mine.' }, now);
    const { pack, fileName } = await exportKb(db, 'user', now);
    expect(fileName).toBe('backstory-my-additions-2026-11-25.json');
    expect(pack.entities.map((e) => e.id)).toEqual(['mine']);
  });
});

describe('the reader’s layer', () => {
  it('wins over the pack and survives a pack update', async () => {
    await addAlias(db, 'vladimir-putin', 'Wladimir Putin', now);
    await installPack(db, { manifest: { ...manifest, version: '2.0.0' }, entities: miniEntities, events: miniEvents });
    const kb = await loadKnowledgeBase(db);
    expect(kb.entities.get('vladimir-putin')?.aliases).toContain('Wladimir Putin');
    expect((await listUserRecords(db)).map((r) => [r.id, r.change])).toEqual([['vladimir-putin', 'edited']]);
  });

  it('deletes a pack record and undoes the delete', async () => {
    const { undoToken } = await deleteRecord(db, 'entity', 'dmitry-peskov', now);
    expect((await loadKnowledgeBase(db)).entities.has('dmitry-peskov')).toBe(false);
    await undoDelete(db, undoToken);
    expect((await loadKnowledgeBase(db)).entities.has('dmitry-peskov')).toBe(true);
    await expect(undoDelete(db, undoToken)).rejects.toThrow(/nothing to undo/);
  });

  it('refuses an invalid edit with the reason', async () => {
    await expect(putUserEntity(db, { id: 'x', name: 'X', type: 'person', aliases: [], description: 'x', roles: [{ title: 'T', of: 'atlantis' }] }, now)).rejects.toThrow(/roles.0.of: unknown entity "atlantis"/);
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
    expect(await upgraded.entities.count()).toBe(miniEntities.length);
    expect(await upgraded.events.count()).toBe(miniEvents.length);
    expect((await upgraded.articles.get('https://a.example/'))?.title).toBe('Saved');
    expect(await upgraded.userEntities.count()).toBe(0);
    const stored = (await upgraded.meta.get('index'))?.value as { stamp: string };
    expect(stored.stamp).toBe('1.0.0+0');
    const kb = await loadKnowledgeBase(upgraded);
    expect(kb.entities.size).toBe(miniEntities.length);
    upgraded.close();
    await upgraded.delete();
  });
});
