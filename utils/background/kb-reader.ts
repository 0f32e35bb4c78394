/**
 * Reads the knowledge base from the database on demand. The compiled alias index is read
 * once per service-worker life; for each article only the records its matches name (and the
 * events around them) are fetched, so a wake-up does not load a 100k-entity knowledge base
 * into memory. The merged view rule applies record by record: the reader's layer wins.
 */
import { WHOLE_LAYER_MAX, currentDerived, getItems, involvedEvents, layerOf, readLayers, scanLayer, type LayerItem, type LayerName, type BackstoryDb, type Derived, type Kind, type Layers, type RecordOf } from '../db';
import { KnowledgeBase, referencedIds } from '../kb/knowledge-base';
import type { Entity, KbEvent } from '../kb/schema';
import { CompiledAliasIndex } from '../match/compiled-index';
import { tokenize } from '../text/tokenize';
import type { PhaseTimer } from '../phase-timer';

type Loaded = { derived: Derived; index: CompiledAliasIndex; layers: Layers; whole: Map<string, Promise<Map<string, { id: string }>>> };

export class KbReader {
  private derived: Promise<Loaded> | null = null;

  constructor(private readonly db: BackstoryDb) {}

  /** Forgets what was read so far; the next read takes the stored data anew. */
  invalidate(): void {
    this.derived = null;
  }

  private compiled() {
    // Read once per worker life (or per change of the knowledge base), with the layers it was derived from.
    if (!this.derived) {
      const started = performance.now();
      this.derived = Promise.all([currentDerived(this.db), readLayers(this.db)]).then(([derived, layers]) => {
        console.info(`[backstory] lookup data read in ${Math.round(performance.now() - started)} ms`);
        return { derived, index: new CompiledAliasIndex(derived.index), layers, whole: new Map() };
      });
    }
    this.derived.catch(() => (this.derived = null));
    return this.derived;
  }

  /** Records by id from the merged view: the reader's record when there is one (null: deleted), else the pack's. */
  private async merged<K extends Kind>(kind: K, ids: Iterable<string>): Promise<RecordOf<K>[]> {
    const list = [...new Set(ids)];
    if (!list.length) return [];
    const loaded = await this.compiled();
    const { layers, derived } = loaded;
    // The derived data says which layer holds each record: only that bucket is read.
    const where = { user: [] as string[], pack: [] as string[] };
    for (const id of list) where[layerOf(derived, kind, id)].push(id);
    // A small layer (the default pack, a reader's own additions) is read whole, once: one
    // query instead of a round of bucket reads for each article.
    const read = async <L extends LayerName>(layer: L, ids: string[]): Promise<Map<string, LayerItem<L, K>>> => {
      if (!ids.length) return new Map();
      if (layers[layer].counts[kind] > WHOLE_LAYER_MAX) return getItems(this.db, layers, layer, kind, ids);
      const key = `${layer}/${kind}`;
      if (!loaded.whole.has(key)) {
        const all = new Map<string, { id: string }>();
        loaded.whole.set(key, scanLayer(this.db, layers, layer, kind, (item) => all.set(item.id, item)).then(() => all));
      }
      return (await loaded.whole.get(key)!) as Map<string, LayerItem<L, K>>;
    };
    // Not in one transaction: a whole-layer read may already be under way for another call,
    // and awaiting it inside a transaction would let that transaction commit early.
    const [mine, packed] = await Promise.all([read('user', where.user), read('pack', where.pack)]);
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
    const [names, nominals, eventNames] = passes.map((pass) => new Set(index.findAll(text, tokens, (t) => pass(t.kind)).flatMap((m) => m.targets.map((t) => t.ref))));
    phases?.lap('match');
    // Reads go in rounds, each as wide as what the previous one revealed.
    const named = await this.entities([...names!, ...nominals!]);
    const known = new Set(named.map((e) => e.id));
    const [pointedAt, involving, byName] = await Promise.all([
      this.entities(named.flatMap(referencedIds).filter((id) => !known.has(id))),
      this.eventsInvolving(known),
      this.events(eventNames!),
    ]);
    const entities = [...named, ...pointedAt];
    for (const e of pointedAt) known.add(e.id);
    const events = new Map<string, KbEvent>([...involving, ...byName].map((e) => [e.id, e]));
    const around = (list: Iterable<KbEvent>) => [...list].flatMap((e) => [...(e.place ? [e.place] : []), ...e.participants.map((p) => p.entity)]).filter((id) => !known.has(id));
    const linkedIds = [...events.values()].flatMap((e) => (e.links ?? []).map((l) => l.event)).filter((id) => !events.has(id));
    const [linked, places] = await Promise.all([this.events(linkedIds), this.entities(around(events.values()))]);
    for (const e of places) known.add(e.id);
    for (const e of linked) events.set(e.id, e);
    entities.push(...places, ...(await this.entities(around(linked))));
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
