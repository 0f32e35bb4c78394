import { describe, expect, it } from 'vitest';
import { converter, joinTerms, ordinal, representativeTitle, senatorTitle } from './congress-legislators';
import { cachedReader } from './test-support';

const { read, entity: byKey, expectDeterministicWithUniqueKeys } = cachedReader(converter);

describe('congress-legislators converter', () => {
  it('reads the 537 current members and the 80 Presidents and Vice Presidents', () => {
    const out = read();
    expect(out.entities.filter((e) => e.kind === 'legislator')).toHaveLength(537);
    // 45 people were President (Cleveland and Trump twice), 35 only Vice President.
    expect(out.entities.filter((e) => e.kind === 'head-of-state')).toHaveLength(45);
    expect(out.entities.filter((e) => e.kind === 'office-holder')).toHaveLength(35);
    expect(out.skipped).toBe(0);
    expect(out.events).toEqual([]);
  });

  it('is deterministic and keys are unique', () => expectDeterministicWithUniqueKeys());

  it('copies Wikidata ids and Wikipedia titles only where the files give them', () => {
    const { entities } = read();
    for (const e of entities) if (e.wikidata) expect(e.wikidata).toMatch(/^Q\d+$/);
    // 536 of 537 current members have both; 8 of the 80 executive records (Cheney onwards).
    expect(entities.filter((e) => e.wikidata)).toHaveLength(544);
    expect(entities.filter((e) => e.wikipedia)).toHaveLength(544);
    expect(byKey('G000607').wikidata).toBeUndefined(); // James Gallagher: no id in the file
    expect(byKey('W000178').wikidata).toBeUndefined(); // George Washington
    const wd = entities.flatMap((e) => (e.wikidata ? [e.wikidata] : []));
    expect(new Set(wd).size).toBe(wd.length);
  });

  it('tells the two Presidents Bush apart by their middle initials, keeping the shared name as an alias', () => {
    const father = byKey('B001166');
    const son = read().entities.find((e) => e.key === 'govtrack-412375')!;
    expect(father.name).toBe('George H. W. Bush');
    expect(son.name).toBe('George W. Bush');
    for (const e of [father, son]) expect(e.aliases?.map((a) => a.name)).toContain('George Bush');
    // A name no one else has keeps its plain form.
    expect(byKey('C000127').name).toBe('Maria Cantwell');
  });

  it('gives Maria Cantwell her House seat and her joined Senate terms', () => {
    const e = byKey('C000127');
    expect(e).toMatchObject({ name: 'Maria Cantwell', wikidata: 'Q22250', wikipedia: 'Maria Cantwell', born: '1958-10-13', country: 'US', subdivision: 'Washington', type: 'person' });
    expect(e.roles).toEqual([
      { title: "U.S. Representative for Washington's 1st congressional district", country: 'US', subdivision: 'Washington', start: '1993-01-05', end: '1995-01-03', rank: 3 },
      { title: 'United States Senator from Washington', country: 'US', subdivision: 'Washington', start: '2001-01-03', end: '2031-01-03', rank: 3 },
    ]);
  });

  it('names at-large seats, delegates and leadership posts', () => {
    const sanders = byKey('S000033');
    expect(sanders.name).toBe('Bernie Sanders');
    expect(sanders.aliases).toContainEqual({ name: 'Bernard Sanders' });
    expect(sanders.roles?.[0]).toMatchObject({ title: "U.S. Representative for Vermont's at-large congressional district", start: '1991-01-03', end: '2007-01-03' });
    expect(byKey('N000147').roles?.[0]?.title).toBe('Delegate to the U.S. House of Representatives from the District of Columbia');
    expect(byKey('J000299').roles).toContainEqual({ title: 'Speaker of the United States House of Representatives', country: 'US', start: '2023-10-25', rank: 3 });
  });

  it('takes the common name from the Wikipedia title and keeps the formal ones as aliases', () => {
    const crawford = byKey('C001087');
    expect(crawford.name).toBe('Rick Crawford');
    expect(crawford.wikipedia).toBe('Rick Crawford (politician)');
    expect(crawford.aliases?.map((a) => a.name)).toEqual(expect.arrayContaining(['Eric A. Crawford', 'Eric Crawford']));
    for (const e of read().entities) for (const a of e.aliases ?? []) {
      expect(a.name).not.toBe(e.name);
      expect(a.name).not.toContain('"');
    }
  });

  it('gives Presidents rank 1 and Vice Presidents rank 2, with their dates', () => {
    const trump = byKey('govtrack-412733');
    expect(trump).toMatchObject({ name: 'Donald Trump', wikidata: 'Q22686', kind: 'head-of-state' });
    expect(trump.roles).toEqual([
      { title: 'President of the United States', country: 'US', start: '2017-01-20', end: '2021-01-20', rank: 1 },
      { title: 'President of the United States', country: 'US', start: '2025-01-20', end: '2029-01-20', rank: 1 },
    ]);
    expect(byKey('W000178').roles).toEqual([{ title: 'President of the United States', country: 'US', start: '1789-04-30', end: '1797-03-04', rank: 1 }]);
    const vance = read().entities.find((e) => e.wikidata === 'Q28935729');
    expect(vance?.roles).toEqual([{ title: 'Vice President of the United States', country: 'US', start: '2025-01-20', end: '2029-01-20', rank: 2 }]);
    const bush = byKey('B001166');
    expect(bush.aliases).toContainEqual({ name: 'George Herbert Walker Bush' });
  });

  it('gives every role a title, a start and a rank from 1 to 3', () => {
    for (const e of read().entities) {
      expect(e.roles?.length).toBeGreaterThan(0);
      for (const r of e.roles ?? []) {
        expect(r.title.length).toBeGreaterThan(0);
        expect(r.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (r.end) expect(r.end >= r.start!).toBe(true);
        expect([1, 2, 3]).toContain(r.rank);
        expect(r.country).toBe('US');
      }
    }
  });
});

describe('congress-legislators helpers', () => {
  it('spells ordinals and seats', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
    expect(representativeTitle('OH', 3)).toBe("U.S. Representative for Ohio's 3rd congressional district");
    expect(representativeTitle('AK', 0)).toBe("U.S. Representative for Alaska's at-large congressional district");
    expect(representativeTitle('PR', 0)).toBe('Resident Commissioner of Puerto Rico');
    expect(representativeTitle('XX', 1)).toBeUndefined();
    expect(senatorTitle('OH')).toBe('United States Senator from Ohio');
    expect(senatorTitle('DC')).toBeUndefined();
  });

  it('joins consecutive and repeated terms of one office, not terms years apart', () => {
    const t = 'United States Senator from Utah';
    expect(joinTerms([
      { title: t, start: '2019-01-03', end: '2025-01-02', rank: 3 },
      { title: t, start: '2019-01-03', end: '2025-01-02', rank: 3 },
    ])).toEqual([{ title: t, start: '2019-01-03', end: '2025-01-02', rank: 3 }]);
    expect(joinTerms([
      { title: t, start: '2007-01-04', end: '2013-01-03', rank: 3 },
      { title: t, start: '2001-01-03', end: '2007-01-03', rank: 3 },
      { title: t, start: '2013-01-03', rank: 3 },
    ])).toEqual([{ title: t, start: '2001-01-03', rank: 3 }]);
    expect(joinTerms([
      { title: t, start: '2001-01-03', end: '2007-01-03', rank: 3 },
      { title: t, start: '2011-01-03', end: '2017-01-03', rank: 3 },
    ])).toHaveLength(2);
  });
});
