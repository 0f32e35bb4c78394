/**
 * Small readers shared by the source converters: CSV files as objects, JSON Lines, and the
 * countries table (ISO codes, Wikidata ids and names) that several sources point into.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The rows of a CSV file with a header line, as objects; [] when the file does not exist. */
export function readCsv(path: string): Record<string, string>[] {
  if (!existsSync(path)) return [];
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, bom: true }) as Record<string, string>[];
}

/** The objects of a JSON Lines file; malformed lines are counted, not thrown. */
export function readJsonLines<T>(path: string): { rows: T[]; bad: number } {
  const rows: T[] = [];
  let bad = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      bad++;
    }
  }
  return { rows, bad };
}

export interface CountryRow {
  iso2: string;
  iso3: string;
  name: string;
  wikidata?: string;
  nationality?: string;
  capital?: string;
  population?: number;
  translations: Record<string, string>;
}

let countries: CountryRow[] | undefined;

/** The countries of countries-states-cities (250 rows), read once. */
export function countryTable(root: string): CountryRow[] {
  countries ??= (JSON.parse(readFileSync(`${root}countries-states-cities/json/countries.json`, 'utf8')) as Record<string, unknown>[]).map((c) => ({
    iso2: String(c.iso2),
    iso3: String(c.iso3),
    name: String(c.name),
    ...(typeof c.wikiDataId === 'string' && /^Q\d+$/.test(c.wikiDataId) ? { wikidata: c.wikiDataId } : {}),
    ...(typeof c.nationality === 'string' && c.nationality ? { nationality: c.nationality } : {}),
    ...(typeof c.capital === 'string' && c.capital ? { capital: c.capital } : {}),
    ...(typeof c.population === 'number' ? { population: c.population } : {}),
    translations: (c.translations ?? {}) as Record<string, string>,
  }));
  return countries;
}

/** A valid ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) of a source's date text, else undefined. */
export function isoDate(text: string | undefined): string | undefined {
  const m = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  // Wikidata writes unknown months and days as 00.
  const date = `${m[1]}${m[2] && m[2] !== '-00' ? m[2] : ''}${m[2] && m[2] !== '-00' && m[3] && m[3] !== '-00' ? m[3] : ''}`;
  return date;
}
