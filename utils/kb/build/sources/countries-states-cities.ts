/**
 * Countries States Cities Database (countries-states-cities/): every first-level subdivision
 * of every country (`toon/states.toon`) and the cities of 15,000 people or more
 * (`contributions/cities/<CC>.jsonl`), with Wikidata ids, population and names in ~19
 * languages. ODbL: the build keeps the records derived from it in a pack file of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { readJsonLines } from '../read';
import type { Converter, SourceEntity, SourceOutput } from '../types';

const FOLDER = 'countries-states-cities/';
/** Cities below this many people are left out: the press names few of them. */
export const MIN_CITY_POPULATION = 15_000;
/** Languages whose names become aliases: those of the press Backstory reads, in Latin script. */
export const NAME_LANGUAGES = ['de', 'es', 'fr', 'it', 'pt', 'pt-BR', 'nl', 'pl', 'hr', 'tr'];

/** Names in other languages, from a `{lang: name}` map; the record's own name left out. */
export function translatedNames(own: string, translations: Record<string, string> | undefined): { name: string; lang?: string }[] {
  const out: { name: string; lang?: string }[] = [];
  const seen = new Set([own]);
  for (const lang of NAME_LANGUAGES) {
    const name = translations?.[lang]?.trim();
    if (!name || seen.has(name) || name.length > 120) continue;
    seen.add(name);
    out.push({ name, lang: lang.slice(0, 2) });
  }
  return out;
}

interface StateRow {
  id: string;
  name: string;
  country_code: string;
  type: string;
  native: string;
  translations: string;
  wikiDataId: string;
  population: string;
  parent_id: string;
}

interface CityRow {
  id: number;
  name: string;
  state_id: number;
  country_code: string;
  type?: string | null;
  native?: string | null;
  population?: number | null;
  translations?: Record<string, string>;
  wikiDataId?: string | null;
}

/** The states table: a header line `[n]{field,...}:` then comma-separated rows. */
export function readStates(root: string): StateRow[] {
  const text = readFileSync(`${root}${FOLDER}toon/states.toon`, 'utf8');
  const nl = text.indexOf('\n');
  const columns = /\{(.*)\}/.exec(text.slice(0, nl))?.[1]?.split(',');
  if (!columns) throw new Error(`${FOLDER}toon/states.toon: no header line`);
  return parse(text.slice(nl + 1), { columns, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as StateRow[];
}

const qid = (text: string | null | undefined) => (text && /^Q\d+$/.test(text.trim()) ? text.trim() : undefined);
const count = (text: string | number | null | undefined) => {
  const n = typeof text === 'number' ? text : Number(text);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

export const converter: Converter = {
  id: 'countries-states-cities',
  title: 'Countries States Cities Database',
  origin: 'github.com/dr5hn/countries-states-cities-database',
  licence: 'ODbL-1.0',
  attribution: 'Subdivisions and cities from the Countries States Cities Database (dr5hn), Open Database License 1.0; the records derived from it are kept in a pack file of their own under the ODbL.',

  read(root: string): SourceOutput {
    const entities: SourceEntity[] = [];
    let skipped = 0;
    const states = new Map<string, StateRow>();
    for (const s of readStates(root)) {
      if (!s.name?.trim() || !/^[A-Z]{2}$/.test(s.country_code ?? '')) {
        skipped++;
        continue;
      }
      states.set(s.id, s);
      const translations = Object.fromEntries((s.translations ?? '').split('|').map((pair) => pair.split('=') as [string, string]).filter((p) => p.length === 2));
      const aliases = translatedNames(s.name, translations);
      // The native name, checked like a translation (the data holds some common words there too).
      if (s.native && s.native !== s.name && /\p{Script=Latin}/u.test(s.native) && !aliases.some((a) => a.name === s.native)) aliases.push({ name: s.native, lang: 'native' });
      const population = count(s.population);
      entities.push({
        key: `state-${s.id}`,
        type: 'region',
        kind: 'subdivision',
        name: s.name.trim(),
        ...(aliases.length ? { aliases } : {}),
        ...(qid(s.wikiDataId) ? { wikidata: qid(s.wikiDataId) } : {}),
        country: s.country_code,
        ...(population ? { population } : {}),
        detail: s.type || 'subdivision',
      });
    }
    const dir = `${root}${FOLDER}contributions/cities/`;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      const { rows, bad } = readJsonLines<CityRow>(`${dir}${file}`);
      skipped += bad;
      for (const c of rows) {
        const population = count(c.population);
        const capital = c.type === 'capital';
        if (!capital && (!population || population < MIN_CITY_POPULATION)) continue;
        if (!c.name?.trim() || !/^[A-Z]{2}$/.test(c.country_code ?? '')) {
          skipped++;
          continue;
        }
        const state = states.get(String(c.state_id));
        const aliases = translatedNames(c.name, c.translations);
        entities.push({
          key: `city-${c.id}`,
          type: 'city',
          kind: capital ? 'capital' : 'city',
          name: c.name.trim(),
          ...(aliases.length ? { aliases } : {}),
          ...(qid(c.wikiDataId) ? { wikidata: qid(c.wikiDataId) } : {}),
          country: c.country_code,
          ...(state ? { subdivision: state.name.trim() } : {}),
          ...(population ? { population } : {}),
          ...(capital ? { capital: true } : {}),
        });
      }
    }
    return { entities, events: [], skipped };
  },
};
