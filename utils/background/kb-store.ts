/**
 * Knowledge-base operations over the database: the merged view with its stored index,
 * import (all or nothing, merged by id into the reader's layer), export, and the reader's
 * edits with undo. Used by the background's handlers; tested with fake-indexeddb.
 */
import { bumpUserRevision, readMerged, toStoredEvent, type BackstoryDb, type UndoRecord, type UserRecord } from '../db';
import { PACK_SCHEMA_VERSION, validatePack, type Entity, type KbEvent, type Pack, type PackProblem } from '../kb/schema';
import type { ImportReport, UserRecordSummary } from '../messages';

/** A reader's event record with its entity ids, indexed for "events of this entity". */
function withEntityIds(u: UserRecord<KbEvent>): UserRecord<KbEvent> {
  return { ...u, entityIds: u.record ? toStoredEvent(u.record).entityIds : [] };
}

/** Times the phases of a long operation and logs them once, for `npm run bench:kb`. */
class PhaseTimer {
  private last = performance.now();
  private readonly laps: string[] = [];
  constructor(private readonly name: string) {}
  lap(phase: string): void {
    const now = performance.now();
    this.laps.push(`${phase} ${Math.round(now - this.last)} ms`);
    this.last = now;
  }
  report(): void {
    console.info(`[backstory] ${this.name}: ${this.laps.join(', ')}`);
  }
}

/** Key order-independent JSON, to tell an unchanged record from an updated one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const rejectedCount = (problems: PackProblem[]) => new Set(problems.map((p) => p.path.split('.').slice(0, 2).join('.'))).size;

/**
 * Imports a pack (or an export of ours) from JSON text into the reader's layer, in one
 * transaction. Malformed JSON, a wrong schema version, duplicate ids or references to
 * unknown records reject the whole file: nothing is written and every problem is listed.
 */
export async function importKbText(db: BackstoryDb, text: string, now: Date): Promise<ImportReport> {
  const nothing = { added: 0, updated: 0, unchanged: 0 };
  const phases = new PhaseTimer('import');
  let input: unknown;
  try {
    input = JSON.parse(text);
    phases.lap('parse');
  } catch (error) {
    return { ...nothing, rejected: 0, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const version = (input as { manifest?: { schemaVersion?: unknown } } | null)?.manifest?.schemaVersion;
  if (version !== undefined && version !== PACK_SCHEMA_VERSION) {
    return { ...nothing, rejected: 0, problems: [{ path: 'manifest.schemaVersion', message: `this file uses schema version ${String(version)}; Backstory reads version ${PACK_SCHEMA_VERSION}` }] };
  }
  const merged = await readMerged(db);
  phases.lap('read current records');
  const currentEntities = new Map(merged.entities.map((e) => [e.id, e]));
  const currentEvents = new Map(merged.events.map((e) => [e.id, e]));
  const result = validatePack(input, { entities: new Set(currentEntities.keys()), events: new Set(currentEvents.keys()) });
  phases.lap('validate');
  if (!result.ok) return { ...nothing, rejected: rejectedCount(result.problems), problems: result.problems };

  const packIds = {
    entities: new Set((await db.entities.toCollection().primaryKeys()) as string[]),
    events: new Set((await db.events.toCollection().primaryKeys()) as string[]),
  };
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, rejected: 0, problems: [] };
  const stamp = now.toISOString();
  const plan = <T extends { id: string }>(records: T[], current: Map<string, T>, inPack: Set<string>): UserRecord<T>[] =>
    records.flatMap((record) => {
      const before = current.get(record.id);
      if (before && canonical(before) === canonical(record)) {
        report.unchanged++;
        return [];
      }
      if (before) report.updated++;
      else report.added++;
      return [{ id: record.id, record, overridesPack: inPack.has(record.id), updatedAt: stamp }];
    });
  const entities = plan(result.pack.entities, currentEntities, packIds.entities);
  const events = plan(result.pack.events, currentEvents, packIds.events).map(withEntityIds);
  phases.lap('compare');
  await db.transaction('rw', [db.userEntities, db.userEvents, db.meta], async () => {
    await db.userEntities.bulkPut(entities);
    await db.userEvents.bulkPut(events);
    if (entities.length + events.length) await bumpUserRevision(db);
  });
  phases.lap('write');
  phases.report();
  return report;
}

/** The knowledge base (or only the reader's layer) as a pack, ready to save as a file. */
export async function exportKb(db: BackstoryDb, scope: 'all' | 'user', now: Date): Promise<{ fileName: string; pack: Pack }> {
  const packInfo = (await db.meta.get('pack'))?.value as { version?: string } | undefined;
  const day = now.toISOString().slice(0, 10);
  const manifest = {
    name: scope === 'all' ? 'Backstory knowledge base (export)' : 'Backstory: my additions (export)',
    version: packInfo?.version ?? '0.0.0',
    schemaVersion: PACK_SCHEMA_VERSION as typeof PACK_SCHEMA_VERSION,
    license: 'Facts from the cited sources; the reader’s own additions',
    created: day,
    sources: ['Backstory export'],
  };
  if (scope === 'all') {
    const { entities, events } = await readMerged(db);
    return { fileName: `backstory-knowledge-base-${day}.json`, pack: { manifest, entities, events } };
  }
  const entities = (await db.userEntities.toArray()).flatMap((u) => (u.record ? [u.record] : []));
  const events = (await db.userEvents.toArray()).flatMap((u) => (u.record ? [u.record] : []));
  return { fileName: `backstory-my-additions-${day}.json`, pack: { manifest, entities, events } };
}

/** Checks one record against the pack schema and the knowledge base; throws listing every problem. */
async function checkRecord(db: BackstoryDb, part: { entities?: Entity[]; events?: KbEvent[] }): Promise<Pack> {
  const merged = await readMerged(db);
  const stub = { manifest: { name: 'edit', version: '0.0.0', schemaVersion: PACK_SCHEMA_VERSION, license: 'user', created: '2000-01-01', sources: [] } };
  const result = validatePack({ ...stub, entities: part.entities ?? [], events: part.events ?? [] }, {
    entities: new Set(merged.entities.map((e) => e.id)),
    events: new Set(merged.events.map((e) => e.id)),
  });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.replace(/^(entities|events)\.0\.?/, '') || 'record'}: ${p.message}`).join('; '));
  return result.pack;
}

/** Adds or replaces an entity in the reader's layer; throws with the problems when it is invalid. */
export async function putUserEntity(db: BackstoryDb, entity: Entity, now: Date): Promise<Entity> {
  const [checked] = (await checkRecord(db, { entities: [entity] })).entities;
  const overridesPack = (await db.entities.get(entity.id)) !== undefined;
  await db.transaction('rw', [db.userEntities, db.meta], async () => {
    await db.userEntities.put({ id: checked!.id, record: checked!, overridesPack, updatedAt: now.toISOString() });
    await bumpUserRevision(db);
  });
  return checked!;
}

/** Adds or replaces an event in the reader's layer; throws with the problems when it is invalid. */
export async function putUserEvent(db: BackstoryDb, event: KbEvent, now: Date): Promise<KbEvent> {
  const [checked] = (await checkRecord(db, { events: [event] })).events;
  const overridesPack = (await db.events.get(event.id)) !== undefined;
  await db.transaction('rw', [db.userEvents, db.meta], async () => {
    await db.userEvents.put(withEntityIds({ id: checked!.id, record: checked!, overridesPack, updatedAt: now.toISOString() }));
    await bumpUserRevision(db);
  });
  return checked!;
}

/** Adds an alias to an entity of the merged view; throws when the entity is unknown. */
export async function addAlias(db: BackstoryDb, id: string, alias: string, now: Date): Promise<Entity> {
  const user = await db.userEntities.get(id);
  const entity = user ? user.record : ((await db.entities.get(id)) ?? null);
  if (!entity) throw new Error(`no entity "${id}"`);
  if (entity.name === alias || entity.aliases.includes(alias)) return entity;
  return putUserEntity(db, { ...entity, aliases: [...entity.aliases, alias] }, now);
}

/** Deletes an entity or event from the merged view; returns the token that undoes it. */
export async function deleteRecord(db: BackstoryDb, kind: 'entity' | 'event', id: string, now: Date): Promise<{ undoToken: string }> {
  const table = kind === 'entity' ? db.userEntities : db.userEvents;
  const packTable = kind === 'entity' ? db.entities : db.events;
  const inPack = (await packTable.get(id)) !== undefined;
  const before = (await table.get(id)) ?? null;
  if (!inPack && !before?.record) throw new Error(`no ${kind} "${id}"`);
  const token = `${kind}:${id}:${now.getTime()}:${Math.random().toString(36).slice(2, 8)}`;
  await db.transaction('rw', [table, db.undo, db.meta], async () => {
    await db.undo.put({ token, kind, before, createdAt: now.toISOString() } satisfies UndoRecord);
    if (inPack) await table.put({ id, record: null, overridesPack: true, updatedAt: now.toISOString() });
    else await table.delete(id);
    await bumpUserRevision(db);
  });
  return { undoToken: token };
}

/** Undoes a delete; throws when the token is unknown (already undone, or never issued). */
export async function undoDelete(db: BackstoryDb, token: string): Promise<void> {
  const undo = await db.undo.get(token);
  if (!undo) throw new Error('nothing to undo');
  const table = undo.kind === 'entity' ? db.userEntities : db.userEvents;
  const id = token.split(':')[1]!;
  await db.transaction('rw', [table, db.undo, db.meta], async () => {
    if (undo.before) await (table as typeof db.userEntities).put(undo.before as UserRecord<Entity>);
    else await table.delete(id);
    await db.undo.delete(token);
    await bumpUserRevision(db);
  });
}

/** The reader's records and edits, newest first. */
export async function listUserRecords(db: BackstoryDb): Promise<UserRecordSummary[]> {
  const summarize = (kind: 'entity' | 'event') => (u: UserRecord<Entity> | UserRecord<KbEvent>): UserRecordSummary => ({
    kind,
    id: u.id,
    name: u.record ? ('name' in u.record ? u.record.name : u.record.title) : u.id,
    change: !u.record ? 'deleted' : u.overridesPack ? 'edited' : 'added',
    updatedAt: u.updatedAt,
  });
  const all = [...(await db.userEntities.toArray()).map(summarize('entity')), ...(await db.userEvents.toArray()).map(summarize('event'))];
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Up to `limit` entities whose name or an alias contains `q` (lower case), most prominent
 * first. A large knowledge base is searched by name and alias prefix through the indexes.
 */
export async function searchEntities(db: BackstoryDb, q: string, limit: number): Promise<Entity[]> {
  const matches = (e: Entity) => e.name.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q));
  const small = (await db.entities.count()) + (await db.userEntities.count()) <= SCAN_LIMIT;
  const userHits = small
    ? await db.userEntities.filter((u) => u.record !== null && matches(u.record)).toArray()
    : [
        ...(await db.userEntities.where('record.name').startsWithIgnoreCase(q).limit(limit).toArray()),
        ...(await db.userEntities.where('record.aliases').startsWithIgnoreCase(q).limit(limit).toArray()),
      ];
  const packHits = small
    ? await db.entities.filter(matches).limit(limit * 5).toArray()
    : [
        ...(await db.entities.where('name').startsWithIgnoreCase(q).limit(limit).toArray()),
        ...(await db.entities.where('aliases').startsWithIgnoreCase(q).limit(limit).toArray()),
      ];
  const hits = new Map<string, Entity>();
  const overridden = await db.userEntities.bulkGet(packHits.map((e) => e.id));
  packHits.forEach((e, i) => {
    if (!overridden[i]) hits.set(e.id, e);
  });
  for (const u of userHits) if (u.record) hits.set(u.id, u.record);
  return [...hits.values()].sort((a, b) => (b.prominence ?? 0) - (a.prominence ?? 0)).slice(0, limit);
}

/** Up to `limit` events whose title or an alias contains `q` (lower case), newest first. */
export async function searchEvents(db: BackstoryDb, q: string, limit: number): Promise<KbEvent[]> {
  const matches = (e: KbEvent) => e.title.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q));
  const hits = (await db.userEvents.filter((u) => u.record !== null && matches(u.record)).limit(limit).toArray()).map((u) => u.record!);
  const recent = await db.events.orderBy('date').reverse().filter(matches).limit(limit * 2).toArray();
  const overridden = await db.userEvents.bulkGet(recent.map((e) => e.id));
  recent.forEach(({ entityIds: _ids, ...e }, i) => {
    if (!overridden[i]) hits.push(e);
  });
  return hits.sort((a, b) => b.date.localeCompare(a.date)).slice(0, limit);
}

/** Up to this many entities, search scans them all (substring); above it, name and alias prefixes. */
const SCAN_LIMIT = 20_000;
