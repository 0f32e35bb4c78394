/**
 * EveryPolitician scrapers (every-politician-scrapers/<repo>/): office holders
 * (`holders21.csv`), legislators (`legislators.csv`) and biographies (`bio.csv`), facts from
 * Wikidata. One person per Wikidata id across all repositories, with every dated role.
 */
import { existsSync, readdirSync } from 'node:fs';
import { slugify } from '../../country-entities';
import { countryTable, isoDate, readCsv, type CountryRow } from '../read';
import type { Converter, SourceEntity, SourceOutput, SourceRole } from '../types';

const FOLDER = 'every-politician-scrapers/';

/** Repositories whose data belongs to no single country (international assemblies, breakaway states). */
const NO_COUNTRY = new Set(['world', 'abkhazia-ministers', 'artsakh-ministers', 'south-ossetia', 'donetsk', 'luhansk-ministers', 'northern-cyprus', 'somaliland']);

/** Repository names that do not spell their country's name. */
const REPO_COUNTRY: Record<string, string> = {
  bvi: 'VG', caymans: 'KY', solomons: 'SB', 'congo-kinshasa': 'CD', 'congo-brazzaville': 'CG', 'ivory-coast': 'CI', 'cabo-verde': 'CV', 'timor-leste': 'TL',
  'st-kitts-and-nevis': 'KN', 'st-lucia': 'LC', 'st-vincent-and-the-grenadines': 'VC', 'antigua-barbuda': 'AG', 'bosnia-herzegovina': 'BA',
  'united-kingdom': 'GB', us: 'US', 'north-korea': 'KP', 'south-korea': 'KR', 'hong-kong': 'HK', czech: 'CZ', 'swiss-federal-council': 'CH',
  'isle-of-man': 'IM', faroes: 'FO', 'sao-tome-and-principe': 'ST', 'trinidad-and-tobago': 'TT', 'turks-and-caicos': 'TC', 'marshall-islands': 'MH',
  micronesia: 'FM', palestine: 'PS', russia: 'RU', syria: 'SY', iran: 'IR', laos: 'LA', vietnam: 'VN', taiwan: 'TW', moldova: 'MD', tanzania: 'TZ',
  venezuela: 'VE', bolivia: 'BO', brunei: 'BN', 'north-macedonia': 'MK', eswatini: 'SZ', 'papua-new-guinea': 'PG', 'central-african-republic': 'CF',
  'dominican-republic': 'DO', 'equatorial-guinea': 'GQ', 'guinea-bissau': 'GW', 'south-sudan': 'SS', 'el-salvador': 'SV', 'costa-rica': 'CR',
  'new-zealand': 'NZ', 'sierra-leone': 'SL', 'south-africa': 'ZA', 'sri-lanka': 'LK', 'burkina-faso': 'BF', turkey: 'TR', 'aland': 'AX',
  kosovo: 'XK', 'northern-ireland': 'GB', scotland: 'GB', wales: 'GB', arkansas: 'US', oklahoma: 'US', greenland: 'GL', gambia: 'GM', bahamas: 'BS',
};

/** Sub-national governments: their offices belong to a part of a country. */
const SUBDIVISION: Record<string, string> = { arkansas: 'Arkansas', oklahoma: 'Oklahoma', scotland: 'Scotland', wales: 'Wales', 'northern-ireland': 'Northern Ireland' };


function repoCountry(dir: string, repo: string, byQid: Map<string, string>, bySlug: Map<string, string>): string | undefined {
  if (NO_COUNTRY.has(repo)) return undefined;
  const base = repo.replace(/-(ministers|cabinet)$/, '');
  if (REPO_COUNTRY[base]) return REPO_COUNTRY[base];
  // The country most of the repository's positions name.
  const counts = new Map<string, number>();
  for (const row of readCsv(`${dir}${repo}/positions.csv`)) {
    const iso = byQid.get(row.country ?? '');
    if (iso) counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best?.[0] ?? bySlug.get(base);
}

const TOP_OFFICE = /^(?:the\s+)?(?:president|prime minister|chancellor|federal chancellor|monarch|king|queen|emir|sultan|premier|taoiseach|supreme leader|head of state|head of government|chief executive|first minister)$/i;
const DEPUTY = /\b(?:vice|deputy|assistant|acting|first deputy|under)\b/i;

/** 1 for the head of state or government of the repository's country (or part of it), else 2. */
function holderRank(title: string, country: CountryRow | undefined, subdivision: string | undefined): 1 | 2 {
  if (DEPUTY.test(title)) return 2;
  const names = [country?.name, subdivision, ...(country ? Object.values(country.translations) : [])].filter(Boolean) as string[];
  const office = title.replace(/\s+of\s+(?:the\s+)?(?:Republic of\s+|Federal Republic of\s+|Kingdom of\s+)?(.+)$/i, (whole, place: string) => (names.some((n) => n.toLowerCase() === place.toLowerCase()) ? '' : whole));
  return TOP_OFFICE.test(office.trim()) ? 1 : 2;
}

export const converter: Converter = {
  id: 'every-politician',
  title: 'EveryPolitician scrapers',
  origin: 'github.com/every-politician-scrapers (one repository per country, territory or body)',
  licence: 'CC0 (facts from Wikidata)',
  attribution: 'Office holders and legislators from the every-politician-scrapers repositories, facts from Wikidata (CC0).',

  read(root: string): SourceOutput {
    const dir = `${root}${FOLDER}`;
    const table = countryTable(root);
    const byIso = new Map(table.map((c) => [c.iso2, c]));
    const byQid = new Map(table.flatMap((c) => (c.wikidata ? [[c.wikidata, c.iso2] as const] : [])));
    const bySlug = new Map(table.map((c) => [slugify(c.name), c.iso2]));
    const people = new Map<string, SourceEntity>();
    let skipped = 0;
    const repos = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    for (const repo of repos) {
      const at = (file: string) => `${dir}${repo}/${file}`;
      if (!existsSync(at('holders21.csv')) && !existsSync(at('legislators.csv'))) continue;
      const iso = repoCountry(dir, repo, byQid, bySlug);
      const subdivision = SUBDIVISION[repo.replace(/-(ministers|cabinet)$/, '')];
      const bios = new Map(readCsv(at('bio.csv')).map((b) => [b.id ?? '', b]));
      const person = (row: Record<string, string>): SourceEntity | null => {
        const qid = row.personID?.trim() ?? '';
        const name = row.person?.trim() ?? '';
        // Wikidata leaves some items unlabelled: their "name" is the id itself.
        if (!/^Q\d+$/.test(qid) || !name || /^Q\d+$/.test(name)) return null;
        let p = people.get(qid);
        if (!p) {
          p = { key: qid, type: 'person', kind: 'politician', name, wikidata: qid, roles: [] };
          people.set(qid, p);
        }
        const bio = bios.get(qid);
        const enwiki = (row.enwiki || bio?.enwiki || '').trim();
        if (enwiki && !p.wikipedia) p.wikipedia = enwiki;
        const born = isoDate(row.DOB || bio?.dob);
        if (born && !p.born) p.born = born;
        const died = isoDate(row.DOD || bio?.dod);
        if (died && !p.died) p.died = died;
        if (name !== p.name && !p.aliases?.some((a) => a.name === name)) (p.aliases ??= []).push({ name });
        return p;
      };
      const addRole = (p: SourceEntity, row: Record<string, string>, rank: SourceRole['rank']) => {
        const title = row.position?.trim();
        if (!title) return;
        const role: SourceRole = { title, rank };
        if (iso) role.country = iso;
        if (subdivision) role.subdivision = subdivision;
        const start = isoDate(row.start);
        const end = isoDate(row.end);
        if (start) role.start = start;
        if (end && (!start || end >= start)) role.end = end;
        // The same office from two repositories (a country's and 'world') is one role.
        if (p.roles!.some((r) => r.title === role.title && r.start === role.start && r.country === role.country)) return;
        p.roles!.push(role);
        if (!p.country && iso) p.country = iso;
      };
      const country = iso ? byIso.get(iso) : undefined;
      for (const row of readCsv(at('holders21.csv'))) {
        const p = person(row);
        if (!p) {
          skipped++;
          continue;
        }
        const rank = subdivision ? 4 : holderRank(row.position ?? '', country, subdivision);
        addRole(p, row, rank);
      }
      for (const row of readCsv(at('legislators.csv'))) {
        const p = person(row);
        if (!p) {
          skipped++;
          continue;
        }
        addRole(p, row, subdivision || /\b(state|provincial|regional|county|city|municipal)\b/i.test(row.position ?? '') || /member of the \w+ (house|senate|assembly|state senate)/i.test(row.position ?? '') && iso === 'US' && !/united states/i.test(row.position ?? '') ? 4 : 3);
      }
    }
    const entities = [...people.values()]
      .filter((p) => p.roles!.length > 0)
      .map((p) => {
        const best = Math.min(...p.roles!.map((r) => r.rank));
        p.kind = best === 1 ? 'head-of-government' : best === 2 ? 'minister' : best === 3 ? 'legislator' : 'state-legislator';
        p.roles!.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.title.localeCompare(b.title));
        return p;
      })
      .sort((a, b) => a.key.localeCompare(b.key, 'en'));
    return { entities, events: [], skipped };
  },
};
