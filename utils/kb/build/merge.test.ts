import { describe, expect, it } from 'vitest';
import type { Entity } from '../schema';
import { describeEntity, formatPopulation } from './describe';
import { mergeSources, shortNamesOf, surnamesOf, type SourceRun } from './merge';
import { germanGenitive, officePhrases } from './phrases';
import { prominenceOf } from './prominence';
import type { SourceEntity } from './types';
import { weakNamesOf, type WordList } from './weak-names';

const WORDS = new Set(['reading', 'point', 'troy', 'one', 'nice']);
const words: WordList = {
  isWord: (w) => WORDS.has(w.toLowerCase()),
  keepTranslation: (name, t) => !WORDS.has(name.toLowerCase()) && name[0] === t[0],
};

const germany: Entity = { id: 'germany', name: 'Germany', type: 'country', aliases: [], demonyms: ['German'], description: 'Country.', iso: { alpha2: 'DE', alpha3: 'DEU' } };
const usa: Entity = { id: 'united-states', name: 'United States', type: 'country', aliases: [], demonyms: ['American'], description: 'Country.', iso: { alpha2: 'US', alpha3: 'USA' } };
const berlin: Entity = { id: 'berlin', name: 'Berlin', type: 'city', aliases: [], wikipedia: 'Berlin', description: 'Capital.', standsFor: ['germany'], prominence: 0.65 };
const curated = [germany, usa, berlin];

const run = (id: string, entities: SourceEntity[]): SourceRun => ({ id, output: { entities, events: [], skipped: 0 } });
const person = (key: string, name: string, extra: Partial<SourceEntity> = {}): SourceEntity => ({ key, type: 'person', kind: 'legislator', name, country: 'DE', roles: [{ title: 'Member of the Bundestag', country: 'DE', start: '2017-10-24', end: '2021-10-26', rank: 3 }], ...extra });

describe('mergeSources', () => {
  it('unites records of two sources by Wikidata id and keeps both sources', () => {
    const { entities } = mergeSources(curated, [], [run('a', [person('Q1', 'Anna Muster', { wikidata: 'Q1' })]), run('b', [person('x7', 'Anna Muster', { wikidata: 'Q1', wikipedia: 'Anna Muster' })])], words);
    const anna = entities.filter((e) => e.name === 'Anna Muster');
    expect(anna).toHaveLength(1);
    expect(anna[0]).toMatchObject({ id: 'anna-muster-q1', wikidata: 'Q1', wikipedia: 'Anna Muster', sources: ['a', 'b'], partOf: ['germany'] });
    expect(anna[0]!.roles).toEqual([{ title: 'Member of the Bundestag', of: 'germany', start: '2017-10-24', end: '2021-10-26' }]);
    expect(anna[0]!.description).toBe('Member of the Bundestag, Germany (2017–2021).');
  });

  it('never takes a region for a curated city of its name when their Wikidata ids differ (New York State is not New York City)', () => {
    const nyc: Entity = { id: 'new-york-city', name: 'New York City', type: 'city', aliases: ['New York'], wikidata: 'Q60', description: 'City.', prominence: 0.6 };
    const state: SourceEntity = { key: 'NY', type: 'region', kind: 'subdivision', name: 'New York', country: 'US', wikidata: 'Q1384' };
    const town: SourceEntity = { key: 'buf', type: 'city', kind: 'city', name: 'Buffalo', country: 'US', subdivision: 'New York', population: 258_000 };
    const { entities } = mergeSources([...curated, nyc], [], [run('csc', [state]), run('geo', [town])], words);
    const region = entities.find((e) => e.wikidata === 'Q1384');
    expect(region).toMatchObject({ name: 'New York', type: 'region' });
    expect(entities.find((e) => e.name === 'Buffalo')?.partOf).toEqual([region!.id, 'united-states']);
  });

  it('never merges two records of one source by name, and merges a record without a Wikidata id into the only namesake of another source', () => {
    const town = (key: string, subdivision: string, population: number): SourceEntity => ({ key, type: 'city', kind: 'city', name: 'Independence', country: 'US', subdivision, population });
    const { entities } = mergeSources(curated, [], [run('geo', [town('1', 'Missouri', 117_000), town('2', 'Kentucky', 28_000)])], words);
    expect(entities.filter((e) => e.name === 'Independence').map((e) => e.description)).toEqual(['City in Missouri, United States, population 117,000.', 'City in Kentucky, United States, population 28,000.']);

    const merged = mergeSources(curated, [], [run('a', [person('Q2', 'Karl Beispiel', { wikidata: 'Q2' })]), run('b', [person('k', 'Karl Beispiel')])], words);
    expect(merged.entities.filter((e) => e.name === 'Karl Beispiel')).toHaveLength(1);
  });

  it('lends a curated twin its sources but keeps its curated fields; an ODbL source lends nothing', () => {
    const city: SourceEntity = { key: 'c1', type: 'city', kind: 'capital', name: 'Berlin', country: 'DE', population: 3_400_000, capital: true, aliases: [{ name: 'Berlino', lang: 'it' }] };
    const lent = mergeSources(curated, [], [run('geo', [city])], words).entities.find((e) => e.id === 'berlin')!;
    expect(lent).toMatchObject({ name: 'Berlin', wikipedia: 'Berlin', prominence: 0.65, sources: ['curated', 'geo'] });
    expect(lent.aliases).toEqual(['Berlino']);
    const kept = mergeSources(curated, [], [run('odbl', [city])], words, new Set(['odbl'])).entities.find((e) => e.id === 'berlin')!;
    expect(kept).toEqual(berlin);
  });

  it('makes a namesake of a curated record weak, and names a small town called by a common word "Troy, Alabama"', () => {
    const { entities } = mergeSources(curated, [], [run('geo', [
      { key: '1', type: 'city', kind: 'city', name: 'Berlin', country: 'US', subdivision: 'New Hampshire', population: 10_000 },
      { key: '2', type: 'city', kind: 'city', name: 'Troy', country: 'US', subdivision: 'Alabama', population: 19_000 },
    ])], words);
    expect(entities.find((e) => e.id === 'berlin-1')?.weakNames).toEqual(['Berlin']);
    expect(entities.find((e) => e.id === 'troy-2')).toMatchObject({ name: 'Troy, Alabama', aliases: [] });
  });

  it("gives a curated person the surname as a weak name, but no common word, no surname-first name and not as a curated name that namesakes lose", () => {
    const china: Entity = { id: 'china', name: 'China', type: 'country', aliases: [], description: 'Country.', iso: { alpha2: 'CN', alpha3: 'CHN' } };
    const common: WordList = { ...words, isCommon: (w) => w.toLowerCase() === 'may' };
    const curatedPerson = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({ id, name, type: 'person', aliases: [], description: 'Politician.', ...extra });
    const people = [
      curatedPerson('hillary', 'Hillary Clinton'),
      curatedPerson('theresa', 'Theresa May'),
      curatedPerson('keir', 'Keir Starmer', { aliases: ['Starmer'] }),
      curatedPerson('li', 'Li Keqiang', { roles: [{ title: 'Premier', of: 'china' }] }),
      curatedPerson('salman', 'Mohammed bin Salman'),
    ];
    const { entities } = mergeSources([...curated, china, ...people], [], [run('congress', [person('Q1124', 'Bill Clinton', { wikidata: 'Q1124', country: 'US' })])], common);
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.get('hillary')).toMatchObject({ aliases: ['Clinton'], weakNames: ['Clinton'] });
    for (const id of ['theresa', 'li', 'salman']) expect(byId.get(id)!.aliases).toEqual([]);
    expect(byId.get('keir')!.aliases).toEqual(['Starmer']);
    expect(byId.get('keir')!.weakNames).toBeUndefined();
    // Bill Clinton keeps the surname the build gave Hillary.
    expect(entities.find((e) => e.wikidata === 'Q1124')!.aliases).toContain('Clinton');
  });

  it('turns a head of government taking office since 2000 into a dated event with its source', () => {
    const pm = person('Q9', 'Erika Kanzler', { wikidata: 'Q9', roles: [{ title: 'Chancellor', country: 'DE', start: '2005-11-22', end: '2021-12-08', rank: 1 }] });
    const { events } = mergeSources(curated, [], [run('ep', [pm])], words);
    expect(events).toEqual([
      expect.objectContaining({ date: '2005-11-22', type: 'inauguration', title: 'Erika Kanzler takes office as Chancellor of Germany', participants: [{ entity: 'erika-kanzler-q9' }, { entity: 'germany' }], sources: [{ url: 'https://www.wikidata.org/wiki/Q9', publisher: 'Wikidata (via EveryPolitician)' }] }),
    ]);
  });
});

describe('names', () => {
  it('finds the surname with its particles and the name without middle names', () => {
    expect(surnamesOf('Ursula von der Leyen')).toEqual(['von der Leyen']);
    expect(surnamesOf('Martin Luther King Jr.')).toEqual(['King']);
    expect(surnamesOf('Madonna')).toEqual([]);
    expect(shortNamesOf('Omar Hassan al-Bashir')).toEqual(['Omar al-Bashir']);
    expect(shortNamesOf('Joe Biden')).toEqual([]);
    // Two surnames, the father's first: called by both, never by the mother's alone.
    expect(surnamesOf('Juan López-Doriga Pérez', true)).toEqual(['López-Doriga Pérez']);
    expect(shortNamesOf('Juan López-Doriga Pérez', true)).toEqual([]);
    expect(shortNamesOf('Andrés Manuel López Obrador', true)).toEqual(['Andrés López Obrador']);
    expect(surnamesOf('Juan López-Doriga Pérez')).toEqual(['Pérez']);
  });

  it('marks surnames, common words and short acronyms as weak', () => {
    expect(weakNamesOf('person', 'Anna Muster', ['Muster'], words)).toEqual(['Muster']);
    expect(weakNamesOf('city', 'Reading', [], words)).toEqual(['Reading']);
    expect(weakNamesOf('organisation', 'The Point', ['PP', 'Partido Popular'], words)).toEqual(['The Point', 'PP']);
  });

  it('writes the phrases of an office for its country', () => {
    expect(officePhrases('Minister of Foreign Affairs', 'Germany', 'German')).toEqual(['German foreign minister', "Germany's foreign minister", 'Germany’s foreign minister']);
    expect(officePhrases('Deputy Prime Minister', 'Germany', 'German')).toEqual([]);
    expect(officePhrases('Minister of Culture', 'Germany', 'German')).toEqual([]);
    // Only the head of the country: not of one of its republics.
    expect(officePhrases('President of the Sakha Republic', 'Russia', 'Russian', 'RU')).toEqual([]);
  });

  it('writes them in German, Spanish and French from the countries\' names and demonyms', () => {
    const ru = officePhrases('President of Russia', 'Russia', 'Russian', 'RU');
    expect(ru).toEqual(expect.arrayContaining(['Russian president', "Russia's president", 'Russlands Präsident', 'Russlands Präsidentin', 'presidente de Rusia', 'président russe']));
    expect(officePhrases('Minister of Foreign Affairs', 'France', 'French', 'FR')).toEqual(expect.arrayContaining(['Frankreichs Außenminister', 'ministro de Asuntos Exteriores de Francia', 'ministre français des Affaires étrangères']));
    expect(germanGenitive('Russland')).toBe('Russlands');
    expect(germanGenitive('Vereinigte Staaten')).toBeNull();
    expect(germanGenitive('Belarus')).toBeNull();
  });
});

describe('descriptions and prominence', () => {
  it('describes a city from its facts', () => {
    expect(describeEntity({ type: 'city', kind: 'city', name: 'Pune', country: 'India', subdivision: 'Maharashtra', population: 3_124_458, roles: [] })).toBe('City in Maharashtra, India, population 3.1 million.');
    expect(formatPopulation(45_300)).toBe('45,300');
  });

  it('ranks a head of government above a legislator and a capital above a town, all below curated values', () => {
    const p = (bestRank: number) => prominenceOf({ type: 'person', kind: 'politician', bestRank, sources: 1, wikipedia: true, wikidata: true });
    expect(p(1)).toBeGreaterThan(p(3));
    const city = (population: number, capital = false) => prominenceOf({ type: 'city', kind: 'city', population, capital, sources: 1, wikipedia: false, wikidata: true });
    expect(city(1_000_000, true)).toBeGreaterThan(city(20_000));
    expect(Math.max(p(1), city(30_000_000, true))).toBeLessThan(0.6);
  });
});
