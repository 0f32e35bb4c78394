/**
 * Reads the knowledge base from the database on demand. The compiled alias index is read
 * once per service-worker life; for each article only the records its matches name (and the
 * events around them) are fetched, so a wake-up does not load a 100k-entity knowledge base
 * into memory. The merged view rule applies record by record: the reader's layer wins.
 */
import { currentDerived, getItems, involvedEvents, readLayers, type BackstoryDb, type Derived, type Kind, type Layers, type RecordOf } from '../db';
import { KnowledgeBase, referencedIds } from '../kb/knowledge-base';
import type { Entity, KbEvent } from '../kb/schema';
import { CompiledAliasIndex } from '../match/compiled-index';
import { tokenize } from '../text/tokenize';
import type { PhaseTimer } from './phase-timer';

export class KbReader {
  private derived: Promise<{ derived: Derived; index: CompiledAliasIndex; layers: Layers }> | null = null;

  constructor(private readonly db: BackstoryDb) {}

  /** Forgets what was read so far; the next read takes the stored data anew. */
  invalidate(): void {
    this.derived = null;
  }

  private compiled() {
    // Read once per worker life (or per change of the knowledge base), with the layers it was derived from.
    this.derived ??= Promise.all([currentDerived(this.db), readLayers(this.db)]).then(([derived, layers]) => ({ derived, index: new CompiledAliasIndex(derived.index), layers }));
    this.derived.catch(() => (this.derived = null));
    return this.derived;
  }

  /** Records by id from the merged view: the reader's record when there is one (null: deleted), else the pack's. */
  private async merged<K extends Kind>(kind: K, ids: Iterable<string>): Promise<RecordOf<K>[]> {
    const list = [...new Set(ids)];
    if (!list.length) return [];
    const { layers } = await this.compiled();
    const [mine, packed] = await Promise.all([getItems(this.db, layers, 'user', kind, list), getItems(this.db, layers, 'pack', kind, list)]);
    return list.flatMap((id) => {
      const u = mine.get(id);
      if (u) return u.record ? [u.record as RecordOf<K>] : [];
      const p = packed.get(id);
      return p ? [p as RecordOf<K>] : [];
    });
  }

  /** Entities by id, the reader's records first; unknown and deleted ids are left out. */
  entities(ids: Iterable<string>): Promise<Entity[]> {
    return this.merged('entity', ids);
  }

  /** One entity; null when unknown or deleted. */
  async entity(id: string): Promise<Entity | null> {
    return (await this.entities([id]))[0] ?? null;
  }

  /** Events by id, the reader's records first; unknown and deleted ids are left out. */
  events(ids: Iterable<string>): Promise<KbEvent[]> {
    return this.merged('event', ids);
  }

  /** Events that involve any of the entities (participant or place), merged view. */
  async eventsInvolving(entityIds: Iterable<string>): Promise<KbEvent[]> {
    const { derived } = await this.compiled();
    return this.events([...new Set(entityIds)].flatMap((id) => involvedEvents(derived.involvement, id)));
  }

  /**
   * The part of the knowledge base an article needs: the entities its words may name (with
   * the records they point at), the events around them, and the events linked to those.
   */
  async sliceFor(text: string, phases?: PhaseTimer): Promise<KnowledgeBase> {
    const { derived, index } = await this.compiled();
    phases?.lap('read index');
    const tokens = tokenize(text);
    // The same passes as the analysis: names and demonyms, role phrases, event names.
    const passes: ((kind: string) => boolean)[] = [(k) => k === 'name' || k === 'demonym', (k) => k === 'nominal', (k) => k === 'event'];
    const refs = new Set(passes.flatMap((pass) => index.findAll(text, tokens, (t) => pass(t.kind)).flatMap((m) => m.targets.map((t) => t.ref))));
    phases?.lap('match');
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
    phases?.lap(`read ${entities.length} entities, ${events.size} events`);
    const kb = new KnowledgeBase(entities, events.values(), derived.index);
    phases?.lap('slice');
    return kb;
  }

  /** Counts of the merged view, and of the reader's records (additions, edits and deletions). */
  async counts(): Promise<{ entities: number; events: number; userRecords: number }> {
    const [{ derived }, layers] = await Promise.all([this.compiled(), readLayers(this.db)]);
    return { ...derived.counts, userRecords: layers.user.counts.entity + layers.user.counts.event };
  }
}
