/**
 * The extension's IndexedDB database, owned by the background (see ../shared/DESIGN.md).
 * Every schema version is declared here in order, with its upgrade beside it.
 *
 * Knowledge-base records live in blocks: each row holds up to a few dozen records of one
 * layer (the pack, the reader's layer), one kind (entity, event) and one hash bucket of their
 * id. One row per record cost ~0.1 ms of IndexedDB time each, 15–45 s for a 150k-record
 * import; blocks write the same records in about a second, and a record is found by reading
 * its bucket. A layer is written as a numbered generation and made current by one small
 * write, so a large import can be written in many transactions and still be all or nothing.
 * What lookups need beyond "record by id" — the alias index, the events of an entity, search
 * lists, counts — is derived from the merged view and stored (see `currentDerived`), the
 * alias index and the per-id data in shards, so that a fresh worker reads only what the
 * request in hand needs.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { SavedArticle, UserRecordSummary } from './messages';
import { entityAliasEntries, eventAliasEntries, involvedIds } from './kb/knowledge-base';
import { CompiledAliasIndex, hash, ShardedAliasIndex, ShardedIndexBuilder, type CompiledIndexData } from './match/compiled-index';
import { sortedIndexOf, stringAt, toStringList, type StringList } from './match/string-list';
import { PhaseTimer } from './phase-timer';
import { Column } from './match/column';
import { validatePack, type Entity, type KbEvent } from './kb/schema';
import { fingerprint } from './kb/fingerprint';

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type Kind = 'entity' | 'event';
export type LayerName = 'pack' | 'user';
export type RecordOf<K extends Kind> = K extends 'entity' ? Entity : KbEvent;

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
}

/** JSON.stringify(item), given the JSON of its record: an import has it already, for the record's fingerprint. */
export function userItemJson<T>(item: UserRecord<T>, recordJson: string): string {
  // Joined rather than concatenated: one flat string, where `+` makes a rope of eight that
  // a large import would hold twice over until its rows are written.
  return ['{"id":', JSON.stringify(item.id), ',"record":', recordJson, ',"overridesPack":', String(item.overridesPack), ',"updatedAt":', JSON.stringify(item.updatedAt), '}'].join('');
}

/** What a layer holds: pack records, or the reader's records. */
export type LayerItem<L extends LayerName, K extends Kind> = L extends 'pack' ? RecordOf<K> : UserRecord<RecordOf<K>>;

/**
 * A row of records: key `layer/generation/kind/bucket/sequence`; the records' ids joined by
 * newlines, and the records as the text of one JSON array, record i being
 * `json.slice(at[i], at[i + 1] - 1)`. A row is three values to copy in and out of IndexedDB
 * (far faster than objects or arrays of strings); a lookup parses only the record it wants,
 * a scan parses the whole array at once.
 */
export interface BlockRow {
  key: string;
  ids: string;
  json: string;
  at: Int32Array;
}

function encodeRow(key: string, ids: string[], records: string[]): BlockRow {
  const at = new Int32Array(ids.length + 1);
  let position = 1;
  records.forEach((record, i) => {
    at[i] = position;
    position += record.length + 1;
  });
  at[ids.length] = position;
  return { key, ids: ids.join('\n'), json: `[${records.join(',')}]`, at };
}

const rowIds = (row: BlockRow): string[] => (row.ids === '' ? [] : row.ids.split('\n'));
const rowRecordText = (row: BlockRow, i: number): string => row.json.slice(row.at[i], row.at[i + 1]! - 1);

/** Where a layer's current records are, and how many there are. */
export interface LayerInfo {
  gen: number;
  buckets: Record<Kind, number>;
  counts: Record<Kind, number>;
}

/** The current generation of each layer; `revision` counts every change to the merged view. */
export interface Layers {
  pack: LayerInfo;
  user: LayerInfo;
  revision: number;
}

/** A deleted record kept for undo. */
export interface UndoRecord {
  token: string;
  kind: Kind;
  /** The reader's record before the delete; null when there was none. */
  before: UserRecord<Entity> | UserRecord<KbEvent> | null;
  createdAt: string;
}

export class BackstoryDb extends Dexie {
  blocks!: Table<BlockRow, string>;
  articles!: Table<SavedArticle, string>;
  meta!: Table<MetaRecord, string>;
  undo!: Table<UndoRecord, string>;

  constructor(name = 'backstory', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Versions 1–3 kept one row per record (tables entities, events, userEntities,
    // userEvents); their upgrades are folded into version 4, which reads those tables.
    this.version(1).stores({ entities: 'id, type, *aliases', events: 'id, date, *entityIds', articles: 'url, savedAt, *entityIds', meta: 'key' });
    this.version(2).stores({ userEntities: 'id, updatedAt', userEvents: 'id, updatedAt', undo: 'token, createdAt' });
    this.version(3).stores({ entities: 'id, type, *aliases, name', userEntities: 'id, updatedAt, record.name, *record.aliases', userEvents: 'id, updatedAt, *entityIds' });
    // Version 4: records in blocks, layers by generation.
    this.version(4)
      .stores({ blocks: 'key' })
      .upgrade(async (tx) => {
        const rows = <T>(name: string) => tx.table<T, string>(name).toArray();
        const strip = <T extends object>(record: T) => {
          const { entityIds: _ids, ...rest } = record as T & { entityIds?: unknown };
          return rest;
        };
        const [entities, events, userEntities, userEvents] = await Promise.all([
          rows<Entity>('entities'),
          rows<KbEvent>('events'),
          rows<UserRecord<Entity>>('userEntities'),
          rows<UserRecord<KbEvent>>('userEvents'),
        ]);
        const blocks = tx.table<BlockRow, string>('blocks');
        const pack = await writeGeneration(blocks, 'pack', 1, { entity: entities, event: events.map(strip) as KbEvent[] });
        const user = await writeGeneration(blocks, 'user', 1, { entity: userEntities.map(strip), event: userEvents.map(strip) });
        const meta = tx.table<MetaRecord, string>('meta');
        const revision = Number((await meta.get('userRevision'))?.value ?? 0);
        await meta.bulkPut([
          { key: 'layers', value: { pack, user, revision } satisfies Layers },
          { key: 'nextGen', value: 2 },
        ]);
        await meta.bulkDelete(['index', 'userRevision']);
      });
    // Version 5: the per-record tables go.
    this.version(5).stores({ entities: null, events: null, userEntities: null, userEvents: null });
  }
}

type Source = Transaction | BackstoryDb;

function tableOf<T>(src: Source, name: string): Table<T, string> {
  return (src as unknown as Dexie).table<T, string>(name);
}

/** Characters of JSON a writer gathers before it writes (unless told to write now). */
const FLUSH_CHARS = 8 << 20;

/** Records per bucket a layer is sized for. */
const BUCKET_SIZE = 64;

/**
 * A kind with at most this many records is kept in one bucket, read whole: IndexedDB time
 * goes by rows (about a millisecond each in Chromium, more for small rows than for a large
 * one), so the default pack reads in one row per kind rather than in dozens.
 */
export const WHOLE_LAYER_MAX = 4096;

/** The number of buckets (a power of two) for about `count` records. */
export function bucketsFor(count: number): number {
  if (count <= WHOLE_LAYER_MAX) return 1;
  let n = 1;
  while (n * BUCKET_SIZE < count) n <<= 1;
  return n;
}

/** FNV-1a of the id, masked to the layer's bucket count. */
export function bucketOf(id: string, buckets: number): number {
  return hash(id) & (buckets - 1);
}

const generationPrefix = (layer: LayerName, gen: number) => `${layer}/${gen}/`;
const kindPrefix = (layer: LayerName, gen: number, kind: Kind) => `${generationPrefix(layer, gen)}${kind}/`;
const bucketPrefix = (layer: LayerName, gen: number, kind: Kind, bucket: number) => `${kindPrefix(layer, gen, kind)}${bucket}/`;
const startingWith = (table: Table<BlockRow, string>, prefix: string) => table.where('key').between(prefix, `${prefix}\uffff`);

const emptyLayer = (): LayerInfo => ({ gen: 0, buckets: { entity: 1, event: 1 }, counts: { entity: 0, event: 0 } });

/** The layers now current; an empty database has empty ones. */
export async function readLayers(src: Source): Promise<Layers> {
  const stored = (await tableOf<MetaRecord>(src, 'meta').get('layers'))?.value as Layers | undefined;
  return stored ?? { pack: emptyLayer(), user: emptyLayer(), revision: 0 };
}

/**
 * Generations being written, or replaced and waiting to be dropped: what a worker stopped
 * in the middle leaves behind, found at the next start without scanning the blocks.
 */
async function readUnfinished(db: BackstoryDb): Promise<number[]> {
  return ((await db.meta.get('unfinished'))?.value as number[] | undefined) ?? [];
}

/** A generation number never used before, in the caller's transaction over meta; `unfinished` until made current. */
async function allocateGeneration(db: BackstoryDb, unfinished: boolean): Promise<number> {
  const next = Number((await db.meta.get('nextGen'))?.value ?? 1);
  await db.meta.put({ key: 'nextGen', value: next + 1 });
  if (unfinished) await db.meta.put({ key: 'unfinished', value: [...(await readUnfinished(db)), next] });
  return next;
}

/** A fresh generation to write a layer into; it counts as unfinished until `switchGeneration` or `dropGeneration`. */
export async function newGeneration(db: BackstoryDb): Promise<number> {
  return db.transaction('rw', db.meta, () => allocateGeneration(db, true));
}

/**
 * Makes a written generation the layer's current one, in one small transaction (`check`
 * may refuse it by throwing, from the layers as they are then); the generation it replaces
 * counts as unfinished until dropped. Returns the layers now current and the replaced generation.
 */
export async function switchGeneration(
  db: BackstoryDb,
  layer: LayerName,
  info: LayerInfo,
  options: { check?: (now: Layers) => void; meta?: MetaRecord[] } = {},
): Promise<{ layers: Layers; replaced: number }> {
  return db.transaction('rw', db.meta, async () => {
    const now = await readLayers(db);
    options.check?.(now);
    const layers: Layers = { ...now, [layer]: info, revision: now.revision + 1 };
    const replaced = now[layer].gen;
    const unfinished = (await readUnfinished(db)).filter((gen) => gen !== info.gen);
    await db.meta.bulkPut([
      { key: 'layers', value: layers },
      { key: 'unfinished', value: replaced ? [...unfinished, replaced] : unfinished },
      ...(options.meta ?? []),
    ]);
    return { layers, replaced };
  });
}

/**
 * Writes records into a new generation of a layer, bucket by bucket, in rows. Rows are added
 * at each `flush`, so a long import holds only the records read since the last one.
 */
export class GenerationWriter {
  readonly counts: Record<Kind, number> = { entity: 0, event: 0 };
  /** Records added and not yet written, as JSON text by bucket: compact, and rows need text anyway. */
  private readonly pending = { entity: new Map<number, { ids: string[]; json: string[] }>(), event: new Map<number, { ids: string[]; json: string[] }>() };
  private pendingChars = 0;
  private sequence = 0;
  /** The write started last: it proceeds while the next piece is read; at most one is in flight. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly blocks: Table<BlockRow, string>,
    readonly layer: LayerName,
    readonly gen: number,
    readonly buckets: Record<Kind, number>,
    private readonly flushChars = FLUSH_CHARS,
  ) {}

  /** Adds an item; `json` is its JSON when the caller has it already (see userItemJson). */
  add(kind: Kind, item: { id: string }, json = JSON.stringify(item)): void {
    const bucket = bucketOf(item.id, this.buckets[kind]);
    let row = this.pending[kind].get(bucket);
    if (!row) this.pending[kind].set(bucket, (row = { ids: [], json: [] }));
    row.ids.push(item.id);
    row.json.push(json);
    this.pendingChars += json.length;
    this.counts[kind]++;
  }

  /**
   * Starts writing what was added since the last flush, one row per bucket and kind. Unless
   * `force`, it waits until enough has gathered: each flush writes a row per bucket, and rows
   * are what IndexedDB time goes by. It returns once the previous write is done, so that
   * writes overlap the reading of the next piece without piling up in memory; `done` waits
   * for the last one.
   */
  async flush(force = true): Promise<void> {
    if (!force && this.pendingChars < this.flushChars) return;
    const rows: BlockRow[] = [];
    const seq = (this.sequence++).toString(36).padStart(5, '0');
    for (const kind of ['entity', 'event'] as const) {
      for (const [bucket, row] of this.pending[kind]) rows.push(encodeRow(`${bucketPrefix(this.layer, this.gen, kind, bucket)}${seq}`, row.ids, row.json));
      this.pending[kind].clear();
    }
    this.pendingChars = 0;
    if (!rows.length) return;
    await this.writing;
    const write = this.blocks.bulkPut(rows);
    // A failure is reported by the next flush or by `done`; until then it is not unhandled.
    write.catch(() => {});
    this.writing = write;
  }

  /** Waits for the last write started; throws when it failed. */
  async done(): Promise<void> {
    await this.writing;
  }

  info(): LayerInfo {
    return { gen: this.gen, buckets: this.buckets, counts: { ...this.counts } };
  }
}

/** Writes a whole generation from records in memory; returns its layer info. */
async function writeGeneration(blocks: Table<BlockRow, string>, layer: LayerName, gen: number, records: Record<Kind, { id: string }[]>): Promise<LayerInfo> {
  const writer = new GenerationWriter(blocks, layer, gen, { entity: bucketsFor(records.entity.length), event: bucketsFor(records.event.length) });
  for (const kind of ['entity', 'event'] as const) for (const item of records[kind]) writer.add(kind, item);
  await writer.flush();
  await writer.done();
  return writer.info();
}

/** Items of a layer by id (unknown ids are absent from the map). */
export async function getItems<L extends LayerName, K extends Kind>(db: BackstoryDb, layers: Layers, layer: L, kind: K, ids: Iterable<string>): Promise<Map<string, LayerItem<L, K>>> {
  const info = layers[layer];
  const found = new Map<string, LayerItem<L, K>>();
  if (!info.counts[kind]) return found;
  const wanted = new Set(ids);
  const buckets = new Set([...wanted].map((id) => bucketOf(id, info.buckets[kind])));
  // One read transaction for all buckets: a transaction per query cost ~1 ms each.
  const rows = await db.transaction('r', db.blocks, () => Promise.all([...buckets].map((b) => startingWith(db.blocks, bucketPrefix(layer, info.gen, kind, b)).toArray())));
  for (const row of rows.flat()) {
    rowIds(row).forEach((id, i) => {
      if (wanted.has(id)) found.set(id, JSON.parse(rowRecordText(row, i)) as LayerItem<L, K>);
    });
  }
  return found;
}

/** The items of a layer's kind, a page of rows at a time. */
export async function* layerPages<L extends LayerName, K extends Kind>(db: BackstoryDb, layers: Layers, layer: L, kind: K): AsyncGenerator<LayerItem<L, K>[]> {
  const info = layers[layer];
  if (!info.counts[kind]) return;
  const prefix = kindPrefix(layer, info.gen, kind);
  // Pages of rows rather than a cursor: a cursor step costs a round trip per row.
  for (let from = prefix, first = true; ; first = false) {
    const rows = await db.blocks.where('key').between(from, `${prefix}\uffff`, first, false).limit(SCAN_PAGE).toArray();
    yield rows.flatMap((row) => JSON.parse(row.json) as LayerItem<L, K>[]);
    if (rows.length < SCAN_PAGE) return;
    from = rows.at(-1)!.key;
  }
}

/** Calls `each` with every item of a layer's kind, row by row. */
export async function scanLayer<L extends LayerName, K extends Kind>(db: BackstoryDb, layers: Layers, layer: L, kind: K, each: (item: LayerItem<L, K>) => void): Promise<void> {
  for await (const items of layerPages(db, layers, layer, kind)) for (const item of items) each(item);
}

/** Rows read at a time by a scan. */
const SCAN_PAGE = 256;

/** Deletes every row of a layer's generation, which then no longer counts as unfinished. */
export async function dropGeneration(db: BackstoryDb, layer: LayerName, gen: number): Promise<void> {
  await startingWith(db.blocks, generationPrefix(layer, gen)).delete();
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'unfinished', value: (await readUnfinished(db)).filter((g) => g !== gen) });
  });
}

/**
 * Drops what an import or pack install cut short by a stopped worker, or a replaced
 * generation not yet dropped, left behind; run before the worker answers anything, so no
 * work of its own is in progress. Returns how many generations it dropped.
 */
export async function dropUnfinishedGenerations(db: BackstoryDb): Promise<number> {
  const unfinished = await readUnfinished(db);
  if (!unfinished.length) return 0;
  const layers = await readLayers(db);
  const stale = unfinished.filter((gen) => gen !== layers.pack.gen && gen !== layers.user.gen);
  // Generation numbers are unique across layers: the one that has rows of `gen` is dropped.
  for (const gen of stale) for (const layer of ['pack', 'user'] as const) await dropGeneration(db, layer, gen);
  return stale.length;
}

/**
 * Puts one item into the reader's layer (or removes it: `item` null), in place in its
 * bucket, and counts a revision. When the stored derived data was current, the change is
 * added to its overlay (see Derived) instead of making the next read derive it all anew.
 * Runs inside the caller's transaction over blocks and meta.
 */
export async function putUserItem(db: BackstoryDb, kind: Kind, id: string, item: UserRecord<Entity> | UserRecord<KbEvent> | null): Promise<void> {
  const layers = await readLayers(db);
  const info = structuredClone(layers.user);
  if (info.gen === 0) {
    // The first record of the reader's layer: give it a generation of its own.
    info.gen = await allocateGeneration(db, false);
  }
  const prefix = bucketPrefix('user', info.gen, kind, bucketOf(id, info.buckets[kind]));
  const rows = await startingWith(db.blocks, prefix).toArray();
  // Rows are small (a bucket's share): an edit rewrites the row it touches.
  const decoded = rows.map((row) => {
    const ids = rowIds(row);
    return { key: row.key, ids, json: ids.map((_, i) => rowRecordText(row, i)) };
  });
  const holder = decoded.find((row) => row.ids.includes(id));
  let before: UserRecord<Entity | KbEvent> | null = null;
  if (holder) {
    const at = holder.ids.indexOf(id);
    before = JSON.parse(holder.json[at]!) as UserRecord<Entity | KbEvent>;
    holder.ids.splice(at, 1);
    holder.json.splice(at, 1);
  }
  if (item) {
    const target = holder ?? decoded[0] ?? { key: `${prefix}edit`, ids: [], json: [] };
    target.ids.push(id);
    target.json.push(JSON.stringify(item));
    if (!holder) info.counts[kind]++;
    await db.blocks.put(encodeRow(target.key, target.ids, target.json));
  } else if (holder) {
    info.counts[kind]--;
    await db.blocks.put(encodeRow(holder.key, holder.ids, holder.json));
  }
  const after: Layers = { ...layers, user: info, revision: layers.revision + 1 };
  await db.meta.put({ key: 'layers', value: after satisfies Layers });
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
  if (head?.format !== DERIVED_FORMAT || head.stamp !== was || recent?.stamp !== was) return;
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
  let n = 1;
  while (n * SHARD_RECORDS < records) n <<= 1;
  return n;
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

/** The whole alias index, every shard of it (the reader reads only the shards a text needs). */
export async function readIndex(db: BackstoryDb, derived: Derived): Promise<ShardedAliasIndex> {
  const shards = await readShards<IndexShard>(db, 'index', Array.from({ length: derived.shards }, (_, n) => n), derived);
  return new ShardedAliasIndex(derived.shards, new Map([...shards].map(([n, shard]) => [n, new CompiledAliasIndex(shard.index)])));
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
const DERIVED_FORMAT = 5;

export const stampOf = (layers: Layers) => `${layers.pack.gen}.${layers.user.gen}.${layers.revision}`;

function addInvolvement(byEntity: Map<string, string[]>, event: KbEvent): void {
  for (const id of involvedIds(event)) {
    const list = byEntity.get(id);
    if (list) list.push(event.id);
    else byEntity.set(id, [event.id]);
  }
}

function involvementOf(byEntity: Map<string, string[]>): Involvement {
  const entityIds = [...byEntity.keys()].sort();
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
 * end. Each line is one flat string (joined, not concatenated into a rope of four).
 */
class SearchLines {
  private readonly lines: string[] = [];
  private readonly keys: (number | string)[] = [];

  add(key: number | string, names: string[], id: string): void {
    this.lines.push([names.join('\u0001').toLowerCase(), '\u0002', id, '\n'].join(''));
    this.keys.push(key);
  }

  get count(): number {
    return this.lines.length;
  }

  text(): string {
    const { keys, lines } = this;
    return Array.from(keys.keys())
      .sort((a, b) => searchOrder(keys[a]!, keys[b]!))
      .map((i) => lines[i])
      .join('');
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

  ids(): IterableIterator<string> {
    return this.numbers.keys();
  }

  sorted(): PrintedIds {
    const ids = [...this.numbers.keys()].sort();
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
  /** The ids of each layer with the fingerprints of their records ([0, 0]: a deletion). */
  private readonly ids = { user: { entity: new PrintedIdSet(), event: new PrintedIdSet() }, pack: { entity: new PrintedIdSet(), event: new PrintedIdSet() } };
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

  /** Compiles and stores it all for the merged view of `stamp`; returns the head. */
  async store(db: BackstoryDb, stamp: string): Promise<Derived> {
    // Its own name, beyond the stamp: two derivations of one merged view (an import's and a
    // reader's that found the head stale) may split it in different numbers of shards, and
    // a shard of one must never be read with the head of the other.
    const base = `${stamp}#${Math.random().toString(36).slice(2, 10)}`;
    const sorted = (ids: Iterable<string>) => toStringList([...ids].sort());
    const counts = { entities: this.entityLines.count, events: this.eventLines.count };
    const { shards } = this.index;
    const derived: Derived = { format: DERIVED_FORMAT, stamp, base, overlay: { entity: [], event: [] }, counts, shards };
    const indexRows = [...this.index.build()].map((index, n) => ({ key: shardKey('index', n), value: { stamp: base, index } satisfies IndexShard }));
    const parts = Array.from({ length: shards }, () => ({ byEntity: new Map<string, string[]>(), user: { entity: [] as string[], event: [] as string[] } }));
    for (const [id, events] of this.byEntity) parts[bucketOf(id, shards)]!.byEntity.set(id, events);
    for (const kind of ['entity', 'event'] as const) for (const id of this.ids.user[kind].ids()) parts[bucketOf(id, shards)]!.user[kind].push(id);
    const idRows = parts.map((part, n) => ({
      key: shardKey('ids', n),
      value: { stamp: base, involvement: involvementOf(part.byEntity), userIds: { entity: sorted(part.user.entity), event: sorted(part.user.event) } } satisfies IdShard,
    }));
    this.byEntity.clear();
    this.phases.lap('index');
    const search: SearchLists = { stamp: base, entities: this.entityLines.text(), events: this.eventLines.text() };
    this.entityLines = new SearchLines();
    this.eventLines = new SearchLines();
    this.trimRecent();
    const recent: RecentChanges = { stamp, total: this.userCount, records: this.recent };
    const membership: Membership = {
      stamp: base,
      user: { entity: this.ids.user.entity.sorted(), event: this.ids.user.event.sorted() },
      pack: { entity: this.ids.pack.entity.sorted(), event: this.ids.pack.event.sorted() },
    };
    this.phases.lap('search lists');
    await db.transaction('rw', db.meta, async () => {
      // Shards of an earlier, larger knowledge base go; the head is written with its shards.
      for (const what of ['index', 'ids'] as const) await db.meta.where('key').between(`${what}/`, `${what}/\uffff`).delete();
      await db.meta.bulkPut([{ key: 'derived', value: derived }, ...indexRows, ...idRows, { key: 'search', value: search }, { key: 'membership', value: membership }, { key: 'recent', value: recent }]);
    });
    this.phases.lap('store');
    this.phases.report();
    return derived;
  }
}

/** Derives and stores everything lookups need from the merged view, reading it record by record. */
async function deriveAndStore(db: BackstoryDb, layers: Layers): Promise<Derived> {
  const deriver = new Deriver(layers.pack.counts.entity + layers.pack.counts.event + layers.user.counts.entity + layers.user.counts.event);
  for (const kind of ['entity', 'event'] as const) await scanLayer(db, layers, 'user', kind, (u) => deriver.addUser(kind, u));
  await deriver.addPack(db, layers);
  return deriver.store(db, stampOf(layers));
}

/**
 * The head of the derived data and the layers it was derived from, in one read with the
 * meta rows `also` (a fresh worker gets what it needs first in one round); derived and
 * stored anew when the stored copy is not current, and then `rows` is empty.
 */
export async function currentDerivedWith(db: BackstoryDb, also: string[] = []): Promise<{ derived: Derived; layers: Layers; rows: Map<string, unknown> }> {
  const [head, layersRow, ...rest] = await db.meta.bulkGet(['derived', 'layers', ...also]);
  const layers = (layersRow?.value as Layers | undefined) ?? { pack: emptyLayer(), user: emptyLayer(), revision: 0 };
  const stored = head?.value as Derived | undefined;
  if (stored?.stamp === stampOf(layers) && stored.format === DERIVED_FORMAT) return { derived: stored, layers, rows: new Map(also.map((key, i) => [key, rest[i]?.value])) };
  return { derived: await deriveAndStore(db, layers), layers, rows: new Map() };
}

/** The derived data of the merged view: the stored copy when it is current, else derived and stored now. */
export async function currentDerived(db: BackstoryDb): Promise<Derived> {
  return (await currentDerivedWith(db)).derived;
}

/**
 * A row stored beside the derived data, with the head it goes with; derived first when not
 * current. The reader's newest changes follow every edit (`stamp`); membership and search
 * lists are those of the shards (`base`), read with the head's overlay.
 */
async function currentCompanion<T extends { stamp: string }>(db: BackstoryDb, key: 'membership' | 'search' | 'recent'): Promise<{ derived: Derived; stored: T }> {
  const stampFor = (derived: Derived) => (key === 'recent' ? derived.stamp : derived.base);
  const { derived, rows } = await currentDerivedWith(db, [key]);
  // Derived just now (rows is then empty): the row was written with it.
  const stored = (rows.has(key) ? rows.get(key) : (await db.meta.get(key))?.value) as T | undefined;
  if (stored?.stamp === stampFor(derived)) return { derived, stored };
  const fresh = await deriveAndStore(db, await readLayers(db));
  return { derived: fresh, stored: (await db.meta.get(key))!.value as T };
}

/** Which ids each layer holds now, with their records' fingerprints: the stored lists and the overlay. */
export class MembershipView {
  private readonly changed: Record<Kind, Map<string, OverlayEntry>>;

  constructor(
    private readonly stored: Membership,
    /** The stamp of the merged view it answers for. */
    readonly stamp: string,
    overlay: Derived['overlay'],
  ) {
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
  const { derived, stored } = await currentCompanion<Membership>(db, 'membership');
  return new MembershipView(stored, derived.stamp, derived.overlay);
}

/** The reader's newest changes and how many there are. */
export const currentRecentChanges = async (db: BackstoryDb) => (await currentCompanion<RecentChanges>(db, 'recent')).stored;

/** The search lists of the merged view as derived, and the records changed since (see Derived). */
export async function currentSearchLists(db: BackstoryDb): Promise<{ lists: SearchLists; overlay: Derived['overlay'] }> {
  const { derived, stored } = await currentCompanion<SearchLists>(db, 'search');
  return { lists: stored, overlay: derived.overlay };
}

/** The version of the pack now in the database; null before the first import. */
export async function installedPackVersion(db: BackstoryDb): Promise<string | null> {
  const record = await db.meta.get('pack');
  return (record?.value as { version?: string } | undefined)?.version ?? null;
}

/**
 * Replaces the pack's records with those of `pack`: written as a new generation, then made
 * current in one small transaction, so that a failure leaves the previous pack in place.
 * The reader's layer and saved articles are never touched. The pack is validated here, and
 * an invalid one is refused with its problems listed.
 */
export async function installPack(db: BackstoryDb, given: unknown): Promise<void> {
  // Stored as the schema outputs it (keys in its order, which fingerprints rely on), and never invalid.
  const checked = validatePack(given);
  if (!checked.ok) throw new Error(`the pack is invalid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const { pack } = checked;
  const gen = await newGeneration(db);
  const info = await writeGeneration(db.blocks, 'pack', gen, { entity: pack.entities, event: pack.events });
  const { replaced } = await switchGeneration(db, 'pack', info, { meta: [{ key: 'pack', value: { ...pack.manifest, installedAt: new Date().toISOString() } }] });
  if (replaced) await dropGeneration(db, 'pack', replaced);
  await currentDerived(db);
}
