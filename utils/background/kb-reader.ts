/**
 * Reads the knowledge base from the database on demand. The compiled alias index is read
 * once per service-worker life; for each article only the records its matches name (and the
 * events around them) are fetched, so a wake-up does not load a 100k-entity knowledge base
 * into memory. The merged view rule applies record by record: the reader's layer wins.
 */
import {
  WHOLE_LAYER_MAX,
  bucketOf,
  getItems,
  scanLayer,
  type BackstoryDb,
  type Kind,
  type LayerItem,
  type LayerName,
  type Layers,
  type RecordOf,
} from '../db';
import {
  currentDerivedWith,
  DerivedChanged,
  involvedEvents,
  layerOf,
  readShards,
  shardKey,
  type Derived,
  type IdShard,
  type IndexShard,
  type OverlayEntry,
  overlayById,
  type TopicRow,
} from '../derived';
import { compileKnowledgeIndex, involvedIds, KnowledgeBase, referencedIds, type RankingCache } from '../kb/knowledge-base';
import type { Entity, KbEvent } from '../kb/schema';
import { CompiledAliasIndex, OverlaidIndex, ShardedAliasIndex, type AliasMatcher } from '../match/compiled-index';
import type { AliasTarget } from '../match/alias-index';
import { TopicStats } from '../related/topic';
import { tokenize, type Token } from '../text/tokenize';
import type { PhaseTimer } from '../phase-timer';

/** What was read of the stored derived data in this worker's life, by shard, and small layers read whole. */
interface Loaded {
  derived: Derived;
  layers: Layers;
  index: Map<number, Promise<CompiledAliasIndex>>;
  ids: Map<number, Promise<IdShard>>;
  whole: Map<string, Promise<Map<string, { id: string }>>>;
  /** The records changed since the shards were derived, by id: read from here, not from the layers. */
  changed: Record<Kind, Map<string, OverlayEntry>>;
  /** The alias index of the changed records, compiled when first needed. */
  changedIndex?: CompiledAliasIndex;
  /**
   * For the ranking: how many events use each topic word (from the stored row; counted per
   * slice when it is not of these shards), and the words counted by the slices of this read
   * (a change of the knowledge base reads anew, and counts anew).
   */
  ranking: RankingCache;
}

export class KbReader {
  private loaded: Promise<Loaded> | null = null;
  /** What the last load read, kept across `invalidate`: its shards serve while the shards stay the same. */
  private last: Loaded | null = null;

  constructor(private readonly db: BackstoryDb) {}

  /**
   * Forgets the head and the layers; the next read takes them anew. Shards already read are
   * kept when they are still current (an edit changes only the overlay), and so is a small
   * pack read whole while the pack is the same.
   */
  invalidate(): void {
    this.loaded = null;
  }

  /** The head of the derived data and the layers, once per worker life (or change of the knowledge base). */
  private load(): Promise<Loaded> {
    if (!this.loaded) {
      const started = performance.now();
      // Shard 0 comes in the same read: a knowledge base the size of the default pack has no other.
      this.loaded = currentDerivedWith(this.db, [shardKey('index', 0), shardKey('ids', 0), 'topic']).then(({ derived, layers, rows, derivedNow }) => {
        const last = this.last;
        const sameShards = last?.derived.base === derived.base;
        const topicRow = rows.get('topic') as TopicRow | undefined;
        const loaded: Loaded = {
          derived,
          layers,
          index: sameShards ? last.index : new Map(),
          ids: sameShards ? last.ids : new Map(),
          whole: new Map([...(last?.whole ?? [])].filter(([key]) => key.startsWith('pack/') && last!.layers.pack.gen === layers.pack.gen)),
          changed: overlayById(derived.overlay),
          ranking: {
            ...(sameShards && last.ranking.topic ? { topic: last.ranking.topic } : topicRow?.stamp === derived.base ? { topic: new TopicStats(topicRow.stats) } : {}),
            eventTerms: new Map(),
            entityWords: new Map(),
          },
        };
        // Not the shards of a derivation made just now: read from the database later, they
        // show whether another derivation (an import's, say) overtook this one meanwhile.
        // (Other changes reach the reader through `invalidate`.)
        if (!derivedNow) {
          const index = rows.get(shardKey('index', 0)) as IndexShard | undefined;
          const ids = rows.get(shardKey('ids', 0)) as IdShard | undefined;
          if (index?.stamp === derived.base && !loaded.index.has(0)) loaded.index.set(0, Promise.resolve(new CompiledAliasIndex(index.index)));
          if (ids?.stamp === derived.base && !loaded.ids.has(0)) loaded.ids.set(0, Promise.resolve(ids));
        }
        this.last = loaded;
        console.info(`[backstory] lookup data read in ${Math.round(performance.now() - started)} ms`);
        return loaded;
      });
      this.loaded.catch(() => (this.loaded = null));
    }
    return this.loaded;
  }

  /** A small layer's kind, read whole once per worker life. */
  private whole<L extends LayerName, K extends Kind>(loaded: Loaded, layer: L, kind: K): Promise<Map<string, LayerItem<L, K>>> {
    const key = `${layer}/${kind}`;
    if (!loaded.whole.has(key)) {
      const all = new Map<string, { id: string }>();
      const read = scanLayer(this.db, loaded.layers, layer, kind, (item) => all.set(item.id, item)).then(() => all);
      // A failed read is tried again by the next request, not kept for the worker's life.
      read.catch(() => loaded.whole.delete(key));
      loaded.whole.set(key, read);
    }
    return loaded.whole.get(key)! as Promise<Map<string, LayerItem<L, K>>>;
  }

  /**
   * Runs a read; when the knowledge base changed between reading the head and a shard, once
   * more from a fresh head.
   */
  private async fresh<T>(read: (loaded: Loaded) => Promise<T>): Promise<T> {
    try {
      return await read(await this.load());
    } catch (error) {
      if (!(error instanceof DerivedChanged)) throw error;
      this.invalidate();
      return read(await this.load());
    }
  }

  /** Shards by number, each read once per worker life; those not read yet in one request. */
  private async shards<R extends IndexShard | IdShard, T>(loaded: Loaded, what: 'index' | 'ids', cache: Map<number, Promise<T>>, numbers: Iterable<number>, open: (row: R) => T): Promise<Map<number, T>> {
    const wanted = [...new Set(numbers)];
    const missing = wanted.filter((n) => !cache.has(n));
    if (missing.length) {
      const rows = readShards<R>(this.db, what, missing, loaded.derived);
      rows.catch(() => missing.forEach((n) => cache.delete(n)));
      for (const n of missing) cache.set(n, rows.then((read) => open(read.get(n)!)));
    }
    return new Map(await Promise.all(wanted.map(async (n) => [n, await cache.get(n)!] as const)));
  }

  private idShards(loaded: Loaded, ids: string[]): Promise<Map<number, IdShard>> {
    return this.shards(loaded, 'ids', loaded.ids, ids.map((id) => bucketOf(id, loaded.derived.shards)), (row: IdShard) => row);
  }

  /** Records by id from the merged view: the reader's record when there is one (null: deleted), else the pack's. */
  private async merged<K extends Kind>(loaded: Loaded, kind: K, ids: Iterable<string>): Promise<RecordOf<K>[]> {
    const wanted = [...new Set(ids)];
    const changed = loaded.changed[kind];
    // A record changed since the shards were derived is read from the overlay.
    const list = changed.size ? wanted.filter((id) => !changed.has(id)) : wanted;
    const fromOverlay = (id: string): RecordOf<K>[] => {
      const record = changed.get(id)?.record;
      return record ? [record as RecordOf<K>] : [];
    };
    if (!list.length) return wanted.flatMap(fromOverlay);
    const { layers, derived } = loaded;
    // The id's shard says which layer holds its record: only that layer is read. With no
    // records of the reader's, there is nothing to look up.
    const where = { user: [] as string[], pack: [] as string[] };
    if (!layers.user.counts[kind]) where.pack = list;
    else {
      const shards = await this.idShards(loaded, list);
      for (const id of list) where[layerOf(shards.get(bucketOf(id, derived.shards))!, kind, id)].push(id);
    }
    // A small layer (the default pack, a reader's own additions) is read whole, once: one
    // query instead of a round of bucket reads for each article.
    const read = async <L extends LayerName>(layer: L, ids: string[]): Promise<Map<string, LayerItem<L, K>>> => {
      if (!ids.length) return new Map();
      if (layers[layer].counts[kind] > WHOLE_LAYER_MAX) return getItems(this.db, layers, layer, kind, ids);
      return this.whole(loaded, layer, kind);
    };
    // Not in one transaction: a whole-layer read may already be under way for another call,
    // and awaiting it inside a transaction would let that transaction commit early.
    const [mine, packed] = await Promise.all([read('user', where.user), read('pack', where.pack)]);
    return wanted.flatMap((id) => {
      if (changed.has(id)) return fromOverlay(id);
      const u = mine.get(id);
      if (u) return u.record ? [u.record as RecordOf<K>] : [];
      const p = packed.get(id);
      return p ? [p as RecordOf<K>] : [];
    });
  }

  private async involving(loaded: Loaded, entityIds: Iterable<string>): Promise<KbEvent[]> {
    const ids = [...new Set(entityIds)];
    const shards = await this.idShards(loaded, ids);
    // Events changed since the shards were derived count as they are now, not as they were.
    const changed = loaded.changed.event;
    const stored = ids.flatMap((id) => involvedEvents(shards.get(bucketOf(id, loaded.derived.shards))!.involvement, id)).filter((id) => !changed.has(id));
    const now = [...changed.values()].flatMap((e) => {
      if (!e.record) return [];
      const involved = involvedIds(e.record as KbEvent);
      return ids.some((id) => involved.has(id)) ? [e.id] : [];
    });
    return this.merged(loaded, 'event', [...stored, ...now]);
  }

  /** The alias index of what the article needs: the stored shards, with the changed records over them. */
  private async indexFor(loaded: Loaded, tokens: Token[]): Promise<{ index: AliasMatcher; read: number }> {
    const { shards } = loaded.derived;
    const parts = await this.shards(loaded, 'index', loaded.index, ShardedAliasIndex.shardsOf(tokens, shards), (row: IndexShard) => new CompiledAliasIndex(row.index));
    const stored = new ShardedAliasIndex(shards, parts);
    const { entity, event } = loaded.changed;
    if (!entity.size && !event.size) return { index: stored, read: parts.size };
    const records = (map: Map<string, OverlayEntry>) => [...map.values()].flatMap((e) => (e.record ? [e.record] : []));
    loaded.changedIndex ??= new CompiledAliasIndex(compileKnowledgeIndex(records(entity) as Entity[], records(event) as KbEvent[]));
    const changedOf = (t: AliasTarget) => (t.kind === 'event' ? event : entity).get(t.ref);
    const hidden = (t: AliasTarget) => changedOf(t) !== undefined;
    const mine = (t: AliasTarget) => changedOf(t)?.layer === 'user';
    return { index: new OverlaidIndex(stored, loaded.changedIndex, hidden, mine), read: parts.size };
  }

  /** Entities by id, the reader's records first; unknown and deleted ids are left out. */
  entities(ids: Iterable<string>): Promise<Entity[]> {
    return this.fresh((loaded) => this.merged(loaded, 'entity', ids));
  }

  /** One entity; null when unknown or deleted. */
  async entity(id: string): Promise<Entity | null> {
    return (await this.entities([id]))[0] ?? null;
  }

  /** Events by id, the reader's records first; unknown and deleted ids are left out. */
  events(ids: Iterable<string>): Promise<KbEvent[]> {
    return this.fresh((loaded) => this.merged(loaded, 'event', ids));
  }

  /** Events that involve any of the entities (participant or place), merged view. */
  eventsInvolving(entityIds: Iterable<string>): Promise<KbEvent[]> {
    return this.fresh((loaded) => this.involving(loaded, entityIds));
  }

  /**
   * The part of the knowledge base an article needs: the entities its words may name (with
   * the records they point at), the events around them, and the events linked to those;
   * its alias index covers the article's words (the shards they start aliases in).
   */
  sliceFor(text: string, phases?: PhaseTimer): Promise<KnowledgeBase> {
    return this.fresh(async (loaded) => {
      const tokens = tokenize(text);
      const { index, read } = await this.indexFor(loaded, tokens);
      phases?.lap(`read index (${read} of ${loaded.derived.shards} shards)`);
      // The same passes as the analysis: names and demonyms, role phrases, event names.
      const passes: ((kind: string) => boolean)[] = [(k) => k === 'name' || k === 'weak' || k === 'demonym', (k) => k === 'nominal', (k) => k === 'event'];
      const [names, nominals, eventNames] = passes.map((pass) => new Set(index.findAll(text, tokens, (t) => pass(t.kind)).flatMap((m) => m.targets.map((t) => t.ref))));
      phases?.lap('match');
      // Reads go in rounds, each as wide as what the previous one revealed.
      const entitiesOf = (ids: Iterable<string>) => this.merged(loaded, 'entity', ids);
      const named = await entitiesOf([...names!, ...nominals!]);
      const known = new Set(named.map((e) => e.id));
      const [pointedAt, involving, byName] = await Promise.all([
        entitiesOf(named.flatMap(referencedIds).filter((id) => !known.has(id))),
        this.involving(loaded, known),
        this.merged(loaded, 'event', eventNames!),
      ]);
      const entities = [...named, ...pointedAt];
      for (const e of pointedAt) known.add(e.id);
      const events = new Map<string, KbEvent>([...involving, ...byName].map((e) => [e.id, e]));
      const around = (list: Iterable<KbEvent>) => [...list].flatMap((e) => [...involvedIds(e)]).filter((id) => !known.has(id));
      const linkedIds = [...events.values()].flatMap((e) => (e.links ?? []).map((l) => l.event)).filter((id) => !events.has(id));
      const [linked, places] = await Promise.all([this.merged(loaded, 'event', linkedIds), entitiesOf(around(events.values()))]);
      for (const e of places) known.add(e.id);
      for (const e of linked) events.set(e.id, e);
      entities.push(...places, ...(await entitiesOf(around(linked))));
      phases?.lap(`read ${entities.length} entities, ${events.size} events`);
      const kb = new KnowledgeBase(entities, events.values(), index, loaded.ranking);
      phases?.lap('slice');
      return kb;
    });
  }

  /** Counts of the merged view, and of the reader's records (additions, edits and deletions). */
  async counts(): Promise<{ entities: number; events: number; userRecords: number }> {
    const { derived, layers } = await this.load();
    return { ...derived.counts, userRecords: layers.user.counts.entity + layers.user.counts.event };
  }
}
