/**
 * Unites the records of every source into pack records (build-time code).
 *
 * 1. Records of all sources are grouped: by Wikidata id first; a record without one joins a
 *    group of the same type, country and name only when exactly one such group exists.
 * 2. A group that matches a curated record (by Wikidata id, English Wikipedia title, or for
 *    places by name within the same country) only lends it its id, sources and names in
 *    other languages: the curated record is checked by hand and wins.
 * 3. The others become entities: an id from the name and the Wikidata id (or the source key),
 *    a one-line description built from the facts, dated roles with the phrases the linker
 *    reads, what they are part of, a prominence from the facts, and their weak names.
 * 4. A record with no Wikipedia title gets the checked one of its Wikidata id, if any
 *    (subdivision-titles.ts: "Neuquén Province" for Neuquén).
 */
import { slugify } from '../country-entities';
import type { Entity, KbEvent, Role } from '../schema';
import { describeEntity } from './describe';
import { prominenceOf } from './prominence';
import { officePhrases } from './phrases';
import { withCheckedTitles } from './subdivision-titles';
import type { SourceEntity, SourceEvent, SourceOutput, SourceRole } from './types';
import { weakNamesOf, type WordList } from './weak-names';

export interface SourceRun {
  id: string;
  output: SourceOutput;
}

/** One entity being built from the records of one or more sources. */
interface Group {
  records: SourceEntity[];
  sources: Set<string>;
  /** The `<source>:<key>` references that name it. */
  refs: string[];
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A name folded with the usual abbreviations spelt out: "U.N. Security Council" → "united nations security council". */
function expanded(name: string): string {
  return fold(name.replace(/^(?:the\s+)?U\.?N\.?(?=\s)/i, 'United Nations').replace(/^(?:the\s+)?U\.?S\.?(?=\s)/, 'United States').replace(/^(?:the\s+)?E\.?U\.?(?=\s)/, 'European Union').replace(/^(?:the\s+)?U\.?K\.?(?=\s)/, 'United Kingdom'));
}

/** An id part from a name: the project's slug, cut to 60 characters. */
export const slug = (text: string): string => slugify(text).slice(0, 60).replace(/-$/, '');

/** Adds `value` to the list kept under `key`. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Counts one more under `key`. */
function countUp<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Sources whose people are kept only when another source or a curated record has them too. */
const UNCORROBORATED_PEOPLE = new Set(['petrarch2-phoenix']);

/** Cities smaller than this keep only their own name (see buildEntity). */
const MIN_TRANSLATED_POPULATION = 15_000;
/** A place named by a common word and smaller than this is named "Name, Region". */
const COMMON_WORD_PLACE_POPULATION = 100_000;
/** One-word names of cities and regions smaller than these are weak (see weakNames). */
const STRONG_CITY_POPULATION = 300_000;
const STRONG_REGION_POPULATION = 1_000_000;

/**
 * Types that may be merged by name within a country when no Wikidata id says otherwise: a
 * record without one joins the only group of that type, country and name (a state
 * legislator of Open States and the same person in EveryPolitician).
 */
const NAME_MERGED = new Set(['organisation', 'region', 'city', 'person']);

export interface MergeResult {
  entities: Entity[];
  events: KbEvent[];
  /** For the build report: records in, groups out, matched to curated records. */
  stats: { records: number; groups: number; curatedTwins: number; uncorroborated: number; eventsDropped: number; namesByLanguage: Record<string, number>; titlesGiven: number; titlesUnmatched: string[] };
}

/**
 * Merges the sources' records with the curated entities and events. `curated` is not changed
 * except for the sources and names its twins lend it; the result lists curated entities first.
 * `titles` are checked Wikipedia titles by Wikidata id, for records no source gives one.
 */
export function mergeSources(curated: Entity[], curatedEvents: KbEvent[], runs: SourceRun[], words: WordList, separate: ReadonlySet<string> = new Set(), titles: ReadonlyMap<string, string> = new Map()): MergeResult {
  // --- 1. group the sources' records
  const groups: Group[] = [];
  const byQid = new Map<string, Group>();
  const byName = new Map<string, Group[]>();
  const nameKey = (r: SourceEntity) => `${r.type}/${r.country ?? ''}/${r.type === 'city' ? `${fold(r.subdivision ?? '')}/` : ''}${fold(r.name)}`;
  let records = 0;
  for (const run of runs) {
    for (const r of run.output.entities) {
      records++;
      const ref = `${run.id}:${r.key}`;
      let group = r.wikidata ? byQid.get(r.wikidata) : undefined;
      if (!group && !r.wikidata && NAME_MERGED.has(r.type)) {
        const same = byName.get(nameKey(r)) ?? [];
        // Two records of one source are two things (two towns named Independence).
        if (same.length === 1 && !same[0]!.sources.has(run.id)) group = same[0];
      }
      if (!group) {
        group = { records: [], sources: new Set(), refs: [] };
        groups.push(group);
        if (r.wikidata) byQid.set(r.wikidata, group);
      }
      group.records.push(r);
      group.sources.add(run.id);
      group.refs.push(ref);
      if (NAME_MERGED.has(r.type) && !byName.get(nameKey(r))?.includes(group)) pushTo(byName, nameKey(r), group);
    }
  }

  // --- 2. countries and the curated records the groups may be twins of
  const countryByIso = new Map<string, Entity>();
  for (const e of curated) if (e.type === 'country' && e.iso) countryByIso.set(e.iso.alpha2, e);
  const curatedById = new Map(curated.map((e) => [e.id, e]));
  const curatedByQid = new Map(curated.filter((e) => e.wikidata).map((e) => [e.wikidata!, e]));
  const curatedByTitle = new Map(curated.filter((e) => e.wikipedia).map((e) => [e.wikipedia!, e]));
  // A curated place's country: whose capital it is, else the first country it stands for or
  // is part of (assets/kb/sources/places-part-of.json).
  const curatedCountry = new Map<string, string>();
  for (const c of countryByIso.values()) if (c.capital) curatedCountry.set(c.capital, c.iso!.alpha2);
  for (const e of curated) for (const ref of [...(e.standsFor ?? []), ...(e.partOf ?? [])]) {
    const c = curatedById.get(ref);
    if (c?.type === 'country' && c.iso && !curatedCountry.has(e.id)) curatedCountry.set(e.id, c.iso.alpha2);
  }
  const curatedByPlaceName = new Map<string, Entity[]>();
  for (const e of curated) {
    const iso = curatedCountry.get(e.id);
    if (!iso || (e.type !== 'city' && e.type !== 'region')) continue;
    for (const n of [e.name, ...e.aliases]) pushTo(curatedByPlaceName, `${iso}/${fold(n)}`, e);
  }
  // How many groups bear each place name in a country: a name shared by several (four
  // Lafayettes in the United States) names none of them for sure.
  const placeNameCount = new Map<string, number>();
  for (const g of groups) {
    const r = g.records[0]!;
    if ((r.type === 'city' || r.type === 'region') && r.country) countUp(placeNameCount, `${r.type}/${r.country}/${fold(r.name)}`);
  }
  // Curated people by name and the country of their offices, for sources that give another
  // Wikipedia title ("Liu He (politician)" for the curated "Liu He").
  const curatedPeople = new Map<string, Entity[]>();
  for (const e of curated) {
    if (e.type !== 'person') continue;
    for (const of of new Set((e.roles ?? []).map((r) => r.of))) {
      const iso = of ? curatedById.get(of)?.iso?.alpha2 : undefined;
      if (iso) pushTo(curatedPeople, `${iso}/${fold(e.name)}`, e);
    }
  }
  // How many groups bear each full name of a person (their name or a full alias), by country.
  const personNameCount = new Map<string, number>();
  const fullNames = (r: SourceEntity) => [...new Set([r.name, ...(r.aliases ?? []).map((a) => a.name)].filter((n) => /\s/.test(n.trim())).map(fold))];
  for (const g of groups) {
    const r = g.records[0]!;
    if (r.type === 'person' && r.country) for (const n of fullNames(r)) countUp(personNameCount, `${r.country}/${n}`);
  }
  // Curated organisations by name with the usual abbreviations spelt out ("UN Security Council").
  const curatedOrgs = new Map<string, Entity[]>();
  for (const e of curated) if (e.type === 'organisation') for (const n of [e.name, ...e.aliases]) pushTo(curatedOrgs, expanded(n), e);
  const twinOf = (g: Group): Entity | undefined => {
    for (const r of g.records) {
      const twin = (r.wikidata && curatedByQid.get(r.wikidata)) || (r.wikipedia && curatedByTitle.get(r.wikipedia));
      if (twin) return twin;
    }
    const r = g.records[0]!;
    if (r.type === 'organisation' && !r.wikidata) {
      const same = [...new Set(curatedOrgs.get(expanded(r.name)) ?? [])];
      if (same.length === 1) return same[0];
    }
    if (r.type === 'person' && r.country) {
      // By its name, or by another of its full names ("George Bush" is also "George H. W. Bush"),
      // when no other group bears that name.
      const same = new Set(fullNames(r).filter((n) => personNameCount.get(`${r.country}/${n}`) === 1).flatMap((n) => curatedPeople.get(`${r.country}/${n}`) ?? []));
      if (same.size === 1) return [...same][0];
    }
    if ((r.type === 'city' || r.type === 'region') && r.country && placeNameCount.get(`${r.type}/${r.country}/${fold(r.name)}`) === 1) {
      const same = curatedByPlaceName.get(`${r.country}/${fold(r.name)}`);
      const typed = same?.filter((e) => e.type === r.type);
      if (typed?.length === 1) return typed[0];
      // A city that is also a region of its own (Budapest, Hanoi) is one place, unless a
      // record of the curated one's own type bears the name too (Paris the city and the département).
      // Two Wikidata ids are two places: the state of New York is not New York City.
      const other = same?.length === 1 ? same[0]! : undefined;
      if (other && other.wikidata && r.wikidata && other.wikidata !== r.wikidata) return undefined;
      if (other && !placeNameCount.has(`${other.type}/${r.country}/${fold(r.name)}`)) return other;
    }
    return undefined;
  };

  // --- 3. ids: curated twins keep theirs, the others get one from name and Wikidata id or key
  const taken = new Set(curated.map((e) => e.id));
  const idOfRef = new Map<string, string>();
  const idOfQid = new Map<string, string>();
  const twins = new Map<Group, Entity>();
  const built: { group: Group; id: string }[] = [];
  let uncorroborated = 0;
  for (const g of groups) {
    const twin = twinOf(g);
    // A person only a source without Wikidata ids and with guessed offices knows (Phoenix: one
    // "George Bush" for two presidents) is left out unless another source or a curated record confirms them.
    if (!twin && g.records[0]!.type === 'person' && [...g.sources].every((s) => UNCORROBORATED_PEOPLE.has(s))) {
      uncorroborated++;
      continue;
    }
    let id: string;
    if (twin) {
      id = twin.id;
      twins.set(g, twin);
    } else {
      const r = g.records.find((x) => x.wikidata) ?? g.records[0]!;
      const base = slug(r.name) || r.type;
      id = r.wikidata ? `${base}-${r.wikidata.toLowerCase()}` : `${base}-${slug(r.key)}`.replace(/^-/, '');
      for (let n = 2; taken.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      taken.add(id);
      built.push({ group: g, id });
    }
    for (const ref of g.refs) idOfRef.set(ref, id);
    for (const r of g.records) if (r.wikidata) idOfQid.set(r.wikidata, id);
  }

  // Regions by country and name, for "city in <region>".
  const regionId = new Map<string, string>();
  for (const { group, id } of built) {
    const r = group.records[0]!;
    if (r.kind === 'subdivision' && r.country) {
      const key = `${r.country}/${fold(r.name)}`;
      if (!regionId.has(key)) regionId.set(key, id);
    }
  }
  for (const [g, twin] of twins) {
    const r = g.records[0]!;
    if (r.kind === 'subdivision' && r.country) regionId.set(`${r.country}/${fold(r.name)}`, twin.id);
  }

  // --- 4. curated twins: sources and names in other languages
  const lent = new Map<string, Entity>();
  for (const [g, twin] of twins) {
    const prev = lent.get(twin.id) ?? twin;
    // A source whose records must stay a database of their own (ODbL) lends nothing.
    if ([...g.sources].every((s) => separate.has(s))) continue;
    const names = new Set([prev.name, ...prev.aliases]);
    const extra: string[] = [];
    // A spelling of the same name with an abbreviation ("UN Security Council") is a name of it.
    if (twin.type === 'organisation') for (const r of g.records) if (!names.has(r.name) && expanded(r.name) === expanded(twin.name) && r.name.length <= 200) {
      names.add(r.name);
      extra.push(r.name);
    }
    // The records of sources that may lend (g.refs[i] is `<source>:<key>` of g.records[i]).
    const lending = g.records.filter((_, i) => !separate.has(g.refs[i]!.split(':')[0]!));
    if (twin.type !== 'person') {
      for (const r of lending) for (const a of r.aliases ?? []) if (a.lang && !names.has(a.name) && words.keepTranslation(r.name, a.name)) {
        names.add(a.name);
        extra.push(a.name);
      }
    }
    const qid = prev.wikidata ?? lending.find((r) => r.wikidata)?.wikidata;
    lent.set(twin.id, {
      ...prev,
      aliases: [...prev.aliases, ...extra],
      ...(qid ? { wikidata: qid } : {}),
      sources: [...new Set([...(prev.sources ?? ['curated']), ...[...g.sources].filter((s) => !separate.has(s))])].sort(),
    });
  }
  // Curated offices gain the phrases of the other languages (and forms) the build writes.
  const withPhrases = (e: Entity): Entity => {
    if (e.type !== 'person' || !e.roles?.length) return e;
    let changed = false;
    const roles = e.roles.map((r) => {
      const country = r.of ? curatedById.get(r.of) : undefined;
      if (country?.type !== 'country' || !country.iso) return r;
      const extra = officePhrases(r.title, country.name, country.demonyms?.[0], country.iso.alpha2).filter((p) => !r.phrases?.includes(p));
      if (!extra.length) return r;
      changed = true;
      return { ...r, phrases: [...(r.phrases ?? []), ...extra] };
    });
    return changed ? { ...e, roles } : e;
  };
  // Curated places learn what country they are in, as generated ones know it: otherwise a
  // generated namesake that knows its country wins every article that names that country.
  const curatedFolded = new Set(curated.flatMap((e) => [e.name, ...e.aliases].map(fold)));
  const givenSurnames = new Set<string>();
  const curatedOut = curated.map((e) => {
    const before = withPhrases(lent.get(e.id) ?? e);
    const base = withSurname(before, curatedFolded, words, curatedById);
    if (base !== before) givenSurnames.add(`${e.id}/${base.aliases.at(-1)}`);
    const iso = curatedCountry.get(e.id);
    const country = iso ? countryByIso.get(iso)?.id : undefined;
    if (!country || country === e.id || base.partOf?.includes(country) || base.standsFor?.includes(country)) return base;
    return { ...base, partOf: [...(base.partOf ?? []), country] };
  });

  // --- 5. the new entities; a name that a curated record also bears is weak in them
  // (A surname the build gave a curated person is still everyone's who bears it: "Clinton" is Bill's too.)
  const curatedNames = new Set<string>();
  for (const e of curatedOut) for (const n of [e.name, ...e.aliases]) if (!givenSurnames.has(`${e.id}/${n}`)) curatedNames.add(fold(n));
  const countryName = (iso: string | undefined) => (iso ? countryByIso.get(iso)?.name : undefined);
  const entities: Entity[] = [];
  const languages = new Map<string, number>();
  for (const { group, id } of built) {
    const entity = buildEntity(group, id, {
      countryId: (iso) => (iso ? countryByIso.get(iso)?.id : undefined),
      countryName,
      demonym: (iso) => (iso ? countryByIso.get(iso)?.demonyms?.[0] : undefined),
      regionId: (iso, name) => (iso && name ? regionId.get(`${iso}/${fold(name)}`) : undefined),
      words,
      curatedNames,
      languages,
    });
    if (entity) entities.push(entity);
  }
  entities.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  const officeEvents = entities.flatMap(tookOffice);

  // --- 6. events: references resolved, events whose participants are all unknown dropped
  const resolve = (ref: string): string | undefined => {
    if (ref.startsWith('wikidata:')) return idOfQid.get(ref.slice(9));
    if (ref.startsWith('country:')) return countryByIso.get(ref.slice(8))?.id;
    return idOfRef.get(ref);
  };
  const events: KbEvent[] = [...curatedEvents];
  const eventIds = new Set(curatedEvents.map((e) => e.id));
  for (const ev of officeEvents) {
    if (eventIds.has(ev.id)) continue;
    eventIds.add(ev.id);
    events.push(ev);
  }
  let eventsDropped = 0;
  for (const run of runs) {
    for (const ev of run.output.events) {
      const participants = [...new Set(ev.participants.map(resolve).filter((x): x is string => !!x))];
      if (!participants.length) {
        eventsDropped++;
        continue;
      }
      let id = `${ev.date}-${slug(ev.title)}`.slice(0, 90).replace(/-$/, '');
      for (let n = 2; eventIds.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      eventIds.add(id);
      events.push(sourceEvent(ev, id, participants, ev.place ? resolve(ev.place) : undefined));
    }
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const titled = withCheckedTitles([...curatedOut, ...entities], titles);
  return { entities: titled.entities, events, stats: { records, groups: groups.length, curatedTwins: twins.size, uncorroborated, eventsDropped, namesByLanguage: Object.fromEntries([...languages].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))), titlesGiven: titled.given, titlesUnmatched: titled.unmatched } };
}

/** The first year whose changes of office become events. */
const OFFICE_EVENTS_FROM = '2000';

/**
 * Events the data gives with dates: a head of state or government, or a holder of a key
 * ministry (foreign affairs, defence, finance, interior: the offices with phrases), taking
 * office on a known day since 2000. The source is the person's Wikidata item.
 */
function tookOffice(person: Entity): KbEvent[] {
  if (person.type !== 'person' || !person.wikidata) return [];
  return (person.roles ?? [])
    .filter((r) => r.of && r.start && r.start.length === 10 && r.start >= OFFICE_EVENTS_FROM && (r.phrases?.length || /^(President|Prime Minister|Chancellor|Federal Chancellor)\b/.test(r.title)) && !/\b(vice|deputy|acting)\b/i.test(r.title))
    .map((r) => ({
      id: `${r.start}-${slug(person.name)}-takes-office`.slice(0, 90).replace(/-$/, '') + (r.title.match(/^\w+/)?.[0] ? `-${slug(r.title).slice(0, 30)}` : ''),
      title: `${person.name} takes office as ${r.title}`.slice(0, 300),
      aliases: [],
      date: r.start!,
      participants: [{ entity: person.id }, { entity: r.of! }],
      place: r.of!,
      type: 'inauguration' as const,
      summary: `${person.name} became ${r.title} on ${r.start}${r.end ? ` and held the office until ${r.end}` : ''}.`.slice(0, 1000),
      sources: [{ url: `https://www.wikidata.org/wiki/${person.wikidata}`, publisher: 'Wikidata (via EveryPolitician)' }],
    }));
}

function sourceEvent(ev: SourceEvent, id: string, participants: string[], place: string | undefined): KbEvent {
  return {
    id,
    title: ev.title.slice(0, 300),
    aliases: [],
    date: ev.date,
    ...(ev.end && ev.end >= ev.date ? { end: ev.end } : {}),
    ...(place ? { place } : {}),
    participants: participants.map((entity) => ({ entity })),
    type: ev.type,
    summary: ev.summary.slice(0, 1000),
    sources: [{ url: ev.url, publisher: ev.publisher }],
  };
}

export interface Lookups {
  countryId(iso: string | undefined): string | undefined;
  countryName(iso: string | undefined): string | undefined;
  demonym(iso: string | undefined): string | undefined;
  regionId(iso: string | undefined, name: string | undefined): string | undefined;
  words: WordList;
  /** Folded names and aliases of the curated records. */
  curatedNames?: ReadonlySet<string>;
  /** Counts the names kept, by the language the source gives (`und` when none). */
  languages?: Map<string, number>;
}

/** The first value any record of the group gives. */
function first<K extends keyof SourceEntity>(records: SourceEntity[], key: K): SourceEntity[K] | undefined {
  for (const r of records) if (r[key] !== undefined && r[key] !== '') return r[key];
  return undefined;
}

function buildEntity(group: Group, id: string, look: Lookups): Entity | null {
  const records = group.records;
  const main = records.find((r) => r.wikipedia) ?? records.find((r) => r.wikidata) ?? records[0]!;
  const name = main.name.trim().slice(0, 200);
  if (!/\p{L}/u.test(name)) return null;
  const country = first(records, 'country');
  const subdivision = first(records, 'subdivision');
  const population = Math.max(0, ...records.map((r) => r.population ?? 0)) || undefined;
  const capital = records.some((r) => r.capital);
  const wikipedia = first(records, 'wikipedia');
  const wikidata = first(records, 'wikidata');
  // Roles of all records, each office once (two sources of the same term agree on its start year).
  const seen = new Set<string>();
  const sourceRoles: SourceRole[] = [];
  for (const r of records) for (const role of r.roles ?? []) {
    const key = `${fold(role.title)}/${role.country ?? ''}/${(role.start ?? '').slice(0, 4)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sourceRoles.push(role);
  }
  sourceRoles.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.title.localeCompare(b.title));
  const roles: Role[] = sourceRoles.slice(-40).map((role) => {
    const of = look.countryId(role.country);
    const phrases = role.rank <= 2 ? officePhrases(role.title, look.countryName(role.country), look.demonym(role.country), role.country) : [];
    return {
      title: withPlace(role.title, role.subdivision ?? look.countryName(role.country), role.rank).slice(0, 200),
      ...(of ? { of } : {}),
      ...(role.start ? { start: role.start } : {}),
      ...(role.end ? { end: role.end } : {}),
      ...(phrases.length ? { phrases } : {}),
    };
  });
  const kind = records.map((r) => r.kind).sort((a, b) => kindOrder(a) - kindOrder(b))[0]!;
  const aliases = new Set<string>();
  const langOf = new Map<string, string>();
  for (const r of records) {
    if (r.name.trim() !== name) aliases.add(r.name.trim());
    // Names in other languages only for places the foreign press names often: the sources'
    // translations of small places are often machine translations of common words.
    const translated = (population ?? 0) >= MIN_TRANSLATED_POPULATION || capital || main.type !== 'city';
    for (const a of r.aliases ?? []) {
      if (!a.lang || (translated && look.words.keepTranslation(name, a.name))) aliases.add(a.name.trim());
      if (a.lang && !langOf.has(a.name.trim())) langOf.set(a.name.trim(), a.lang);
    }
  }
  // The English Wikipedia title is a name of its own where it differs ("Joe Biden" for
  // "Joseph R. Biden"), without its disambiguation ("Liu He (politician)").
  for (const r of records) {
    const title = r.wikipedia?.replace(/\s*\([^)]*\)\s*$/, '').trim();
    if (title && !title.includes(',') && title !== name) aliases.add(title);
  }
  const topRank = Math.min(9, ...records.flatMap((r) => (r.roles ?? []).map((x) => x.rank)));
  const hispanic = HISPANIC_NAMING.has(main.country ?? '');
  const surnames = main.type === 'person' ? surnamesOf(name, hispanic) : [];
  for (const s of surnames) aliases.add(s);
  // The name without middle names, as the press writes it ("Omar al-Bashir").
  if (main.type === 'person') for (const s of shortNamesOf(name, hispanic)) aliases.add(s);
  aliases.delete(name);
  let aliasList = [...aliases].filter((a) => a.length <= 200 && /\p{L}/u.test(a) && a.toLowerCase() !== 'the').sort();
  // An organisation is not called by a common word alone ("One", "Community", "Sociedad").
  if (main.type === 'organisation') aliasList = aliasList.filter((a) => /\s/.test(a.trim().replace(/^the\s+/i, '')) || !look.words.isWord(a.trim().replace(/^the\s+/i, '')));
  // A small place named by a common word ("Troy", "Normal", "Of") is named as Wikipedia
  // names it, "Troy, Alabama": the word alone never links to it.
  let shownName = name;
  const where = subdivision && fold(subdivision) !== fold(name) ? subdivision : look.countryName(country);
  if (main.type === 'city' && !/\s/.test(name) && look.words.isWord(name) && (population ?? 0) < COMMON_WORD_PLACE_POPULATION && where) {
    shownName = `${name}, ${where}`;
    aliasList = aliasList.filter((a) => /\s/.test(a) && !look.words.isWord(a));
  }
  const partOf = [look.regionId(country, subdivision), look.countryId(country)].filter((x, i, all): x is string => !!x && x !== id && all.indexOf(x) === i);
  const bestRank = sourceRoles.length ? Math.min(...sourceRoles.map((r) => r.rank)) : undefined;
  const facts = { type: main.type, kind, name: shownName, country: look.countryName(country), subdivision, population, capital, roles: sourceRoles, detail: first(records, 'detail'), city: first(records, 'city'), born: first(records, 'born'), founded: first(records, 'founded') };
  // A curated record's name is not lent to a namesake as an alias, and is weak as its name.
  const ownAliases = aliasList.filter((a) => !look.curatedNames?.has(fold(a)) && a !== shownName);
  if (look.languages) for (const n of [shownName, ...ownAliases]) {
    const lang = n === shownName ? 'en' : (langOf.get(n) ?? 'und');
    look.languages.set(lang, (look.languages.get(lang) ?? 0) + 1);
  }
  // A town's one-word name is weak unless the town is large: "Jackson said…", "Clinton, Maryland".
  const smallPlace = (main.type === 'city' && (population ?? 0) < STRONG_CITY_POPULATION) || (main.type === 'region' && (population ?? 0) < STRONG_REGION_POPULATION);
  const weak = [
    ...new Set([
      ...weakNamesOf(main.type, shownName, ownAliases, look.words),
      ...(look.curatedNames?.has(fold(shownName)) ? [shownName] : []),
      ...surnames.filter((s) => ownAliases.includes(s)),
      // "Prime Minister", "Air Force", "Supreme Court": every country has one.
      ...(main.type === 'organisation' ? [shownName, ...ownAliases].filter((n) => isGeneric(n, look.words)) : []),
      ...(smallPlace ? [shownName, ...ownAliases].filter((n) => !/\s/.test(n.trim())) : []),
    ]),
  ];
  return {
    id,
    name: shownName,
    type: main.type,
    aliases: ownAliases,
    ...(wikipedia ? { wikipedia: wikipedia.slice(0, 300) } : {}),
    ...(wikidata ? { wikidata } : {}),
    description: describeEntity(facts, look.countryName).slice(0, 500),
    ...(roles.length ? { roles } : {}),
    prominence: prominenceOf({ type: main.type, kind, population, capital, bestRank, lastRoleYear: lastYear(sourceRoles), sources: group.sources.size, wikipedia: !!wikipedia, wikidata: !!wikidata }),
    ...(partOf.length ? { partOf } : {}),
    ...(weak.length ? { weakNames: weak } : {}),
    sources: [...group.sources].sort(),
  };
}

/** "President" of Russia → "President of Russia"; a title that names a place already is kept. */
function withPlace(title: string, place: string | undefined, rank: number): string {
  const t = title.charAt(0).toUpperCase() + title.slice(1);
  // Only a head's bare title ("President") needs its country; "Paymaster General" does not.
  if (!place || rank > 1 || /\bof\b|\bfor\b/i.test(t) || t.toLowerCase().includes(place.toLowerCase())) return t;
  return `${t} of ${place}`;
}

function lastYear(roles: SourceRole[]): number | undefined {
  let year: number | undefined;
  for (const r of roles) {
    const y = r.end ? Number(r.end.slice(0, 4)) : r.start ? 9999 : undefined;
    if (y !== undefined && (year === undefined || y > year)) year = y;
  }
  return year;
}

const KIND_ORDER = ['head-of-state', 'head-of-government', 'minister', 'governor', 'office-holder', 'legislator', 'mayor', 'state-legislator', 'politician', 'capital', 'city', 'town', 'subdivision'];
const kindOrder = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);

/**
 * The name without its middle names, as the press writes it on first mention ("Omar Hassan
 * al-Bashir" → "Omar al-Bashir"); none for a name of two words or one with initials only.
 */
export function shortNamesOf(name: string, hispanic = false): string[] {
  const words = name.replace(/\s*\(.*\)\s*$/, '').replace(/,.*$/, '').split(/\s+/).filter((w) => w && !SUFFIXES.test(w));
  if (words.length < 3 || !/\p{Lu}/u.test(words[0]!.charAt(0)) || /^\p{Lu}\.?$/u.test(words[0]!)) return [];
  const surname = surnamesOf(name, hispanic)[0];
  if (!surname) return [];
  const short = `${words[0]} ${surname}`;
  return short.split(/\s+/).length < words.length ? [short] : [];
}

/** A name of at most three words, every one of them a common English word. */
function isGeneric(name: string, words: WordList): boolean {
  const parts = name.trim().replace(/^the\s+/i, '').split(/\s+/);
  return parts.length <= 3 && parts.every((w) => words.isWord(w.replace(/[^\p{L}]/gu, '')));
}

/** Countries whose people are named surname first ("Xi Jinping", "Moon Jae-in"), ISO alpha-2. */
const SURNAME_FIRST = new Set(['CN', 'TW', 'HK', 'MO', 'KR', 'KP', 'VN']);
/** Names that are not given names and a surname: patronymics, royal, papal and princely names. */
const NOT_GIVEN_AND_SURNAME = /^(pope|king|queen|prince|princess|emperor|empress|sheikh|emir|sultan)\b|\b(bin|ibn|bint|of)\b|\bAl\b/i;

/**
 * A curated person's surname as a weak name ("Johnson" after "Boris Johnson"), as generated
 * people have theirs: it links only where the article names the person in full. Not where the
 * curator wrote a surname form already ("Starmer", "López Obrador"), where the name is not
 * given names and a surname, or where the surname is a common word ("May", "Brown", "Hunt")
 * or another curated record's name.
 */
function withSurname(e: Entity, curatedFolded: ReadonlySet<string>, words: WordList, byId: ReadonlyMap<string, Entity>): Entity {
  if (e.type !== 'person' || NOT_GIVEN_AND_SURNAME.test(e.name)) return e;
  if (e.aliases.some((a) => e.name.endsWith(` ${a}`))) return e;
  const countries = (e.roles ?? []).map((r) => (r.of ? byId.get(r.of)?.iso?.alpha2 : undefined)).filter((iso): iso is string => !!iso);
  if (countries.some((iso) => SURNAME_FIRST.has(iso))) return e;
  const [surname] = surnamesOf(e.name, countries.some((iso) => HISPANIC_NAMING.has(iso)));
  if (!surname || words.isCommon?.(surname) || curatedFolded.has(fold(surname))) return e;
  return { ...e, aliases: [...e.aliases, surname], weakNames: [...new Set([...(e.weakNames ?? []), surname])] };
}

/** Countries whose people carry two surnames, the father's first (ISO alpha-2). */
const HISPANIC_NAMING = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'BO', 'PY', 'UY', 'CU', 'DO', 'GT', 'HN', 'SV', 'NI', 'CR', 'PA', 'PR', 'GQ']);

/** Particles that belong to a surname ("van der Leyen", "de Gaulle"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ter', 'zu']);
const SUFFIXES = /^(jr|sr|ii|iii|iv)\.?$/i;

/**
 * The surname a person is called by on second mention: the last word of the name, with its
 * particles ("von der Leyen"). None for a one-word name or when it would be an initial.
 */
export function surnamesOf(name: string, hispanic = false): string[] {
  const words = name.replace(/\s*\(.*\)\s*$/, '').replace(/,.*$/, '').split(/\s+/).filter((w) => w && !SUFFIXES.test(w));
  if (words.length < 2) return [];
  // Spanish names end in the father's surname and the mother's ("Juan López-Doriga Pérez",
  // "Andrés Manuel López Obrador"): the last word alone is not what the person is called.
  let i = hispanic && words.length >= 3 ? words.length - 2 : words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!.toLowerCase())) i--;
  const surname = words.slice(i).join(' ');
  if (surname.replace(/[.\s]/g, '').length < 3 || /^[A-Z]\.?$/.test(surname)) return [];
  return [surname];
}
