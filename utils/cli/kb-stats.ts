/**
 * `npm run kb:stats [-- --json]`: what the built default pack holds — counts by type, by
 * source, names by language, people with dated roles, records with Wikidata ids and English
 * Wikipedia titles, events per year. `--json` prints one JSON object with the same figures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDefaultPack } from '../kb/load-pack-file';
import type { Pack } from '../kb/schema';

export interface KbStats {
  entities: number;
  names: number;
  people: number;
  peopleWithRoles: number;
  withWikidata: number;
  withWikipedia: number;
  events: number;
  byType: Record<string, number>;
  bySource: Record<string, number>;
  namesByLanguage: Record<string, number>;
  eventsByYear: Record<string, number>;
  eventsByType: Record<string, number>;
  events2000to2025: number;
  organisations: number;
  cities: number;
  regions: number;
}

const tally = (into: Record<string, number>, key: string, n = 1) => {
  into[key] = (into[key] ?? 0) + n;
};
const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));

export function packStats(pack: Pack, namesByLanguage: Record<string, number> = {}): KbStats {
  const byType: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  let names = 0;
  let peopleWithRoles = 0;
  let withWikidata = 0;
  let withWikipedia = 0;
  for (const e of pack.entities) {
    tally(byType, e.type);
    for (const s of e.sources ?? ['curated']) tally(bySource, s);
    names += 1 + e.aliases.length;
    if (e.type === 'person' && e.roles?.some((r) => r.start || r.end)) peopleWithRoles++;
    if (e.wikidata) withWikidata++;
    if (e.wikipedia) withWikipedia++;
  }
  const eventsByYear: Record<string, number> = {};
  const eventsByType: Record<string, number> = {};
  for (const ev of pack.events) {
    tally(eventsByYear, ev.date.slice(0, 4));
    tally(eventsByType, ev.type);
  }
  const years = Object.fromEntries(Object.entries(eventsByYear).sort((a, b) => a[0].localeCompare(b[0])));
  return {
    entities: pack.entities.length,
    names,
    people: byType.person ?? 0,
    peopleWithRoles,
    withWikidata,
    withWikipedia,
    events: pack.events.length,
    byType: sorted(byType),
    bySource: sorted(bySource),
    namesByLanguage,
    eventsByYear: years,
    eventsByType: sorted(eventsByType),
    events2000to2025: pack.events.filter((e) => e.date >= '2000' && e.date < '2026').length,
    organisations: byType.organisation ?? 0,
    cities: byType.city ?? 0,
    regions: byType.region ?? 0,
  };
}

function main(): void {
  const pack = readDefaultPack();
  const info = JSON.parse(readFileSync(new URL('../../assets/kb/generated/pack-info.json', import.meta.url), 'utf8')) as { namesByLanguage?: Record<string, number> };
  const stats = packStats(pack, info.namesByLanguage);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(stats)}\n`);
    return;
  }
  const table = (title: string, counts: Record<string, number>) => [`${title}:`, ...Object.entries(counts).map(([k, n]) => `  ${k.padEnd(28)} ${n.toLocaleString('en-US').padStart(9)}`)].join('\n');
  const line = (label: string, n: number) => `${label.padEnd(30)} ${n.toLocaleString('en-US').padStart(9)}`;
  console.log(
    [
      line('entities', stats.entities),
      line('names (names and aliases)', stats.names),
      line('people', stats.people),
      line('people with dated roles', stats.peopleWithRoles),
      line('with a Wikidata id', stats.withWikidata),
      line('with an English Wikipedia title', stats.withWikipedia),
      line('events', stats.events),
      line('events 2000–2025', stats.events2000to2025),
      table('by type', stats.byType),
      table('by source (a record may have several)', stats.bySource),
      table('names of open-data records by language', stats.namesByLanguage),
      table('events by type', stats.eventsByType),
      table('events by year', stats.eventsByYear),
    ].join('\n'),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
