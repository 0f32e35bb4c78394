/**
 * The extension's IndexedDB database, owned by the background (see ../shared/DESIGN.md).
 * Every schema version is declared here in order, with its upgrade beside it.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { SavedArticle } from './messages';
import type { CompiledIndexData } from './match/compiled-index';
import { compileKnowledgeIndex } from './kb/knowledge-base';
import type { Entity, KbEvent, Pack } from './kb/schema';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** An event as stored: with the ids of its participants and place, indexed for lookups. */
export interface StoredEvent extends KbEvent {
  entityIds: string[];
}

/**
 * A record of the reader's layer: their own entity or event, their edit of a pack record,
 * or a deletion (record null). It always wins over the pack and survives pack updates.
 */
export interface UserRecord<T> {
  id: string;
  record: T | null;
  /** Whether a pack record of this id existed when the reader changed it. */
  overridesPack: boolean;
  updatedAt: string;
  /** For events: the ids of the participants and place, indexed like the pack's events. */
  entityIds?: string[];
}

/** A deleted record kept for undo. */
export interface UndoRecord {
  token: string;
  kind: 'entity' | 'event';
  /** The reader's record before the delete; null when there was none. */
  before: UserRecord<Entity> | UserRecord<KbEvent> | null;
  createdAt: string;
}

/** The stored compiled alias index and what it was compiled from. */
export interface StoredIndex {
  /** Pack version and reader's-layer revision the index was built from. */
  stamp: string;
  data: CompiledIndexData;
}

export class BackstoryDb extends Dexie {
  entities!: Table<Entity, string>;
  events!: Table<StoredEvent, string>;
  articles!: Table<SavedArticle, string>;
  meta!: Table<MetaRecord, string>;
  userEntities!: Table<UserRecord<Entity>, string>;
  userEvents!: Table<UserRecord<KbEvent>, string>;
  undo!: Table<UndoRecord, string>;

  constructor(name = 'backstory', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1: the pack's records, saved articles, metadata.
    this.version(1).stores({
      entities: 'id, type, *aliases',
      events: 'id, date, *entityIds',
      articles: 'url, savedAt, *entityIds',
      meta: 'key',
    });
    // Version 2: the reader's layer beside the pack, undo, and the compiled alias index
    // stored so that a service-worker wake-up does not rebuild it.
    this.version(2)
      .stores({
        userEntities: 'id, updatedAt',
        userEvents: 'id, updatedAt',
        undo: 'token, createdAt',
      })
      .upgrade(async (tx) => storeIndexIn(tx, await installedStamp(tx)));
    // Version 3: names indexed for search, in the pack and in the reader's layer, so a large
    // knowledge base is searched by index rather than by reading every record.
    this.version(3)
      .stores({
        entities: 'id, type, *aliases, name',
        userEntities: 'id, updatedAt, record.name, *record.aliases',
        userEvents: 'id, updatedAt, *entityIds',
      })
      .upgrade((tx) =>
        tx
          .table('userEvents')
          .toCollection()
          .modify((u: UserRecord<KbEvent>) => {
            u.entityIds = u.record ? toStoredEvent(u.record).entityIds : [];
          }),
      );
  }
}

type Source = Transaction | BackstoryDb;

/** A table by name, from the database or from a transaction (an upgrade's, say). */
function tableOf<T>(src: Source, name: string): Table<T, string> {
  return (src as unknown as Dexie).table<T, string>(name);
}

async function installedStamp(tx: Source): Promise<string> {
  const pack = await tableOf<MetaRecord>(tx, 'meta').get('pack');
  const revision = await tableOf<MetaRecord>(tx, 'meta').get('userRevision');
  return `${(pack?.value as { version?: string } | undefined)?.version ?? 'none'}+${Number(revision?.value ?? 0)}`;
}

/** Compiles the merged view's alias index and stores it under `stamp`. */
async function storeIndexIn(tx: Source, stamp: string): Promise<CompiledIndexData> {
  const { entities, events } = await readMerged(tx);
  const data = compileKnowledgeIndex(entities, events);
  await tableOf<MetaRecord>(tx, 'meta').put({ key: 'index', value: { stamp, data } satisfies StoredIndex });
  return data;
}

/**
 * The merged view: pack records, replaced by the reader's records of the same id, without
 * the ones the reader deleted, plus the reader's own.
 */
export async function readMerged(tx: Source): Promise<{ entities: Entity[]; events: KbEvent[] }> {
  const merge = <T extends { id: string }>(pack: T[], user: UserRecord<T>[]): T[] => {
    const byId = new Map(user.map((u) => [u.id, u]));
    const out = pack.filter((r) => !byId.has(r.id));
    for (const u of user) if (u.record) out.push(u.record);
    return out;
  };
  const [entities, events, userEntities, userEvents] = await Promise.all([
    tableOf<Entity>(tx, 'entities').toArray(),
    tableOf<StoredEvent>(tx, 'events').toArray(),
    tableOf<UserRecord<Entity>>(tx, 'userEntities').toArray(),
    tableOf<UserRecord<KbEvent>>(tx, 'userEvents').toArray(),
  ]);
  return { entities: merge(entities, userEntities), events: merge(events.map(stripEntityIds), userEvents) };
}

function stripEntityIds({ entityIds: _ids, ...event }: StoredEvent): KbEvent {
  return event;
}

/** The compiled index of the merged view: the stored one when it is current, else compiled and stored now. */
export async function currentIndex(db: BackstoryDb): Promise<CompiledIndexData> {
  const stamp = await installedStamp(db);
  const stored = (await db.meta.get('index'))?.value as StoredIndex | undefined;
  if (stored?.stamp === stamp) return stored.data;
  return db.transaction('rw', [db.meta, db.entities, db.events, db.userEntities, db.userEvents], (tx) => storeIndexIn(tx, stamp));
}

/** Marks the reader's layer as changed, so the stored index is rebuilt on next use. */
export async function bumpUserRevision(db: BackstoryDb): Promise<void> {
  const current = Number((await db.meta.get('userRevision'))?.value ?? 0);
  await db.meta.put({ key: 'userRevision', value: current + 1 });
}

/** The version of the pack now in the database; null before the first import. */
export async function installedPackVersion(db: BackstoryDb): Promise<string | null> {
  const record = await db.meta.get('pack');
  return (record?.value as { version?: string } | undefined)?.version ?? null;
}

/** An event with its indexed entity ids, as the events table stores it. */
export function toStoredEvent(e: KbEvent): StoredEvent {
  return { ...e, entityIds: [...new Set([...e.participants.map((p) => p.entity), ...(e.place ? [e.place] : [])])] };
}

/**
 * Replaces the pack's records with those of `pack`, in one transaction: if anything fails,
 * the database stays as it was. The reader's layer and saved articles are never touched.
 */
export async function installPack(db: BackstoryDb, pack: Pack): Promise<void> {
  await db.transaction('rw', [db.entities, db.events, db.meta, db.userEntities, db.userEvents], async (tx) => {
    await db.entities.clear();
    await db.events.clear();
    await db.entities.bulkPut(pack.entities);
    await db.events.bulkPut(pack.events.map(toStoredEvent));
    await db.meta.put({ key: 'pack', value: { ...pack.manifest, installedAt: new Date().toISOString() } });
    await storeIndexIn(tx, await installedStamp(tx));
  });
}
