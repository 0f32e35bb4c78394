/**
 * The default pack as `npm run kb:build` makes it from ../shared/kb-sources: it holds what
 * issue 16 asks of a knowledge base as broad as the news, and every record is traceable.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDefaultPack } from '../../utils/kb/load-pack-file';
import type { Pack } from '../../utils/kb/schema';
import { packStats, type KbStats } from '../../utils/cli/kb-stats';

const root = fileURLToPath(new URL('../../', import.meta.url));
let pack: Pack;
let stats: KbStats;

beforeAll(() => {
  execFileSync('npx', ['tsx', 'utils/cli/build-pack.ts', '--if-stale'], { cwd: root, stdio: 'inherit' });
  pack = readDefaultPack();
  stats = packStats(pack);
}, 300_000);

describe('the built default pack', () => {
  it('reaches the sizes of issue 16', () => {
    expect(stats.entities).toBeGreaterThanOrEqual(150_000);
    expect(stats.names).toBeGreaterThanOrEqual(400_000);
    expect(stats.people).toBeGreaterThanOrEqual(60_000);
    expect(stats.peopleWithRoles).toBeGreaterThanOrEqual(50_000);
    expect(stats.withWikidata).toBeGreaterThanOrEqual(100_000);
    expect(stats.organisations).toBeGreaterThanOrEqual(15_000);
    expect(stats.events2000to2025).toBeGreaterThanOrEqual(5_000);
  });

  it('holds every country’s first-level subdivisions and its cities of 15,000 people', () => {
    const regionsOf = (country: string) => pack.entities.filter((e) => e.type === 'region' && e.partOf?.includes(country)).map((e) => e.name);
    expect(regionsOf('germany')).toEqual(expect.arrayContaining(['Bavaria', 'Saxony', 'Berlin']));
    expect(regionsOf('india')).toEqual(expect.arrayContaining(['Maharashtra', 'Kerala']));
    const city = (name: string, country: string) => pack.entities.find((e) => e.type === 'city' && e.name === name && (e.partOf?.includes(country) || e.standsFor?.includes(country)));
    expect(city('Pune', 'india')?.description).toMatch(/^City in India, population \d/);
    expect(city('Lubbock', 'united-states')?.description).toMatch(/^City in Texas, United States, population \d/);
    expect(city('Tampere', 'finland')?.description).toMatch(/^City in Pirkanmaa, Finland, population \d/);
    expect(city('Kathmandu', 'nepal')).toBeDefined();
    expect(city('Reutlingen', 'germany')).toBeDefined();
  });

  it('traces every open-data record to its sources and keeps curated records as they are', () => {
    const unsourced = pack.entities.filter((e) => !e.sources?.length && !e.description).map((e) => e.id);
    expect(unsourced).toEqual([]);
    const putin = pack.entities.find((e) => e.id === 'vladimir-putin')!;
    expect(putin.sources).toEqual(expect.arrayContaining(['curated', 'every-politician']));
    expect(putin.prominence).toBeGreaterThan(0.6);
  });

  it('gives office holders dated roles and the phrases of their office', () => {
    const steinmeier = pack.entities.find((e) => e.wikidata === 'Q76658' || e.name === 'Frank-Walter Steinmeier')!;
    expect(steinmeier.roles?.some((r) => r.of === 'germany' && r.start?.startsWith('20'))).toBe(true);
    const withPhrases = pack.entities.filter((e) => e.roles?.some((r) => r.phrases?.some((p) => p === 'German foreign minister')));
    expect(withPhrases.length).toBeGreaterThan(3);
  });

  it('uses Wikidata ids only in their own shape, and every event has a dated source', () => {
    expect(pack.entities.filter((e) => e.wikidata && !/^Q\d+$/.test(e.wikidata))).toEqual([]);
    expect(pack.events.filter((e) => !e.sources.length || !/^https?:\/\//.test(e.sources[0]!.url))).toEqual([]);
  });
});
