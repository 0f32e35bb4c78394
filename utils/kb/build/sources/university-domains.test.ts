import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { converter } from './university-domains';
import { cachedReader, KB_SOURCES } from './test-support';

const { read, entity, expectDeterministicWithUniqueKeys } = cachedReader(converter);
const out = read();

describe('university-domains converter', () => {
  it('reads the shared kb-sources folder', () => {
    expect(existsSync(`${KB_SOURCES}university-domains/world_universities_and_domains.json`)).toBe(true);
  });

  it('has its source info', () => {
    expect(converter.id).toBe('university-domains');
    expect(converter.licence).toBe('MIT');
    expect(converter.attribution).toContain('Copyright (c) 2014-2025 Hipo');
  });

  it('keeps about all 10,251 universities as organisations with ISO countries', () => {
    expect(out.entities.length).toBeGreaterThan(10_100);
    expect(out.entities.length).toBeLessThanOrEqual(10_251);
    expect(out.entities.length + out.skipped).toBe(10_251);
    expect(out.events).toEqual([]);
    for (const e of out.entities) {
      expect(e.type).toBe('organisation');
      expect(e.kind).toBe('university');
      expect(e.country).toMatch(/^[A-Z]{2}$/);
      expect(e.name.trim()).toBe(e.name);
      expect(e.wikidata).toBeUndefined();
      expect(e.wikipedia).toBeUndefined();
    }
  });

  it('gives every record a unique key and is deterministic', () => expectDeterministicWithUniqueKeys());

  it('writes a known record from the raw data', () => {
    expect(entity('BR/Fundação Hermínio Ometto')).toEqual({
      key: 'BR/Fundação Hermínio Ometto',
      type: 'organisation',
      kind: 'university',
      name: 'Fundação Hermínio Ometto',
      country: 'BR',
      subdivision: 'São Paulo',
      website: 'fho.edu.br',
    });
  });

  it('lists a university twice under one web site once (University of Bath: bath.ac.uk and bath.edu)', () => {
    const bath = out.entities.filter((e) => e.name === 'University of Bath');
    expect(bath).toHaveLength(1);
    expect(bath[0]).toMatchObject({ country: 'GB', website: 'bath.ac.uk' });
  });

  it('keeps two colleges of one name apart by their domain', () => {
    expect(entity('US/Cornell College#cornell-iowa.edu').website).toBe('cornell-iowa.edu');
    expect(entity('US/Cornell College#cornellcollege.edu').website).toBe('cornellcollege.edu');
  });

  it('turns a trailing abbreviation into an alias, but not a US state in brackets', () => {
    const mbzuai = entity('AE/Mohamed bin Zayed University of Artificial Intelligence (MBZUAI)');
    expect(mbzuai.name).toBe('Mohamed bin Zayed University of Artificial Intelligence');
    expect(mbzuai.aliases).toEqual([{ name: 'MBZUAI' }]);
    expect(entity('US/Columbia College (SC)').name).toBe('Columbia College (SC)');
  });

  it('takes a web site over a mail-only domain', () => {
    // domains: ["student.eit.edu.au"], web page https://www.eit.edu.au/
    expect(entity('AU/Engineering Institute of Technology').website).toBe('eit.edu.au');
    // domains: ["student.wab.edu.pl", "wab.edu.pl"]
    expect(entity('PL/Wroclaw Akademia Biznesu').website).toBe('wab.edu.pl');
  });

  it('drops the "(Student email)" duplicate and states written as "null" or postal codes', () => {
    expect(out.entities.some((e) => /student email/i.test(e.name))).toBe(false);
    for (const e of out.entities) if (e.subdivision) expect(e.subdivision).not.toMatch(/^(null|[A-Z]{2})$/);
  });
});
