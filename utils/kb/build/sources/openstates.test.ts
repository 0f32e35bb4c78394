import { describe, expect, it } from 'vitest';
import { US_STATES } from './congress-legislators';
import { converter } from './openstates';
import { cachedReader } from './test-support';

const { read, entity: byKey, expectDeterministicWithUniqueKeys } = cachedReader(converter);

describe('openstates converter', () => {
  it('reads the state people, current and retired', () => {
    const out = read();
    // 22,716 person files: 536 current members of Congress (left to congress-legislators),
    // 84 files with no role and one person filed twice are dropped.
    expect(out.entities.length).toBeGreaterThan(21_500);
    expect(out.entities.length).toBeLessThan(22_716);
    expect(out.skipped).toBeGreaterThanOrEqual(536);
    expect(out.skipped).toBeLessThan(1_000);
    expect(out.events).toEqual([]);
    const kinds = new Map<string, number>();
    for (const e of out.entities) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    expect(kinds.get('state-legislator')).toBeGreaterThan(19_000);
    expect(kinds.get('mayor')).toBeGreaterThan(1_000);
    expect(kinds.get('governor')).toBeGreaterThanOrEqual(50);
  });

  it('is deterministic and keys are unique', () => expectDeterministicWithUniqueKeys());

  it('gives Greg Abbott the governorship of Texas with its dates', () => {
    expect(byKey('d73f10ee-69f2-4ca8-ac00-405c453a62d7')).toEqual({
      key: 'd73f10ee-69f2-4ca8-ac00-405c453a62d7',
      type: 'person',
      kind: 'governor',
      name: 'Greg Abbott',
      country: 'US',
      subdivision: 'Texas',
      born: '1957-11-13',
      roles: [{ title: 'Governor of Texas', country: 'US', subdivision: 'Texas', start: '2015-01-20', end: '2027-01-10', rank: 3 }],
    });
  });

  it('gives Dan Patrick his Senate seat, then the lieutenant governorship', () => {
    const e = byKey('22c1bff3-e936-4398-8d7c-95233e85b5c5');
    expect(e.kind).toBe('office-holder');
    expect(e.roles).toEqual([
      { title: 'Texas State Senator', country: 'US', subdivision: 'Texas', start: '2009-01-01', end: '2014-12-31', rank: 4 },
      { title: 'Lieutenant Governor of Texas', country: 'US', subdivision: 'Texas', start: '2015-01-20', end: '2027-01-19', rank: 4 },
    ]);
  });

  it('keeps retired legislators, mayors and the District of Columbia', () => {
    expect(byKey('bef6453b-030d-415d-afa2-79616474cc15')).toMatchObject({
      name: 'Aaron Peña',
      kind: 'state-legislator',
      roles: [{ title: 'Member of the Texas House of Representatives', start: '2009-01-01', end: '2012-12-31', rank: 4 }],
    });
    expect(byKey('5cff5ed2-d289-4fcb-a264-72d2dadc77e1')).toMatchObject({ name: 'Rick Blangiardi', kind: 'mayor', subdivision: 'Hawaii', roles: [{ title: 'Mayor of Honolulu', end: '2029-01-02', rank: 4 }] });
    expect(byKey('dce9c4a8-218a-411d-bb93-09f7e8347d8c').roles?.map((r) => r.title)).toEqual(['Member of the Council of the District of Columbia', 'Mayor of the District of Columbia']);
  });

  it('names chambers as each state does', () => {
    const titles = new Set(read().entities.flatMap((e) => (e.roles ?? []).map((r) => r.title)));
    for (const t of ['Member of the California State Assembly', 'Member of the Virginia House of Delegates', 'Member of the New Jersey General Assembly', 'Member of the Nebraska Legislature', 'Member of the Senate of Puerto Rico', 'New York State Senator'])
      expect(titles).toContain(t);
    expect(titles).not.toContain('Member of the California House of Representatives');
  });

  it('takes Wikidata ids only from data/us files and Wikipedia titles only from the files', () => {
    const { entities } = read();
    const withQid = entities.filter((e) => e.wikidata);
    expect(withQid.length).toBeGreaterThan(150);
    for (const e of withQid) {
      expect(e.wikidata).toMatch(/^Q\d+$/);
      expect(e.kind).toBe('legislator'); // former members of Congress (data/us/retired)
    }
    expect(byKey('2279327b-86e8-5baf-ad04-7b3e20f3da0c')).toMatchObject({
      name: 'Mitt Romney',
      wikidata: 'Q4496',
      wikipedia: 'Mitt Romney',
      // the file lists the same term twice
      roles: [{ title: 'United States Senator from Utah', subdivision: 'Utah', start: '2019-01-03', end: '2025-01-02', rank: 3 }],
    });
    // A source link to the article: https://en.wikipedia.org/wiki/AJ_Louderback
    expect(byKey('dd3e49ca-2b2b-4a83-ae63-0ade6ccef73f').wikipedia).toBe('AJ Louderback');
    // Links to "2022 Los Angeles mayoral election" and "List of governors of Washington" are no titles of theirs.
    expect(byKey('dff83234-6e33-490d-bc44-78779427c917').wikipedia).toBeUndefined();
    expect(byKey('e7e4b677-33e1-41a0-9c12-5618de42819a').wikipedia).toBeUndefined();
    expect(byKey('d73f10ee-69f2-4ca8-ac00-405c453a62d7').wikipedia).toBeUndefined();
    for (const e of entities) if (e.wikipedia) expect(e.wikipedia).not.toMatch(/_|%[0-9A-F]{2}|#/);
  });

  it('joins the two files of Barbara Lee (mayor of Oakland, formerly in Congress)', () => {
    const lee = byKey('3cbc3ca2-4447-50e2-abed-ba3fe86569d8');
    expect(lee.wikidata).toBe('Q289317');
    expect(lee.roles?.map((r) => r.title)).toEqual(expect.arrayContaining(['Mayor of Oakland', "U.S. Representative for California's 13th congressional district"]));
  });

  it('leaves sort forms and initials out of the aliases', () => {
    const louderback = byKey('dd3e49ca-2b2b-4a83-ae63-0ade6ccef73f');
    expect(louderback.aliases ?? []).toEqual([]); // other_names: A. Louderback, A.J. Louderback, Louderback, A., Louderback, A.J.
    const epstein = byKey('f0175b18-52a0-407d-af38-c1fe118e209d');
    expect(epstein.aliases).toEqual([{ name: 'Denise Epstein' }]);
    for (const e of read().entities) for (const a of e.aliases ?? []) expect(a.name).not.toMatch(/^[^,]+, [A-Z]\.?$/);
  });

  it('gives every role a US state or territory and a rank of 3 or 4', () => {
    const places = new Set(Object.values(US_STATES));
    for (const e of read().entities) {
      expect(e.type).toBe('person');
      expect(places.has(e.subdivision!)).toBe(true);
      expect(e.roles?.length).toBeGreaterThan(0);
      for (const r of e.roles ?? []) {
        expect(r.country).toBe('US');
        expect(places.has(r.subdivision!)).toBe(true);
        expect([3, 4]).toContain(r.rank);
        if (r.start) expect(r.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (r.start && r.end) expect(r.end >= r.start).toBe(true);
      }
      if (e.born) expect(e.born).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
