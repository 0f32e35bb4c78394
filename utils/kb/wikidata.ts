/**
 * Converts Wikidata entities (the JSON of its dumps and of `wbgetentities`) into a pack:
 * people, countries, regions, cities, organisations and places become entities, summits,
 * meetings, elections, treaties and attacks become events. Entity JSON format:
 * https://doc.wikimedia.org/Wikibase/master/php/docs_topics_json.html
 */
import { isoFromDayNumber } from '../text/dates';
import { slugify } from './country-entities';
import { PACK_SCHEMA_VERSION, type Entity, type EntityType, type EventType, type KbEvent, type Pack, type PackManifest, type Role } from './schema';

/** A snak: one property and its value; `novalue` and `somevalue` snaks carry no datavalue. */
export interface WikidataSnak {
  snaktype: 'value' | 'somevalue' | 'novalue';
  property: string;
  datavalue?: { type: string; value: unknown };
}

export interface WikidataStatement {
  mainsnak: WikidataSnak;
  rank?: 'preferred' | 'normal' | 'deprecated';
  qualifiers?: Record<string, WikidataSnak[]>;
}

interface WikidataText {
  language: string;
  value: string;
}

/** The fields of a Wikidata entity that we read. */
export interface WikidataEntity {
  id: string;
  type?: string;
  /** Present (as "") in `wbgetentities` answers for an id that does not exist. */
  missing?: string;
  labels?: Record<string, WikidataText>;
  descriptions?: Record<string, WikidataText>;
  aliases?: Record<string, WikidataText[]>;
  claims?: Record<string, WikidataStatement[]>;
  sitelinks?: Record<string, { site: string; title: string }>;
}

/** What the converter knows of the other entities of the input. */
export interface InputIndex {
  /** Pack id of an input entity that became an entity or event; undefined otherwise. */
  idOf(qid: string): string | undefined;
  /** Entity type of an input entity that became an entity; undefined otherwise. */
  typeOf(qid: string): EntityType | undefined;
  /** Name of any input entity, converted or skipped (positions are skipped but named). */
  labelOf(qid: string): string | undefined;
  /** The "applies to jurisdiction" (P1001) of any input entity: what a position is the office of. */
  jurisdictionOf(qid: string): string | undefined;
}

export interface EntityOptions {
  /** Languages whose labels and aliases become aliases; DEFAULT_LANGUAGES when not given. */
  languages?: readonly string[];
  /** The rest of the input; without it, references to other entities are left out. */
  index?: InputIndex;
}

export interface PackOptions {
  name: string;
  version: string;
  /** Date the pack is made (YYYY-MM-DD); passed in so the conversion stays pure. */
  created: string;
  languages?: readonly string[];
}

export interface ConvertedEntity {
  entity?: Entity;
  event?: KbEvent;
  skipped?: string;
}

export interface ConvertedPack {
  pack: Pack;
  skipped: { id: string; reason: string }[];
}

/** Languages of the press Backstory reads. */
const DEFAULT_LANGUAGES: readonly string[] = ['en', 'de', 'fr', 'es', 'pl', 'uk', 'ru'];
/** Wikidata's language-neutral labels (names spelled the same in every Latin-script language). */
const NEUTRAL_LANGUAGE = 'mul';
const WIKIDATA_LICENSE = 'CC0-1.0 (Wikidata)';
const WIKIDATA_SITE = 'https://www.wikidata.org/';
const WIKIDATA_PUBLISHER = 'Wikidata';
const MAX_NAME = 200;
const MAX_TITLE = 300;
const MAX_DESCRIPTION = 500;

/**
 * What an "instance of" (P31) class becomes. Only direct classes count (no walk up "subclass
 * of"), so an entity whose classes are all missing here is skipped as "unsupported type".
 * "occurrence" (Q1190554) is left out on purpose: no event type of the pack fits it.
 */
const ENTITY_CLASSES: Record<string, EntityType> = {
  Q5: 'person', // human
  Q6256: 'country', // country
  Q3624078: 'country', // sovereign state
  Q3024240: 'country', // historical country
  Q43702: 'country', // federation (Russia, Germany, Belgium: a kind of country, not a region)
  Q7275: 'country', // state
  Q515: 'city', // city
  Q1549591: 'city', // big city
  Q1637706: 'city', // city with millions of inhabitants
  Q5119: 'city', // capital city
  Q200250: 'city', // metropolis
  Q35657: 'region', // state of the United States
  Q107390: 'region', // federated state
  Q10864048: 'region', // first-level administrative country subdivision
  Q34876: 'region', // province
  Q82794: 'region', // geographic region
  Q43229: 'organisation', // organization
  Q484652: 'organisation', // international organization
  Q245065: 'organisation', // intergovernmental organization
  Q1127126: 'organisation', // military alliance
  Q7278: 'organisation', // political party
  Q7210356: 'organisation', // political organization
  Q7188: 'organisation', // government
  Q327333: 'organisation', // government agency
  Q4830453: 'organisation', // business
  Q783794: 'organisation', // company
  Q891723: 'organisation', // public company
  Q11032: 'organisation', // newspaper
  Q1002697: 'organisation', // periodical
  Q192283: 'organisation', // news agency
  Q41176: 'place', // building
  Q486972: 'place', // human settlement
};

const EVENT_CLASSES: Record<string, EventType> = {
  Q1072326: 'summit', // summit meeting
  Q2761147: 'meeting', // meeting
  Q40231: 'election', // public election
  Q858439: 'election', // presidential election
  Q131569: 'agreement', // treaty
  Q625298: 'agreement', // peace treaty
  Q618779: 'sanctions', // economic sanctions
  Q2223653: 'attack', // terrorist attack
};

/**
 * When an item is an instance of classes of several types (Berlin: city-state, state of
 * Germany, capital), the first type of this list wins; events come after every entity type.
 */
const TYPE_PRECEDENCE: EntityType[] = ['person', 'country', 'city', 'region', 'organisation', 'place'];

const PROPERTY = {
  instanceOf: 'P31',
  positionHeld: 'P39',
  capital: 'P36',
  startTime: 'P580',
  endTime: 'P582',
  pointInTime: 'P585',
  location: 'P276',
  country: 'P17',
  participant: 'P710',
  /** "of", a deprecated qualifier still found on older position statements. */
  of: 'P642',
  appliesToJurisdiction: 'P1001',
  isoAlpha2: 'P297',
  isoAlpha3: 'P298',
} as const;

/** Properties the conversion reads; `slimEntity` keeps only these. */
const READ_PROPERTIES = new Set<string>(Object.values(PROPERTY));

/** Time precisions of Wikidata's time values. */
const PRECISION = { year: 9, month: 10, day: 11 } as const;
const JULIAN_CALENDAR = 'http://www.wikidata.org/entity/Q1985786';
/** Julian day number of 1970-01-01, to turn a Julian day into a day number of utils/text/dates. */
const UNIX_EPOCH_JDN = 2_440_588;

const SKIP_REASON = {
  notItem: 'not an item',
  missing: 'missing from Wikidata',
  noInstanceOf: 'no instance of (P31)',
  unsupportedType: 'unsupported type',
  noLabel: 'no label in the requested languages',
  nameTooLong: `name longer than ${MAX_NAME} characters`,
  noDate: 'event without a date (P585, P580 or P582)',
} as const;

const usable = (statements: WikidataStatement[] | undefined): WikidataStatement[] =>
  (statements ?? []).filter((s) => s.rank !== 'deprecated');

/** The item id a snak points to, or undefined for another kind of value or no value. */
function itemOf(snak: WikidataSnak | undefined): string | undefined {
  if (snak?.snaktype !== 'value' || snak.datavalue?.type !== 'wikibase-entityid') return undefined;
  const value = snak.datavalue.value as { id?: string; 'numeric-id'?: number; 'entity-type'?: string };
  if (value['entity-type'] !== undefined && value['entity-type'] !== 'item') return undefined;
  return value.id ?? (value['numeric-id'] !== undefined ? `Q${value['numeric-id']}` : undefined);
}

/** Item ids of a property's usable statements, preferred rank first; [] when none. */
function itemsOf(wd: WikidataEntity, property: string): string[] {
  const statements = usable(wd.claims?.[property]);
  const ordered = [...statements.filter((s) => s.rank === 'preferred'), ...statements.filter((s) => s.rank !== 'preferred')];
  return ordered.map((s) => itemOf(s.mainsnak)).filter((q): q is string => q !== undefined);
}

function stringOf(wd: WikidataEntity, property: string): string | undefined {
  const snak = usable(wd.claims?.[property])[0]?.mainsnak;
  return snak?.snaktype === 'value' && snak.datavalue?.type === 'string' ? (snak.datavalue.value as string) : undefined;
}

/** Gregorian date of a Julian-calendar date (the Julian day number formula of the Explanatory Supplement). */
function gregorianOfJulian(year: number, month: number, day: number): string {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jdn = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32_083;
  return isoFromDayNumber(jdn - UNIX_EPOCH_JDN);
}

/**
 * ISO date of a Wikidata time value ("+2004-03-09T00:00:00Z", precision 11 → "2004-03-09";
 * 10 → "2004-03"; 9 → "2004"). Julian-calendar days are converted to the Gregorian calendar;
 * a Julian month keeps only its year. Undefined for no value, a precision coarser than a
 * year, years before 1 CE or after 9999: the pack's dates cannot say them.
 */
export function wikidataDate(snak: WikidataSnak | undefined): string | undefined {
  if (snak?.snaktype !== 'value' || snak.datavalue?.type !== 'time') return undefined;
  const { time, precision, calendarmodel } = snak.datavalue.value as { time: string; precision: number; calendarmodel?: string };
  const m = /^\+(\d{4})-(\d{2})-(\d{2})T/.exec(time);
  if (!m || precision < PRECISION.year || m[1] === '0000') return undefined;
  const [year, month, day] = [m[1]!, m[2]!, m[3]!];
  if (precision === PRECISION.year) return year;
  if (month === '00') return undefined;
  const julian = calendarmodel === JULIAN_CALENDAR;
  if (precision === PRECISION.month) return julian ? year : `${year}-${month}`;
  if (day === '00') return undefined;
  return julian ? gregorianOfJulian(Number(year), Number(month), Number(day)) : `${year}-${month}-${day}`;
}

const firstQualifier = (statement: WikidataStatement, property: string): WikidataSnak | undefined => statement.qualifiers?.[property]?.[0];

/** The name of an entity: its English label, else its language-neutral one, else one in the requested languages. */
function nameOf(wd: WikidataEntity, languages: readonly string[]): string | undefined {
  for (const lang of ['en', NEUTRAL_LANGUAGE, ...languages]) {
    const value = wd.labels?.[lang]?.value.trim();
    if (value) return value;
  }
  return undefined;
}

/** Labels and aliases in the requested languages (and language-neutral ones), without the name and duplicates. */
function aliasesOf(wd: WikidataEntity, name: string, languages: readonly string[]): string[] {
  const names = new Set<string>();
  for (const lang of [...languages, NEUTRAL_LANGUAGE]) {
    const label = wd.labels?.[lang]?.value;
    if (label) names.add(label.trim());
    for (const alias of wd.aliases?.[lang] ?? []) names.add(alias.value.trim());
  }
  names.delete(name);
  // Wikidata aliases include flag emoji and codes made of digits: not names.
  return [...names].filter((n) => n.length <= MAX_NAME && /\p{L}/u.test(n));
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function descriptionOf(wd: WikidataEntity, kind: string): string {
  const description = wd.descriptions?.en?.value.trim();
  return truncate(description || `${kind[0]!.toUpperCase()}${kind.slice(1)} from Wikidata`, MAX_DESCRIPTION);
}

/** The entity or event type of an item's "instance of" classes; undefined when none is known. */
function kindOf(wd: WikidataEntity): { entityType?: EntityType; eventType?: EventType } | undefined {
  const classes = itemsOf(wd, PROPERTY.instanceOf);
  const entityTypes = classes.map((q) => ENTITY_CLASSES[q]).filter((t) => t !== undefined);
  const entityType = TYPE_PRECEDENCE.find((t) => entityTypes.includes(t));
  if (entityType) return { entityType };
  const eventType = classes.map((q) => EVENT_CLASSES[q]).find((t) => t !== undefined);
  return eventType ? { eventType } : undefined;
}

/**
 * Pack id of an item: the slug of its English Wikipedia title, else of its name, else
 * "q" and its number. Not yet unique: `createPackBuilder` adds -2, -3… to repeats.
 */
function baseIdOf(wd: WikidataEntity, languages: readonly string[]): string {
  const title = wd.sitelinks?.enwiki?.title;
  const name = nameOf(wd, languages);
  return (title && slugify(title)) || (name && slugify(name)) || wd.id.toLowerCase();
}

/**
 * Roles from "position held" (P39): the title is the position's name when the position is in
 * the input, else "position Q…"; `of` is the statement's "of" or "applies to jurisdiction"
 * qualifier, else the position's jurisdiction, when that entity is in the pack. A role whose
 * end is "unknown value" is left out: without an end it would read as still held.
 */
function rolesOf(wd: WikidataEntity, index: InputIndex | undefined): Role[] {
  const roles: Role[] = [];
  for (const statement of usable(wd.claims?.[PROPERTY.positionHeld])) {
    const position = itemOf(statement.mainsnak);
    if (!position || firstQualifier(statement, PROPERTY.endTime)?.snaktype === 'somevalue') continue;
    const jurisdiction =
      itemOf(firstQualifier(statement, PROPERTY.of)) ??
      itemOf(firstQualifier(statement, PROPERTY.appliesToJurisdiction)) ??
      index?.jurisdictionOf(position);
    const of = jurisdiction && index?.typeOf(jurisdiction) ? index.idOf(jurisdiction) : undefined;
    const start = wikidataDate(firstQualifier(statement, PROPERTY.startTime));
    const end = wikidataDate(firstQualifier(statement, PROPERTY.endTime));
    roles.push({
      title: truncate(index?.labelOf(position) ?? `position ${position}`, MAX_NAME),
      ...(of ? { of } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
    });
  }
  return roles;
}

/** The first of the property's items that is an entity of the pack (of `type` when given); undefined when none. */
function entityRef(wd: WikidataEntity, property: string, index: InputIndex | undefined, type?: EntityType): string | undefined {
  const qid = itemsOf(wd, property).find((q) => index?.idOf(q) !== undefined && index.typeOf(q) !== undefined && (!type || index.typeOf(q) === type));
  return qid ? index?.idOf(qid) : undefined;
}

/** Event date: point in time (P585), else start (P580), else end (P582); the end only when later than the date. */
function eventDates(wd: WikidataEntity): { date?: string; end?: string } {
  const claim = (property: string) => wikidataDate(usable(wd.claims?.[property])[0]?.mainsnak);
  const date = claim(PROPERTY.pointInTime) ?? claim(PROPERTY.startTime) ?? claim(PROPERTY.endTime);
  const end = claim(PROPERTY.endTime);
  return { ...(date ? { date } : {}), ...(date && end && end > date ? { end } : {}) };
}

/**
 * Converts one Wikidata entity. Returns `{ entity }` or `{ event }`, or `{ skipped: reason }`
 * (one of SKIP_REASON) when it is not an item, has no type we convert, no name or, for an
 * event, no date. References to other entities need `options.index`; without it they are
 * left out and role titles read "position Q…".
 */
export function convertEntity(wd: WikidataEntity, options: EntityOptions = {}): ConvertedEntity {
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const { index } = options;
  if (wd.missing !== undefined) return { skipped: SKIP_REASON.missing };
  if ((wd.type !== undefined && wd.type !== 'item') || !/^Q\d+$/.test(wd.id)) return { skipped: SKIP_REASON.notItem };
  if (!itemsOf(wd, PROPERTY.instanceOf).length) return { skipped: SKIP_REASON.noInstanceOf };
  const kind = kindOf(wd);
  if (!kind) return { skipped: SKIP_REASON.unsupportedType };
  const name = nameOf(wd, languages);
  if (!name) return { skipped: SKIP_REASON.noLabel };
  const id = index?.idOf(wd.id) ?? baseIdOf(wd, languages);
  const title = wd.sitelinks?.enwiki?.title;
  const aliases = aliasesOf(wd, name, languages);

  if (kind.eventType) {
    const { date, end } = eventDates(wd);
    if (!date) return { skipped: SKIP_REASON.noDate };
    const place = entityRef(wd, PROPERTY.location, index) ?? entityRef(wd, PROPERTY.country, index);
    const participants = [...new Set(itemsOf(wd, PROPERTY.participant))]
      .map((q) => (index?.typeOf(q) ? index.idOf(q) : undefined))
      .filter((ref): ref is string => ref !== undefined)
      .map((entity) => ({ entity }));
    return {
      event: {
        id,
        title: truncate(name, MAX_TITLE),
        aliases,
        date,
        ...(end ? { end } : {}),
        ...(place ? { place } : {}),
        participants,
        type: kind.eventType,
        summary: descriptionOf(wd, kind.eventType),
        sources: [{ url: `https://www.wikidata.org/wiki/${wd.id}`, publisher: WIKIDATA_PUBLISHER }],
      },
    };
  }

  if (name.length > MAX_NAME) return { skipped: SKIP_REASON.nameTooLong };
  const type = kind.entityType!;
  const roles = rolesOf(wd, index);
  const capital = type === 'country' ? entityRef(wd, PROPERTY.capital, index, 'city') : undefined;
  const alpha2 = stringOf(wd, PROPERTY.isoAlpha2);
  const alpha3 = stringOf(wd, PROPERTY.isoAlpha3);
  const hasIso = type === 'country' && /^[A-Z]{2}$/.test(alpha2 ?? '') && /^[A-Z]{3}$/.test(alpha3 ?? '');
  return {
    entity: {
      id,
      name,
      type,
      aliases,
      ...(title && title.length <= MAX_TITLE ? { wikipedia: title } : {}),
      wikidata: wd.id,
      description: descriptionOf(wd, type),
      ...(roles.length ? { roles } : {}),
      ...(hasIso ? { iso: { alpha2: alpha2!, alpha3: alpha3! } } : {}),
      ...(capital ? { capital } : {}),
    },
  };
}

/**
 * The part of an entity the conversion reads: labels, descriptions and aliases in English,
 * the requested and neutral languages, the English Wikipedia link and the read properties.
 * Keeps a large dump's converted items small while the rest of the input is read.
 */
function slimEntity(wd: WikidataEntity, languages: readonly string[]): WikidataEntity {
  const langs = new Set(['en', NEUTRAL_LANGUAGE, ...languages]);
  const pick = <T>(record: Record<string, T> | undefined, keep: (key: string) => boolean) =>
    Object.fromEntries(Object.entries(record ?? {}).filter(([key]) => keep(key)));
  return {
    id: wd.id,
    ...(wd.type !== undefined ? { type: wd.type } : {}),
    labels: pick(wd.labels, (l) => langs.has(l)),
    descriptions: pick(wd.descriptions, (l) => l === 'en'),
    aliases: pick(wd.aliases, (l) => langs.has(l)),
    claims: pick(wd.claims, (p) => READ_PROPERTIES.has(p)),
    sitelinks: pick(wd.sitelinks, (s) => s === 'enwiki'),
  };
}

const qidNumber = (qid: string): number => Number(qid.slice(1));

/**
 * A pack built entity by entity, so a dump can be read as a stream: `add` keeps what each
 * item needs (and the name and jurisdiction of every entity, for role titles), `finish`
 * gives ids, resolves references and returns the pack with every skipped entity and why.
 * Ids are given in QID order, so the same items get the same ids whatever the input order.
 */
export function createPackBuilder(options: PackOptions): { add(wd: WikidataEntity): void; finish(): ConvertedPack } {
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const kept: WikidataEntity[] = [];
  const types = new Map<string, EntityType | undefined>();
  const labels = new Map<string, string>();
  const jurisdictions = new Map<string, string>();
  const skipped: { id: string; reason: string }[] = [];

  function add(wd: WikidataEntity): void {
    const name = nameOf(wd, languages);
    if (name) labels.set(wd.id, name);
    const jurisdiction = itemsOf(wd, PROPERTY.appliesToJurisdiction)[0];
    if (jurisdiction) jurisdictions.set(wd.id, jurisdiction);
    // A first pass without an index finds what will be skipped whatever the other entities are.
    const { entity, skipped: reason } = convertEntity(wd, { languages });
    if (reason) skipped.push({ id: wd.id, reason });
    else {
      kept.push(slimEntity(wd, languages));
      types.set(wd.id, entity?.type);
    }
  }

  function finish(): ConvertedPack {
    const ids = new Map<string, string>();
    const taken = new Set<string>();
    for (const wd of [...kept].sort((a, b) => qidNumber(a.id) - qidNumber(b.id))) {
      const base = baseIdOf(wd, languages);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      ids.set(wd.id, id);
    }
    const index: InputIndex = {
      idOf: (qid) => ids.get(qid),
      typeOf: (qid) => types.get(qid),
      labelOf: (qid) => labels.get(qid),
      jurisdictionOf: (qid) => jurisdictions.get(qid),
    };
    const entities: Entity[] = [];
    const events: KbEvent[] = [];
    for (const wd of kept) {
      const { entity, event } = convertEntity(wd, { languages, index });
      if (entity) entities.push(entity);
      if (event) events.push(event);
    }
    const manifest: PackManifest = {
      name: options.name,
      version: options.version,
      schemaVersion: PACK_SCHEMA_VERSION,
      license: WIKIDATA_LICENSE,
      created: options.created,
      sources: [WIKIDATA_SITE],
    };
    return { pack: { manifest, entities, events }, skipped };
  }

  return { add, finish };
}

/**
 * Converts Wikidata entities into a pack (see createPackBuilder). Returns the pack, empty
 * when nothing converts, and every skipped entity with its reason.
 */
export function convertEntities(entities: Iterable<WikidataEntity>, options: PackOptions): ConvertedPack {
  const builder = createPackBuilder(options);
  for (const wd of entities) builder.add(wd);
  return builder.finish();
}

/**
 * The entity on one line of a JSON dump (an array with one entity per line, each line but
 * the last ending with a comma). Returns null for the lines "[" and "]" and blank lines;
 * throws a SyntaxError when the line is not JSON.
 */
export function parseDumpLine(line: string): WikidataEntity | null {
  const text = line.trim().replace(/^\[/, '').replace(/,?\]?$/, '').trim();
  return text ? (JSON.parse(text) as WikidataEntity) : null;
}

/** The entities of a `wbgetentities` answer (`{"entities": {"Q7747": {...}}}`); [] when it has none. */
export function entitiesOfResponse(response: unknown): WikidataEntity[] {
  const entities = (response as { entities?: Record<string, WikidataEntity> } | null)?.entities;
  return entities && typeof entities === 'object' ? Object.values(entities) : [];
}
