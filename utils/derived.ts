/**
 * What lookups need beyond "record by id", derived from the merged view of the layers in
 * db.ts and stored beside them: the alias index and the per-id data in shards, search lists,
 * the membership of each layer with the records' fingerprints, counts, and the reader's
 * newest changes. A service-worker wake-up reads the stored copy and never rebuilds it; an
 * edit goes into its overlay, an import or a new pack derive it anew (see
 * docs/knowledge-base.md, "Storage and reading").
 */
import type { UserRecordSummary } from './messages';
import { entityAliasEntries, eventAliasEntries, involvedIds } from './kb/knowledge-base';
import { ShardedIndexBuilder, type CompiledIndexData } from './match/compiled-index';
import { sortedIndexOf, stringAt, toStringList, type StringList } from './match/string-list';
import { PhaseTimer } from './phase-timer';
import { TopicStatsBuilder, type TopicStatsData } from './related/topic';
import { Column, TextList, decodeUtf8 } from './match/column';
import { validatePack, type Entity, type KbEvent } from './kb/schema';
import { fingerprint } from './kb/fingerprint';
import {
  bucketOf,
  dropGeneration,
  getItems,
  layersOrEmpty,
  newGeneration,
  partsFor,
  putUserRow,
  scanLayer,
  switchGeneration,
  writeGeneration,
  type BackstoryDb,
  type Kind,
  type LayerName,
  type Layers,
  type UserRecord,
} from './db';

/**
 * Puts one item into the reader's layer (or removes it: `item` null), in place in its
 * bucket, and counts a revision. When the stored derived data was current, the change is
 * added to its overlay (see Derived) instead of making the next read derive it all anew.
 * Runs inside the caller's transaction over blocks and meta.
 */
export async function putUserItem(db: BackstoryDb, kind: Kind, id: string, item: UserRecord<Entity> | UserRecord<KbEvent> | null): Promise<void> {
  const { before, layers, after } = await putUserRow(db, kind, id, item);
  await addToOverlay(db, { kind, id, before, item, layers, after });
}

/** Records changed since the derived data was derived that the overlay keeps at most; more, and it is derived anew. */
export const OVERLAY_MAX = 256;

/**
 * The merged view's record of an id changed since the stored derived data was derived
 * (null: the merged view has none now), the layer it is read from, and whether the pack has
 * one (an import tells added and updated records apart by it).
 */
export interface OverlayEntry {
  id: string;
  record: Entity | KbEvent | null;
  layer: LayerName;
  inPack: boolean;
}

/** The overlay's entries of each kind by id. */
export function overlayById(overlay: Record<Kind, OverlayEntry[]>): Record<Kind, Map<string, OverlayEntry>> {
  return { entity: new Map(overlay.entity.map((e) => [e.id, e])), event: new Map(overlay.event.map((e) => [e.id, e])) };
}

/** A summary of a record of the reader's layer, for the library's list of changes. */
export function changeSummary(kind: Kind, item: UserRecord<Entity | KbEvent>): UserRecordSummary {
  return {
    kind,
    id: item.id,
    name: item.record ? ('name' in item.record ? item.record.name : item.record.title) : item.id,
    change: !item.record ? 'deleted' : item.overridesPack ? 'edited' : 'added',
    updatedAt: item.updatedAt,
  };
}

/**
 * Adds one change of the reader's layer to the overlay of the stored derived data, with the
 * counts and the list of the reader's newest changes, when they were current before it; left
 * as it is otherwise (or when the overlay is full), the next read derives everything anew.
 */
async function addToOverlay(
  db: BackstoryDb,
  change: { kind: Kind; id: string; before: UserRecord<Entity | KbEvent> | null; item: UserRecord<Entity | KbEvent> | null; layers: Layers; after: Layers },
): Promise<void> {
  const { kind, id, before, item, layers, after } = change;
  const [headRow, recentRow] = await db.meta.bulkGet(['derived', 'recent']);
  const head = headRow?.value as Derived | undefined;
  const recent = recentRow?.value as RecentChanges | undefined;
  const was = stampOf(layers);
  if (!isCurrent(head, layers) || recent?.stamp !== was) return;
  // A change of the reader's that goes from the list, when the list was cut at RECENT_KEPT,
  // would leave it one short: the next read derives it anew, with the next older change.
  const listed = (r: UserRecordSummary) => r.kind === kind && r.id === id;
  if (!item && recent.total > RECENT_KEPT && recent.records.some(listed)) return;
  const entries = head.overlay[kind].filter((e) => e.id !== id);
  if (entries.length + head.overlay[kind === 'entity' ? 'event' : 'entity'].length >= OVERLAY_MAX) return;
  const packed = (await getItems(db, layers, 'pack', kind, [id])).get(id) ?? null;
  const record = item ? item.record : packed;
  entries.push({ id, record, layer: item ? 'user' : 'pack', inPack: packed !== null });
  const present = (r: unknown) => (r ? 1 : 0);
  const count = kind === 'entity' ? 'entities' : 'events';
  const counts = { ...head.counts, [count]: head.counts[count] + present(record) - present(before ? before.record : packed) };
  const stamp = stampOf(after);
  const records = recent.records.filter((r) => !listed(r));
  if (item) records.push(changeSummary(kind, item));
  records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  await db.meta.bulkPut([
    { key: 'derived', value: { ...head, stamp, counts, overlay: { ...head.overlay, [kind]: entries } } satisfies Derived },
    { key: 'recent', value: { stamp, total: after.user.counts.entity + after.user.counts.event, records: records.slice(0, RECENT_KEPT) } satisfies RecentChanges },
  ]);
}

/** For each entity, the events it took part in or that took place there: entity ids sorted, then CSR. */
export interface Involvement {
  entityIds: StringList;
  /** Entity i's events are eventIds[start[i] .. start[i + 1]). */
  start: Int32Array;
  eventIds: StringList;
}

/**
 * What is derived from the merged view and stored, so that a wake-up reads it instead of
 * computing it. This head is small; the alias index and the per-id data are stored in
 * `shards` parts each (see IndexShard, IdShard), read as requests need them.
 */
export interface Derived {
  format: typeof DERIVED_FORMAT;
  /** Generations and revision of the merged view it answers for: the shards' and the overlay's together. */
  stamp: string;
  /**
   * The name of the derivation the shards, search lists and membership come from: the
   * stamp they were derived at, and a random part of its own.
   */
  base: string;
  /**
   * The records the reader changed since `base` (at most OVERLAY_MAX): an edit is added
   * here rather than deriving everything anew. Their entries in the shards are out of date
   * and not read; these records are matched and read instead.
   */
  overlay: Record<Kind, OverlayEntry[]>;
  /** Of the merged view, overlay included. */
  counts: { entities: number; events: number };
  /** A power of two: the alias index is split by first token, the per-id data by id bucket. */
  shards: number;
}

/** One shard of the alias index: aliases whose first token falls in it (see shardOfToken). */
export interface IndexShard {
  stamp: string;
  index: CompiledIndexData;
}

/** The per-id data of the ids whose bucket (bucketOf with `shards`) is this shard. */
export interface IdShard {
  stamp: string;
  involvement: Involvement;
  /** Ids the reader's layer holds (sorted): their records are read there, all others in the pack. */
  userIds: Record<Kind, StringList>;
}

/** Records per shard of derived data: 100k entities and 50k events make 32 shards of about 300 kB. */
const SHARD_RECORDS = 8192;

/** The number of shards (a power of two) for the derived data of `records` records. */
export function shardsFor(records: number): number {
  return partsFor(records, SHARD_RECORDS);
}

export const shardKey = (what: 'index' | 'ids', n: number) => `${what}/${n}`;

/** Thrown when shards read do not belong to the head read before: the knowledge base changed meanwhile. */
export class DerivedChanged extends Error {
  constructor() {
    super('the knowledge base changed while it was read');
  }
}

/** Shards of derived data by number, all of the head's stamp (else DerivedChanged). */
export async function readShards<T extends IndexShard | IdShard>(db: BackstoryDb, what: 'index' | 'ids', numbers: Iterable<number>, derived: Derived): Promise<Map<number, T>> {
  const list = [...new Set(numbers)];
  const rows = await db.meta.bulkGet(list.map((n) => shardKey(what, n)));
  return new Map(
    rows.map((row, i) => {
      const value = row?.value as T | undefined;
      if (value?.stamp !== derived.base) throw new DerivedChanged();
      return [list[i]!, value];
    }),
  );
}

/**
 * How many events of the merged view use each topic word (see utils/related/topic.ts), for
 * the ranking. Derived with the shards; the reader's later edits (the overlay) do not change
 * it until the next derivation, as one event more or less barely moves a word's weight.
 */
export interface TopicRow {
  stamp: string;
  stats: TopicStatsData;
}

/** Lower-case names of the merged view, one line a record, for substring search. */
export interface SearchLists {
  stamp: string;
  /** Lines `names\u0002id\n`, names joined by \u0001; most prominent entity first. */
  entities: string;
  /** The same for events, newest first. */
  events: string;
}

/** Bumped when the shape of Derived changes, so that a stored copy of an older shape is derived anew. */
const DERIVED_FORMAT = 6;

/** Whether a stored head is of this shape and answers for the merged view of `layers`. */
const isCurrent = (head: Derived | undefined, layers: Layers): head is Derived => head?.format === DERIVED_FORMAT && head.stamp === stampOf(layers);

export const stampOf = (layers: Layers) => `${layers.pack.gen}.${layers.user.gen}.${layers.revision}`;

/** A map's keys, without an iterator's garbage (a result object per key where the code is cold). */
function keysOf<K>(map: Map<K, unknown>): K[] {
  const keys: K[] = [];
  map.forEach((_, key) => keys.push(key));
  return keys;
}

function addInvolvement(byEntity: Map<string, string[]>, event: KbEvent): void {
  for (const id of involvedIds(event)) {
    const list = byEntity.get(id);
    if (list) list.push(event.id);
    else byEntity.set(id, [event.id]);
  }
}

function involvementOf(byEntity: Map<string, string[]>): Involvement {
  const entityIds = keysOf(byEntity).sort();
  const start = new Int32Array(entityIds.length + 1);
  const eventIds: string[] = [];
  entityIds.forEach((id, i) => {
    start[i] = eventIds.length;
    for (const event of byEntity.get(id)!) eventIds.push(event);
  });
  start[entityIds.length] = eventIds.length;
  return { entityIds: toStringList(entityIds), start, eventIds: toStringList(eventIds) };
}

/** Event ids that involve `entityId`. */
export function involvedEvents(involvement: Involvement, entityId: string): string[] {
  const i = sortedIndexOf(involvement.entityIds, entityId);
  if (i < 0) return [];
  const out: string[] = [];
  for (let k = involvement.start[i]!; k < involvement.start[i + 1]!; k++) out.push(stringAt(involvement.eventIds, k));
  return out;
}

/** The layer that holds the merged view's record of `id`, from the id's shard. */
export function layerOf(shard: IdShard, kind: Kind, id: string): LayerName {
  return sortedIndexOf(shard.userIds[kind], id) >= 0 ? 'user' : 'pack';
}

/** The order of search results by their keys (prominence, or date compared by code unit), highest first. */
export function searchOrder(x: number | string, y: number | string): number {
  return typeof x === 'number' ? (y as number) - x : x < y ? 1 : x > y ? -1 : 0;
}

/** The names a record is found by in search: its name or title and its aliases. */
export const searchNames = (record: Entity | KbEvent): string[] => ['name' in record ? record.name : record.title, ...record.aliases];

/** The key a record is ordered by in search results. */
export const searchKey = (kind: Kind, record: Entity | KbEvent): number | string => (kind === 'entity' ? ((record as Entity).prominence ?? 0) : (record as KbEvent).date);

/**
 * Search-list lines and the key each is ordered by (descending), joined into one text at the
 * end. The lines are kept as UTF-8 bytes until then (TextList): at 100k records they were
 * 8 MB of strings on the heap for the whole import.
 */
class SearchLines {
  private readonly lines = new TextList();
  private readonly keys: (number | string)[] = [];

  add(key: number | string, names: string[], id: string): void {
    this.lines.append([names.join('\u0001').toLowerCase(), '\u0002', id, '\n'].join(''));
    this.keys.push(key);
  }

  get count(): number {
    return this.keys.length;
  }

  text(): string {
    const { keys } = this;
    const { bytes, ends } = this.lines.view();
    const out = new Uint8Array(bytes.length);
    let at = 0;
    for (const i of Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => searchOrder(keys[a]!, keys[b]!))) {
      for (let k = i ? ends[i - 1]! : 0; k < ends[i]!; k++) out[at++] = bytes[k]!;
    }
    return decodeUtf8(out);
  }
}

/** How many of the reader's newest changes are kept ready for the library's list. */
export const RECENT_KEPT = 500;

/** The reader's newest changes, newest first, and how many records the reader's layer has. */
export interface RecentChanges {
  stamp: string;
  total: number;
  records: UserRecordSummary[];
}

/** A record's fingerprint (see fingerprint.ts). */
export type Print = [number, number];
const DELETED: Print = [0, 0];

/** Whether a fingerprint of the reader's layer marks a deletion. */
export const isDeletion = (print: Print) => print[0] === DELETED[0] && print[1] === DELETED[1];

/** Ids of a layer's kind, sorted, with the fingerprints of their records (two numbers each; 0 0: a deletion). */
export interface PrintedIds {
  ids: StringList;
  prints: Uint32Array;
}

/** Ids with the fingerprints of their records, gathered in any order, sorted at the end. */
class PrintedIdSet {
  /** Id → its number; fingerprint n is prints[2n], prints[2n + 1]. */
  private readonly numbers = new Map<string, number>();
  private readonly prints = new Column((size) => new Uint32Array(size));

  set(id: string, [a, b]: Print): void {
    const n = this.numbers.get(id);
    if (n === undefined) {
      this.numbers.set(id, this.prints.length / 2);
      this.prints.push(a);
      this.prints.push(b);
    } else {
      this.prints.set(2 * n, a);
      this.prints.set(2 * n + 1, b);
    }
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  forEachId(each: (id: string) => void): void {
    this.numbers.forEach((_, id) => each(id));
  }

  sorted(): PrintedIds {
    const ids = keysOf(this.numbers).sort();
    const prints = new Uint32Array(ids.length * 2);
    ids.forEach((id, i) => {
      const n = this.numbers.get(id)!;
      prints[2 * i] = this.prints.at(2 * n);
      prints[2 * i + 1] = this.prints.at(2 * n + 1);
    });
    return { ids: toStringList(ids), prints };
  }
}

/**
 * Which ids each layer holds and the fingerprints of their records: an import tells added,
 * updated and unchanged records apart without reading any.
 */
export interface Membership {
  stamp: string;
  user: Record<Kind, PrintedIds>;
  pack: Record<Kind, PrintedIds>;
}

/** A derivation as stored: its head, and every row stored with it by key. */
interface StoredDerivation {
  derived: Derived;
  rows: Map<string, unknown>;
}

/**
 * Gathers what is derived from the merged view, one record at a time, so that neither a
 * large knowledge base nor an import has to be held whole: the reader's records first (they
 * win; a deletion hides the pack's record), then the pack's records they do not replace.
 */
export class Deriver {
  /** Built in shards from the start, so that the index is never built whole and then split. */
  private readonly index: ShardedIndexBuilder;
  // Not readonly: `store` lets go of each part once it is compiled, so that a large
  // knowledge base does not hold the parts and what they compile to at once.
  private entityLines = new SearchLines();
  private eventLines = new SearchLines();
  private readonly byEntity = new Map<string, string[]>();
  private readonly topic = new TopicStatsBuilder();
  /** The ids of each layer with the fingerprints of their records ([0, 0]: a deletion). */
  private ids = Deriver.noIds();
  private static noIds() {
    return { user: { entity: new PrintedIdSet(), event: new PrintedIdSet() }, pack: { entity: new PrintedIdSet(), event: new PrintedIdSet() } };
  }
  readonly phases = new PhaseTimer('derive');

  /** The reader's newest changes, kept to RECENT_KEPT at the end (up to twice that meanwhile). */
  private recent: UserRecordSummary[] = [];
  private userCount = 0;

  /**
   * `records`: about how many records the merged view will have (a bound, or an estimate for
   * an import), which sizes the shards; the count derived may differ from it.
   */
  constructor(records: number) {
    this.index = new ShardedIndexBuilder(shardsFor(records));
  }

  /** Whether the reader's layer has a record (or a deletion) of `id`, among those added. */
  hasUser(kind: Kind, id: string): boolean {
    return this.ids.user[kind].has(id);
  }

  /** A record of the reader's layer (with a null record: a deletion). */
  addUser(kind: Kind, item: UserRecord<Entity | KbEvent>, print?: Print): void {
    this.ids.user[kind].set(item.id, item.record ? (print ?? fingerprint(item.record)) : DELETED);
    if (item.record) this.take(kind, item.record);
    this.userCount++;
    this.recent.push(changeSummary(kind, item));
    if (this.recent.length >= 2 * RECENT_KEPT) this.trimRecent();
  }

  private trimRecent(): void {
    this.recent = this.recent.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, RECENT_KEPT);
  }

  private take(kind: Kind, record: Entity | KbEvent): void {
    if (kind === 'entity') {
      const e = record as Entity;
      for (const entry of entityAliasEntries(e)) this.index.add(entry);
      this.entityLines.add(searchKey(kind, e), searchNames(e), e.id);
    } else {
      const e = record as KbEvent;
      for (const entry of eventAliasEntries(e)) this.index.add(entry);
      this.eventLines.add(searchKey(kind, e), searchNames(e), e.id);
      addInvolvement(this.byEntity, e);
      this.topic.add(e);
    }
  }

  /** The pack's records, after every record of the reader's layer was added. */
  async addPack(db: BackstoryDb, layers: Layers): Promise<void> {
    for (const kind of ['entity', 'event'] as const) {
      await scanLayer(db, layers, 'pack', kind, (r) => {
        this.ids.pack[kind].set(r.id, fingerprint(r));
        if (!this.ids.user[kind].has(r.id)) this.take(kind, r);
      });
    }
    this.phases.lap('read');
  }

  /** The pack's records as they are being installed: the same as addPack, without reading them back. */
  addPackRecords(records: { entity: Entity[]; event: KbEvent[] }): void {
    for (const kind of ['entity', 'event'] as const) {
      for (const r of records[kind]) {
        this.ids.pack[kind].set(r.id, fingerprint(r));
        if (!this.ids.user[kind].has(r.id)) this.take(kind, r);
      }
    }
    this.phases.lap('pack records');
  }

  /** Compiles and stores it all for the merged view of `stamp`; returns the head, and every row stored by key. */
  async store(db: BackstoryDb, stamp: string): Promise<StoredDerivation> {
    // Its own name, beyond the stamp: two derivations of one merged view (an import's and a
    // reader's that found the head stale) may split it in different numbers of shards, and
    // a shard of one must never be read with the head of the other.
    const base = `${stamp}#${Math.random().toString(36).slice(2, 10)}`;
    const sorted = (ids: Iterable<string>) => toStringList([...ids].sort());
    const counts = { entities: this.entityLines.count, events: this.eventLines.count };
    const { shards } = this.index;
    const derived: Derived = { format: DERIVED_FORMAT, stamp, base, overlay: { entity: [], event: [] }, counts, shards };
    const parts = Array.from({ length: shards }, () => ({ byEntity: new Map<string, string[]>(), user: { entity: [] as string[], event: [] as string[] } }));
    // forEach rather than for-of: this runs once, unoptimised, where an iterator allocates a result per entry.
    this.byEntity.forEach((events, id) => parts[bucketOf(id, shards)]!.byEntity.set(id, events));
    for (const kind of ['entity', 'event'] as const) this.ids.user[kind].forEachId((id) => parts[bucketOf(id, shards)]!.user[kind].push(id));
    const idRows = parts.map((part, n) => ({
      key: shardKey('ids', n),
      value: { stamp: base, involvement: involvementOf(part.byEntity), userIds: { entity: sorted(part.user.entity), event: sorted(part.user.event) } } satisfies IdShard,
    }));
    this.byEntity.clear();
    const membership: Membership = {
      stamp: base,
      user: { entity: this.ids.user.entity.sorted(), event: this.ids.user.event.sorted() },
      pack: { entity: this.ids.pack.entity.sorted(), event: this.ids.pack.event.sorted() },
    };
    // The deriver is spent: its maps of ids (~7 MB at 100k) go before the index and the search
    // text are made, which is when an import's heap is fullest.
    this.ids = Deriver.noIds();
    const indexRows = [...this.index.build()].map((index, n) => ({ key: shardKey('index', n), value: { stamp: base, index } satisfies IndexShard }));
    this.phases.lap('index');
    const search: SearchLists = { stamp: base, entities: this.entityLines.text(), events: this.eventLines.text() };
    this.entityLines = new SearchLines();
    this.eventLines = new SearchLines();
    this.trimRecent();
    const recent: RecentChanges = { stamp, total: this.userCount, records: this.recent };
    this.phases.lap('search lists');
    const topic: TopicRow = { stamp: base, stats: this.topic.build() };
    this.phases.lap('topic words');
    const rows = [{ key: 'derived', value: derived }, ...indexRows, ...idRows, { key: 'search', value: search }, { key: 'membership', value: membership }, { key: 'recent', value: recent }, { key: 'topic', value: topic }];
    await db.transaction('rw', db.meta, async () => {
      // Shards of an earlier, larger knowledge base go; the head is written with its shards.
      for (const what of ['index', 'ids'] as const) await db.meta.where('key').between(`${what}/`, `${what}/\uffff`).delete();
      await db.meta.bulkPut(rows);
    });
    this.phases.lap('store');
    this.phases.report();
    return { derived, rows: new Map(rows.map((row) => [row.key, row.value])) };
  }
}

/** Derives and stores everything lookups need from the merged view, reading it record by record. */
async function deriveAndStore(db: BackstoryDb, layers: Layers): Promise<StoredDerivation> {
  const deriver = new Deriver(layers.pack.counts.entity + layers.pack.counts.event + layers.user.counts.entity + layers.user.counts.event);
  for (const kind of ['entity', 'event'] as const) await scanLayer(db, layers, 'user', kind, (u) => deriver.addUser(kind, u));
  await deriver.addPack(db, layers);
  return deriver.store(db, stampOf(layers));
}

/**
 * The head of the derived data and the layers it was derived from, in one read with the
 * meta rows `also` (a fresh worker gets what it needs first in one round); derived and
 * stored anew when the stored copy is not current (`derivedNow`), and `also` is then taken
 * from what was stored, not read back.
 */
export async function currentDerivedWith(db: BackstoryDb, also: string[] = []): Promise<{ derived: Derived; layers: Layers; rows: Map<string, unknown>; derivedNow: boolean }> {
  const [head, layersRow, ...rest] = await db.meta.bulkGet(['derived', 'layers', ...also]);
  const layers = layersOrEmpty(layersRow?.value);
  const stored = head?.value as Derived | undefined;
  if (isCurrent(stored, layers)) return { derived: stored, layers, rows: new Map(also.map((key, i) => [key, rest[i]?.value])), derivedNow: false };
  const fresh = await deriveAndStore(db, layers);
  return { derived: fresh.derived, layers, rows: new Map(also.map((key) => [key, fresh.rows.get(key)])), derivedNow: true };
}

/** The derived data of the merged view: the stored copy when it is current, else derived and stored now. */
export async function currentDerived(db: BackstoryDb): Promise<Derived> {
  return (await currentDerivedWith(db)).derived;
}

/**
 * A row stored beside the derived data, with the head it goes with and the layers they answer
 * for, all from one read (or one derivation); derived first when not current. The reader's
 * newest changes follow every edit (`stamp`); membership and search lists are those of the
 * shards (`base`), read with the head's overlay.
 */
async function currentCompanion<T extends { stamp: string }>(db: BackstoryDb, key: 'membership' | 'search' | 'recent'): Promise<{ derived: Derived; layers: Layers; stored: T }> {
  const stampFor = (derived: Derived) => (key === 'recent' ? derived.stamp : derived.base);
  const { derived, layers, rows } = await currentDerivedWith(db, [key]);
  const stored = rows.get(key) as T | undefined;
  if (stored?.stamp === stampFor(derived)) return { derived, layers, stored };
  // The row is behind its head (a changes list an edit could not keep up to date in place,
  // or no row at all, as an older version stored): derived anew.
  const fresh = await deriveAndStore(db, layers);
  return { derived: fresh.derived, layers, stored: fresh.rows.get(key) as T };
}

/** Which ids each layer holds now, with their records' fingerprints: the stored lists and the overlay. */
export class MembershipView {
  private readonly changed: Record<Kind, Map<string, OverlayEntry>>;

  /** The stamp of the merged view it answers for. */
  readonly stamp: string;

  constructor(
    private readonly stored: Membership,
    /** The layers of the merged view it answers for. */
    readonly layers: Layers,
    overlay: Derived['overlay'],
  ) {
    this.stamp = stampOf(layers);
    this.changed = overlayById(overlay);
  }

  private static printIn({ ids, prints }: PrintedIds, id: string): Print | undefined {
    const i = sortedIndexOf(ids, id);
    return i < 0 ? undefined : [prints[2 * i]!, prints[2 * i + 1]!];
  }

  /** The merged view's record of `id`: its fingerprint (null: the reader deleted it) and whether the pack has it; undefined when neither layer has it. */
  existing(kind: Kind, id: string): { print: Print | null; inPack: boolean } | undefined {
    const entry = this.changed[kind].get(id);
    if (entry) {
      if (entry.record) return { print: fingerprint(entry.record), inPack: entry.inPack };
      return entry.layer === 'user' ? { print: null, inPack: entry.inPack } : undefined;
    }
    const pack = MembershipView.printIn(this.stored.pack[kind], id);
    const user = MembershipView.printIn(this.stored.user[kind], id);
    // The reader's record wins, and a deletion hides the pack's.
    if (user) return { print: isDeletion(user) ? null : user, inPack: pack !== undefined };
    return pack && { print: pack, inPack: true };
  }

  /** Whether the reader's layer holds a record (or a deletion) of `id`. */
  inUserLayer(kind: Kind, id: string): boolean {
    const entry = this.changed[kind].get(id);
    return entry ? entry.layer === 'user' : sortedIndexOf(this.stored.user[kind].ids, id) >= 0;
  }
}

/** Which ids each layer holds now. */
export async function currentMembership(db: BackstoryDb): Promise<MembershipView> {
  const { derived, layers, stored } = await currentCompanion<Membership>(db, 'membership');
  return new MembershipView(stored, layers, derived.overlay);
}

/** The reader's newest changes and how many there are. */
export const currentRecentChanges = async (db: BackstoryDb) => (await currentCompanion<RecentChanges>(db, 'recent')).stored;

/** The search lists of the merged view as derived, and the records changed since (see Derived). */
export async function currentSearchLists(db: BackstoryDb): Promise<{ lists: SearchLists; overlay: Derived['overlay'] }> {
  const { derived, stored } = await currentCompanion<SearchLists>(db, 'search');
  return { lists: stored, overlay: derived.overlay };
}

/**
 * Replaces the pack's records with those of `pack`: written as a new generation, then made
 * current in one small transaction, so that a failure leaves the previous pack in place.
 * The reader's layer and saved articles are never touched. The pack is validated here, and
 * an invalid one is refused with its problems listed.
 */
export async function installPack(db: BackstoryDb, given: unknown, build?: string, options: { dropReplaced?: 'now' | 'later' } = {}): Promise<void> {
  // Stored as the schema outputs it (keys in its order, which fingerprints rely on), and never invalid.
  const phases = new PhaseTimer('install pack');
  const checked = validatePack(given);
  if (!checked.ok) throw new Error(`the pack is invalid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const { pack } = checked;
  phases.lap('validate');
  const gen = await newGeneration(db);
  const info = await writeGeneration(db.blocks, 'pack', gen, { entity: pack.entities, event: pack.events });
  phases.lap('write');
  const { replaced, layers } = await switchGeneration(db, 'pack', info, { meta: [{ key: 'pack', value: { ...pack.manifest, ...(build ? { build } : {}), installedAt: new Date().toISOString() } }] });
  phases.lap('switch');
  // Derived from the records in hand, not read back from the database (5 s of 12 at 138k).
  const deriver = new Deriver(layers.pack.counts.entity + layers.pack.counts.event + layers.user.counts.entity + layers.user.counts.event);
  for (const kind of ['entity', 'event'] as const) await scanLayer(db, layers, 'user', kind, (u) => deriver.addUser(kind, u));
  deriver.addPackRecords({ entity: pack.entities, event: pack.events });
  await deriver.store(db, stampOf(layers));
  phases.lap('derive');
  // The old pack's rows go last: nothing reads them once the new generation is current. With
  // 'later' the pack is ready before they are gone (3 s at 200k records); the replaced
  // generation counts as unfinished, so a worker stopped meanwhile drops it at its next start.
  const drop = replaced ? dropGeneration(db, 'pack', replaced) : null;
  if (drop && options.dropReplaced === 'later') void drop.catch((error: unknown) => console.error('[backstory] dropping the old pack failed; the next start retries', error));
  else if (drop) {
    await drop;
    phases.lap('drop the old pack');
  }
  phases.report();
}
