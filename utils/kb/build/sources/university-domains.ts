/**
 * Universities from Hipo's university-domains-list (MIT): one JSON array of about 10,000
 * universities with their country (ISO 3166-1 alpha-2), web domains and web pages, and
 * sometimes a state or province. No Wikidata ids or Wikipedia titles.
 *
 * - a trailing abbreviation in brackets becomes an alias ("... (MBZUAI)");
 * - key: `<alpha_two_code>/<name>` (the name as given); the few names a country holds twice
 *   (different colleges of one name, or one university under two web sites) get `#<domain>`;
 * - subdivision: the state or province, unless written as "null" or a postal code ("NY");
 * - website: the first listed domain that is not only a mail domain (`student.`, `mail.`, ...),
 *   else the host of the first web page, else the first domain;
 * - a row that repeats another exactly, or repeats its name and country with the same web
 *   page host (University of Bath), is dropped (counted in `skipped`), and so is "Purdue Global
 *   University (Student email)", a mail domain of a university listed already.
 * The list has no exact repeats at this snapshot; 19 names repeat within a country.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Converter, SourceEntity, SourceOutput } from '../types';

/** A trailing abbreviation in brackets, "... Artificial Intelligence (MBZUAI)"; two letters ("(SC)") are US states that tell colleges apart. */
const TRAILING_ABBREVIATION = /^(.*\S)\s*\((\p{Lu}[\p{Lu}\d&.\-]{2,})\)$/u;

interface UniversityRow {
  name?: unknown;
  domains?: unknown;
  web_pages?: unknown;
  country?: unknown;
  alpha_two_code?: unknown;
  'state-province'?: unknown;
}

/** Sub-domains that only serve mail accounts of students or staff. */
const MAIL_ONLY = /^(student|students|stu|mail\d*|email|alumni)\./i;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d*\./, '') || undefined;
  } catch {
    return undefined;
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map(clean).filter(Boolean) : []);

export const converter: Converter = {
  id: 'university-domains',
  title: 'University Domains and Names (Hipo)',
  origin: 'github.com/Hipo/university-domains-list (world_universities_and_domains.json)',
  licence: 'MIT',
  attribution: 'University names and domains from the university-domains-list by Hipo, MIT licence: Copyright (c) 2014-2025 Hipo.',

  read(root: string): SourceOutput {
    const rows = JSON.parse(readFileSync(join(root, 'university-domains', 'world_universities_and_domains.json'), 'utf8')) as unknown;
    if (!Array.isArray(rows)) return { entities: [], events: [], skipped: 0 };
    let skipped = 0;

    interface Parsed {
      name: string;
      abbreviation: string | undefined;
      country: string;
      domains: string[];
      pageHost: string | undefined;
      subdivision: string | undefined;
    }
    const parsed: Parsed[] = [];
    const exact = new Set<string>();
    const seenHost = new Set<string>();
    for (const raw of rows as UniversityRow[]) {
      const name = typeof raw?.name === 'string' ? clean(raw.name) : '';
      const country = typeof raw?.alpha_two_code === 'string' ? raw.alpha_two_code.trim().toUpperCase() : '';
      // "Purdue Global University (Student email)" lists a mail domain of a university listed already.
      if (!name || !/\p{L}/u.test(name) || !/^[A-Z]{2}$/.test(country) || /\(student e-?mail\)$/i.test(name)) {
        skipped++;
        continue;
      }
      const whole = JSON.stringify([name, country, raw.domains, raw.web_pages, raw['state-province']]);
      if (exact.has(whole)) {
        skipped++;
        continue;
      }
      exact.add(whole);
      const domains = strings(raw.domains).map((d) => d.toLowerCase());
      const pageHost = strings(raw.web_pages).map(hostOf).find((h) => h);
      // The same university listed twice under one web site (e.g. University of Bath).
      const sameSite = pageHost ? `${country}/${name}/${pageHost}` : undefined;
      if (sameSite && seenHost.has(sameSite)) {
        skipped++;
        continue;
      }
      if (sameSite) seenHost.add(sameSite);
      const sp = typeof raw['state-province'] === 'string' ? clean(raw['state-province']) : '';
      // Some rows write the state as a two-letter postal code ("NY") or as the text "null".
      const subdivision = sp && sp.toLowerCase() !== 'null' && !/^[A-Z]{2}$/.test(sp) ? sp : undefined;
      const abbr = TRAILING_ABBREVIATION.exec(name);
      parsed.push({ name, abbreviation: abbr?.[2], country, domains, pageHost, subdivision });
    }

    const count = new Map<string, number>();
    for (const p of parsed) count.set(`${p.country}/${p.name}`, (count.get(`${p.country}/${p.name}`) ?? 0) + 1);

    const entities: SourceEntity[] = [];
    const keys = new Set<string>();
    for (const p of parsed) {
      const website = p.domains.find((d) => !MAIL_ONLY.test(d)) ?? p.pageHost ?? p.domains[0];
      let key = `${p.country}/${p.name}`;
      if ((count.get(key) ?? 0) > 1) key += `#${p.domains[0] ?? p.pageHost ?? ''}`;
      if (keys.has(key)) {
        skipped++;
        continue;
      }
      keys.add(key);
      entities.push({
        key,
        type: 'organisation',
        kind: 'university',
        name: p.abbreviation ? TRAILING_ABBREVIATION.exec(p.name)![1]! : p.name,
        ...(p.abbreviation ? { aliases: [{ name: p.abbreviation }] } : {}),
        country: p.country,
        ...(p.subdivision ? { subdivision: p.subdivision } : {}),
        ...(website ? { website } : {}),
      });
    }
    return { entities, events: [], skipped };
  },
};
