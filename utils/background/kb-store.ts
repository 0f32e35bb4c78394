/**
 * Knowledge-base operations over the database: import (all or nothing, merged by id into the
 * reader's layer, read in chunks so a file of any size fits), export, the reader's edits
 * with undo, and search. Used by the background's handlers; tested with fake-indexeddb.
 */
import {
  bucketsFor,
  switchGeneration,
  type LayerName,
  dropGeneration,
  GenerationWriter,
  getItems,
  newGeneration,
  readLayers,
  layerPages,
  scanLayer,
  type BackstoryDb,
  type Kind,
  type Layers,
  type RecordOf,
  type UndoRecord,
  type UserRecord,
  userItemJson,
} from '../db';
import {
  currentMembership,
  currentRecentChanges,
  RECENT_KEPT,
  Deriver,
  stampOf,
  type MembershipView,
  type OverlayEntry,
  searchKey,
  searchNames,
  searchOrder,
  currentSearchLists,
  putUserItem,
} from '../derived';
import { PACK_SCHEMA_VERSION, PackChecker, validatePack, type Entity, type KbEvent, type Pack, type PackProblem } from '../kb/schema';
import type { ImportReport, UserRecordSummary } from '../messages';
import { PackStream, type PackPiece } from '../kb/pack-stream';
import { PhaseTimer } from '../phase-timer';
import { fingerprintOfJson } from '../kb/fingerprint';

const rejectedCount = (problems: PackProblem[]) => new Set(problems.filter((p) => /^(entities|events)\.\d+/.test(p.path)).map((p) => p.path.split('.').slice(0, 2).join('.'))).size;

/** Bytes of JSON a record takes, about: to size a new generation from a file's size. */
const BYTES_PER_RECORD = 250;
/** Bytes of JSON of a small record: to size the derived data's shards from a file's size. */
const SMALL_RECORD_BYTES = 120;

/** Records by id from the merged view, with whether the pack has each. */
async function currentRecords<K extends Kind>(db: BackstoryDb, layers: Layers, kind: K, ids: string[]): Promise<{ merged: Map<string, RecordOf<K>>; inPack: Set<string> }> {
  const [user, pack] = await Promise.all([getItems(db, layers, 'user', kind, ids), getItems(db, layers, 'pack', kind, ids)]);
  const merged = new Map<string, RecordOf<K>>();
  for (const id of ids) {
    const u = user.get(id);
    const record = u ? u.record : pack.get(id);
    if (record) merged.set(id, record as RecordOf<K>);
  }
  return { merged, inPack: new Set(pack.keys()) };
}

/**
 * An import in progress. The file is fed in chunks of text as it is read; each chunk is
 * parsed as a stream, its records checked, compared with the knowledge base and written into
 * a new generation of the reader's layer, which nothing reads yet. `finish` checks the
 * references, copies the reader's other records across and makes the generation current in
 * one small write; any problem, or an import never finished, drops it: the database stays
 * exactly as it was.
 */
export class KbImport {
  private readonly checker = new PackChecker();
  /** Scans the file's text as it comes (see PackStream). */
  private stream: PackStream | null = null;
  private readonly report = { added: 0, updated: 0, unchanged: 0 };
  private readonly phases = new PhaseTimer('import');
  private sawManifest = false;
  private broken = false;
  private done = false;

  /** What the knowledge base will derive from the merged view, gathered as records pass by. */
  private readonly deriver: Deriver;
  /** The layers the import compares with (the membership's), and commits over only if they are still current. */
  private readonly base: Layers;
  private constructor(
    private readonly db: BackstoryDb,
    /** The ids of each layer now, with their records' fingerprints: sorted lists, searched, not copied into maps. */
    private readonly membership: MembershipView,
    private readonly writer: GenerationWriter,
    private readonly now: Date,
    expectedRecords: number,
  ) {
    this.base = membership.layers;
    this.deriver = new Deriver(expectedRecords);
  }

  /** Starts an import of a file of about `size` characters into a new generation. */
  static async begin(db: BackstoryDb, size: number, now: Date, options: { flushChars?: number } = {}): Promise<KbImport> {
    // An edit from now on makes the import refuse to commit, at its end (see commit's check).
    const membership = await currentMembership(db);
    const base = membership.layers;
    const expected = Math.ceil(size / BYTES_PER_RECORD);
    const buckets = {
      entity: bucketsFor(base.user.counts.entity + expected),
      event: bucketsFor(base.user.counts.event + expected / 2),
    };
    // Shards are sized for at least as many records as the file may hold (small ones, a
    // third smaller than those the synthetic benchmark pack has): more of them is cheaper
    // than shards too large.
    const records = base.pack.counts.entity + base.pack.counts.event + base.user.counts.entity + base.user.counts.event + Math.ceil(size / SMALL_RECORD_BYTES);
    return new KbImport(db, membership, new GenerationWriter(db.blocks, 'user', await newGeneration(db), buckets, options.flushChars), now, records);
  }

  /** The generation being written. */
  get generation(): number {
    return this.writer.gen;
  }

  /** Reads the next piece of the file's text. */
  async write(text: string): Promise<void> {
    if (this.done) throw new Error('this import has ended');
    if (this.broken) return;
    this.phases.resume();
    this.stream ??= new PackStream();
    let piece: PackPiece;
    try {
      piece = this.stream.write(text);
    } catch (error) {
      return this.fail((error as Error).message);
    }
    this.phases.lap('parse');
    await this.add(piece);
  }

  /**
   * Reads the file from a stream of its bytes (the Blob the library page handed over):
   * decoded as UTF-8, then parsed, checked and written half a megabyte at a time, so that
   * a file of any size is never held whole. `onBytes` hears how many bytes were read so
   * far; `signal` stops the reading (the import is then aborted by its owner).
   */
  async read(bytes: ReadableStream<Uint8Array>, { onBytes, signal }: { onBytes?(read: number): void; signal?: AbortSignal } = {}): Promise<void> {
    const reader = bytes.getReader();
    const decoder = new TextDecoder('utf-8');
    let parts: string[] = [];
    let chars = 0;
    let read = 0;
    // Progress: the bytes read, in the share of the text decoded so far that has been written
    // (a chunk of the stream may be several pieces).
    let decoded = 0;
    let written = 0;
    let told = 0;
    const tell = () => {
      told = Math.max(told, decoded ? Math.round((read * written) / decoded) : 0);
      onBytes?.(told);
    };
    const stopped = () => {
      if (signal?.aborted) throw new Error('the import was stopped');
    };
    // Stopping also ends a read that waits for bytes.
    const cancel = () => void reader.cancel().catch(() => {});
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      // After a syntax error there is nothing more to learn from the file.
      while (!this.broken) {
        stopped();
        const step = await reader.read();
        if (step.done) break;
        read += step.value.byteLength;
        const text = decoder.decode(step.value, { stream: true });
        parts.push(text);
        chars += text.length;
        decoded += text.length;
        if (chars >= READ_PIECE_CHARS) {
          // In pieces of READ_PIECE_CHARS even when the stream's chunks are larger (Chromium
          // hands a blob over 1.6 MB at a time); PackStream takes text cut anywhere. What is
          // left over waits for the next chunk.
          const whole = parts.join('');
          let at = 0;
          for (; whole.length - at >= READ_PIECE_CHARS && !this.broken; at += READ_PIECE_CHARS) {
            await this.write(whole.slice(at, at + READ_PIECE_CHARS));
            written += READ_PIECE_CHARS;
            tell();
            await nextTask();
            stopped();
          }
          parts = at < whole.length ? [whole.slice(at)] : [];
          chars = whole.length - at;
        }
        tell();
      }
      stopped();
      if (this.broken) {
        cancel();
        return;
      }
      parts.push(decoder.decode());
      await this.write(parts.join(''));
      written = decoded;
      tell();
    } catch (error) {
      cancel();
      throw error;
    } finally {
      signal?.removeEventListener('abort', cancel);
      reader.releaseLock();
    }
  }

  /** The file cannot be read on (a syntax error): it is refused, with this message. */
  private fail(message: string): void {
    this.broken = true;
    this.checker.fail('(file)', message);
  }

  /** Checks and stages the records of a piece of the file. */
  private async add(piece: PackPiece): Promise<void> {
    if (this.done) throw new Error('this import has ended');
    if (this.broken) return;
    this.phases.resume();
    const records = { entity: [] as Entity[], event: [] as KbEvent[] };
    if (piece.manifest !== undefined) {
      this.sawManifest = true;
      const version = (piece.manifest as { schemaVersion?: unknown } | null)?.schemaVersion;
      if (version !== PACK_SCHEMA_VERSION) {
        this.checker.fail(
          'manifest.schemaVersion',
          version === undefined
            ? `this file gives no schema version, so it is no Backstory knowledge-base file; Backstory reads version ${PACK_SCHEMA_VERSION}`
            : `this file uses schema version ${JSON.stringify(version)}; Backstory reads version ${PACK_SCHEMA_VERSION}`,
        );
        this.broken = true;
      } else this.checker.manifest(piece.manifest);
    }
    for (const value of piece.entities) {
      const entity = this.checker.entity(value);
      if (entity) records.entity.push(entity);
    }
    for (const value of piece.events) {
      const event = this.checker.event(value);
      if (event) records.event.push(event);
    }
    this.phases.lap('validate');
    // Once the file is known to be refused, reading on only lists its other problems.
    if (!this.checker.ok) return;
    await this.stage('entity', records.entity);
    await this.stage('event', records.event);
    await this.writer.flush(false);
    this.phases.lap('write');
  }

  private async stage<K extends Kind>(kind: K, records: RecordOf<K>[]): Promise<void> {
    if (!records.length) return;
    // Compared by fingerprint: nothing is read.
    const updatedAt = this.now.toISOString();
    for (const record of records) {
      const before = this.membership.existing(kind, record.id);
      const json = JSON.stringify(record);
      const print = fingerprintOfJson(json);
      if (before?.print && before.print[0] === print[0] && before.print[1] === print[1]) {
        this.report.unchanged++;
        continue;
      }
      if (before?.print) this.report.updated++;
      else this.report.added++;
      const item: UserRecord<RecordOf<K>> = { id: record.id, record, overridesPack: before?.inPack ?? false, updatedAt };
      this.deriver.addUser(kind, item, print);
      this.writer.add(kind, item, userItemJson(item, json));
    }
    this.phases.lap('stage (compare, derive)');
  }

  /** Ends the file: checks references, and makes the new records current, or drops them all. */
  async finish(): Promise<ImportReport> {
    if (this.done) throw new Error('this import has ended');
    try {
      return await this.checkAndCommit();
    } catch (error) {
      // Failed before its records were made current (a write refused, say): none are kept.
      if (!this.done) await this.abort().catch(() => {});
      throw error;
    }
  }

  private async checkAndCommit(): Promise<ImportReport> {
    this.phases.resume();
    if (!this.broken && this.stream) {
      let piece: PackPiece | null = null;
      try {
        piece = this.stream.end();
      } catch (error) {
        this.fail((error as Error).message);
      }
      if (piece) await this.add(piece);
    }
    if (!this.broken && !this.sawManifest) this.checker.fail('manifest', 'missing: a pack starts with a manifest');
    // A misspelt "events" would otherwise import the entities alone and say all went well (found by fuzzing, issue 19).
    for (const key of ['entities', 'events'] as const) if (!this.broken && !this.stream?.lists.has(key)) this.checker.fail(key, `must be an array of ${key}`);
    if (this.checker.ok) {
      // References to records outside the file: to those the merged view has (not deleted).
      const outside = this.checker.outsideRefs();
      const present = (kind: Kind, ids: Iterable<string>) => new Set([...ids].filter((id) => this.membership.existing(kind, id)?.print));
      this.checker.finish({ entities: present('entity', outside.entities), events: present('event', outside.events) });
      this.phases.lap('references');
    }
    const problems = this.checker.problems;
    if (problems.length) {
      await this.abort();
      this.phases.lap('drop');
      this.phases.report();
      return { added: 0, updated: 0, unchanged: 0, rejected: Math.max(1, rejectedCount(problems)), problems };
    }
    if (this.report.added + this.report.updated === 0) {
      await this.abort();
      return { ...this.report, rejected: 0, problems: [] };
    }
    await this.commit();
    this.phases.report();
    return { ...this.report, rejected: 0, problems: [] };
  }

  /** Copies the reader's records the file did not replace, then switches generations. */
  private async commit(): Promise<void> {
    for (const kind of ['entity', 'event'] as const) {
      await scanLayer(this.db, this.base, 'user', kind, (item) => {
        // Records the file replaced were added to the deriver as they were staged.
        if (this.deriver.hasUser(kind, item.id)) return;
        this.writer.add(kind, item);
        this.deriver.addUser(kind, item);
      });
    }
    await this.writer.flush();
    await this.writer.done();
    this.phases.lap('copy');
    this.deriver.phases.resume();
    await this.deriver.addPack(this.db, this.base);
    const check = (now: Layers) => {
      if (now.user.gen !== this.base.user.gen || now.revision !== this.base.revision) {
        throw new Error('the knowledge base changed while the file was read; nothing was imported, please import it again');
      }
    };
    const { layers, replaced } = await switchGeneration(this.db, 'user', this.writer.info(), { check }).catch(async (error: unknown) => {
      await this.abort();
      throw error;
    });
    this.done = true;
    this.phases.lap('switch');
    // The lookup data of the new merged view, from what passed by: nothing is read again.
    await this.deriver.store(this.db, stampOf(layers));
    if (replaced) await dropGeneration(this.db, 'user', replaced);
    this.phases.lap('derive');
  }

  /** Waits until what was read so far is on disk (or its write failed). */
  async settle(): Promise<void> {
    await this.writer.done().catch(() => {});
  }

  /** Drops everything written so far; the database is as it was before `begin`. */
  async abort(): Promise<void> {
    this.done = true;
    await this.settle();
    await dropGeneration(this.db, 'user', this.writer.gen);
  }
}

/**
 * Waits for the tasks queued meanwhile: the page's questions and its Stop. Reading, checking
 * and staging a piece is a chain of microtasks, which tasks wait behind: without this the
 * page saw its first progress only seconds into an import, and its Stop as late.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Characters of a file read from its stream before they are parsed and checked. Each piece
 * is held a few times over while it is checked (its text, the records, their checked copies,
 * their JSON). (Until session 8 the stream's chunks, 1.6 MB in Chromium, set the size
 * instead, so earlier comparisons of piece sizes compared nothing; measured since, 256k and
 * 512k characters give the same time and heap peak.)
 */
const READ_PIECE_CHARS = 1 << 19;

/** Imports a whole file given as text (see KbImport): read as the library page's file is, from a stream of its bytes. */
export async function importKbText(db: BackstoryDb, text: string, now: Date): Promise<ImportReport> {
  const run = await KbImport.begin(db, text.length, now);
  try {
    await run.read(new Blob([text]).stream());
  } catch (error) {
    await run.abort();
    throw error;
  }
  // A failure there drops what was written (see finish).
  return run.finish();
}

/**
 * Characters of an export's text handed over at a time. A chunk is on the worker's heap a few
 * times over (its parts, the joined text, the message's copy): 1M rather than 4M took the
 * heap peak of a 100k export from 97–110 MB to 63–79 MB, in the same time.
 */
const EXPORT_CHUNK = 1 << 20;

/** JSON.stringify(value, null, 1) as it reads nested `depth` levels deep in a larger document. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 1).replace(/\n/g, `\n${' '.repeat(depth)}`);

/**
 * The knowledge base (or only the reader's layer) as the text of a pack file, in chunks of a
 * few MB read page by page, so that one of any size is exported without being held whole;
 * joined, the chunks are `JSON.stringify(pack, null, 1)` and a newline. The chunks fail with
 * a clear message when the knowledge base changes while they are read.
 */
export function exportKb(db: BackstoryDb, scope: 'all' | 'user', now: Date, options: { chunkChars?: number } = {}): { fileName: string; chunks: AsyncGenerator<string> } {
  const day = now.toISOString().slice(0, 10);
  return {
    fileName: scope === 'all' ? `backstory-knowledge-base-${day}.json` : `backstory-my-additions-${day}.json`,
    chunks: exportChunks(db, scope, day, options.chunkChars ?? EXPORT_CHUNK),
  };
}

async function* exportChunks(db: BackstoryDb, scope: 'all' | 'user', day: string, chunkChars: number): AsyncGenerator<string> {
  const packInfo = (await db.meta.get('pack'))?.value as { version?: string } | undefined;
  const manifest = {
    name: scope === 'all' ? 'Backstory knowledge base (export)' : 'Backstory: my additions (export)',
    version: packInfo?.version ?? '0.0.0',
    schemaVersion: PACK_SCHEMA_VERSION,
    license: 'Facts from the cited sources; the reader’s own additions',
    created: day,
    sources: ['Backstory export'],
  };
  // The whole export leaves out the pack records that the reader's layer replaces or deletes.
  const membership = await currentMembership(db);
  const { layers } = membership;
  const unchanged = (now: Layers) => {
    if (stampOf(now) !== membership.stamp) throw new Error('the knowledge base changed while it was exported; please export it again');
  };
  let parts: string[] = [];
  let size = 0;
  const out = (text: string) => {
    parts.push(text);
    size += text.length;
  };
  const take = () => {
    const text = parts.join('');
    parts = [];
    size = 0;
    return text;
  };
  out(`{\n "manifest": ${indented(manifest, 1)}`);
  for (const [key, kind] of [['entities', 'entity'], ['events', 'event']] as const) {
    out(`,\n "${key}": [`);
    let count = 0;
    const put = (record: Entity | KbEvent) => out(`${count++ ? ',' : ''}\n  ${indented(record, 2)}`);
    for (const layer of scope === 'all' ? (['pack', 'user'] as const) : (['user'] as const)) {
      for await (const items of layerPages(db, layers, layer, kind)) {
        unchanged(await readLayers(db));
        for (const item of items) {
          if (layer === 'user') {
            const { record } = item as UserRecord<Entity | KbEvent>;
            if (record) put(record);
          } else if (!membership.inUserLayer(kind, item.id)) put(item as Entity | KbEvent);
        }
        if (size >= chunkChars) yield take();
      }
    }
    out(count ? '\n ]' : ']');
  }
  out('\n}\n');
  yield take();
}

/** Checks one record against the pack schema and the records it names; throws listing every problem. */
async function checkRecord(db: BackstoryDb, part: { entities?: Entity[]; events?: KbEvent[] }): Promise<Pack> {
  const stub = { manifest: { name: 'edit', version: '0.0.0', schemaVersion: PACK_SCHEMA_VERSION, license: 'user', created: '2000-01-01', sources: [] } };
  const input = { ...stub, entities: part.entities ?? [], events: part.events ?? [] };
  // Only the records the edit names are looked up, not the whole knowledge base.
  const named = new PackChecker();
  input.entities.forEach((e) => named.entity(e));
  input.events.forEach((e) => named.event(e));
  const outside = named.outsideRefs();
  const layers = await readLayers(db);
  const [entities, events] = await Promise.all([
    currentRecords(db, layers, 'entity', [...outside.entities]),
    currentRecords(db, layers, 'event', [...outside.events]),
  ]);
  const result = validatePack(input, { entities: new Set(entities.merged.keys()), events: new Set(events.merged.keys()) });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.replace(/^(entities|events)\.0\.?/, '') || 'record'}: ${p.message}`).join('; '));
  return result.pack;
}

/** Writes one record of the reader's layer (null: takes it out) in one transaction. */
async function writeUser(db: BackstoryDb, kind: Kind, id: string, item: UserRecord<Entity> | UserRecord<KbEvent> | null, undo?: { put?: UndoRecord; delete?: string }): Promise<void> {
  await db.transaction('rw', [db.blocks, db.meta, db.undo], async () => {
    if (undo?.put) await db.undo.put(undo.put);
    if (undo?.delete) await db.undo.delete(undo.delete);
    await putUserItem(db, kind, id, item);
  });
}

async function inPack(db: BackstoryDb, kind: Kind, id: string): Promise<boolean> {
  return (await getItems(db, await readLayers(db), 'pack', kind, [id])).has(id);
}

async function userItem(db: BackstoryDb, kind: Kind, id: string): Promise<UserRecord<Entity> | UserRecord<KbEvent> | null> {
  return ((await getItems(db, await readLayers(db), 'user', kind, [id])).get(id) as UserRecord<Entity> | UserRecord<KbEvent> | undefined) ?? null;
}

/** Adds or replaces an entity in the reader's layer; throws with the problems when it is invalid. */
export async function putUserEntity(db: BackstoryDb, entity: Entity, now: Date): Promise<Entity> {
  const [checked] = (await checkRecord(db, { entities: [entity] })).entities;
  await writeUser(db, 'entity', checked!.id, { id: checked!.id, record: checked!, overridesPack: await inPack(db, 'entity', checked!.id), updatedAt: now.toISOString() });
  return checked!;
}

/** Adds or replaces an event in the reader's layer; throws with the problems when it is invalid. */
export async function putUserEvent(db: BackstoryDb, event: KbEvent, now: Date): Promise<KbEvent> {
  const [checked] = (await checkRecord(db, { events: [event] })).events;
  await writeUser(db, 'event', checked!.id, { id: checked!.id, record: checked!, overridesPack: await inPack(db, 'event', checked!.id), updatedAt: now.toISOString() });
  return checked!;
}

/** Adds an alias to an entity of the merged view; throws when the entity is unknown. */
export async function addAlias(db: BackstoryDb, id: string, alias: string, now: Date): Promise<Entity> {
  const layers = await readLayers(db);
  const { merged } = await currentRecords(db, layers, 'entity', [id]);
  const entity = merged.get(id);
  if (!entity) throw new Error(`no entity "${id}"`);
  if (entity.name === alias || entity.aliases.includes(alias)) return entity;
  return putUserEntity(db, { ...entity, aliases: [...entity.aliases, alias] }, now);
}

/** Deletes an entity or event from the merged view; returns the token that undoes it. */
export async function deleteRecord(db: BackstoryDb, kind: Kind, id: string, now: Date): Promise<{ undoToken: string }> {
  const packHas = await inPack(db, kind, id);
  const before = await userItem(db, kind, id);
  if (!packHas && !before?.record) throw new Error(`no ${kind} "${id}"`);
  const undo = undoFor(kind, id, before, now);
  await writeUser(db, kind, id, packHas ? { id, record: null, overridesPack: true, updatedAt: now.toISOString() } : null, { put: undo });
  return { undoToken: undo.token };
}

/** What undoes a change to the reader's record of `id`: the record before it (null: none). */
function undoFor(kind: Kind, id: string, before: UndoRecord['before'], now: Date): UndoRecord {
  const token = `${kind}:${id}:${now.getTime()}:${Math.random().toString(36).slice(2, 8)}`;
  return { token, kind, before, createdAt: now.toISOString() };
}

/**
 * Drops the reader's change to a pack record (an edit or a deletion), so that the pack's
 * version shows again; returns the token that undoes it.
 */
export async function revertRecord(db: BackstoryDb, kind: Kind, id: string, now: Date): Promise<{ undoToken: string }> {
  const before = await userItem(db, kind, id);
  if (!before?.overridesPack || !(await inPack(db, kind, id))) throw new Error(`"${id}" has no version in the pack to go back to`);
  const undo = undoFor(kind, id, before, now);
  await writeUser(db, kind, id, null, { put: undo });
  return { undoToken: undo.token };
}

/** Undoes a delete; throws when the token is unknown (already undone, or never issued). */
export async function undoDelete(db: BackstoryDb, token: string): Promise<void> {
  const undo = await db.undo.get(token);
  if (!undo) throw new Error('nothing to undo');
  const id = token.split(':')[1]!;
  await writeUser(db, undo.kind, id, undo.before, { delete: token });
}

/** The reader's newest records and edits (at most RECENT_KEPT), newest first, and how many there are. */
export async function listUserRecords(db: BackstoryDb, limit = RECENT_KEPT): Promise<{ records: UserRecordSummary[]; total: number }> {
  const recent = await currentRecentChanges(db);
  return { records: recent.records.slice(0, limit), total: recent.total };
}

/** Ids of the first `limit` lines of a search list in which `q` occurs in a name, but for those `skip` names. */
function searchList(list: string, q: string, limit: number, skip: (id: string) => boolean): string[] {
  const ids: string[] = [];
  let from = 0;
  while (ids.length < limit) {
    const hit = list.indexOf(q, from);
    if (hit < 0) break;
    const lineEnd = list.indexOf('\n', hit);
    const idStart = list.lastIndexOf('\u0002', lineEnd);
    // A hit inside the id part, or across a line's end, is not a name match.
    if (hit < idStart && hit + q.length <= idStart) {
      const id = list.slice(idStart + 1, lineEnd);
      if (!skip(id)) ids.push(id);
    }
    from = lineEnd + 1;
  }
  return ids;
}

/**
 * Up to `limit` records of a kind whose name or an alias contains `q` (lower case), in search
 * order: from the stored search list, and from the records changed since it was derived.
 */
async function search<K extends Kind>(db: BackstoryDb, kind: K, q: string, limit: number): Promise<RecordOf<K>[]> {
  const { lists, overlay } = await currentSearchLists(db);
  const changed = new Set(overlay[kind].map((e) => e.id));
  const ids = searchList(kind === 'entity' ? lists.entities : lists.events, q, limit, (id) => changed.has(id));
  const { merged } = await currentRecords(db, await readLayers(db), kind, ids);
  const hits = overlay[kind].filter((e): e is OverlayEntry & { record: RecordOf<K> } => e.record !== null && searchNames(e.record).some((n) => n.toLowerCase().includes(q)));
  const byLayer = (layer: LayerName) => hits.filter((e) => e.layer === layer).map((e) => e.record);
  // A stable sort: ties keep this order, the one a list derived anew has (the reader's records first).
  const found = [...byLayer('user'), ...ids.flatMap((id) => merged.get(id) ?? []), ...byLayer('pack')];
  return found.sort((a, b) => searchOrder(searchKey(kind, a), searchKey(kind, b))).slice(0, limit);
}

/** Up to `limit` entities whose name or an alias contains `q` (lower case), most prominent first. */
export function searchEntities(db: BackstoryDb, q: string, limit: number): Promise<Entity[]> {
  return search(db, 'entity', q, limit);
}

/** Up to `limit` events whose title or an alias contains `q` (lower case), newest first. */
export function searchEvents(db: BackstoryDb, q: string, limit: number): Promise<KbEvent[]> {
  return search(db, 'event', q, limit);
}
