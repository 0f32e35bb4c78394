import { describe, expect, it } from 'vitest';
import { converter, otherNames } from './partyfacts';
import { cachedReader } from './test-support';

const { read, entity: party, expectDeterministicWithUniqueKeys } = cachedReader(converter);

describe('otherNames', () => {
  it('splits Party Facts notes into names with their language', () => {
    expect(otherNames('Ukrainian: Партія регіонів; Russian: Партия регионов')).toEqual([
      { name: 'Партія регіонів', lang: 'uk' },
      { name: 'Партия регионов', lang: 'ru' },
    ]);
    expect(otherNames('Pashto: افغان ټولنپال ولسواک ګوند\u200e / افغان ملت ګوند')).toEqual([
      { name: 'افغان ټولنپال ولسواک ګوند', lang: 'ps' },
      { name: 'افغان ملت ګوند', lang: 'ps' },
    ]);
    // An Arabic name followed by its transliteration, with no separator.
    expect(otherNames('Arabic: Harakat Al-Islah Al-Wataniy حركة الإصلاح الوطني\u200e\u200e')).toEqual([
      { name: 'Harakat Al-Islah Al-Wataniy', lang: 'ar' },
      { name: 'حركة الإصلاح الوطني', lang: 'ar' },
    ]);
    expect(otherNames('Chinese: 台灣團結聯盟; pinyin: Táiwān Tuánjié Liánméng')).toEqual([{ name: '台灣團結聯盟', lang: 'zh' }, { name: 'Táiwān Tuánjié Liánméng' }]);
    expect(otherNames('Russian: Сою́з Пра́вых Сил, СПС')).toEqual([
      { name: 'Союз Правых Сил', lang: 'ru' },
      { name: 'СПС', lang: 'ru' },
    ]);
    expect(otherNames('')).toEqual([]);
  });
});

describe('partyfacts converter', () => {
  it('reads the 5,522 core parties and 214 parties linked later', () => {
    const out = read();
    // 6,854 rows: 1,296 technical rows (6 per country) and 36 "[no-party]" groupings are left out.
    expect(out.entities).toHaveLength(5736);
    expect(out.skipped).toBe(1332);
    expect(out.events).toEqual([]);
    expect(out.entities.every((e) => e.type === 'organisation' && e.kind === 'party')).toBe(true);
  });

  it('is deterministic and keys are unique Party Facts ids', () => {
    expectDeterministicWithUniqueKeys();
    expect(read().entities.every((e) => /^\d+$/.test(e.key))).toBe(true);
  });

  it('copies the Wikidata ids and English Wikipedia titles Party Facts links', () => {
    const withQid = read().entities.filter((e) => e.wikidata);
    expect(withQid).toHaveLength(4227);
    expect(withQid.every((e) => /^Q\d+$/.test(e.wikidata!))).toBe(true);
    const titled = read().entities.filter((e) => e.wikipedia);
    expect(titled.length).toBeGreaterThan(4300);
    expect(titled.length).toBeLessThan(4800);
    expect(titled.every((e) => !/_|%[0-9A-F]{2}|#/.test(e.wikipedia!))).toBe(true);
    expect(read().entities.every((e) => e.country === undefined || /^[A-Z]{2}$/.test(e.country))).toBe(true);
  });

  it('reads known parties as the files give them', () => {
    expect(party('1375')).toMatchObject({ name: 'Christian Democratic Union', wikidata: 'Q49762', wikipedia: 'Christlich Demokratische Union Deutschlands', country: 'DE', founded: '1945' });
    expect(party('1375').aliases).toEqual(expect.arrayContaining([{ name: 'CDU' }]));
    expect(party('211')).toMatchObject({ wikidata: 'Q708725', country: 'DE' });
    expect(party('1893')).toMatchObject({ name: "National Socialist German Workers' Party", wikidata: 'Q7320', wikipedia: 'Nazi Party', detail: 'dissolved 1945' });
    expect(party('2234')).toMatchObject({ name: 'Party of Regions', wikidata: 'Q4266', wikipedia: 'Party of Regions', country: 'UA' });
    expect(party('2234').aliases).toEqual(expect.arrayContaining([{ name: 'Партія регіонів', lang: 'uk' }, { name: 'Партия регионов', lang: 'ru' }]));
    // A party in the Wikidata links only (newer than the 2020 export).
    expect(party('8867')).toMatchObject({ name: 'Truth and Justice Party', wikidata: 'Q5722596', wikipedia: 'Truth and Justice (Afghanistan)', country: 'AF' });
    // Northern Ireland's parties are the United Kingdom's; Kosovo's have XK.
    expect(read().entities.find((e) => e.name === 'Democratic Unionist Party' && e.country === 'GB')).toBeDefined();
    expect(read().entities.some((e) => e.country === 'XK')).toBe(true);
  });

  it('takes no title from a link to an election, a list or a section', () => {
    // 3868 links the 1989 Anguillan general election; 382 a section of "Liberalism in Belgium".
    expect(party('3868').wikipedia).toBeUndefined();
    expect(party('382').wikipedia).toBeUndefined();
    expect(read().entities.some((e) => /\belection\b|^List of/i.test(e.wikipedia ?? ''))).toBe(false);
  });
});
