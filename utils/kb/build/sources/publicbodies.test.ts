import { describe, it, expect } from 'vitest';
import { converter } from './publicbodies';
import { cachedReader } from './test-support';

const { read, entity, expectDeterministicWithUniqueKeys } = cachedReader(converter);
const out = read();
const count = (country: string | undefined) => out.entities.filter((e) => e.country === country).length;

describe('publicbodies converter', () => {
  it('has its source info', () => {
    expect(converter.id).toBe('publicbodies');
    expect(converter.licence).toContain('ODC-PDDL-1.0');
    expect(converter.attribution).toContain('Open Knowledge Foundation');
  });

  it('accounts for all 13,172 rows', () => {
    expect(out.entities.length + out.skipped).toBe(13_172);
    expect(out.entities.length).toBeGreaterThan(9_000);
    expect(out.entities.length).toBeLessThan(11_000);
    expect(out.events).toEqual([]);
  });

  it('writes organisations with ISO countries, and EU bodies without one', () => {
    const kinds = new Set(['government-body', 'university', 'company', 'other']);
    for (const e of out.entities) {
      expect(e.type).toBe('organisation');
      expect(kinds.has(e.kind)).toBe(true);
      if (e.country === undefined) expect(e.detail).toMatch(/^European Union body/);
      else expect(e.country).toMatch(/^[A-Z]{2}$/);
      expect(e.name).toMatch(/\p{L}{2}/u);
      expect(e.name.trim()).toBe(e.name);
      expect(e.wikidata).toBeUndefined();
      expect(e.wikipedia).toBeUndefined();
    }
    for (const c of ['BR', 'CH', 'DE', 'GB', 'GR', 'NP', 'NZ', 'SE', 'US']) expect(count(c)).toBeGreaterThan(50);
    expect(count(undefined)).toBeGreaterThan(100);
    expect(count('GB')).toBeGreaterThan(5_000);
  });

  it('gives every record a unique key and is deterministic', () => expectDeterministicWithUniqueKeys());

  it('writes a Brazilian body with its abbreviation, parent and site', () => {
    expect(entity('br/banco-nacional-de-desenvolvimento-economico-e-social')).toEqual({
      key: 'br/banco-nacional-de-desenvolvimento-economico-e-social',
      type: 'organisation',
      kind: 'government-body',
      name: 'Banco Nacional de Desenvolvimento Econômico e Social',
      aliases: [{ name: 'BNDES' }],
      country: 'BR',
      detail: 'part of Ministério do Desenvolvimento, Indústria, Comércio e Serviços',
      website: 'https://www.bndes.gov.br',
    });
  });

  it('moves a trailing abbreviation from the name to the aliases', () => {
    // us/cia: "Central Intelligence Agency (CIA)", abbreviation CIA
    expect(entity('us/cia')).toMatchObject({ name: 'Central Intelligence Agency', aliases: [{ name: 'CIA' }], country: 'US' });
    // gr/adae: "Αρχή Διασφάλισης του Απορρήτου των Επικοινωνιών (Α.Δ.Α.Ε.)"
    expect(entity('gr/adae').name).toBe('Αρχή Διασφάλισης του Απορρήτου των Επικοινωνιών');
    expect(entity('gr/adae').aliases).toEqual(expect.arrayContaining([{ name: 'Α.Δ.Α.Ε.' }, { name: 'ΑΔΑΕ' }]));
  });

  it('takes only upper-case abbreviations of two letters or more', () => {
    // Greece's file gives slugs ("presidency", "ypes", "minedu"), Switzerland's fragments of words ("rechtliche Abteilung").
    const junk = new Set(['presidency', 'ypes', 'minedu', 'rechtliche Abteilung', 'Haras', '2013', 'ufi']);
    for (const e of out.entities) for (const a of e.aliases ?? []) expect(junk.has(a.name)).toBe(false);
    expect(entity('gr/presidency').aliases).toBeUndefined();
    // nz/acc: "Accident Compensation Corporation", ACC
    expect(entity('nz/acc').aliases).toEqual([{ name: 'ACC' }]);
  });

  it('gives EU bodies no country and names directorates-general in full', () => {
    expect(entity('eu/ecb')).toMatchObject({ name: 'European Central Bank', aliases: [{ name: 'ECB' }], detail: 'European Union body' });
    expect(entity('eu/ecb').country).toBeUndefined();
    expect(entity('eu/dg-trade')).toMatchObject({ name: 'Directorate-General for Trade', aliases: [{ name: 'DG TRADE' }] });
    expect(out.entities.some((e) => e.name === 'Trade' || e.name === 'Energy')).toBe(false);
  });

  it('keeps the English half of a bilingual name and the other as an alias with its language', () => {
    expect(entity('gb/ccw')).toMatchObject({
      name: 'Countryside Council for Wales',
      aliases: [{ name: 'Cyngor Cefn Gwlad Cymru', lang: 'cy' }, { name: 'CCW' }],
      country: 'GB',
    });
    expect(entity('nz/te-taura-whiri-i-te-reo-mori-mori-language-commission')).toMatchObject({
      name: 'Māori Language Commission',
      aliases: [{ name: 'Te Taura Whiri i Te Reo Māori', lang: 'mi' }],
    });
  });

  it('keeps the bodies of the Swiss staff directory, not its sections', () => {
    const ch = out.entities.filter((e) => e.country === 'CH');
    expect(ch.length).toBeGreaterThan(60);
    expect(ch.length).toBeLessThan(200);
    expect(ch.find((e) => e.name === 'Bundesamt für Gesundheit')).toMatchObject({ aliases: [{ name: 'BAG' }], detail: 'part of Eidgenössisches Departement des Innern' });
    for (const e of ch) expect(e.name).not.toMatch(/ - |^(Direktion|Sekretariat|Büro|Kanzlei|Informatik|Mitglieder)$|^(Generalsekretariat|Bereich) /);
    expect(ch.filter((e) => e.name === 'Bundesamt für Kultur')).toHaveLength(1);
  });

  it('merges a body listed twice under one id ("Energy Department" and "Department of Energy")', () => {
    expect(entity('us/doe')).toMatchObject({ name: 'Department of Energy', aliases: [{ name: 'DOE' }, { name: 'Energy Department' }] });
    expect(out.entities.filter((e) => e.name === 'Energy Department')).toHaveLength(0);
  });

  it('skips people, ministers and categories with a count', () => {
    expect(out.entities.some((e) => /^Hon /.test(e.name))).toBe(false);
    expect(out.entities.some((e) => /^(Associate )?Minister\b/.test(e.name) && e.country === 'NZ')).toBe(false);
    expect(out.entities.some((e) => /\(\d+\)/.test(e.name))).toBe(false);
  });

  it('drops Greek legal citations from names', () => {
    expect(out.entities.some((e) => e.country === 'GR' && /\(Ν\.\s?\d/.test(e.name))).toBe(false);
    expect(out.entities.find((e) => e.name === 'Οργανισμός Λιμένος Πατρών Α.Ε.')?.country).toBe('GR');
  });

  it('keeps the universities of the British and Brazilian lists as universities', () => {
    expect(out.entities.find((e) => e.name === 'University of Oxford')).toMatchObject({ kind: 'university', country: 'GB' });
    expect(out.entities.find((e) => e.name === 'Universidade Federal da Bahia')).toMatchObject({ kind: 'university', country: 'BR' });
  });
});
