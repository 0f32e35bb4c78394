/**
 * The knowledge-base pack format: one schema, validated with valibot, from which the
 * TypeScript types are inferred. A pack is what ships in `assets/kb/` and what a reader
 * imports; `validatePack` checks both the shape and the references between records.
 */
import * as v from 'valibot';

/** Version of the pack format this code reads. Bump it with a converter for older packs. */
export const PACK_SCHEMA_VERSION = 1;

const isoDate = v.pipe(
  v.string(),
  // Month 01–12 and day 01–31: '2026-13' passed a looser pattern (found by fuzzing the importers, issue 19).
  v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug (a-z, 0-9, -)'));
const shortText = (max: number) => v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const ENTITY_TYPES = ['person', 'country', 'region', 'city', 'organisation', 'place'] as const;
export const EVENT_TYPES = ['summit', 'call', 'talks', 'meeting', 'agreement', 'sanctions', 'election', 'attack', 'statement', 'visit', 'inauguration', 'government', 'disaster', 'crisis'] as const;
export const EVENT_LINK_TYPES = ['follows', 'cancels', 'prepares', 'responds-to'] as const;

/** A time-bounded office: "Minister of Foreign Affairs" of `of` from `start` to `end`. */
const RoleSchema = v.object({
  title: shortText(200),
  /** Entity id of what the office belongs to (a country, an organisation). */
  of: v.optional(id),
  start: v.optional(isoDate),
  end: v.optional(isoDate),
  /** Phrases the press uses for whoever holds the office ("Kremlin spokesman"). */
  phrases: v.optional(v.array(shortText(120))),
});

const EntitySchema = v.object({
  id,
  name: shortText(200),
  type: v.picklist(ENTITY_TYPES),
  aliases: v.array(shortText(200)),
  /** Adjectives and demonyms ("Russian", "Russians"): linked, not highlighted by default. */
  demonyms: v.optional(v.array(shortText(80))),
  /** Exact English Wikipedia title, where an article exists. */
  wikipedia: v.optional(shortText(300)),
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q\d+$/, 'must be a Wikidata id such as Q7747'))),
  description: shortText(500),
  roles: v.optional(v.array(RoleSchema)),
  /** For metonyms (the Kremlin, the White House): entity ids of what the name stands for. */
  standsFor: v.optional(v.array(id)),
  /** 0..1: how often the news names this entity; breaks ties between namesakes. */
  prominence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  /** ISO 3166-1 codes of a country or territory. */
  iso: v.optional(v.object({ alpha2: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)), alpha3: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)) })),
  /** Entity id of a country's capital city. */
  capital: v.optional(id),
  /** Set when the title, roles or dates were written from general knowledge and not yet checked against a source. */
  unverified: v.optional(v.boolean()),
  /** Entity ids of what contains it: a city's region and country, an organisation's or a person's country. */
  partOf: v.optional(v.array(id)),
  /**
   * Names (among `name` and `aliases`) that alone are weak evidence: a surname, a common word,
   * a short acronym. They link only when the article also names the entity in full or names
   * what it is part of (see utils/match/find-mentions.ts).
   */
  weakNames: v.optional(v.array(shortText(200))),
  /** Ids of the open-data sources the record was built from (see the attribution page). */
  sources: v.optional(v.array(shortText(60))),
  /** The article the reader added the entity from (the side panel's "Add" of a name it does not hold, issue 17). */
  seenIn: v.optional(
    v.object({
      url: v.pipe(v.string(), v.maxLength(2000), v.regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL'), v.url('must be an absolute URL')),
      title: v.optional(shortText(300)),
      date: v.optional(isoDate),
    }),
  ),
});

const SourceSchema = v.object({
  url: v.pipe(v.string(), v.url('must be an absolute URL')),
  publisher: v.optional(shortText(200)),
  date: v.optional(isoDate),
});

const ParticipantSchema = v.object({
  entity: id,
  /** The part the entity played ("host", "mediator"): free text. */
  role: v.optional(shortText(120)),
});

const EventSchema = v.object({
  id,
  title: shortText(300),
  /** Names and phrases the press uses for the event ("Alaska summit", "summit in Alaska"). */
  aliases: v.array(shortText(200)),
  date: isoDate,
  end: v.optional(isoDate),
  place: v.optional(id),
  participants: v.array(ParticipantSchema),
  type: v.picklist(EVENT_TYPES),
  summary: shortText(1000),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'an event needs at least one source')),
  links: v.optional(v.array(v.object({ type: v.picklist(EVENT_LINK_TYPES), event: id }))),
  /** A landmark stays relevant for years (the 2018 Helsinki summit). */
  landmark: v.optional(v.boolean()),
  /** Set when a fact could not be verified from a source. */
  unverified: v.optional(v.boolean()),
});

const ManifestSchema = v.object({
  name: shortText(200),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0')),
  schemaVersion: v.literal(PACK_SCHEMA_VERSION, `must be ${PACK_SCHEMA_VERSION}`),
  license: shortText(200),
  created: isoDate,
  sources: v.array(shortText(500)),
});

export const PackSchema = v.object({
  manifest: ManifestSchema,
  entities: v.array(EntitySchema),
  events: v.array(EventSchema),
});

export type Role = v.InferOutput<typeof RoleSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type EntityType = Entity['type'];
export type KbEvent = v.InferOutput<typeof EventSchema>;
export type EventType = KbEvent['type'];
export type PackManifest = v.InferOutput<typeof ManifestSchema>;
export type Pack = v.InferOutput<typeof PackSchema>;

/** One problem found in a pack: where (a dotted path) and why. */
export interface PackProblem {
  path: string;
  message: string;
}

export type PackValidation = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Ids that references may name besides the pack's own (the knowledge base it is imported into). */
export interface KnownIds {
  entities: ReadonlySet<string>;
  events: ReadonlySet<string>;
}

/** Problems listed in full up to this many; past it, one more line says how many were left out. */
const MAX_PROBLEMS = 500;

/**
 * The message of one issue, in the reader's words: valibot says a missing field is an
 * "Invalid key: Expected "name" but received undefined", which tells a reader of an import
 * report little (found by fuzzing the importers, issue 19).
 */
const messageOf = (issue: v.BaseIssue<unknown>): string => (issue.type === 'object' && issue.input === undefined && issue.path?.length ? 'is required but missing' : issue.message);

const issuesToProblems = (issues: v.BaseIssue<unknown>[], prefix: string): PackProblem[] =>
  issues.map((issue) => {
    const inner = v.getDotPath(issue);
    return { path: inner ? `${prefix}.${inner}` : prefix, message: messageOf(issue) };
  });

/**
 * Checks a pack record by record, so that a file of any size can be checked as it is read:
 * the shape of each record, unique ids, and (at `finish`) that every reference — role `of`,
 * `standsFor`, capital, event place, participants, links — names a record of the pack or of
 * the knowledge base it goes into. References to records of the pack itself are resolved as
 * they are read; only the others are remembered, so memory grows with the ids, not the file.
 */
export class PackChecker {
  private readonly found: PackProblem[] = [];
  private omitted = 0;
  private readonly ids = { entity: new Set<string>(), event: new Set<string>() };
  private readonly pending: { kind: 'entity' | 'event'; id: string; path: string }[] = [];
  counts = { entities: 0, events: 0 };

  /** Every problem so far (capped, with a last line saying how many more there were). */
  get problems(): PackProblem[] {
    return this.omitted ? [...this.found, { path: '(file)', message: `and ${this.omitted} more problems` }] : this.found;
  }

  get ok(): boolean {
    return this.found.length === 0;
  }

  private problem(path: string, message: string): void {
    if (this.found.length < MAX_PROBLEMS) this.found.push({ path, message });
    else this.omitted++;
  }

  private parse<T>(schema: v.GenericSchema<unknown, T>, input: unknown, path: string): T | null {
    const parsed = v.safeParse(schema, input, { abortEarly: false });
    if (parsed.success) return parsed.output;
    for (const p of issuesToProblems(parsed.issues, path)) this.problem(p.path, p.message);
    return null;
  }

  private need(kind: 'entity' | 'event', ref: string | undefined, path: string): void {
    if (ref !== undefined && !this.ids[kind].has(ref)) this.pending.push({ kind, id: ref, path });
  }

  manifest(input: unknown): PackManifest | null {
    return this.parse(ManifestSchema, input, 'manifest');
  }

  /** The entity when its shape is valid, else null (its problems are recorded). */
  entity(input: unknown): Entity | null {
    const i = this.counts.entities++;
    const entity = this.parse(EntitySchema, input, `entities.${i}`);
    if (!entity) return null;
    if (this.ids.entity.has(entity.id)) this.problem(`entities.${i}.id`, `duplicate entity id "${entity.id}"`);
    this.ids.entity.add(entity.id);
    entity.roles?.forEach((role, j) => this.need('entity', role.of, `entities.${i}.roles.${j}.of`));
    entity.standsFor?.forEach((ref, j) => this.need('entity', ref, `entities.${i}.standsFor.${j}`));
    this.need('entity', entity.capital, `entities.${i}.capital`);
    entity.partOf?.forEach((ref, j) => this.need('entity', ref, `entities.${i}.partOf.${j}`));
    return entity;
  }

  /** The event when its shape is valid, else null (its problems are recorded). */
  event(input: unknown): KbEvent | null {
    const i = this.counts.events++;
    const event = this.parse(EventSchema, input, `events.${i}`);
    if (!event) return null;
    if (this.ids.event.has(event.id)) this.problem(`events.${i}.id`, `duplicate event id "${event.id}"`);
    this.ids.event.add(event.id);
    this.need('entity', event.place, `events.${i}.place`);
    event.participants.forEach((p, j) => this.need('entity', p.entity, `events.${i}.participants.${j}.entity`));
    event.links?.forEach((link, j) => this.need('event', link.event, `events.${i}.links.${j}.event`));
    if (event.end !== undefined && event.end < event.date) this.problem(`events.${i}.end`, 'ends before it starts');
    return event;
  }

  /** The referenced ids that are not records of this pack: the caller looks them up in the knowledge base. */
  outsideRefs(): KnownIds {
    const out = { entities: new Set<string>(), events: new Set<string>() };
    for (const p of this.pending) if (!this.ids[p.kind].has(p.id)) (p.kind === 'entity' ? out.entities : out.events).add(p.id);
    return out;
  }

  /** Records a problem for every reference that names neither a record of the pack nor one of `known`. */
  finish(known?: KnownIds): PackProblem[] {
    for (const p of this.pending) {
      const elsewhere = p.kind === 'entity' ? known?.entities : known?.events;
      if (!this.ids[p.kind].has(p.id) && !elsewhere?.has(p.id)) this.problem(p.path, `unknown ${p.kind} "${p.id}"`);
    }
    this.pending.length = 0;
    // Done with the ids: an import's other work goes on, and at 100k records they are a few MB.
    this.ids.entity.clear();
    this.ids.event.clear();
    return this.problems;
  }

  /** Records a problem found outside the records (the file, the manifest). */
  fail(path: string, message: string): void {
    this.problem(path, message);
  }
}

/**
 * Checks a parsed pack: its shape, unique ids, and that every reference (role `of`,
 * `standsFor`, event place, participants, links) names a record of the pack or of `known`.
 * Returns every problem found, not only the first; `ok: true` only when there are none.
 */
export function validatePack(input: unknown, known?: KnownIds): PackValidation {
  const checker = new PackChecker();
  const record = (input ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: [{ path: '(root)', message: 'a pack must be a JSON object with manifest, entities and events' }] };
  const manifest = checker.manifest(record.manifest);
  const list = (key: 'entities' | 'events'): unknown[] => {
    if (Array.isArray(record[key])) return record[key] as unknown[];
    checker.fail(key, `must be an array of ${key}`);
    return [];
  };
  const entities = list('entities').map((e) => checker.entity(e));
  const events = list('events').map((e) => checker.event(e));
  const problems = checker.finish(known);
  if (problems.length || !manifest) return { ok: false, problems };
  return { ok: true, pack: { manifest, entities: entities as Entity[], events: events as KbEvent[] } };
}
