/**
 * Schema migrations from every earlier version (issue 19): for each version BackstoryDb
 * declares before its current one, a database is created at that version with data in every
 * table it has, then opened with the current schema; nothing may be lost. The versions are
 * read from the declarations themselves, so a version added later is tested without an edit
 * here: its tables that this test does not know get a row each, which must still be there.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { miniEntities, miniEvents } from '../tests/fixtures/mini-kb';
import { listUserRecords } from './background/kb-store';
import { BackstoryDb, readLayers, scanLayer, writeGeneration, type BlockRow, type Kind, type Layers, type RecordOf, type UserRecord, upgradeSavedArticle } from './db';
import type { Entity, KbEvent } from './kb/schema';

type Stores = Record<string, string | null>;
/** Dexie's record of a declared version (not in its public types). */
interface DeclaredVersion {
  _cfg: { version: number; storesSource: Stores };
}

/** The versions BackstoryDb declares, in order, with the stores each one changes. */
function declaredVersions(): { version: number; stores: Stores }[] {
  const db = new BackstoryDb(`declared-${Math.random()}`);
  const versions = (db as unknown as { _versions: DeclaredVersion[] })._versions.map((v) => ({ version: v._cfg.version, stores: v._cfg.storesSource }));
  db.close();
  return versions.sort((a, b) => a.version - b.version);
}

/** The tables a database has at `version`, with their schema strings. */
function tablesAt(versions: { version: number; stores: Stores }[], version: number): Map<string, string> {
  const tables = new Map<string, string>();
  for (const v of versions.filter((x) => x.version <= version)) {
    for (const [name, schema] of Object.entries(v.stores)) {
      if (schema === null) tables.delete(name);
      else tables.set(name, schema);
    }
  }
  return tables;
}

const manifest = { name: 'test pack', version: '1.0.0', schemaVersion: 1 as const, license: 'CC0', created: '2026-01-01', sources: ['tests'] };
const putin = miniEntities.find((e) => e.id === 'vladimir-putin')!;
const editedPutin: Entity = { ...putin, aliases: [...putin.aliases, 'Wladimir Putin'] };
const editedEvent: KbEvent = { ...miniEvents[1]!, aliases: [...miniEvents[1]!.aliases, 'the reader’s name for it'] };
const userEntities: UserRecord<Entity>[] = [
  { id: 'vladimir-putin', record: editedPutin, overridesPack: true, updatedAt: '2026-01-02T00:00:00.000Z' },
  { id: 'dmitry-peskov', record: null, overridesPack: true, updatedAt: '2026-01-01T00:00:00.000Z' },
];
const userEvents: UserRecord<KbEvent>[] = [{ id: editedEvent.id, record: editedEvent, overridesPack: true, updatedAt: '2026-01-03T00:00:00.000Z' }];
const article = { url: 'https://a.example/news', title: 'Saved', site: 'A', published: '2025-10-22', savedAt: '2026-01-01T00:00:00Z', text: 'Putin met Trump.', entities: [{ id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' }], entityIds: ['vladimir-putin'] };
const undo = { token: 'undo-1', kind: 'entity', before: null, createdAt: '2026-01-01T00:00:00Z' };
const dismissal = { url: 'https://a.example/news', eventId: miniEvents[0]!.id, dismissedAt: '2026-01-01T00:00:00Z' };
/** The tables this test fills with data of their own kind. */
const KNOWN = new Set(['entities', 'events', 'userEntities', 'userEvents', 'blocks', 'meta', 'articles', 'undo', 'dismissals', 'articleBodies']);
const withEntityIds = (e: KbEvent) => ({ ...e, entityIds: e.participants.map((p) => p.entity) });

/** A row for a table this test does not know, keyed as its schema says; null for a key it cannot make. */
function rowFor(schema: string): { row: Record<string, unknown>; key?: string } | null {
  const primary = schema.split(',')[0]!.trim();
  const row: Record<string, unknown> = { migrationProbe: true };
  if (primary.startsWith('++')) return { row };
  if (primary === '') return { row, key: 'migration-probe' };
  const fields = primary.replace(/^&/, '').replace(/^\[|\]$/g, '').split('+');
  if (fields.some((f) => f.includes('.') || f.startsWith('*'))) return null;
  for (const f of fields) row[f] = `probe-${f}`;
  return { row };
}

/** Creates a database at `version` (as that version's code did), with data in every table it has. */
async function seed(name: string, versions: { version: number; stores: Stores }[], version: number) {
  const old = new Dexie(name);
  for (const v of versions.filter((x) => x.version <= version)) old.version(v.version).stores(v.stores);
  await old.open();
  const tables = tablesAt(versions, version);
  const has = (t: string) => tables.has(t);
  const seeded = { user: false, undo: false, dismissals: false, probes: [] as { table: string; row: Record<string, unknown> }[] };
  await old.table('meta').put({ key: 'pack', value: { ...manifest } });
  if (has('articleBodies')) {
    // Version 8 on: the text apart, the library's fields beside the rest.
    const { text, ...stored } = article;
    upgradeSavedArticle(stored, 1);
    await old.table('articles').put(stored);
    await old.table('articleBodies').put({ url: article.url, text, html: null });
  } else await old.table('articles').put(article);
  // A version's code wrote where its schema says records live: in blocks once there are blocks
  // (version 4 on: its upgrade moved the per-record tables' rows, which then stayed empty).
  if (has('blocks')) {
    // Records in blocks, layers by generation (version 4 on).
    const blocks = old.table<BlockRow, string>('blocks');
    const pack = await writeGeneration(blocks, 'pack', 1, { entity: miniEntities, event: miniEvents });
    const user = await writeGeneration(blocks, 'user', 2, { entity: userEntities, event: userEvents });
    await old.table('meta').bulkPut([
      { key: 'layers', value: { pack, user, revision: 3 } satisfies Layers },
      { key: 'nextGen', value: 3 },
    ]);
    seeded.user = true;
  } else if (has('entities')) {
    // One row per record (versions 1–3).
    await old.table('entities').bulkPut(miniEntities);
    await old.table('events').bulkPut(miniEvents.map(withEntityIds));
    if (has('userEntities')) {
      await old.table('userEntities').bulkPut(userEntities);
      await old.table('userEvents').bulkPut(userEvents.map((u) => ({ ...u, entityIds: u.record!.participants.map((p) => p.entity) })));
      await old.table('meta').put({ key: 'userRevision', value: 3 });
      seeded.user = true;
    }
  }
  if (has('undo')) {
    await old.table('undo').put(undo);
    seeded.undo = true;
  }
  if (has('dismissals')) {
    await old.table('dismissals').put(dismissal);
    seeded.dismissals = true;
  }
  for (const [table, schema] of tables) {
    if (KNOWN.has(table)) continue;
    const probe = rowFor(schema);
    if (!probe) continue;
    await (probe.key === undefined ? old.table(table).put(probe.row) : old.table(table).put(probe.row, probe.key));
    seeded.probes.push({ table, row: probe.row });
  }
  old.close();
  return seeded;
}

/** The merged view of the current database: pack records, replaced or deleted by the reader's. */
async function mergedView(db: BackstoryDb): Promise<{ entities: Map<string, Entity>; events: Map<string, KbEvent> }> {
  const layers = await readLayers(db);
  const merge = async <K extends Kind>(kind: K) => {
    const out = new Map<string, RecordOf<K>>();
    await scanLayer(db, layers, 'pack', kind, (r) => void out.set(r.id, r as RecordOf<K>));
    await scanLayer(db, layers, 'user', kind, (u) => {
      const item = u as UserRecord<RecordOf<K>>;
      if (item.record) out.set(item.id, item.record);
      else out.delete(item.id);
    });
    return out;
  };
  return { entities: await merge('entity'), events: await merge('event') };
}

const versions = declaredVersions();
const current = versions.at(-1)!.version;

describe('schema migrations from every earlier version (issue 19)', () => {
  it('declares its versions in order, from 1, the latest being the one the database opens at', async () => {
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
    const db = new BackstoryDb(`current-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(current);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...tablesAt(versions, current).keys()].sort());
    db.close();
    await db.delete();
  });

  it.each(versions.slice(0, -1).map((v) => v.version))(`upgrades a database of version %i with data to the current one, losing nothing`, async (version) => {
    const name = `migrate-from-${version}-${Math.random()}`;
    const seeded = await seed(name, versions, version);
    const db = new BackstoryDb(name);
    await db.open();
    expect(db.verno).toBe(current);

    const { entities, events } = await mergedView(db);
    const expectedEntities = new Map(miniEntities.map((e) => [e.id, e]));
    const expectedEvents = new Map(miniEvents.map((e) => [e.id, e]));
    if (seeded.user) {
      expectedEntities.set(editedPutin.id, editedPutin);
      expectedEntities.delete('dmitry-peskov');
      expectedEvents.set(editedEvent.id, editedEvent);
    }
    expect(new Map([...entities].sort())).toEqual(new Map([...expectedEntities].sort()));
    expect(new Map([...events].sort())).toEqual(new Map([...expectedEvents].sort()));
    const changes = (await listUserRecords(db)).records.map((r) => `${r.id} ${r.change}`).sort();
    expect(changes).toEqual(seeded.user ? [`${editedEvent.id} edited`, 'dmitry-peskov deleted', 'vladimir-putin edited'].sort() : []);

    // Version 8 (issue 21) keeps an article's text apart and adds the library's fields: every field it had is kept.
    const [saved, ...more] = await db.articles.toArray();
    expect(more).toEqual([]);
    expect({ ...saved, text: (await db.articleBodies.get(article.url))?.text }).toMatchObject(article);
    expect(saved).toMatchObject({ tags: [], note: '', highlights: [], events: [], addresses: [article.url], updatedAt: article.savedAt, seq: 1 });
    expect(await db.meta.get('pack')).toEqual({ key: 'pack', value: manifest });
    if (seeded.undo) expect(await db.undo.toArray()).toEqual([undo]);
    if (seeded.dismissals) expect(await db.dismissals.toArray()).toEqual([dismissal]);
    const now = tablesAt(versions, current);
    for (const probe of seeded.probes) {
      if (!now.has(probe.table)) continue;
      expect(await db.table(probe.table).toArray()).toContainEqual(probe.row);
    }
    db.close();
    await db.delete();
  });
});
