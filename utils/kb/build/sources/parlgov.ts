/**
 * ParlGov (parlgov/): parties, elections and cabinets of the EU and OECD democracies, from the
 * CSV tables of the ParlGov development version. Parties become organisations; elections to the
 * national parliament and to the European Parliament, and cabinets taking office, become events.
 * ParlGov gives no Wikidata ids; it gives Wikipedia URLs, of which only English-Wikipedia
 * article URLs (not section links) yield a title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EVENT_TYPES, type EventType } from '../../schema';
import type { Converter, SourceEntity, SourceEvent, SourceOutput } from '../types';

const FOLDER = 'parlgov/public/data/parlgov-development_csv-utf-8';
const SOURCE_ID = 'parlgov';
const HOME = 'https://www.parlgov.org/';

/**
 * The event type of a cabinet taking office: `government` once the schema has it (it is being
 * added for cabinets and coalitions), else `statement`, the least misleading of the others
 * (a new government is announced and sworn in; it is neither an election nor an agreement).
 */
export const CABINET_EVENT_TYPE: EventType = ((EVENT_TYPES as readonly string[]).includes('government') ? 'government' : 'statement') as EventType;

type Row = Record<string, string>;

function readTable(root: string, table: string): Row[] {
  return parse(readFileSync(join(root, FOLDER, `${table}.csv`)), { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Row[];
}

/** Collapses whitespace and trims; ParlGov's ASCII " -- " becomes an en dash. */
export function cleanName(text: string | undefined): string {
  return (text ?? '')
    .replace(/[\u200e\u200f]/g, '')
    .replace(/\s*--\s*/g, (m) => (m.startsWith(' ') || m.endsWith(' ') ? ' – ' : '–'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Pages that are about something else than one party (a list, an election, a country's politics). */
const TOPIC_PAGE = /^(?:List of|Lists of|Elections in|Politics of|Political parties in)\b|\belections?\b/i;
const NAMESPACE = /^(?:Category|File|Template|Wikipedia|Special|Portal|Help|Talk|User|Draft):/i;

/**
 * The exact English Wikipedia title of an en.wikipedia.org article URL, decoding percent-escapes
 * and underscores; undefined for other wikis, section links (`#…`), other namespaces and, with
 * `partyOnly`, pages about an election, a list or a country's politics.
 */
export function englishWikipediaTitle(url: string | undefined, partyOnly = false): string | undefined {
  const text = url?.trim();
  if (!text) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  if (!/^(?:en\.wikipedia\.org|en\.m\.wikipedia\.org)$/i.test(parsed.hostname)) return undefined;
  if (parsed.hash || parsed.search || !parsed.pathname.startsWith('/wiki/')) return undefined;
  let title: string;
  try {
    title = decodeURIComponent(parsed.pathname.slice('/wiki/'.length));
  } catch {
    return undefined;
  }
  title = title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (!title || title.length > 300 || NAMESPACE.test(title) || /[#<>[\]{}|]/.test(title)) return undefined;
  if (partyOnly && TOPIC_PAGE.test(title)) return undefined;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** An absolute http(s) URL as given, else undefined. */
function webUrl(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? t : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** German elections between these dates are West German ones (the Federal Republic before reunification). */
const FEDERAL_REPUBLIC = '1949-05-23';
const REUNIFICATION = '1990-10-03';
const westGerman = (date: string) => date >= FEDERAL_REPUBLIC && date < REUNIFICATION;

/** How English Wikipedia names a country's parliamentary elections ("2017 German federal election"), by ISO-3 code. */
function parliamentElectionName(iso3: string, date: string): string | undefined {
  const year = Number(date.slice(0, 4));
  switch (iso3) {
    case 'AUS': return 'Australian federal';
    case 'AUT': return 'Austrian legislative';
    case 'BEL': return year >= 1995 ? 'Belgian federal' : 'Belgian general';
    case 'BGR': return 'Bulgarian parliamentary';
    case 'CAN': return 'Canadian federal';
    case 'CHE': return 'Swiss federal';
    case 'CYP': return 'Cypriot legislative';
    case 'CZE': return 'Czech legislative';
    case 'DEU': return westGerman(date) ? 'West German federal' : 'German federal';
    case 'DNK': return 'Danish general';
    case 'ESP': return 'Spanish general';
    case 'EST': return 'Estonian parliamentary';
    case 'FIN': return 'Finnish parliamentary';
    case 'FRA': return 'French legislative';
    case 'GBR': return 'United Kingdom general';
    case 'GRC': return 'Greek legislative';
    case 'HRV': return 'Croatian parliamentary';
    case 'HUN': return 'Hungarian parliamentary';
    case 'IRL': return 'Irish general';
    case 'ISL': return 'Icelandic parliamentary';
    case 'ISR': return 'Israeli legislative';
    case 'ITA': return 'Italian general';
    case 'JPN': return 'Japanese general';
    case 'LTU': return 'Lithuanian parliamentary';
    case 'LUX': return 'Luxembourg general';
    case 'LVA': return 'Latvian parliamentary';
    case 'MLT': return 'Maltese general';
    case 'NLD': return 'Dutch general';
    case 'NOR': return 'Norwegian parliamentary';
    case 'NZL': return 'New Zealand general';
    case 'POL': return 'Polish parliamentary';
    case 'PRT': return 'Portuguese legislative';
    case 'ROU': return year <= 2004 ? 'Romanian general' : 'Romanian legislative';
    case 'SVK': return 'Slovak parliamentary';
    case 'SVN': return 'Slovenian parliamentary';
    case 'SWE': return 'Swedish general';
    case 'TUR': return year >= 2018 ? 'Turkish parliamentary' : 'Turkish general';
    default: return undefined;
  }
}

/** Country names that take "the" in running text. */
const WITH_ARTICLE = new Set(['GBR', 'NLD', 'CZE']);

/** Placeholder rows of the party table (no party, others, seat counts, vacancies): not parties. */
const PLACEHOLDER_SHORT = new Set(['none', 'no-seat', 'one-seat', 'etc', 'vac']);
const PLACEHOLDER_NAME = /^(?:no party affiliation|no seat|one seat|others?|vacancy)$/i;

interface Country {
  iso2: string;
  iso3: string;
  name: string;
}

interface Party {
  entity: SourceEntity;
  short: string;
}

/** The party's names: ParlGov writes renamed parties as "Old | New"; the last is the current one. */
function nameParts(text: string | undefined): string[] {
  return (text ?? '')
    .split('|')
    .map(cleanName)
    .filter((s) => s.length > 0);
}

function pushAlias(aliases: { name: string; lang?: string }[], seen: Set<string>, name: string, lang?: string): void {
  const n = cleanName(name);
  if (n.length < 2 || n.length > 200 || seen.has(n.toLowerCase())) return;
  seen.add(n.toLowerCase());
  aliases.push(lang ? { name: n, lang } : { name: n });
}

function readParties(root: string, countries: Map<string, Country>, families: Map<string, string>): { parties: Map<string, Party>; skipped: number } {
  const parties = new Map<string, Party>();
  let skipped = 0;
  for (const row of readTable(root, 'party')) {
    const id = row.id?.trim() ?? '';
    const english = nameParts(row.name_english);
    const native = nameParts(row.name);
    const shorts = nameParts(row.name_short);
    const country = countries.get(row.country_id ?? '');
    if (!/^\d+$/.test(id) || (!english.length && !native.length)) {
      skipped++;
      continue;
    }
    if (PLACEHOLDER_SHORT.has((row.name_short ?? '').trim()) || PLACEHOLDER_NAME.test(cleanName(row.name_english))) {
      skipped++;
      continue;
    }
    // The current (last) English name; a generic last part ("Party") is a slip of the data.
    const names = english.length ? english : native;
    const name = [...names].reverse().find((n) => !/^(?:party|the party)$/i.test(n)) ?? names[names.length - 1]!;
    const aliases: { name: string; lang?: string }[] = [];
    const seen = new Set([name.toLowerCase()]);
    for (const n of english) pushAlias(aliases, seen, n, 'en');
    for (const s of shorts) pushAlias(aliases, seen, s);
    for (const n of native) pushAlias(aliases, seen, n);
    for (const n of nameParts(row.name_nonlatin)) pushAlias(aliases, seen, n);
    const wikipedia = englishWikipediaTitle(row.wikipedia, true);
    const family = families.get(row.family_id ?? '');
    const entity: SourceEntity = {
      key: id,
      type: 'organisation',
      kind: 'party',
      name,
      ...(aliases.length ? { aliases } : {}),
      ...(wikipedia ? { wikipedia } : {}),
      ...(country ? { country: country.iso2 } : {}),
      ...(family ? { detail: `party family: ${family}` } : {}),
    };
    parties.set(id, { entity, short: shorts[shorts.length - 1] ?? '' });
  }
  return { parties, skipped };
}

/** "Social Democratic Party of Germany (SPD)", or the name alone when the short form adds nothing. */
function partyLabel(p: Party): string {
  const short = p.short;
  return short && short.length >= 2 && short.toLowerCase() !== p.entity.name.toLowerCase() && !/\s/.test(short) ? `${p.entity.name} (${short})` : p.entity.name;
}

const num = (s: string | undefined): number | undefined => {
  const t = s?.trim();
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};
const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

/** The first sentences of a ParlGov description, up to `max` characters, without cutting one. */
function sentences(text: string | undefined, max: number): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return '';
  if (t.length <= max) return /[.!?]$/.test(t) ? t : `${t}.`;
  const parts = t.match(/[^.!?]+[.!?]+(?:\s|$)/g) ?? [];
  let out = '';
  for (const p of parts) {
    if ((out + p).trim().length > max) break;
    out += p;
  }
  return out.trim();
}

export const converter: Converter = {
  id: SOURCE_ID,
  title: 'ParlGov: Parliaments and governments database',
  origin: 'github.com/hdigital/parlgov (ParlGov development version, public/data/parlgov-development_csv-utf-8)',
  licence: 'CC0-1.0',
  attribution:
    'ParlGov (CC0 1.0). Döring, Holger, Alexandra Quaas, Maike Hesse, and Philip Manow. 2023. Parliaments and governments database (ParlGov): Information on parties, elections and cabinets in established democracies. Development version.',

  read(root: string): SourceOutput {
    let skipped = 0;
    // ISO-2 codes by ISO numeric code (the ISO-3 column of that table has "ROM" for Romania).
    const iso2ByNumber = new Map(readTable(root, 'external_country_iso').map((r) => [Number(r.isonumeric), r.iso2?.trim() ?? '']));
    const countries = new Map<string, Country>();
    for (const row of readTable(root, 'country')) {
      const iso3 = row.name_short?.trim() ?? '';
      const iso2 = iso2ByNumber.get(Number(row.iso_numeric));
      if (!iso2 || !/^[A-Z]{2}$/.test(iso2)) {
        skipped++;
        continue;
      }
      countries.set(row.id ?? '', { iso2, iso3, name: cleanName(row.name) });
    }
    const ids = readTable(root, 'info_id');
    const families = new Map(ids.filter((r) => r.table_variable === 'party_family' && !['none', 'code'].includes(r.short ?? '')).map((r) => [r.id ?? '', cleanName(r.name)]));
    const electionTypes = new Map(ids.filter((r) => r.table_variable === 'election_type').map((r) => [r.id ?? '', r.short ?? '']));

    const { parties, skipped: partiesSkipped } = readParties(root, countries, families);
    skipped += partiesSkipped;
    const entities = [...parties.values()].map((p) => p.entity).sort((a, b) => Number(a.key) - Number(b.key));

    // ---- Elections ----
    const turnout = new Map(readTable(root, 'viewcalc_election_parameter').map((r) => [r.election_id ?? '', num(r.turnout)]));
    const results = new Map<string, { party: string; seats?: number; share?: number }[]>();
    for (const r of readTable(root, 'election_result')) {
      const list = results.get(r.election_id ?? '') ?? [];
      list.push({ party: r.party_id ?? '', seats: num(r.seats), share: num(r.vote_share) });
      results.set(r.election_id ?? '', list);
    }
    const elections = readTable(root, 'election')
      .map((r) => ({ row: r, type: electionTypes.get(r.type_id ?? ''), country: countries.get(r.country_id ?? ''), date: r.date?.trim() ?? '' }))
      .filter((e) => {
        const ok = (e.type === 'parliament' || e.type === 'ep') && e.country && ISO_DAY.test(e.date);
        if (!ok) skipped++;
        return ok;
      });
    // Several elections of one kind in one country and year get their month in the title.
    const perYear = new Map<string, number>();
    const yearKey = (e: (typeof elections)[number]) => `${e.type}|${e.country!.iso3}|${e.date.slice(0, 4)}`;
    for (const e of elections) perYear.set(yearKey(e), (perYear.get(yearKey(e)) ?? 0) + 1);

    const events: SourceEvent[] = [];
    for (const e of elections) {
      const country = e.country!;
      const r = e.row;
      const year = e.date.slice(0, 4);
      const when = (perYear.get(yearKey(e)) ?? 0) > 1 ? `${MONTHS[Number(e.date.slice(5, 7)) - 1]} ${year}` : year;
      const countryText = `${WITH_ARTICLE.has(country.iso3) ? 'the ' : ''}${country.iso3 === 'DEU' && westGerman(e.date) ? 'West Germany' : country.name}`;
      let title: string;
      if (e.type === 'ep') title = `${when} European Parliament election in ${countryText}`;
      else {
        const kind = parliamentElectionName(country.iso3, e.date);
        title = kind ? `${when} ${kind} election` : `${when} parliamentary election in ${countryText}`;
      }
      // The largest parties by seats, then by share of the vote.
      const ranked = (results.get(r.id ?? '') ?? [])
        .filter((x) => parties.has(x.party) && ((x.seats ?? 0) > 0 || (x.share ?? 0) > 0))
        .sort((a, b) => (b.seats ?? -1) - (a.seats ?? -1) || (b.share ?? -1) - (a.share ?? -1) || Number(a.party) - Number(b.party));
      const seatsTotal = num(r.seats_total);
      const parts: string[] = [];
      parts.push(`${e.type === 'ep' ? 'European Parliament election' : 'Parliamentary election'} in ${countryText} on ${longDate(e.date)}${r.early?.trim() === '1' ? ' (early election)' : ''}.`);
      const t = turnout.get(r.id ?? '');
      if (t !== undefined && t > 0 && t <= 100) parts.push(`Turnout ${pct(t)}.`);
      const describe = (x: (typeof ranked)[number]) => {
        const bits: string[] = [];
        if (x.seats !== undefined) bits.push(`${x.seats}${seatsTotal ? ` of ${seatsTotal}` : ''} seats`);
        if (x.share !== undefined) bits.push(`${pct(x.share)} of the vote`);
        return `${partyLabel(parties.get(x.party)!)}${bits.length ? `, ${bits.join(', ')}` : ''}`;
      };
      const first = ranked[0];
      if (first) {
        parts.push(`Largest party: ${describe(first)}.`);
        const rest = ranked.slice(1, 4);
        if (rest.length) parts.push(`Next: ${rest.map(describe).join('; ')}.`);
      } else if (seatsTotal) parts.push(`${seatsTotal} seats.`);
      const note = sentences(r.description, 300);
      let summary = parts.join(' ');
      if (note && summary.length + note.length < 990) summary += ` ${note}`;
      // The Wikipedia page ParlGov gives, when it names the election's year (and country, on English Wikipedia).
      const wiki = webUrl(r.wikipedia);
      let url = HOME;
      if (wiki) {
        let decoded = wiki;
        try {
          decoded = decodeURIComponent(wiki).replace(/_/g, ' ');
        } catch {
          /* keep the raw URL text */
        }
        const isEp = /European Parliament/i.test(decoded);
        const adjective = parliamentElectionName(country.iso3, e.date)?.split(' ')[0] ?? '';
        const namesCountry = !/\/\/en\./i.test(wiki) || decoded.includes(country.name) || (adjective !== '' && decoded.includes(adjective)) || (country.iso3 === 'DEU' && decoded.includes('German'));
        if (decoded.includes(year) && isEp === (e.type === 'ep') && namesCountry) url = wiki;
      }
      events.push({
        key: `election-${r.id}`,
        type: 'election',
        title,
        date: e.date,
        summary,
        participants: [`country:${country.iso2}`, ...ranked.slice(0, 5).map((x) => `${SOURCE_ID}:${x.party}`)],
        place: `country:${country.iso2}`,
        url,
        publisher: 'ParlGov',
      });
    }

    // ---- Cabinets ----
    const cabinetParties = new Map<string, { party: string; pm: boolean; seats?: number; total?: number }[]>();
    for (const r of readTable(root, 'view_cabinet')) {
      if (r.cabinet_party?.trim() !== '1') continue;
      const list = cabinetParties.get(r.cabinet_id ?? '') ?? [];
      if (list.some((x) => x.party === r.party_id)) continue;
      list.push({ party: r.party_id ?? '', pm: r.prime_minister?.trim() === '1', seats: num(r.seats), total: num(r.election_seats_total) });
      cabinetParties.set(r.cabinet_id ?? '', list);
    }
    for (const r of readTable(root, 'cabinet')) {
      const country = countries.get(r.country_id ?? '');
      const date = r.start_date?.trim() ?? '';
      const name = cleanName(r.name);
      if (!country || !ISO_DAY.test(date) || !name || !/^\d+$/.test(r.id ?? '')) {
        skipped++;
        continue;
      }
      const caretaker = r.caretaker?.trim() === '1';
      const countryText = `${WITH_ARTICLE.has(country.iso3) ? 'the ' : ''}${country.name}`;
      const members = (cabinetParties.get(r.id ?? '') ?? []).sort((a, b) => Number(b.pm) - Number(a.pm) || (b.seats ?? 0) - (a.seats ?? 0) || Number(a.party) - Number(b.party));
      const known = members.filter((m) => parties.has(m.party));
      const parts: string[] = [
        caretaker
          ? `The ${name} cabinet began in ${countryText} on ${longDate(date)} as a caretaker cabinet.`
          : `The ${name} cabinet took office in ${countryText} on ${longDate(date)}.`,
      ];
      if (known.length) {
        const labels = known.map((m) => `${partyLabel(parties.get(m.party)!)}${m.pm && known.length > 1 ? " (prime minister's party)" : ''}`);
        parts.push(known.length === 1 ? `Party: ${labels[0]}.` : `Parties: ${labels.join(', ')}.`);
      }
      const seats = members.reduce((s, m) => s + (m.seats ?? 0), 0);
      const total = members.find((m) => m.total)?.total;
      if (seats > 0 && total) parts.push(`The cabinet parties held ${seats} of ${total} seats in parliament.`);
      const note = sentences(r.description, 400);
      let summary = parts.join(' ');
      if (note && summary.length + note.length < 990) summary += ` ${note}`;
      events.push({
        key: `cabinet-${r.id}`,
        type: CABINET_EVENT_TYPE,
        title: caretaker ? `${name} caretaker cabinet (${country.name})` : `${name} cabinet takes office (${country.name})`,
        date,
        summary,
        participants: [`country:${country.iso2}`, ...known.map((m) => `${SOURCE_ID}:${m.party}`)],
        place: `country:${country.iso2}`,
        url: webUrl(r.wikipedia) ?? HOME,
        publisher: 'ParlGov',
      });
    }
    events.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
    return { entities, events, skipped };
  },
};
