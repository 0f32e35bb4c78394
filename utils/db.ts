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
 * lists, counts — is derived from the merged view and stored (see `currentDerived` in derived.ts), the
 * alias index and the per-id data in shards, so that a fresh worker reads only what the
 * request in hand needs.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Story } from './history/story';
import type { SavedArticle } from './messages';
import { hash } from './match/compiled-index';
import { normalizeArticleUrl } from './library/page-metadata';
import { Column, TextList, decodeUtf8 } from './match/column';
import type { Entity, KbEvent } from './kb/schema';

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

/** Where each of `count` records starts in a row's JSON, given their lengths, and where the last ends. */
function recordOffsets(count: number, length: (n: number) => number): Int32Array {
  const at = new Int32Array(count + 1);
  let position = 1; // after '['
  for (let n = 0; n < count; n++) {
    at[n] = position;
    position += length(n) + 1; // the record and ',' (or ']')
  }
  at[count] = position;
  return at;
}

function encodeRow(key: string, ids: string[], records: string[]): BlockRow {
  const at = recordOffsets(records.length, (n) => records[n]!.length);
  // One join makes one flat string. `[${records.join(',')}]` would be a rope that IndexedDB's
  // clone flattens into a second copy, both held until the write ends (~9 MB at a flush).
  const parts = records.length ? records.slice() : [''];
  parts[0] = `[${parts[0]}`;
  parts[parts.length - 1] += ']';
  return { key, ids: ids.join('\n'), json: parts.join(','), at };
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

/** An event the reader marked "not related" to an article: never listed for it again (issue 18). */
export interface Dismissal {
  url: string;
  eventId: string;
  dismissedAt: string;
}

/**
 * A removed saved article (issue 21): kept so that the search index and a sync engine learn of
 * the removal (docs/sync.md); the article itself only until the next removal, for undo.
 */
export interface ArticleTombstone {
  url: string;
  seq: number;
  deletedAt: string;
  undoToken: string;
  article: SavedArticle | null;
}

/** One shard of the library's search index, as MiniSearch's JSON, current as of the library's change `seq`. */
export interface SearchShardRow {
  shard: number;
  seq: number;
  json: string;
}

/** A saved article as the `articles` table keeps it: all but its text and HTML, which are in `articleBodies`. */
export type StoredArticle = Omit<SavedArticle, 'text' | 'html'>;

/** A saved article's text and HTML. */
export interface ArticleBody {
  url: string;
  text: string;
  html: string | null;
}

/** An article saved before the library (version 8) with the fields it gained; nothing it had is changed. */
export function upgradeSavedArticle(article: Partial<StoredArticle> & { url: string; savedAt: string }, seq: number): void {
  article.byline ??= null;
  article.updatedAt ??= article.savedAt;
  article.events ??= [];
  article.eventIds ??= [];
  article.tags ??= [];
  article.note ??= '';
  article.highlights ??= [];
  article.addresses ??= [...new Set([normalizeArticleUrl(article.url), article.url])];
  article.seq = seq;
}

/**
 * A name the reader marked as linked to the wrong entity in one article (issue 20): the next
 * analysis of that article leaves it unlinked. `id` is url, entity and text joined.
 */
export interface WrongLink {
  id: string;
  url: string;
  entityId: string;
  text: string;
  markedAt: string;
}

/** The key of a wrong-link mark: one per article, entity and name (case and spacing aside). */
export const wrongLinkId = (url: string, entityId: string, text: string): string => `${url}\n${entityId}\n${text.replace(/\s+/g, ' ').trim().toLowerCase()}`;

export class BackstoryDb extends Dexie {
  blocks!: Table<BlockRow, string>;
  articles!: Table<StoredArticle, string>;
  articleBodies!: Table<ArticleBody, string>;
  meta!: Table<MetaRecord, string>;
  undo!: Table<UndoRecord, string>;
  dismissals!: Table<Dismissal, [string, string]>;
  stories!: Table<Story, string>;
  articleTombstones!: Table<ArticleTombstone, string>;
  searchShards!: Table<SearchShardRow, number>;
  wrongLinks!: Table<WrongLink, string>;

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
    // Version 6: the reader's "not related" marks, by article.
    this.version(6).stores({ dismissals: '[url+eventId], url' });
    // Version 7: the reader's history (issue 18), a story per article read, found by its rare words and events.
    this.version(7).stores({ stories: 'url, readAt, *keys' });
    // Version 8: the library (issue 21). Articles found by every address they were saved from,
    // their events, tags and site, and by their change counter (`seq`), which the search index
    // and sync catch up from; a tombstone per removed article; the search index in shards.
    // Articles saved before keep every field and gain the new ones.
    this.version(8)
      .stores({
        articles: 'url, savedAt, *entityIds, *eventIds, *tags, *addresses, site, seq',
        articleBodies: 'url',
        articleTombstones: 'url, seq, undoToken',
        searchShards: 'shard',
      })
      .upgrade(async (tx) => {
        // An article's text moves to articleBodies: listing the library reads no texts.
        const articles = tx.table<SavedArticle, string>('articles');
        const old = await articles.toArray();
        const bodies = old.map((a) => ({ url: a.url, text: a.text, html: a.html ?? null }));
        const stored = old.map((a, i) => {
          const { text: _text, ...rest } = a;
          upgradeSavedArticle(rest, i + 1);
          return rest as StoredArticle;
        });
        await tx.table<ArticleBody, string>('articleBodies').bulkPut(bodies);
        await articles.bulkPut(stored as unknown as SavedArticle[]);
        await tx.table<MetaRecord, string>('meta').put({ key: 'librarySeq', value: old.length });
      });
    // Version 9 (8 is the library's): the reader's "this link is wrong" marks, by article (issue 20).
    this.version(9).stores({ wrongLinks: 'id, url' });
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
  return count <= WHOLE_LAYER_MAX ? 1 : partsFor(count, BUCKET_SIZE);
}

/** The fewest parts, a power of two, that hold `count` items at `size` a part. */
export function partsFor(count: number, size: number): number {
  let n = 1;
  while (n * size < count) n <<= 1;
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

/** The layers a stored `layers` value says are current; an empty database has empty ones. */
export const layersOrEmpty = (stored: unknown): Layers => (stored as Layers | undefined) ?? { pack: emptyLayer(), user: emptyLayer(), revision: 0 };

/** The layers now current; an empty database has empty ones. */
export async function readLayers(src: Source): Promise<Layers> {
  return layersOrEmpty((await tableOf<MetaRecord>(src, 'meta').get('layers'))?.value);
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
 * The records a writer has gathered for its next write, in the order added: their ids and
 * JSON as UTF-8 bytes (a TextList), off the JS heap, where a flush's 8 MB of JSON used to sit
 * as strings, twice over while the previous write ran. A row is made from them as it is put.
 */
class PendingRows {
  /** Record i's id is text 2i, its JSON text 2i + 1. */
  private readonly texts = new TextList();
  /** Per record: where it goes (placeOf), and its JSON's length in characters. */
  private readonly place = new Column((n) => new Int32Array(n));
  private readonly jsonChars = new Column((n) => new Int32Array(n));
  /** Where a row's bytes are put together: kept, grown as needed. */
  private scratch = new Uint8Array(1 << 16);

  add(kind: Kind, bucket: number, id: string, json: string): void {
    this.texts.append(id);
    this.texts.append(json);
    this.place.push(placeOf(kind, bucket));
    this.jsonChars.push(json.length);
  }

  get count(): number {
    return this.place.length;
  }

  /** Empties it, keeping its buffers for the next flush. */
  clear(): this {
    this.texts.clear();
    this.place.length = this.jsonChars.length = 0;
    return this;
  }

  /**
   * One row per bucket and kind, records in the order added, each made when asked for; `keyOf`
   * names a row. A row is decoded from its own bytes, so that an ASCII row is a one-byte
   * string (sliced from a text of the whole batch, it would take the batch's width: two bytes
   * a character on disk as soon as any record in the batch is beyond Latin-1).
   */
  *rows(keyOf: (kind: Kind, bucket: number) => string): Generator<BlockRow> {
    const { bytes, ends } = this.texts.view();
    const byPlace = new Map<number, number[]>();
    this.place.view().forEach((place, i) => {
      const records = byPlace.get(place);
      if (records) records.push(i);
      else byPlace.set(place, [i]);
    });
    const jsonChars = this.jsonChars.view();
    const textStart = (t: number) => (t ? ends[t - 1]! : 0);
    // Texts t of `records` into the scratch buffer, `open` `separator`-joined `close`; returns their string.
    const joined = (records: number[], text: (i: number) => number, open: number, separator: number, close: number): string => {
      let size = records.length + (open ? 1 : -1);
      for (const i of records) size += ends[text(i)]! - textStart(text(i));
      if (size > this.scratch.length) this.scratch = new Uint8Array(Math.max(size, 2 * this.scratch.length));
      const out = this.scratch;
      let at = 0;
      if (open) out[at++] = open;
      records.forEach((i, n) => {
        if (n) out[at++] = separator;
        const t = text(i);
        out.set(bytes.subarray(textStart(t), ends[t]), at);
        at += ends[t]! - textStart(t);
      });
      if (close) out[at++] = close;
      return decodeUtf8(out.subarray(0, at));
    };
    for (const [place, records] of byPlace) {
      const at = recordOffsets(records.length, (n) => jsonChars[records[n]!]!);
      // 0x0a newline between ids; 0x5b '[', 0x2c ',' and 0x5d ']' around the records.
      const ids = joined(records, (i) => 2 * i, 0, 0x0a, 0);
      const json = joined(records, (i) => 2 * i + 1, 0x5b, 0x2c, 0x5d);
      yield { key: keyOf(kindOf(place), place >> 1), ids, json, at };
    }
  }
}

/** Where a record goes in a writer's batch: its bucket and kind in one number. */
const placeOf = (kind: Kind, bucket: number) => bucket * 2 + (kind === 'event' ? 1 : 0);
const kindOf = (place: number): Kind => (place % 2 ? 'event' : 'entity');

/**
 * Writes records into a new generation of a layer, bucket by bucket, in rows. Rows are added
 * at each `flush`, so a long import holds only the records read since the last one.
 */
export class GenerationWriter {
  readonly counts: Record<Kind, number> = { entity: 0, event: 0 };
  private pending = new PendingRows();
  /** The rows of the last write, emptied once it is done, to gather the next flush in. */
  private spare: PendingRows | null = null;
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
    this.pending.add(kind, bucketOf(item.id, this.buckets[kind]), item.id, json);
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
    // Once the previous write is done, its buffers (the spare) take the next records. (And if
    // another flush started a write meanwhile, that one is waited for too.)
    for (let previous: Promise<unknown> | null = null; previous !== this.writing; ) await (previous = this.writing);
    if (!this.pending.count) return;
    const batch = this.pending;
    this.pending = this.spare ?? new PendingRows();
    this.spare = null;
    this.pendingChars = 0;
    const seq = (this.sequence++).toString(36).padStart(5, '0');
    const { layer, gen } = this;
    const rows = batch.rows((kind, bucket) => `${bucketPrefix(layer, gen, kind, bucket)}${seq}`);
    const write = putAll(this.blocks, rows).then(() => void (this.spare = batch.clear()));
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

/**
 * Puts rows in one transaction, each made as it is asked for (see PendingRows.rows): IndexedDB
 * copies a row when it is put, and bulkPut would hold every row until the write ends. The
 * native put skips Dexie's hooks, which this database does not use. Inside the schema upgrade
 * (writeGeneration), Dexie runs this as a part of the upgrade's transaction.
 */
function putAll(blocks: Table<BlockRow, string>, rows: Iterable<BlockRow>): Promise<void> {
  return blocks.db.transaction('rw', blocks, (tx) => {
    const store = tx.idbtrans.objectStore(blocks.name);
    for (const row of rows) store.put(row);
  });
}

/** Writes a whole generation from records in memory; returns its layer info. */
export async function writeGeneration(blocks: Table<BlockRow, string>, layer: LayerName, gen: number, records: Record<Kind, { id: string }[]>): Promise<LayerInfo> {
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
export const dropGeneration = (db: BackstoryDb, layer: LayerName, gen: number): Promise<void> => dropGenerations(db, [layer], [gen]);

/**
 * Deletes every row of these generations in these layers, then takes them off the list of
 * unfinished ones: cut short in between, the next start drops them again.
 */
async function dropGenerations(db: BackstoryDb, layers: readonly LayerName[], gens: number[]): Promise<void> {
  for (const gen of gens) for (const layer of layers) await startingWith(db.blocks, generationPrefix(layer, gen)).delete();
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'unfinished', value: (await readUnfinished(db)).filter((g) => !gens.includes(g)) });
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
  if (!stale.length) return 0;
  // Generation numbers are unique across layers: the one that has rows of `gen` is dropped.
  await dropGenerations(db, ['pack', 'user'], stale);
  return stale.length;
}

/**
 * Puts one item into the reader's layer (or removes it: `item` null), in place in its
 * bucket, and counts a revision; returns the item it replaced and the layers before and
 * after. Runs inside the caller's transaction over blocks and meta. (`putUserItem` in
 * derived.ts also keeps the derived data current: call that one.)
 */
export async function putUserRow(
  db: BackstoryDb,
  kind: Kind,
  id: string,
  item: UserRecord<Entity> | UserRecord<KbEvent> | null,
): Promise<{ before: UserRecord<Entity | KbEvent> | null; layers: Layers; after: Layers }> {
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
  return { before, layers, after };
}

/**
 * The build of the pack now in the database (the build id the default pack was installed
 * with, else its manifest's version); null before the first install.
 */
export async function installedPackVersion(db: BackstoryDb): Promise<string | null> {
  const record = await db.meta.get('pack');
  const value = record?.value as { version?: string; build?: string } | undefined;
  return value?.build ?? value?.version ?? null;
}
