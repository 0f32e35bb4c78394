/**
 * The extension's IndexedDB database, owned by the background (see ../shared/DESIGN.md).
 * Every schema version is declared here in order, with its upgrade beside it.
 */
import Dexie, { type Table } from 'dexie';
import type { SavedArticle } from './messages';
import type { Entity, KbEvent, Pack } from './kb/schema';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** An event as stored: with the ids of its participants and place, indexed for lookups. */
export interface StoredEvent extends KbEvent {
  entityIds: string[];
}

export class BackstoryDb extends Dexie {
  entities!: Table<Entity, string>;
  events!: Table<StoredEvent, string>;
  articles!: Table<SavedArticle, string>;
  meta!: Table<MetaRecord, string>;

  constructor(name = 'backstory', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      entities: 'id, type, *aliases',
      events: 'id, date, *entityIds',
      articles: 'url, savedAt, *entityIds',
      meta: 'key',
    });
  }
}

/** The version of the pack now in the database; null before the first import. */
export async function installedPackVersion(db: BackstoryDb): Promise<string | null> {
  const record = await db.meta.get('pack');
  return (record?.value as { version?: string } | undefined)?.version ?? null;
}

/**
 * Replaces the pack's records with those of `pack`, in one transaction: if anything fails,
 * the database stays as it was. Saved articles are never touched.
 */
export async function installPack(db: BackstoryDb, pack: Pack): Promise<void> {
  await db.transaction('rw', db.entities, db.events, db.meta, async () => {
    await db.entities.clear();
    await db.events.clear();
    await db.entities.bulkPut(pack.entities);
    await db.events.bulkPut(
      pack.events.map((e) => ({ ...e, entityIds: [...new Set([...e.participants.map((p) => p.entity), ...(e.place ? [e.place] : [])])] })),
    );
    await db.meta.put({ key: 'pack', value: { ...pack.manifest, installedAt: new Date().toISOString() } });
  });
}
