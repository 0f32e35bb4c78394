/**
 * News outlets and agencies from savkov/freebie (MIT), "a free database of news resources for
 * information extraction": `freebie/websources.csv` with source_id, name, language, cca (ISO
 * 3166-1 alpha-2 country, mixed case), coverage, covered_area and url. Data to March 2019; no
 * Wikidata ids or Wikipedia titles.
 *
 * - key `freebie-<source_id>`; country upper-cased, "UK" → GB, and a blank code for Namibia
 *   (whose code "NA" was read as not-a-number somewhere upstream) taken from `covered_area`;
 * - the two rows whose language is "uk" with country "uk" (The Mirror, The Sun) are English;
 *   a site under .uk is British whatever the row's country (three rows say "us");
 * - the detail says the language ("Spanish-language"); an edition marker leaves the name
 *   ("Der Spiegel (en)" → "Der Spiegel", detail "English-language edition");
 * - a trailing abbreviation becomes an alias ("Russia Today (RT)");
 * - outlets listed twice (same name in one country, or the same web address) are one record; the
 *   other names become aliases, a spelling with accents wins over one without ("El País");
 * - the list holds some organisations that publish news but are not news outlets: NGOs,
 *   international organisations and government bodies, listed below by source id, keep that
 *   kind;
 * - rows whose name the file has garbled (bytes lost to a wrong encoding: "Clar�_n") get the
 *   name the outlet's own web site gives, listed below by source id; other garbled rows are
 *   skipped. Two rows that repeat an outlet under a wrong name or address are skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Converter, EntityKind, SourceEntity, SourceOutput } from '../types';

type Row = Record<string, string | undefined>;

/** Organisations in the list that are not news outlets, by source_id. */
const KIND_BY_ID: Record<string, EntityKind> = {
  // non-governmental organisations, foundations and campaigns
  '25': 'ngo', '82': 'ngo', '83': 'ngo', '84': 'ngo', '85': 'ngo', '86': 'ngo', '87': 'ngo', '93': 'ngo', '94': 'ngo',
  '95': 'ngo', '96': 'ngo', '97': 'ngo', '98': 'ngo', '99': 'ngo', '100': 'ngo', '101': 'ngo', '102': 'ngo', '103': 'ngo',
  '104': 'ngo', '105': 'ngo', '106': 'ngo', '108': 'ngo', '110': 'ngo', '111': 'ngo', '112': 'ngo', '113': 'ngo',
  '114': 'ngo', '115': 'ngo', '116': 'ngo', '119': 'ngo', '137': 'ngo', '237': 'ngo', '588': 'ngo', '594': 'ngo',
  '608': 'ngo', '675': 'ngo', '778': 'ngo', '792': 'ngo', '871': 'ngo',
  // international organisations
  '88': 'international-organisation', '89': 'international-organisation', '91': 'international-organisation',
  '92': 'international-organisation', '109': 'international-organisation', '118': 'international-organisation',
  '764': 'international-organisation',
  // government bodies
  '90': 'government-body', '107': 'government-body', '727': 'government-body', '873': 'government-body',
};

/** Names the file has garbled ("Clar�_n", "Exc̩lsior"), as the outlets write them. */
const REPAIRED_NAMES: Record<string, string> = {
  '210': 'Cinco Días',
  '212': 'Expansión',
  '213': 'Huffington Post España',
  '214': 'La Razón España',
  '219': 'Clarín',
  '229': 'Últimas Noticias',
  '257': 'Excélsior',
  '278': 'El País',
  '288': 'El Economista México',
};

/**
 * Rows that repeat an outlet listed correctly elsewhere: 140 is NPR with medium.com as its
 * address; 286 is the South China Morning Post (516) named "South China Morning Star".
 */
const WRONG_REPEATS = new Set(['140', '286']);

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', de: 'German', zh: 'Chinese', ar: 'Arabic', fr: 'French', pt: 'Portuguese', ru: 'Russian', it: 'Italian' };

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');

/** Host and path of a web address, without "www." and a trailing slash: the outlet's identity. */
function siteOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase().replace(/^www\d*\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

interface Outlet {
  id: string;
  name: string;
  aliases: string[];
  country: string | undefined;
  language: string | undefined;
  edition: boolean;
  url: string | undefined;
  kind: EntityKind;
}

export const converter: Converter = {
  id: 'freebie-news-sources',
  title: 'Freebie: a free database of news resources',
  origin: 'github.com/savkov/freebie (freebie/websources.csv)',
  licence: 'MIT',
  attribution: 'News sources from Freebie by Sasho Savkov, MIT licence: Copyright (c) 2017 Sasho Savkov.',

  read(root: string): SourceOutput {
    const rows = parse(readFileSync(join(root, 'freebie-news-sources', 'freebie', 'websources.csv')), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
    }) as Row[];
    let skipped = 0;
    const outlets: Outlet[] = [];
    for (const r of rows) {
      const id = clean(r['source_id']);
      let name = REPAIRED_NAMES[id] ?? clean(r['name']);
      if (!/^\d+$/.test(id) || !name || /[\ufffd\u0329\u0331]/u.test(name) || WRONG_REPEATS.has(id)) {
        skipped++;
        continue;
      }
      let cca = clean(r['cca']).toUpperCase();
      if (cca === 'UK') cca = 'GB';
      if (!cca && clean(r['covered_area']).toLowerCase() === 'namibia') cca = 'NA';
      let language = clean(r['language']).toLowerCase();
      // "uk" for the language of British tabloids (country "uk") means English, not Ukrainian.
      if (language === 'uk' && clean(r['cca']).toLowerCase() === 'uk') language = 'en';
      const aliases: string[] = [];
      let edition = false;
      const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
      if (m) {
        const [, outer, inner] = m as unknown as [string, string, string];
        if (/^[a-z]{2}$/.test(inner)) {
          // "Der Spiegel (en)": the English edition of an outlet.
          name = outer;
          edition = true;
        } else if (/^\p{Lu}[\p{Lu}\d&.-]{1,9}$/u.test(inner)) {
          // "Russia Today (RT)"; "(KE)" after "The Star" only repeats the country.
          name = outer;
          if (inner !== cca) aliases.push(inner);
        } else if (/^[\p{Lu}\d&.-]{2,10}$/u.test(outer) && inner.split(' ').length >= 3) {
          // "IMPEL (European Union Network for the Implementation and Enforcement of Environmental Law)".
          name = inner;
          aliases.push(outer);
        }
      }
      const url = clean(r['url']);
      // A British address says the country where the row says otherwise ("Times Magazine", thetimes.co.uk, "us").
      if (/^https?:\/\/[^/]+\.uk(\/|$)/i.test(url)) cca = 'GB';
      outlets.push({
        id,
        name,
        aliases,
        country: /^[A-Z]{2}$/.test(cca) ? cca : undefined,
        language: /^[a-z]{2}$/.test(language) ? language : undefined,
        edition,
        url: /^https?:\/\//i.test(url) ? url : undefined,
        kind: KIND_BY_ID[id] ?? 'news-outlet',
      });
    }

    // Outlets listed twice: the same name in one country, or the same web address.
    const kept: Outlet[] = [];
    const byName = new Map<string, Outlet>();
    const bySite = new Map<string, Outlet>();
    const hasAccents = (s: string) => s !== s.normalize('NFKD').replace(/\p{M}/gu, '');
    for (const o of outlets) {
      const nameKey = `${o.country ?? ''}/${fold(o.name)}`;
      const site = o.url ? siteOf(o.url) : undefined;
      const first = byName.get(nameKey) ?? (site ? bySite.get(site) : undefined);
      if (first) {
        skipped++;
        if (fold(o.name) === fold(first.name)) {
          if (hasAccents(o.name) && !hasAccents(first.name)) first.name = o.name;
        } else if (fold(first.name).startsWith(`${fold(o.name)} `)) {
          // "Financial Times INTL" and "Financial Times": the plain name wins.
          first.aliases.push(first.name);
          first.name = o.name;
        } else if (!first.aliases.includes(o.name)) {
          first.aliases.push(o.name);
        }
        for (const a of o.aliases) if (!first.aliases.includes(a)) first.aliases.push(a);
        // The address without a path is the outlet's home page ("elpais.com" over "economia.elpais.com").
        if (o.url && site && (!first.url || site.length < (siteOf(first.url)?.length ?? Infinity))) first.url = o.url;
        first.country ??= o.country;
        first.language ??= o.language;
        byName.set(nameKey, first);
        if (site) bySite.set(site, first);
        continue;
      }
      kept.push(o);
      byName.set(nameKey, o);
      if (site) bySite.set(site, o);
    }

    const entities: SourceEntity[] = kept.map((o) => {
      const language = o.language ? LANGUAGE_NAMES[o.language] ?? o.language : undefined;
      const detail = language ? `${language}-language${o.edition ? ' edition' : ''}` : undefined;
      const aliases = o.aliases.filter((a) => a !== o.name);
      return {
        key: `freebie-${o.id}`,
        type: 'organisation',
        kind: o.kind,
        name: o.name,
        ...(aliases.length ? { aliases: aliases.map((a) => ({ name: a })) } : {}),
        ...(o.country ? { country: o.country } : {}),
        ...(detail && o.kind === 'news-outlet' ? { detail } : {}),
        ...(o.url ? { website: o.url } : {}),
      };
    });
    return { entities, events: [], skipped };
  },
};
