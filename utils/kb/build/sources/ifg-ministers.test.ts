import { describe, expect, it } from 'vitest';
import type { SourceEntity } from '../types';
import { converter } from './ifg-ministers';
import { cachedReader } from './test-support';

const { read, entity: byKey, expectDeterministicWithUniqueKeys } = cachedReader(converter);
const byName = (name: string): SourceEntity => {
  const found = read().entities.filter((x) => x.name === name);
  if (found.length !== 1) throw new Error(`${found.length} records named ${name}`);
  return found[0]!;
};

describe('ifg-ministers converter', () => {
  it('reads the 1,149 ministers of person.csv', () => {
    const out = read();
    expect(out.entities).toHaveLength(1149);
    // Two appointments end before they start (James Murray, Lucy Rigby: start 2025-09, end 2025-05-14).
    expect(out.skipped).toBe(2);
    expect(out.events).toEqual([]);
  });

  it('is deterministic and keys are unique', () => expectDeterministicWithUniqueKeys());

  it('gives Margaret Thatcher her premiership, her seat and her peerage', () => {
    expect(byKey('9e834e4d-a739-42df-9f5a-8a660cb612a7')).toEqual({
      key: '9e834e4d-a739-42df-9f5a-8a660cb612a7',
      type: 'person',
      kind: 'head-of-government',
      name: 'Margaret Thatcher',
      aliases: [{ name: 'Baroness Thatcher' }],
      country: 'GB',
      roles: [
        { title: 'Member of Parliament for Finchley', country: 'GB', start: '1959-10-08', end: '1992-04-09', rank: 3 },
        { title: 'Prime Minister of the United Kingdom', country: 'GB', start: '1979-05-04', end: '1990-11-28', rank: 1 },
        { title: 'Member of the House of Lords', country: 'GB', start: '1992-06-26', end: '2013-04-08', rank: 3 },
      ],
    });
  });

  it('finds the ten Prime Ministers since 1979', () => {
    const pms = read().entities.filter((e) => e.roles?.some((r) => r.rank === 1));
    expect(pms.map((e) => e.name).sort()).toEqual(['Boris Johnson', 'David Cameron', 'Gordon Brown', 'John Major', 'Keir Starmer', 'Liz Truss', 'Margaret Thatcher', 'Rishi Sunak', 'Theresa May', 'Tony Blair']);
    for (const e of pms) expect(e.kind).toBe('head-of-government');
    expect(byKey('8e31fc46-0b20-41f0-884a-8486edd2f6a8').roles).toContainEqual({ title: 'Prime Minister of the United Kingdom', country: 'GB', start: '2024-07-05', rank: 1 });
  });

  it('ranks cabinet posts 2 and junior posts 3', () => {
    expect(byKey('bf8b176a-ec4c-4391-8961-03ee2ebf55e2').roles).toContainEqual({ title: 'Chancellor of the Exchequer', country: 'GB', start: '2024-07-05', rank: 2 });
    const braverman = byKey('941c4e14-0ae0-4fbc-89af-e7161d88b8a8');
    expect(braverman.name).toBe('Suella Braverman');
    expect(braverman.aliases).toEqual([{ name: 'Suella Fernandes' }]);
    expect(braverman.roles).toContainEqual({ title: 'Parliamentary Under-Secretary of State, Department for Exiting the EU', country: 'GB', start: '2018-01-09', end: '2018-11-15', rank: 3 });
    expect(braverman.roles).toContainEqual({ title: 'Secretary of State for the Home Department', country: 'GB', start: '2022-09-06', end: '2023-11-13', rank: 2 });
    const titles = new Set(read().entities.flatMap((e) => (e.roles ?? []).map((r) => r.title)));
    expect(titles).toContain('Financial Secretary to the Treasury');
    expect(titles).not.toContain('Minister of State');
  });

  it('prefers a minister\'s own name to the peerage, keeping the peerage as an alias', () => {
    const e = byKey('002a6349-2ee5-44b0-9b33-000baae8c737');
    expect(e.name).toBe('Peter Mandelson');
    expect(e.aliases).toEqual([{ name: 'Lord Mandelson' }]);
    expect(byKey('623cac83-cbd8-4f6c-a9b2-05085eacdecf').name).toBe('David Cameron');
  });

  it('marks acting appointments and drops impossible ones', () => {
    expect(byName('David Hunt').roles).toContainEqual({ title: 'Acting Secretary of State for Wales', country: 'GB', start: '1995-06-26', end: '1995-07-05', rank: 2 });
    expect(byName('James Murray').roles?.some((r) => r.title === 'Chief Secretary to the Treasury')).toBe(false);
  });

  it('has no Wikidata id or Wikipedia title (the files give none) and only dated British roles', () => {
    for (const e of read().entities) {
      expect(e.wikidata).toBeUndefined();
      expect(e.wikipedia).toBeUndefined();
      expect(e.country).toBe('GB');
      expect(e.roles?.length).toBeGreaterThan(0);
      for (const r of e.roles ?? []) {
        expect(r.country).toBe('GB');
        expect(r.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (r.end) expect(r.end >= r.start!).toBe(true);
        expect([1, 2, 3]).toContain(r.rank);
      }
    }
  });
});
