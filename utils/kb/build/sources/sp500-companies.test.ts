import { describe, it, expect } from 'vitest';
import { converter, companyName, shortName } from './sp500-companies';
import { cachedReader } from './test-support';

const { read, entity, expectDeterministicWithUniqueKeys } = cachedReader(converter);
const out = read();
const named = (name: string) => out.entities.find((e) => e.name === name);

describe('sp500-companies converter', () => {
  it('has its source info', () => {
    expect(converter.id).toBe('sp500-companies');
    expect(converter.licence).toBe('ODC-PDDL-1.0');
  });

  it('reads the 503 rows as 500 companies (three companies have two share classes)', () => {
    expect(out.entities).toHaveLength(500);
    expect(out.skipped).toBe(3);
    expect(out.events).toEqual([]);
  });

  it('writes organisations of kind company with ISO countries and no ids the data lacks', () => {
    for (const e of out.entities) {
      expect(e.type).toBe('organisation');
      expect(e.kind).toBe('company');
      expect(e.country).toMatch(/^[A-Z]{2}$/);
      expect(e.detail).toMatch(/^S&P 500 company, sector: /);
      expect(e.wikidata).toBeUndefined();
      expect(e.wikipedia).toBeUndefined();
      if (e.founded) expect(e.founded).toMatch(/^\d{4}$/);
    }
    expect(out.entities.filter((e) => e.country === 'US').length).toBeGreaterThan(450);
  });

  it('gives every record a unique key and is deterministic', () => expectDeterministicWithUniqueKeys());

  it('writes ExxonMobil as the raw row gives it (XOM, "Irving, Texas", CIK 2115436, founded 1999)', () => {
    expect(entity('cik:2115436')).toEqual({
      key: 'cik:2115436',
      type: 'organisation',
      kind: 'company',
      name: 'ExxonMobil',
      country: 'US',
      subdivision: 'Texas',
      city: 'Irving',
      founded: '1999',
      detail: 'S&P 500 company, sector: Energy',
    });
  });

  it('makes one company of the share classes of one CIK', () => {
    const alphabet = out.entities.filter((e) => e.name.startsWith('Alphabet'));
    expect(alphabet).toHaveLength(1);
    expect(alphabet[0]).toMatchObject({ key: 'cik:1652044', name: 'Alphabet Inc.', city: 'Mountain View', subdivision: 'California' });
  });

  it('never makes the ticker an alias', () => {
    const tickers = ['XOM', 'GOOGL', 'KO', 'CVX', 'TGT', 'HPQ', 'ACN'];
    for (const e of out.entities) for (const a of e.aliases ?? []) expect(tickers).not.toContain(a.name);
  });

  it('writes "(The)" names in reading order and keeps a distinctive short name as alias', () => {
    expect(entity('cik:21344')).toMatchObject({ name: 'The Coca-Cola Company', aliases: [{ name: 'Coca-Cola' }], founded: '1886', city: 'Atlanta' });
    expect(named('Eli Lilly')).toBeDefined();
    expect(named('Merck & Co.')?.aliases).toEqual([{ name: 'Merck' }]);
    expect(named('Ford Motor Company')?.aliases).toEqual([{ name: 'Ford Motor' }]);
  });

  it('keeps no short name that is a common word or a city', () => {
    expect(named('Chevron Corporation')?.aliases).toBeUndefined();
    expect(named('Target Corporation')?.aliases).toBeUndefined();
    expect(named('Apple Inc.')?.aliases).toBeUndefined();
    expect(named('The Hartford')?.aliases).toBeUndefined();
  });

  it('places a company headquartered abroad in its country', () => {
    expect(named('Accenture')).toMatchObject({ country: 'IE', city: 'Dublin' });
    expect(named('Chubb Limited')).toMatchObject({ country: 'CH', city: 'Zurich', aliases: [{ name: 'Chubb' }] });
    expect(named('CoStar Group')).toMatchObject({ country: 'US', city: 'Washington', subdivision: 'District of Columbia' });
  });

  it('takes the first year of a founding text with two ("1939 (2015)" for HP Inc.)', () => {
    expect(named('HP Inc.')?.founded).toBe('1939');
  });

  it('has helpers that do what the names say', () => {
    expect(companyName('Walt Disney Company (The)')).toBe('The Walt Disney Company');
    expect(companyName('News Corp (Class B)')).toBe('News Corp');
    expect(shortName('Arthur J. Gallagher & Co.')).toBe('Arthur J. Gallagher');
    expect(shortName('Block, Inc.')).toBeUndefined();
    expect(shortName('Netflix')).toBeUndefined();
  });
});
