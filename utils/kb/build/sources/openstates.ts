/**
 * Open States people (openstates-people/data/<state>/<kind>.jsonl, one `{"path","yaml"}` per
 * original person file): state legislators, governors and other statewide officers, mayors,
 * and retired ones, with dated roles; DC and Puerto Rico too. `data/us` mirrors
 * congress-legislators: its current members are left to that converter (out of scope here,
 * counted in `skipped`), its retired members (who left Congress in 2021–2026 and are not in
 * the congress-legislators snapshot, whose historical file is missing) are kept.
 *
 * Wikidata ids come only from the `other_identifiers` of `data/us` (no state file has one);
 * Wikipedia titles from `other_identifiers` (scheme `wikipedia`), else from an en.wikipedia.org
 * link among the file's `links` and `sources`, taken only when there is one such title and it
 * shares a word with the person's names (which leaves out "List of governors of Washington").
 *
 * `skipped` counts the person files dropped (malformed, no usable role, out of scope, or a key
 * seen before, whose roles join the first file's record) and the roles dropped (an office type
 * or place this converter does not know, or an end before the start).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Converter, EntityKind, SourceEntity, SourceOutput, SourceRole } from '../types';
import { addAlias, isoDate, joinTerms, representativeTitle, senatorTitle, US_STATES } from './congress-legislators';

const FOLDER = 'openstates-people/data/';
/** The person folders, in the order they are read. */
const KINDS = ['legislature', 'executive', 'municipalities', 'retired'] as const;

/** Each state's lower chamber ("House of Representatives" unless named otherwise). */
const LOWER_CHAMBER: Readonly<Record<string, string>> = {
  CA: 'California State Assembly', NV: 'Nevada Assembly', NY: 'New York State Assembly', WI: 'Wisconsin State Assembly',
  NJ: 'New Jersey General Assembly', MD: 'Maryland House of Delegates', VA: 'Virginia House of Delegates', WV: 'West Virginia House of Delegates',
  PR: 'Puerto Rico House of Representatives',
};
/** Unicameral legislatures (Open States role type `legislature`). */
const LEGISLATURE: Readonly<Record<string, string>> = { NE: 'Nebraska Legislature', DC: 'Council of the District of Columbia' };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined);
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => fold(s).split(/[^\p{L}]+/u).filter((w) => w.length >= 3);

/**
 * Other names no one writes in running text, left out of the aliases: sort forms ("Howe, S.",
 * "Rydin G."), forms opening with an initial ("S. Howe", "J.S. Boylan"), a surname alone, roll-call
 * forms ("Stephen WOOD", "ARATA of New Gloucester") and forms with quotes or brackets.
 */
function weakAlias(alias: string, familyName: string | undefined): boolean {
  if (familyName && alias.toLowerCase() === familyName.toLowerCase()) return true;
  if (/^[^,]+,\s*(?!(?:Jr|Sr|II|III|IV|V)\.?$)/.test(alias)) return true;
  if (/["\u201c\u201d()]|\sof\s/.test(alias)) return true;
  const tokens = alias.split(/\s+/);
  const initial = (t: string) => /^(?:\p{Lu}\.)+$|^\p{Lu}$/u.test(t);
  return tokens.length < 2 || initial(tokens[0]!) || initial(tokens[tokens.length - 1]!) || tokens.some((t) => /^\p{Lu}{3,}$/u.test(t));
}

/** The title of an English Wikipedia article URL, or undefined. */
function wikipediaTitle(url: string): string | undefined {
  const m = /^https?:\/\/en\.(?:m\.)?wikipedia\.org\/wiki\/([^?#]+)/.exec(url.trim());
  if (!m) return undefined;
  let title: string;
  try {
    title = decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
  title = title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : undefined;
}

interface Place {
  /** Lower-case postal code of the state, or undefined for the federal government. */
  state?: string;
  /** The city or county's name, for a municipal government. */
  city?: string;
}

const JURISDICTION = /^ocd-jurisdiction\/country:us\/(?:(?:state|territory|district):([a-z]{2})\/)?(?:(?:place|county):([^/]+)\/)?government$/;

interface Office extends SourceRole {
  kind: EntityKind;
}

/** The office a role names, or undefined when the type or place is not one this converter knows. */
function office(role: Record<string, unknown>, places: Map<string, string>): Office | undefined {
  const type = str(role.type);
  const jurisdiction = str(role.jurisdiction) ?? '';
  const m = JURISDICTION.exec(jurisdiction);
  if (!type || !m) return undefined;
  const start = isoDate(role.start_date);
  const end = isoDate(role.end_date);
  // 124 roles in the snapshot end before they start (mostly a later term's start copied onto an
  // earlier term): no date of them can be trusted.
  if (start && end && end < start) return undefined;
  const code = m[1]?.toUpperCase();
  const district = str(role.district);
  const dates = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  if (!code) {
    // Congress (data/us): district "VA-4" or "AK-AL" for the House, the state's name for the Senate.
    if (type === 'lower') {
      const d = /^([A-Z]{2})-(\d+|AL)$/.exec(district ?? '');
      const title = d ? representativeTitle(d[1]!, d[2] === 'AL' ? 0 : Number(d[2])) : undefined;
      return title ? { title, country: 'US', subdivision: US_STATES[d![1]!], ...dates, rank: 3, kind: 'legislator' } : undefined;
    }
    if (type === 'upper') {
      const st = Object.keys(US_STATES).find((k) => US_STATES[k] === district);
      const title = st ? senatorTitle(st) : undefined;
      return title ? { title, country: 'US', subdivision: US_STATES[st!], ...dates, rank: 3, kind: 'legislator' } : undefined;
    }
    return undefined;
  }
  const state = US_STATES[code];
  if (!state) return undefined;
  const at = { country: 'US', subdivision: state, ...dates };
  const of = code === 'DC' ? 'the District of Columbia' : state;
  if (m[2]) {
    const city = places.get(jurisdiction);
    return type === 'mayor' && city ? { title: `Mayor of ${city}`, ...at, rank: 4, kind: 'mayor' } : undefined;
  }
  const legislator = (title: string): Office => ({ title, ...at, rank: 4, kind: 'state-legislator' });
  const officer = (title: string): Office => ({ title, ...at, rank: 4, kind: 'office-holder' });
  switch (type) {
    case 'lower': return legislator(`Member of the ${LOWER_CHAMBER[code] ?? `${state} House of Representatives`}`);
    case 'upper': return legislator(code === 'PR' ? 'Member of the Senate of Puerto Rico' : `${state} State Senator`);
    case 'legislature': return legislator(`Member of the ${LEGISLATURE[code] ?? `${state} Legislature`}`);
    case 'governor': return code === 'DC' ? { title: 'Mayor of the District of Columbia', ...at, rank: 3, kind: 'mayor' } : { title: `Governor of ${state}`, ...at, rank: 3, kind: 'governor' };
    case 'lt_governor': return officer(`Lieutenant Governor of ${of}`);
    case 'attorney general': return officer(`Attorney General of ${of}`);
    case 'secretary of state': return officer(`Secretary of State of ${of}`);
    case 'chief election officer': return officer(`Chief Election Officer of ${of}`);
    case 'treasurer': return officer(`${state} State Treasurer`);
    case 'auditor': return officer(`${state} State Auditor`);
    default: return undefined;
  }
}

/** The office that best says who the person is: the highest rank, then the latest. */
function mainOffice(offices: Office[]): Office {
  const later = (a: Office, b: Office) => (a.end ? (b.end ? a.end > b.end : false) : !!b.end) || ((a.end ?? '') === (b.end ?? '') && (a.start ?? '') > (b.start ?? ''));
  return offices.reduce((best, o) => (o.rank < best.rank || (o.rank === best.rank && later(o, best)) ? o : best));
}

function readLines(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()) : [];
}

function person(doc: Record<string, unknown>, folderState: string, places: Map<string, string>): { entity?: SourceEntity; offices?: Office[]; skipped: number } {
  const id = str(doc.id);
  const name = str(doc.name);
  const key = id?.replace(/^ocd-person\//, '');
  if (!key || !name) return { skipped: 1 };
  let skipped = 0;
  const offices: Office[] = [];
  for (const r of list(doc.roles)) {
    const o = office(rec(r), places);
    if (o) offices.push(o);
    else skipped++;
  }
  if (!offices.length) return { skipped: skipped + 1 };
  const main = mainOffice(offices);
  const ids = new Map<string, string>();
  for (const o of list(doc.other_identifiers)) {
    const scheme = str(rec(o).scheme);
    const value = str(rec(o).identifier);
    if (scheme && value && !ids.has(scheme)) ids.set(scheme, value);
  }
  const wikidata = ids.get('wikidata');
  const otherNames = list(doc.other_names).map((o) => str(rec(o).name)).filter((n): n is string => !!n);
  let wikipedia = ids.get('wikipedia');
  if (!wikipedia) {
    const own = new Set([name, str(doc.given_name), str(doc.family_name), ...otherNames].flatMap((n) => (n ? words(n) : [])));
    const titles = new Set<string>();
    for (const field of ['links', 'sources']) for (const l of list(doc[field])) {
      const title = wikipediaTitle(str(rec(l).url) ?? '');
      if (title && !/^(?:List of|\d)/i.test(title) && words(title.replace(/\([^)]*\)/g, ' ')).some((w) => own.has(w))) titles.add(title);
    }
    if (titles.size === 1) wikipedia = [...titles][0];
  }
  const aliases: { name: string }[] = [];
  for (const n of otherNames) if (!weakAlias(n, str(doc.family_name))) addAlias(aliases, name, n);
  const born = isoDate(doc.birth_date);
  const died = isoDate(doc.death_date);
  const roles = joinTerms(offices.map(({ kind: _kind, ...role }) => role));
  const entity: SourceEntity = {
    key,
    type: 'person',
    kind: main.kind,
    name,
    ...(aliases.length ? { aliases } : {}),
    ...(wikidata && /^Q\d+$/.test(wikidata) ? { wikidata } : {}),
    ...(wikipedia ? { wikipedia } : {}),
    country: 'US',
    subdivision: folderState === 'us' ? main.subdivision! : US_STATES[folderState.toUpperCase()]!,
    ...(born ? { born } : {}),
    ...(died ? { died } : {}),
    roles,
  };
  return { entity, offices, skipped };
}

/** Adds a second file of the same person to the first one's record. */
function merge(into: { entity: SourceEntity; offices: Office[] }, other: SourceEntity, offices: Office[]): void {
  const e = into.entity;
  into.offices.push(...offices);
  e.kind = mainOffice(into.offices).kind;
  e.roles = joinTerms(into.offices.map(({ kind: _kind, ...role }) => role));
  for (const field of ['wikidata', 'wikipedia', 'born', 'died'] as const) if (!e[field] && other[field]) e[field] = other[field];
  const aliases = [...(e.aliases ?? [])];
  for (const n of [other.name, ...(other.aliases ?? []).map((a) => a.name)]) addAlias(aliases, e.name, n);
  if (aliases.length) e.aliases = aliases;
}

export const converter: Converter = {
  id: 'openstates',
  title: 'Open States people',
  origin: 'github.com/openstates/people (data/<state>/: legislature, executive, municipalities, retired)',
  licence: 'CC0-1.0',
  attribution: 'US state legislators, governors, statewide officers and mayors from Open States, openstates/people (CC0 1.0, public domain).',

  read(root: string): SourceOutput {
    const dir = join(root, FOLDER);
    const states = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && (US_STATES[d.name.toUpperCase()] !== undefined || d.name === 'us')).map((d) => d.name).sort();
    // Names of the municipal governments (data/<state>/municipalities.yml), for mayors' titles.
    const places = new Map<string, string>();
    for (const st of states) for (const line of readLines(join(dir, st, '_root.jsonl'))) {
      try {
        for (const m of list(load(str(rec(JSON.parse(line)).yaml) ?? '', { schema: CORE_SCHEMA }))) {
          const id = str(rec(m).id);
          const name = str(rec(m).name);
          if (id && name) places.set(id, name);
        }
      } catch {
        // a malformed list only costs its mayors' titles
      }
    }
    const entities: SourceEntity[] = [];
    const byKey = new Map<string, { entity: SourceEntity; offices: Office[] }>();
    let skipped = 0;
    for (const st of states) for (const kind of KINDS) {
      const lines = readLines(join(dir, st, `${kind}.jsonl`));
      if (st === 'us' && kind !== 'retired') {
        skipped += lines.length;
        continue;
      }
      for (const line of lines) {
        let doc: Record<string, unknown>;
        try {
          doc = rec(load(str(rec(JSON.parse(line)).yaml) ?? '', { schema: CORE_SCHEMA }));
        } catch {
          skipped++;
          continue;
        }
        const r = person(doc, st, places);
        skipped += r.skipped;
        if (!r.entity) continue;
        const prev = byKey.get(r.entity.key);
        if (prev) {
          // One person in two folders (Barbara Lee: Mayor of Oakland in ca/municipalities and a
          // former member of Congress in us/retired): one record with the roles of both.
          merge(prev, r.entity, r.offices!);
          skipped++;
          continue;
        }
        const record = { entity: r.entity, offices: r.offices! };
        byKey.set(r.entity.key, record);
        entities.push(r.entity);
      }
    }
    return { entities, events: [], skipped };
  },
};
