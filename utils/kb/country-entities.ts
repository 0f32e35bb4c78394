/**
 * Country and territory entities from a maintained data package (world-countries): names in
 * several languages, demonyms, ISO codes and capitals. The records come in as a parameter,
 * so this stays a pure function.
 */
import type { Entity } from './schema';

/** The fields of a world-countries record that we read. */
export interface CountryRecord {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  cca2: string;
  cca3: string;
  capital?: string[];
  altSpellings?: string[];
  independent?: boolean | null;
  unMember?: boolean;
  region?: string;
  subregion?: string;
  demonyms?: Record<string, { f: string; m: string }>;
  translations?: Record<string, { common: string; official: string }>;
}

/**
 * English Wikipedia titles that differ from the package's common name. Checked against the
 * titles English Wikipedia uses for these countries and territories.
 */
const WIKIPEDIA_TITLE: Record<string, string> = {
  GE: 'Georgia (country)',
  IE: 'Republic of Ireland',
  CD: 'Democratic Republic of the Congo',
  FM: 'Federated States of Micronesia',
  PS: 'State of Palestine',
  CZ: 'Czech Republic',
  TR: 'Turkey',
  TL: 'East Timor',
  BS: 'The Bahamas',
  GM: 'The Gambia',
  GS: 'South Georgia and the South Sandwich Islands',
  MF: 'Collectivity of Saint Martin',
  AX: 'Åland',
};

/** Languages whose common names become aliases (the press of these languages is read). */
const ALIAS_LANGUAGES = ['deu', 'fra', 'spa', 'pol', 'ita', 'por', 'nld', 'rus', 'ukr'];

/** Slug used as an entity id: "Georgia (country)" → "georgia-country". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The English Wikipedia title of a country record. */
export function countryTitle(record: CountryRecord): string {
  return WIKIPEDIA_TITLE[record.cca2] ?? record.name.common;
}

/** "Russian" → ["Russian", "Russians"]; nationalities in -ese and -ch/-sh take no plural. */
function demonymsOf(record: CountryRecord): string[] {
  const eng = record.demonyms?.eng;
  if (!eng) return [];
  const forms = new Set([eng.m, eng.f].filter(Boolean));
  for (const form of [...forms]) if (/(an|i)$/.test(form)) forms.add(`${form}s`);
  return [...forms];
}

/** Names a newspaper may use: official name, other spellings, names in other languages. */
function aliasesOf(record: CountryRecord, title: string): string[] {
  const names = new Set<string>([record.name.common, record.name.official]);
  // Spellings with a leading "The" are descriptions ("The Abode of Peace"), not names.
  for (const alt of record.altSpellings ?? []) if (alt.length > 3 && !/^the\s/i.test(alt)) names.add(alt);
  for (const lang of ALIAS_LANGUAGES) {
    const t = record.translations?.[lang];
    if (t) names.add(t.common).add(t.official);
  }
  for (const native of Object.values(record.name.native ?? {})) names.add(native.common);
  names.delete(title);
  return [...names].filter((n) => /\p{L}/u.test(n));
}

export interface CountryEntities {
  countries: Entity[];
  capitals: Entity[];
}

/**
 * Entities for every record: one per country or territory (id = slug of its Wikipedia title)
 * and one per capital city not already known (`knownCity` answers by name). Capitals get no
 * Wikipedia title here: many capital names are ambiguous and we do not guess.
 */
export function countryEntities(records: CountryRecord[], knownCity: (name: string) => string | null): CountryEntities {
  const countries: Entity[] = [];
  const capitals = new Map<string, Entity>();
  for (const record of records) {
    const title = countryTitle(record);
    const id = slugify(title);
    const capitalName = record.capital?.[0];
    let capital: string | undefined;
    if (capitalName) {
      capital = knownCity(capitalName) ?? `${slugify(capitalName)}-${record.cca2.toLowerCase()}`;
      if (!knownCity(capitalName) && !capitals.has(capital)) {
        capitals.set(capital, {
          id: capital,
          name: capitalName,
          type: 'city',
          aliases: [],
          description: `Capital of ${record.name.common}.`,
          standsFor: [id],
          prominence: 0.2,
        });
      }
    }
    const kind = record.independent ? 'Country' : 'Territory';
    countries.push({
      id,
      name: title.replace(/ \(country\)$/, ''),
      type: 'country',
      aliases: aliasesOf(record, title),
      demonyms: demonymsOf(record),
      wikipedia: title,
      description: `${kind} in ${record.subregion || record.region || 'the world'}${capitalName ? `; capital ${capitalName}` : ''}.`,
      iso: { alpha2: record.cca2, alpha3: record.cca3 },
      ...(capital ? { capital } : {}),
      prominence: record.unMember ? 0.5 : 0.2,
    });
  }
  // A translation that is another country's own name ("Sudan" among South Sudan's names in
  // one language, where it begins a longer name) would make that name ambiguous.
  const names = new Set(countries.map((c) => c.name));
  for (const c of countries) c.aliases = c.aliases.filter((a) => !names.has(a));
  return { countries, capitals: [...capitals.values()] };
}
