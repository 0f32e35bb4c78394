import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validatePack, type Entity, type KbEvent } from './schema';
import {
  convertEntities,
  convertEntity,
  entitiesOfResponse,
  parseDumpLine,
  wikidataDate,
  type WikidataEntity,
  type WikidataSnak,
  type WikidataStatement,
} from './wikidata';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/wikidata');
const dumpPath = join(fixtures, 'dump.json');
const wbgetentitiesPath = join(fixtures, 'wbgetentities.json');

const readDump = (): WikidataEntity[] =>
  readFileSync(dumpPath, 'utf8')
    .split('\n')
    .map(parseDumpLine)
    .filter((e): e is WikidataEntity => e !== null);

const PACK_OPTIONS = { name: 'Wikidata test', version: '1.2.3', created: '2026-01-02' };

const GREGORIAN = 'http://www.wikidata.org/entity/Q1985727';
const JULIAN = 'http://www.wikidata.org/entity/Q1985786';

const timeSnak = (time: string, precision: number, calendarmodel = GREGORIAN): WikidataSnak => ({
  snaktype: 'value',
  property: 'P585',
  datavalue: { type: 'time', value: { time, precision, calendarmodel } },
});
const itemStatement = (property: string, id: string): WikidataStatement => ({
  mainsnak: { snaktype: 'value', property, datavalue: { type: 'wikibase-entityid', value: { 'entity-type': 'item', id } } },
  rank: 'normal',
});
/** A minimal item: an English label and "instance of" classes. */
const item = (id: string, label: string, ...classes: string[]): WikidataEntity => ({
  id,
  type: 'item',
  labels: { en: { language: 'en', value: label } },
  claims: { P31: classes.map((c) => itemStatement('P31', c)) },
});

describe('wikidataDate', () => {
  it.each([
    ['+2004-03-09T00:00:00Z', 11, GREGORIAN, '2004-03-09'],
    ['+2004-03-00T00:00:00Z', 10, GREGORIAN, '2004-03'],
    ['+2004-00-00T00:00:00Z', 9, GREGORIAN, '2004'],
    ['+2010-00-00T00:00:00Z', 8, GREGORIAN, undefined],
    ['-0044-03-15T00:00:00Z', 11, JULIAN, undefined],
    ['+1917-10-25T00:00:00Z', 11, JULIAN, '1917-11-07'],
    ['+1917-10-00T00:00:00Z', 10, JULIAN, '1917'],
  ])('reads %s at precision %i (%s) as %s', (time, precision, calendar, expected) => {
    expect(wikidataDate(timeSnak(time, precision, calendar))).toBe(expected);
  });

  it('gives undefined for an unknown value', () => {
    expect(wikidataDate({ snaktype: 'somevalue', property: 'P582' })).toBeUndefined();
  });
});

describe('parseDumpLine', () => {
  it.each([['['], [']'], ['  '], ['']])('reads %j as no entity', (line) => {
    expect(parseDumpLine(line)).toBeNull();
  });

  it('reads an entity line with or without its trailing comma', () => {
    expect(parseDumpLine('{"id":"Q1","type":"item"},')).toEqual({ id: 'Q1', type: 'item' });
    expect(parseDumpLine('{"id":"Q2","type":"item"}')).toEqual({ id: 'Q2', type: 'item' });
  });

  it('throws on a line that is not JSON', () => {
    expect(() => parseDumpLine('{"id":')).toThrow(SyntaxError);
  });
});

describe('convertEntity', () => {
  it('without the rest of the input, leaves references out and names positions by QID', () => {
    const putin = readDump().find((e) => e.id === 'Q7747')!;
    const { entity } = convertEntity(putin, { languages: ['en'] });
    expect(entity).toEqual({
      id: 'vladimir-putin',
      name: 'Vladimir Putin',
      type: 'person',
      aliases: ['Putin', 'Vladimir Vladimirovich Putin'],
      wikipedia: 'Vladimir Putin',
      wikidata: 'Q7747',
      description: 'President of Russia since 2012',
      roles: [
        { title: 'position Q218295', start: '2000-05-07', end: '2008-05-07' },
        { title: 'position Q218295', start: '2012-05-07' },
        { title: 'position Q900000010', start: '1998-07', end: '1999' },
      ],
    });
  });

  it.each<[string, WikidataEntity, string]>([
    ['a property', { id: 'P31', type: 'property', labels: { en: { language: 'en', value: 'instance of' } } }, 'not an item'],
    ['a missing id', { id: 'Q900000099', missing: '' }, 'missing from Wikidata'],
    ['an item without a class', { id: 'Q900000004', type: 'item', labels: { en: { language: 'en', value: 'Thing' } } }, 'no instance of (P31)'],
    ['a disambiguation page', item('Q900000003', 'Putin', 'Q4167410'), 'unsupported type'],
    ['an occurrence, which fits no event type', item('Q900000008', 'Something happened', 'Q1190554'), 'unsupported type'],
    ['a meeting without a date', item('Q900000005', 'Undated meeting', 'Q2761147'), 'event without a date (P585, P580 or P582)'],
    [
      'an item named only in other languages',
      { ...item('Q900000009', 'x', 'Q5'), labels: { ja: { language: 'ja', value: '山田太郎' } } },
      'no label in the requested languages',
    ],
  ])('skips %s', (_, wd, reason) => {
    expect(convertEntity(wd)).toEqual({ skipped: reason });
  });

  it('prefers city to region when an item is both (Berlin: city-state, state of Germany, capital)', () => {
    expect(convertEntity(item('Q64', 'Berlin', 'Q107390', 'Q5119')).entity?.type).toBe('city');
  });

  it('takes the language-neutral label as name and makes the id from QID when the name has no Latin letter', () => {
    const moscow: WikidataEntity = {
      ...item('Q649', 'x', 'Q515'),
      labels: { ru: { language: 'ru', value: 'Москва' }, uk: { language: 'uk', value: 'Москва' } },
    };
    expect(convertEntity(moscow).entity).toMatchObject({ id: 'q649', name: 'Москва', aliases: [], description: 'City from Wikidata' });
    const kowalska = readDump().find((e) => e.id === 'Q900000002')!;
    expect(convertEntity(kowalska).entity).toMatchObject({ id: 'anna-kowalska', name: 'Anna Kowalska', aliases: ['A. Kowalska'] });
  });

  it('drops aliases that are the name, repeated or without a letter', () => {
    const russia = readDump().find((e) => e.id === 'Q159')!;
    expect(convertEntity(russia, { languages: ['en', 'ru'] }).entity?.aliases).toEqual(['Russian Federation', 'RU', 'Россия', 'Российская Федерация']);
  });

  it('takes the start as the date of an event without a point in time, and the end when later', () => {
    const talks: WikidataEntity = {
      ...item('Q900000020', 'Long talks', 'Q2761147'),
      claims: {
        P31: [itemStatement('P31', 'Q2761147')],
        P580: [{ mainsnak: { ...timeSnak('+2022-03-00T00:00:00Z', 10), property: 'P580' } }],
        P582: [{ mainsnak: { ...timeSnak('+2022-04-02T00:00:00Z', 11), property: 'P582' } }],
      },
    };
    expect(convertEntity(talks).event).toMatchObject({ id: 'long-talks', date: '2022-03', end: '2022-04-02', type: 'meeting', summary: 'Meeting from Wikidata' });
  });
});

describe('convertEntities', () => {
  const { pack, skipped } = convertEntities(readDump(), PACK_OPTIONS);
  const entity = (id: string): Entity | undefined => pack.entities.find((e) => e.id === id);

  it('writes the manifest from the options', () => {
    expect(pack.manifest).toEqual({
      name: 'Wikidata test',
      version: '1.2.3',
      schemaVersion: 1,
      license: 'CC0-1.0 (Wikidata)',
      created: '2026-01-02',
      sources: ['https://www.wikidata.org/'],
    });
  });

  it('makes a pack that validatePack accepts', () => {
    const result = validatePack(pack);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('converts a person with roles titled and tied to input entities, ongoing role without end, deprecated one left out', () => {
    expect(entity('vladimir-putin')).toEqual({
      id: 'vladimir-putin',
      name: 'Vladimir Putin',
      type: 'person',
      aliases: ['Putin', 'Vladimir Vladimirovich Putin', 'Wladimir Putin', 'Vladimir Poutine', 'Володимир Путін', 'Владимир Владимирович Путин', 'Путин'],
      wikipedia: 'Vladimir Putin',
      wikidata: 'Q7747',
      description: 'President of Russia since 2012',
      roles: [
        { title: 'President of Russia', of: 'russia', start: '2000-05-07', end: '2008-05-07' },
        { title: 'President of Russia', of: 'russia', start: '2012-05-07' },
        { title: 'position Q900000010', start: '1998-07', end: '1999' },
      ],
    });
  });

  it('converts a country with its ISO codes and capital', () => {
    expect(entity('russia')).toEqual({
      id: 'russia',
      name: 'Russia',
      type: 'country',
      aliases: ['Russian Federation', 'RU', 'Russland', 'Russie', 'Rusia', 'Rosja', 'Росія', 'Россия', 'Российская Федерация'],
      wikipedia: 'Russia',
      wikidata: 'Q159',
      description: 'country in Eastern Europe and Northern Asia',
      iso: { alpha2: 'RU', alpha3: 'RUS' },
      capital: 'moscow',
    });
  });

  it('converts a city and an organisation', () => {
    expect(entity('moscow')).toEqual({
      id: 'moscow',
      name: 'Moscow',
      type: 'city',
      aliases: ['Moskau', 'Moscou', 'Moscú', 'Moskwa', 'Москва'],
      wikipedia: 'Moscow',
      wikidata: 'Q649',
      description: 'capital and largest city of Russia',
    });
    expect(entity('nato')).toEqual({
      id: 'nato',
      name: 'NATO',
      type: 'organisation',
      aliases: ['North Atlantic Treaty Organization', 'North Atlantic Alliance', 'OTAN'],
      wikipedia: 'NATO',
      wikidata: 'Q7184',
      description: 'intergovernmental military alliance',
    });
  });

  it('converts an entity without English Wikipedia article or label; a role ended at an unknown date is left out', () => {
    expect(entity('anna-kowalska')).toEqual({
      id: 'anna-kowalska',
      name: 'Anna Kowalska',
      type: 'person',
      aliases: ['A. Kowalska'],
      wikidata: 'Q900000002',
      description: 'Person from Wikidata',
      roles: [{ title: 'Deputy Secretary General of NATO', of: 'nato', start: '2021-10' }],
    });
  });

  it('gives the plain id to the lower QID of two namesakes, whatever the input order', () => {
    expect(entity('anna-kowalska')?.wikidata).toBe('Q900000002');
    expect(entity('anna-kowalska-2')?.wikidata).toBe('Q900000007');
    const reversed = convertEntities(readDump().reverse(), PACK_OPTIONS).pack;
    const idsByQid = (entities: Entity[]) => Object.fromEntries(entities.map((e) => [e.wikidata, e.id]));
    expect(idsByQid(reversed.entities)).toEqual(idsByQid(pack.entities));
  });

  it('converts a summit with its place, the participants found in the input and Wikidata as source', () => {
    expect(pack.events).toEqual<KbEvent[]>([
      {
        id: '2018-russia-united-states-summit',
        title: '2018 Russia–United States summit',
        aliases: ['Helsinki summit', 'Trump–Putin summit', 'Gipfeltreffen in Helsinki 2018'],
        date: '2018-07-16',
        place: 'helsinki',
        participants: [{ entity: 'vladimir-putin' }],
        type: 'summit',
        summary: 'meeting of Donald Trump and Vladimir Putin in Helsinki',
        sources: [{ url: 'https://www.wikidata.org/wiki/Q900000001', publisher: 'Wikidata' }],
      },
    ]);
  });

  it('lists every skipped entity with its reason, in input order', () => {
    expect(skipped).toEqual([
      { id: 'Q218295', reason: 'unsupported type' },
      { id: 'Q900000012', reason: 'unsupported type' },
      { id: 'Q900000003', reason: 'unsupported type' },
      { id: 'Q900000004', reason: 'no instance of (P31)' },
      { id: 'Q900000005', reason: 'event without a date (P585, P580 or P582)' },
    ]);
  });

  it('takes aliases only from the requested languages', () => {
    const english = convertEntities(readDump(), { ...PACK_OPTIONS, languages: ['en'] }).pack;
    expect(english.entities.find((e) => e.id === 'vladimir-putin')?.aliases).toEqual(['Putin', 'Vladimir Vladimirovich Putin']);
  });

  it('converts a wbgetentities answer, skipping missing ids and properties', () => {
    const response = JSON.parse(readFileSync(wbgetentitiesPath, 'utf8'));
    const converted = convertEntities(entitiesOfResponse(response), PACK_OPTIONS);
    expect(converted.pack.entities.map((e) => [e.id, e.type, e.capital])).toEqual([
      ['finland', 'country', 'helsinki'],
      ['helsinki', 'city', undefined],
    ]);
    expect(converted.skipped).toEqual([
      { id: 'Q900000099', reason: 'missing from Wikidata' },
      { id: 'P31', reason: 'not an item' },
    ]);
    expect(validatePack(converted.pack).ok).toBe(true);
  });

  it('gives an empty pack for no input', () => {
    expect(convertEntities([], PACK_OPTIONS)).toMatchObject({ pack: { entities: [], events: [] }, skipped: [] });
  });
});

describe('wikidata-to-pack command', () => {
  const cli = ['tsx', 'utils/cli/wikidata-to-pack.ts'];
  const outDir = mkdtempSync(join(tmpdir(), 'wikidata-to-pack-'));

  it('converts the dump fixture end to end into the pack convertEntities makes', () => {
    const out = join(outDir, 'pack.json');
    execFileSync('npx', [...cli, dumpPath, '--out', out, '--name', 'Wikidata test', '--pack-version', '1.2.3', '--created', '2026-01-02'], {
      cwd: root,
      stdio: 'pipe',
    });
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toEqual(convertEntities(readDump(), PACK_OPTIONS).pack);
    expect(validatePack(written).ok).toBe(true);
  });

  it('reads a gzipped dump and reports counts on stderr', () => {
    const gz = join(outDir, 'dump.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(dumpPath)));
    const out = join(outDir, 'from-gz.json');
    const run = spawnSync('npx', [...cli, gz, '--out', out, '--languages', 'en,de'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('read 13 entities');
    expect(run.stderr).toContain('converted 7 entities, 1 events');
    expect(run.stderr).toContain('3 unsupported type');
    const putin = JSON.parse(readFileSync(out, 'utf8')).entities.find((e: Entity) => e.id === 'vladimir-putin');
    expect(putin.aliases).toEqual(['Putin', 'Vladimir Vladimirovich Putin', 'Wladimir Putin']);
  });

  it('reads a wbgetentities file', () => {
    const out = join(outDir, 'wbgetentities-pack.json');
    execFileSync('npx', [...cli, wbgetentitiesPath, '--out', out], { cwd: root, stdio: 'pipe' });
    expect(JSON.parse(readFileSync(out, 'utf8')).entities.map((e: Entity) => e.id)).toEqual(['finland', 'helsinki']);
  });

  it.each([
    ['a missing file', () => join(outDir, 'nothing-here.json'), 'cannot read'],
    ['a line that is not JSON', () => writeInput('broken.json', '[\n{"id":"Q1","type":"item"},\n{"id":\n]\n'), 'broken.json:3: not one JSON entity'],
    ['a file that is not gzip', () => writeInput('not.json.gz', 'plain text'), 'cannot read'],
  ])('exits non-zero with a message on %s', (_, input, message) => {
    const run = spawnSync('npx', [...cli, input(), '--out', join(outDir, 'never.json')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });

  function writeInput(name: string, text: string): string {
    const path = join(outDir, name);
    writeFileSync(path, text);
    return path;
  }
});
