import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDefaultPack } from '../load-pack-file';
import type { Entity } from '../schema';
import { mergeSources, type SourceRun } from './merge';
import { checkSubdivisionTitles, readSubdivisionTitles, withCheckedTitles, type SubdivisionTitle } from './subdivision-titles';
import type { WordList } from './weak-names';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const path = `${root}assets/kb/sources/subdivision-titles.json`;
const words: WordList = { isWord: () => false, keepTranslation: () => false };
const argentina: Entity = { id: 'argentina', name: 'Argentina', type: 'country', aliases: [], description: 'Country.', iso: { alpha2: 'AR', alpha3: 'ARG' } };
const province = (key: string, name: string, wikidata: string, wikipedia?: string) => ({ key, type: 'region' as const, kind: 'subdivision' as const, name, wikidata, country: 'AR', ...(wikipedia ? { wikipedia } : {}) });
const run = (entities: ReturnType<typeof province>[]): SourceRun => ({ id: 'csc', output: { entities, events: [], skipped: 0 } });

describe('subdivision-titles.json', () => {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { about: Record<string, string>; titles: SubdivisionTitle[] };

  it('says what it is and when it was checked, and every row is well-formed, unique and has its evidence', () => {
    expect(file.about.checked).toBe('2026-12-07');
    expect(file.titles.length).toBeGreaterThan(40);
    expect(checkSubdivisionTitles(file.titles)).toEqual([]);
    expect(readSubdivisionTitles(path).get('Q44800')).toBe('Neuquén Province');
  });

  it('lists every malformed row', () => {
    const rows = [
      { wikidata: 'Q1', title: 'A Province', evidence: 'seen' },
      { wikidata: 'Q1', title: ' ', evidence: '' },
      { wikidata: 'q2', title: 'B', evidence: 'seen' },
    ];
    expect(checkSubdivisionTitles(rows)).toEqual([
      'titles[1]: Q1 appears twice',
      'titles[1]: the title of Q1 is empty or padded',
      'titles[1]: Q1 has no evidence',
      'titles[2]: "q2" is not a Wikidata id',
    ]);
  });
});

describe('withCheckedTitles', () => {
  it('gives a record without a title the checked one, keeps a source’s title and reports titles no record bears', () => {
    const titles = new Map([['Q44800', 'Neuquén Province'], ['Q45007', 'Chubut Province'], ['Q9', 'Nowhere Province']]);
    const { entities, stats } = mergeSources([argentina], [], [run([province('1', 'Neuquén', 'Q44800'), province('2', 'Chubut', 'Q45007', 'Chubut (from the source)')])], words, new Set(), titles);
    expect(entities.find((e) => e.wikidata === 'Q44800')?.wikipedia).toBe('Neuquén Province');
    expect(entities.find((e) => e.wikidata === 'Q45007')?.wikipedia).toBe('Chubut (from the source)');
    expect(stats).toMatchObject({ titlesGiven: 1, titlesUnmatched: ['Q9'] });
  });

  it('leaves the entities as they are when no title matches', () => {
    const entities = [argentina];
    expect(withCheckedTitles(entities, new Map())).toEqual({ entities, given: 0, unmatched: [] });
  });
});

describe('the built default pack', () => {
  it('titles Neuquén and Chubut as English Wikipedia does', () => {
    execFileSync('npx', ['tsx', 'utils/cli/build-pack.ts', '--if-stale'], { cwd: root, stdio: 'inherit' });
    const pack = readDefaultPack();
    const byQid = (q: string) => pack.entities.find((e) => e.wikidata === q);
    expect(byQid('Q44800')).toMatchObject({ name: 'Neuquén', wikipedia: 'Neuquén Province' });
    expect(byQid('Q45007')).toMatchObject({ name: 'Chubut', wikipedia: 'Chubut Province' });
  }, 300_000);
});
