/**
 * Reads the knowledge base from the database on demand. The compiled alias index is read
 * once per service-worker life; for each article only the records its matches name (and the
 * events around them) are fetched, so a wake-up does not load a 100k-entity knowledge base
 * into memory. The merged view rule applies record by record: the reader's layer wins.
 */
import type { Table } from 'dexie';
import { currentIndex, type BackstoryDb, type StoredEvent, type UserRecord } from '../db';
import { KnowledgeBase, referencedIds } from '../kb/knowledge-base';
import type { Entity, KbEvent } from '../kb/schema';
import { CompiledAliasIndex, type CompiledIndexData } from '../match/compiled-index';
import { tokenize } from '../text/tokenize';

const withoutIds = ({ entityIds: _ids, ...event }: StoredEvent): KbEvent => event;

/** Records by id from the merged view: the reader's record when there is one (null: deleted), else the pack's. */
async function mergedGet<T, P>(user: Table<UserRecord<T>, string>, pack: Table<P, string>, ids: Iterable<string>, fromPack: (p: P) => T): Promise<T[]> {
  const list = [...new Set(ids)];
  const [mine, packed] = await Promise.all([user.bulkGet(list), pack.bulkGet(list)]);
  return list.flatMap((_, i) => {
    const u = mine[i];
    if (u) return u.record ? [u.record] : [];
    const p = packed[i];
    return p ? [fromPack(p)] : [];
  });
}

export class KbReader {
  private index: Promise<{ data: CompiledIndexData; index: CompiledAliasIndex }> | null = null;

  constructor(private readonly db: BackstoryDb) {}

  /** Forgets the index read so far; the next read takes the stored one anew. */
  invalidate(): void {
    this.index = null;
  }

  private compiled() {
    return (this.index ??= currentIndex(this.db).then((data) => ({ data, index: new CompiledAliasIndex(data) })));
  }

  /** Entities by id, the reader's records first; unknown and deleted ids are left out. */
  entities(ids: Iterable<string>): Promise<Entity[]> {
    return mergedGet(this.db.userEntities, this.db.entities, ids, (e) => e);
  }

  /** One entity; null when unknown or deleted. */
  async entity(id: string): Promise<Entity | null> {
    return (await this.entities([id]))[0] ?? null;
  }

  /** Events by id, the reader's records first; unknown and deleted ids are left out. */
  events(ids: Iterable<string>): Promise<KbEvent[]> {
    return mergedGet(this.db.userEvents, this.db.events, ids, withoutIds);
  }

  /** Events that involve any of the entities (participant or place), merged view. */
  async eventsInvolving(entityIds: Iterable<string>): Promise<KbEvent[]> {
    const ids = [...new Set(entityIds)];
    if (!ids.length) return [];
    const [pack, user] = await Promise.all([
      this.db.events.where('entityIds').anyOf(ids).toArray(),
      this.db.userEvents.where('entityIds').anyOf(ids).toArray() as Promise<UserRecord<KbEvent>[]>,
    ]);
    const byId = new Map(pack.map((e) => [e.id, withoutIds(e)]));
    // The reader's layer wins: an edit replaces the pack event, a deletion hides it.
    const overrides = await this.db.userEvents.bulkGet([...byId.keys()]);
    for (const u of overrides) if (u) byId.delete(u.id);
    for (const u of user) if (u.record) byId.set(u.id, u.record);
    return [...byId.values()];
  }

  /**
   * The part of the knowledge base an article needs: the entities its words may name (with
   * the records they point at), the events around them, and the events linked to those.
   */
  async sliceFor(text: string): Promise<KnowledgeBase> {
    const { data, index } = await this.compiled();
    const tokens = tokenize(text);
    // The same passes as the analysis: names and demonyms, role phrases, event names.
    const passes: ((kind: string) => boolean)[] = [(k) => k === 'name' || k === 'demonym', (k) => k === 'nominal', (k) => k === 'event'];
    const refs = new Set(passes.flatMap((pass) => index.findAll(text, tokens, (t) => pass(t.kind)).flatMap((m) => m.targets.map((t) => t.ref))));
    const named = await this.entities(refs);
    const pointedAt = named.flatMap(referencedIds);
    const entities = [...named, ...(await this.entities(pointedAt.filter((id) => !refs.has(id))))];
    const events = new Map<string, KbEvent>();
    for (const e of [...(await this.eventsInvolving(named.map((e) => e.id))), ...(await this.events(refs))]) events.set(e.id, e);
    const linked = [...events.values()].flatMap((e) => (e.links ?? []).map((l) => l.event)).filter((id) => !events.has(id));
    for (const e of await this.events(linked)) events.set(e.id, e);
    const places = [...events.values()].flatMap((e) => [...(e.place ? [e.place] : []), ...e.participants.map((p) => p.entity)]);
    const known = new Set(entities.map((e) => e.id));
    entities.push(...(await this.entities(places.filter((id) => !known.has(id)))));
    return new KnowledgeBase(entities, events.values(), data);
  }

  /** Counts of the pack and of the reader's layer (edits of pack records are counted in both). */
  async counts(): Promise<{ entities: number; events: number; userRecords: number }> {
    const [entities, events, userEntities, userEvents] = await Promise.all([
      this.db.entities.count(),
      this.db.events.count(),
      this.db.userEntities.count(),
      this.db.userEvents.count(),
    ]);
    return { entities: entities + userEntities, events: events + userEvents, userRecords: userEntities + userEvents };
  }
}
