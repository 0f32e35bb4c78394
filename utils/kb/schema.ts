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
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug (a-z, 0-9, -)'));
const shortText = (max: number) => v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const ENTITY_TYPES = ['person', 'country', 'region', 'city', 'organisation', 'place'] as const;
export const EVENT_TYPES = ['summit', 'call', 'talks', 'meeting', 'agreement', 'sanctions', 'election', 'attack', 'statement', 'visit'] as const;
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

/**
 * Checks a parsed pack: its shape, unique ids, and that every reference (role `of`,
 * `standsFor`, event place, participants, links) names a record of the pack or of `known`.
 * Returns every problem found, not only the first; `ok: true` only when there are none.
 */
export function validatePack(input: unknown, known?: KnownIds): PackValidation {
  const parsed = v.safeParse(PackSchema, input, { abortEarly: false });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((issue) => ({
        path: v.getDotPath(issue) ?? '(root)',
        message: issue.message,
      })),
    };
  }
  const pack = parsed.output;
  const problems: PackProblem[] = [];
  const entityIds = new Set<string>();
  pack.entities.forEach((entity, i) => {
    if (entityIds.has(entity.id)) problems.push({ path: `entities.${i}.id`, message: `duplicate entity id "${entity.id}"` });
    entityIds.add(entity.id);
  });
  const eventIds = new Set<string>();
  pack.events.forEach((event, i) => {
    if (eventIds.has(event.id)) problems.push({ path: `events.${i}.id`, message: `duplicate event id "${event.id}"` });
    eventIds.add(event.id);
  });
  const needEntity = (ref: string | undefined, path: string) => {
    if (ref !== undefined && !entityIds.has(ref) && !known?.entities.has(ref)) problems.push({ path, message: `unknown entity "${ref}"` });
  };
  pack.entities.forEach((entity, i) => {
    entity.roles?.forEach((role, j) => needEntity(role.of, `entities.${i}.roles.${j}.of`));
    entity.standsFor?.forEach((ref, j) => needEntity(ref, `entities.${i}.standsFor.${j}`));
    needEntity(entity.capital, `entities.${i}.capital`);
  });
  pack.events.forEach((event, i) => {
    needEntity(event.place, `events.${i}.place`);
    event.participants.forEach((p, j) => needEntity(p.entity, `events.${i}.participants.${j}.entity`));
    event.links?.forEach((link, j) => {
      if (!eventIds.has(link.event) && !known?.events.has(link.event)) problems.push({ path: `events.${i}.links.${j}.event`, message: `unknown event "${link.event}"` });
    });
    if (event.end !== undefined && event.end < event.date) problems.push({ path: `events.${i}.end`, message: 'ends before it starts' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, pack };
}
