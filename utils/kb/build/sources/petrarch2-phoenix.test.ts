import { describe, expect, it } from 'vitest';
import type { SourceEntity } from '../types';
import { codeCountry, converter, parseCode, parseDictionary, properCase, tabariDate } from './petrarch2-phoenix';
import { cachedReader } from './test-support';

const { read, entity: record, expectDeterministicWithUniqueKeys } = cachedReader(converter);
const names = (e: SourceEntity) => [e.name, ...(e.aliases ?? []).map((a) => a.name)];

describe('reading the TABARI format', () => {
  it('reads dates as PETRARCH does (YYMMDD, or YYYYMMDD from seven digits on)', () => {
    expect(tabariDate('090120')).toBe('2009-01-20');
    expect(tabariDate('510724')).toBe('1951-07-24');
    expect(tabariDate('20130926')).toBe('2013-09-26');
    expect(tabariDate('201005011')).toBe('2010-05-01');
    expect(tabariDate('100231')).toBeUndefined();
    expect(parseCode('RUSGOV >080508')).toEqual({ code: 'RUSGOV', dated: true, start: '2008-05-08' });
    expect(parseCode('HTIOPPMED <061231')).toEqual({ code: 'HTIOPPMED', dated: true, end: '2006-12-31' });
    expect(parseCode('IGOUNO  970101-061231')).toEqual({ code: 'IGOUNO', dated: true, start: '1997-01-01', end: '2006-12-31' });
    expect(parseCode('RUSELI')).toEqual({ code: 'RUSELI', dated: false });
  });

  it('groups primary phrases that come before any code into one actor, as PETRARCH does', () => {
    const groups = parseDictionary(
      [
        '# Presidents',
        'BORIS_YELTSIN_  # CountryInfo.txt',
        'BORIS_N._YELTSIN',
        '+PRESIDENT_YELTSIN',
        '\t[RUSELI 490101-910710]',
        '\t[RUSGOV 910710-991231]',
        'NATO_ [IGOWSTNAT]',
        'UN_ [IGOUNO]',
        '+U.N._ ; comment',
      ].join('\n'),
    );
    expect(groups).toHaveLength(3);
    expect(groups[0]).toMatchObject({ primaries: ['BORIS_YELTSIN_', 'BORIS_N._YELTSIN'], synonyms: ['PRESIDENT_YELTSIN'], section: 'Presidents', comments: ['CountryInfo.txt'] });
    expect(groups[0]!.codes.map((c) => c.code)).toEqual(['RUSELI', 'RUSGOV']);
    expect(groups[2]).toMatchObject({ primaries: ['UN_'], synonyms: ['U.N._'] });
  });

  it('writes UPPER_CASE names in proper case', () => {
    expect(properCase('VLADIMIR_PUTIN_', new Set(), true)).toBe('Vladimir Putin');
    expect(properCase('BASHAR_AL-ASSAD', new Set(), true)).toBe('Bashar al-Assad');
    expect(properCase("O'BRIEN_MCNAMARA", new Set(), true)).toBe("O'Brien McNamara");
    expect(properCase('JAMES_A._ROBERTS_', new Set(), true)).toBe('James A. Roberts');
    expect(properCase('ELIZABETH_II', new Set(), true)).toBe('Elizabeth II');
    expect(properCase('ORGANIZATION_OF_THE_PETROLEUM_EXPORTING_COUNTRIES')).toBe('Organization of the Petroleum Exporting Countries');
    expect(properCase('UN_GENERAL_ASSEMBLY', new Set(['UN']))).toBe('UN General Assembly');
    expect(properCase('SIPAH-E-SAHABA/PAKISTAN_')).toBe('Sipah-e-Sahaba/Pakistan');
    expect(properCase('DHKP/C_')).toBe('DHKP/C');
  });

  it('maps the country of a code through its ISO-3 letters', () => {
    expect(codeCountry('RUSGOV')).toBe('RU');
    expect(codeCountry('USAGOVMIL')).toBe('US');
    expect(codeCountry('KSVGOV')).toBe('XK');
    expect(codeCountry('IGOUNO')).toBeUndefined();
    expect(codeCountry('SUNGOV')).toBeUndefined();
  });
});

describe('petrarch2-phoenix converter', () => {
  it('reads people, international organisations, NGOs and armed groups', () => {
    const out = read();
    const count = (kind: string) => out.entities.filter((e) => e.kind === kind).length;
    const people = out.entities.filter((e) => e.type === 'person');
    expect(people.length).toBeGreaterThan(17_000);
    expect(people.length).toBeLessThan(19_000);
    expect(count('international-organisation')).toBeGreaterThan(150);
    expect(count('international-organisation')).toBeLessThan(260);
    expect(count('ngo')).toBeGreaterThan(1_400);
    expect(count('ngo')).toBeLessThan(1_900);
    expect(count('armed-group')).toBeGreaterThan(750);
    expect(count('armed-group')).toBeLessThan(1_000);
    // Companies (MNC), countries, institutions, and people filed among organisations are left out.
    expect(out.skipped).toBeGreaterThan(4_000);
    expect(out.events).toEqual([]);
  });

  it('is deterministic, keys are unique, and Wikidata ids are never made up', () => {
    expectDeterministicWithUniqueKeys();
    // The dictionaries carry no Wikidata ids or Wikipedia titles.
    expect(read().entities.some((e) => e.wikidata || e.wikipedia)).toBe(false);
    for (const e of read().entities) {
      expect(e.name.length).toBeGreaterThan(1);
      expect(e.name).not.toMatch(/_|^[A-Z]{4,}\s[A-Z]{4,}/);
      if (e.country) expect(e.country).toMatch(/^[A-Z]{2}$/);
      for (const r of e.roles ?? []) {
        if (r.country) expect(r.country).toMatch(/^[A-Z]{2}$/);
        if (r.start) expect(r.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (r.start && r.end) expect(r.end >= r.start).toBe(true);
      }
    }
  });

  it('keeps the dated roles of country actors, ranked by their code', () => {
    const putin = record('person-ru-vladimir-putin');
    expect(putin).toMatchObject({ type: 'person', name: 'Vladimir Putin', country: 'RU' });
    expect(putin.roles).toEqual([
      { title: 'Head of state or government', rank: 1, country: 'RU', start: '1999-08-09', end: '2000-05-07' },
      { title: 'Head of state or government', rank: 1, country: 'RU', start: '1999-12-31', end: '2008-05-07' },
      { title: 'Head of state or government', rank: 1, country: 'RU', start: '2008-05-08' },
    ]);
    expect(names(putin)).toEqual(expect.arrayContaining(['Vladimir Vladimirovich Putin', 'Putin']));
    expect(record('person-de-angela-merkel').roles).toEqual([{ title: 'Chancellor', rank: 1, country: 'DE', start: '2005-11-22' }]);
    expect(record('person-us-barack-obama').roles).toEqual([{ title: 'President', rank: 1, country: 'US', start: '2009-01-20' }]);
    // Several government spans under a heading of presidents: the latest is the presidency.
    expect(record('person-us-george-bush').roles?.filter((r) => r.rank === 1)).toEqual([{ title: 'President', rank: 1, country: 'US', start: '1989-01-20', end: '1993-01-20' }]);
    // A minister: rank 2; Lavrov's UN years are coded as government too.
    expect(record('person-ru-sergey-lavrov').roles).toContainEqual({ title: 'Member of the government', rank: 2, country: 'RU', start: '2004-03-09' });
    expect(record('person-us-hillary-clinton').roles).toEqual([{ title: 'Member of the government', rank: 2, country: 'US', start: '2009-01-21', end: '2013-02-01' }]);
    // Sector codes and legislators.
    expect(record('person-us-leon-panetta').roles).toContainEqual({ title: 'Member of the government (defence and military)', rank: 2, country: 'US', start: '2011-07-01', end: '2013-02-27' });
    expect(record('person-hr-ivo-josipovic').roles).toContainEqual({ title: 'Member of the legislature', rank: 3, country: 'HR', start: '2003-12-22', end: '2010-02-18' });
    // Office holders of intergovernmental organisations.
    expect(record('person-xx-kofi-annan').roles).toEqual([{ title: 'Official of the United Nations', rank: 3, start: '1997-01-01', end: '2006-12-31' }]);
    const roles = read().entities.flatMap((e) => e.roles ?? []);
    expect(roles.filter((r) => r.rank === 1).length).toBeGreaterThan(2_000);
    // Roles end around 2014-2015, as the dictionaries were written.
    expect(roles.map((r) => r.start ?? '').reduce((a, b) => (a > b ? a : b))).toMatch(/^201[45]-/);
  });

  it('names organisations with their acronyms in upper case', () => {
    const nato = record('igo-nato');
    expect(nato).toMatchObject({ kind: 'international-organisation', name: 'NATO' });
    expect(names(nato)).toContain('North Atlantic Treaty Organization');
    expect(names(record('igo-united-nations'))).toEqual(expect.arrayContaining(['United Nations', 'UN', 'U.N.']));
    expect(record('igo-unicef').name).toBe('UNICEF');
    expect(record('igo-imf').aliases).toEqual([{ name: 'International Monetary Fund' }]);
    expect(record('ngo-amnesty-international')).toMatchObject({ kind: 'ngo', name: 'Amnesty International' });
    expect(record('ngo-human-rights-watch').name).toBe('Human Rights Watch');
    // People filed as organisations are not organisations.
    expect(read().entities.some((e) => e.type === 'organisation' && /^(?:Louise Arbour|Catherine Ashton|Nick Cheesman)$/.test(e.name))).toBe(false);
  });

  it('reads armed groups with their country and without their leaders as names', () => {
    const hamas = record('armed-hamas');
    expect(hamas).toMatchObject({ kind: 'armed-group', country: 'PS' });
    expect(names(hamas)).toContain('Islamic Resistance Movement');
    expect(names(hamas)).not.toContain('Khaled Meshaal');
    const ira = record('armed-irish-republican-army');
    expect(names(ira)).toEqual(expect.arrayContaining(['Irish Republican Army', 'IRA', 'Provisional Irish Republican Army']));
    expect(record('armed-boko-haram')).toMatchObject({ name: 'Boko Haram', country: 'NG' });
    // Spelling variants filed one after another are one group.
    expect(names(record('armed-lashkar-e-tayyaba'))).toEqual(expect.arrayContaining(['Lashkar e Tayyiba', 'Lashkar e Toiba']));
    // Osama bin Laden is filed under al-Qaeda's code, but he is no armed group.
    expect(read().entities.some((e) => e.kind === 'armed-group' && /bin Laden/i.test(e.name))).toBe(false);
  });
});
