/**
 * unitedstates/congress-legislators (congress-legislators/): the members of the current
 * Congress (`legislators-current.yaml`, every term they served, with Wikidata ids and
 * Wikipedia titles) and every President and Vice President (`executive.yaml`). The file of
 * former members (`legislators-historical.yaml`) is not in the snapshot.
 *
 * Also exports the United States tables and Congress office titles that the Open States
 * converter shares (its `data/us` folder holds members of Congress too).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Converter, EntityKind, SourceEntity, SourceOutput, SourceRole } from '../types';

const FOLDER = 'congress-legislators/';

/** USPS codes of the states, the District of Columbia and the territories, with their English names. */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri',
  MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island',
  SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  DC: 'District of Columbia', PR: 'Puerto Rico', GU: 'Guam', AS: 'American Samoa', VI: 'United States Virgin Islands', MP: 'Northern Mariana Islands',
};

/** How a House delegate's seat is named ("from the District of Columbia"). */
const DELEGATE_FROM: Readonly<Record<string, string>> = {
  DC: 'the District of Columbia', GU: 'Guam', AS: 'American Samoa', VI: 'the United States Virgin Islands', MP: 'the Northern Mariana Islands',
};

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** "United States Senator from Ohio", or undefined for a code that is no state. */
export function senatorTitle(state: string): string | undefined {
  const name = US_STATES[state];
  return name && !DELEGATE_FROM[state] && state !== 'PR' ? `United States Senator from ${name}` : undefined;
}

/**
 * The House seat of `state` and `district` (0 or undefined: at large): "U.S. Representative for
 * Ohio's 3rd congressional district", a delegate's or Puerto Rico's Resident Commissioner's seat.
 */
export function representativeTitle(state: string, district: number | undefined): string | undefined {
  const name = US_STATES[state];
  if (!name) return undefined;
  if (state === 'PR') return 'Resident Commissioner of Puerto Rico';
  const from = DELEGATE_FROM[state];
  if (from) return `Delegate to the U.S. House of Representatives from ${from}`;
  if (district !== undefined && (!Number.isInteger(district) || district < 0)) return undefined;
  return `U.S. Representative for ${name}'s ${district ? `${ordinal(district)} congressional district` : 'at-large congressional district'}`;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** A date as YYYY, YYYY-MM or YYYY-MM-DD, or undefined. */
export const isoDate = (v: unknown): string | undefined => (typeof v === 'string' && DATE.test(v.trim()) ? v.trim() : undefined);

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b.padEnd(10, '-01').slice(0, 10)) - Date.parse(a.padEnd(10, '-01').slice(0, 10))) / DAY;

/**
 * Roles sorted by start, with the terms of one office that follow each other (the next starts at
 * most `gap` days after the previous ends, or before it ends) joined into one role.
 */
export function joinTerms(roles: SourceRole[], gap = 7): SourceRole[] {
  const sorted = [...roles].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || (a.end ?? '\uffff').localeCompare(b.end ?? '\uffff') || a.title.localeCompare(b.title));
  const out: SourceRole[] = [];
  for (const role of sorted) {
    const prev = [...out].reverse().find((r) => r.title === role.title && r.rank === role.rank && r.subdivision === role.subdivision && r.country === role.country);
    // Sorted by start, so `role` starts no earlier than `prev`: join it when it starts before `prev`
    // ends (a repeated or overlapping term) or at most `gap` days after.
    if (prev && role.start && (!prev.end || days(prev.end, role.start) <= gap)) {
      if (!role.end) delete prev.end;
      else if (prev.end && role.end > prev.end) prev.end = role.end;
      continue;
    }
    out.push({ ...role });
  }
  return out;
}

/** Adds `name` to `list` unless it is empty, the main name or already there (case-insensitively). */
export function addAlias(list: { name: string }[], main: string, name: string | undefined): void {
  const n = name?.replace(/\s+/g, ' ').trim();
  if (!n || !/\p{L}/u.test(n)) return;
  const key = n.toLowerCase();
  if (key === main.toLowerCase() || list.some((a) => a.name.toLowerCase() === key)) return;
  list.push({ name: n });
}

/** A Wikipedia title without its parenthesised disambiguation ("Jack Reed (Rhode Island politician)" → "Jack Reed"). */
export const withoutDisambiguation = (title: string) => title.replace(/\s*\([^)]*\)\s*$/, '').trim();

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined);
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Initials of middle names: "Herbert Walker" → "H. W."; "J." stays "J.". */
const initials = (middle: string) => middle.split(/\s+/).filter(Boolean).map((w) => `${w.charAt(0).toUpperCase()}.`).join(' ');

/** Leadership posts kept as roles (the party committee posts are left out), with their full titles. */
const LEADERSHIP: Readonly<Record<string, string>> = {
  'Speaker of the House': 'Speaker of the United States House of Representatives',
  'President Pro Tempore of the Senate': 'President pro tempore of the United States Senate',
  'Senate Majority Leader': 'Senate Majority Leader',
  'Senate Minority Leader': 'Senate Minority Leader',
  'Senate Majority Whip': 'Senate Majority Whip',
  'Senate Minority Whip': 'Senate Minority Whip',
  'House Majority Leader': 'House Majority Leader',
  'House Minority Leader': 'House Minority Leader',
  'House Majority Whip': 'House Majority Whip',
  'House Minority Whip': 'House Minority Whip',
};

const KIND_ORDER: EntityKind[] = ['head-of-state', 'office-holder', 'legislator'];

interface Person {
  key: string;
  entity: SourceEntity;
  roles: SourceRole[];
  /** The state of the person's latest term in Congress. */
  state?: string;
  /** The name with middle initials ("George H. W. Bush"), for a name that people of the files share; only where the name came from the parts. */
  withInitials?: string;
}

function person(raw: unknown, kind: EntityKind): { person?: Person; skipped: number } {
  const p = rec(raw);
  const id = rec(p.id);
  const n = rec(p.name);
  const key = str(id.bioguide) ?? (str(id.govtrack) ? `govtrack-${str(id.govtrack)}` : undefined);
  const first = str(n.first);
  const last = str(n.last);
  if (!key || !first || !last) return { skipped: 1 };
  const middle = str(n.middle);
  const nickname = str(n.nickname);
  const suffix = str(n.suffix);
  const official = str(n.official_full);
  const wikidata = str(id.wikidata);
  const wikipedia = str(id.wikipedia);
  const name = (wikipedia && withoutDisambiguation(wikipedia)) || (official && !official.includes('"') ? official : undefined) || `${nickname ?? first} ${last}`;
  const aliases: { name: string }[] = [];
  const plain = (s: string | undefined) => s?.replace(/\s*"[^"]*"\s*/g, ' ');
  for (const a of [
    official?.includes('"') ? undefined : official,
    plain(official),
    official?.replace(/^.*"([^"]+)".*$/, (_m, nick: string) => `${nick} ${last}${suffix ? ` ${suffix}` : ''}`),
    `${first} ${last}`,
    nickname && `${nickname} ${last}`,
    middle && `${first} ${initials(middle)} ${last}`,
    middle && `${first} ${middle} ${last}`,
    suffix && `${first} ${middle ? `${middle} ` : ''}${last} ${suffix}`,
  ]) addAlias(aliases, name, a);

  let skipped = 0;
  const roles: SourceRole[] = [];
  let state: string | undefined;
  let lastStart = '';
  for (const t of list(p.terms)) {
    const term = rec(t);
    const type = str(term.type);
    const start = isoDate(term.start);
    const end = isoDate(term.end);
    const st = str(term.state);
    let title: string | undefined;
    let rank: SourceRole['rank'] = 3;
    if (type === 'prez') [title, rank] = ['President of the United States', 1];
    else if (type === 'viceprez') [title, rank] = ['Vice President of the United States', 2];
    else if (type === 'sen' && st) title = senatorTitle(st);
    else if (type === 'rep' && st) {
      const d = term.district === undefined ? undefined : Number(term.district);
      title = d !== undefined && Number.isNaN(d) ? undefined : representativeTitle(st, d);
    }
    if (!title || !start || (end && end < start)) {
      skipped++;
      continue;
    }
    const inCongress = type === 'sen' || type === 'rep';
    roles.push({ title, country: 'US', ...(inCongress && st ? { subdivision: US_STATES[st] } : {}), start, ...(end ? { end } : {}), rank });
    if (inCongress && st && start >= lastStart) [state, lastStart] = [st, start];
  }
  for (const l of list(p.leadership_roles)) {
    const lr = rec(l);
    const title = LEADERSHIP[str(lr.title) ?? ''];
    const start = isoDate(lr.start);
    const end = isoDate(lr.end);
    if (title && start && !(end && end < start)) roles.push({ title, country: 'US', start, ...(end ? { end } : {}), rank: 3 });
  }
  if (!roles.length) return { skipped: skipped + 1 };
  const born = isoDate(rec(p.bio).birthday);
  const entity: SourceEntity = {
    key,
    type: 'person',
    kind,
    name,
    ...(aliases.length ? { aliases } : {}),
    ...(wikidata && /^Q\d+$/.test(wikidata) ? { wikidata } : {}),
    ...(wikipedia ? { wikipedia } : {}),
    country: 'US',
    ...(born ? { born } : {}),
  };
  const withInitials = middle && name === `${nickname ?? first} ${last}` ? `${nickname ?? first} ${initials(middle)} ${last}` : undefined;
  return { person: { key, entity, roles, ...(state ? { state } : {}), ...(withInitials ? { withInitials } : {}) }, skipped };
}

function readYaml(path: string): unknown[] {
  return list(load(readFileSync(path, 'utf8'), { schema: CORE_SCHEMA }));
}

export const converter: Converter = {
  id: 'congress-legislators',
  title: 'Congress legislators (@unitedstates)',
  origin: 'github.com/unitedstates/congress-legislators (legislators-current.yaml, executive.yaml)',
  licence: 'CC0-1.0',
  attribution: 'Members of Congress, Presidents and Vice Presidents from the @unitedstates project, unitedstates/congress-legislators (CC0 1.0, public domain).',

  read(root: string): SourceOutput {
    const dir = join(root, FOLDER);
    const people = new Map<string, Person>();
    let skipped = 0;
    const files: [string, (raw: unknown) => EntityKind][] = [
      ['legislators-current.yaml', () => 'legislator'],
      ['executive.yaml', (raw) => (list(rec(raw).terms).some((t) => rec(t).type === 'prez') ? 'head-of-state' : 'office-holder')],
    ];
    for (const [file, kindOf] of files) {
      for (const raw of readYaml(join(dir, file))) {
        const r = person(raw, kindOf(raw));
        skipped += r.skipped;
        if (!r.person) continue;
        const prev = people.get(r.person.key);
        if (!prev) {
          people.set(r.person.key, r.person);
          continue;
        }
        // The same person in both files (a member of Congress who became Vice President): one record.
        prev.roles.push(...r.person.roles);
        if (KIND_ORDER.indexOf(r.person.entity.kind) < KIND_ORDER.indexOf(prev.entity.kind)) prev.entity.kind = r.person.entity.kind;
        for (const a of [r.person.entity.name, ...(r.person.entity.aliases ?? []).map((x) => x.name)]) addAlias((prev.entity.aliases ??= []), prev.entity.name, a);
        prev.entity.wikidata ??= r.person.entity.wikidata;
        prev.entity.wikipedia ??= r.person.entity.wikipedia;
        prev.state ??= r.person.state;
      }
    }
    // Two people of one name (the two Presidents Bush) are told apart by their middle initials.
    // A name counts as shared when it is another person's name or alias ("George Bush" is both).
    const named = new Map<string, number>();
    for (const { entity } of people.values()) {
      for (const n of new Set([entity.name, ...(entity.aliases ?? []).map((a) => a.name)].map((x) => x.toLowerCase()))) named.set(n, (named.get(n) ?? 0) + 1);
    }
    for (const p of people.values()) {
      if (!p.withInitials || (named.get(p.entity.name.toLowerCase()) ?? 0) < 2) continue;
      const shared = p.entity.name;
      p.entity.name = p.withInitials;
      p.entity.aliases = (p.entity.aliases ?? []).filter((a) => a.name.toLowerCase() !== p.withInitials!.toLowerCase());
      addAlias(p.entity.aliases, p.entity.name, shared);
    }
    const entities = [...people.values()].map(({ entity, roles, state }) => ({
      ...entity,
      ...(state ? { subdivision: US_STATES[state] } : {}),
      roles: joinTerms(roles),
    }));
    return { entities, events: [], skipped };
  },
};
