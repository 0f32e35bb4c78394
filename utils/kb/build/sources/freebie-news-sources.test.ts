import { describe, it, expect } from 'vitest';
import { converter } from './freebie-news-sources';
import { cachedReader } from './test-support';

const { read, entity, expectDeterministicWithUniqueKeys } = cachedReader(converter);
const out = read();
const named = (name: string) => out.entities.filter((e) => e.name === name);

describe('freebie-news-sources converter', () => {
  it('has its source info', () => {
    expect(converter.id).toBe('freebie-news-sources');
    expect(converter.licence).toBe('MIT');
    expect(converter.attribution).toContain('Copyright (c) 2017 Sasho Savkov');
  });

  it('accounts for all 895 rows', () => {
    expect(out.entities.length + out.skipped).toBe(895);
    expect(out.entities.length).toBeGreaterThan(850);
    expect(out.events).toEqual([]);
  });

  it('writes organisations, mostly news outlets, with ISO countries and web sites', () => {
    for (const e of out.entities) {
      expect(e.type).toBe('organisation');
      expect(['news-outlet', 'ngo', 'international-organisation', 'government-body']).toContain(e.kind);
      expect(e.country).toMatch(/^[A-Z]{2}$/);
      expect(e.website).toMatch(/^https?:\/\//);
      expect(e.name).not.toMatch(/[\ufffd\u0329\u0331]/u);
      expect(e.wikidata).toBeUndefined();
      expect(e.wikipedia).toBeUndefined();
      if (e.kind === 'news-outlet') expect(e.detail).toMatch(/^[A-Z][a-z]+-language( edition)?$/);
    }
    expect(out.entities.filter((e) => e.kind === 'news-outlet').length).toBeGreaterThan(800);
  });

  it('gives every record a unique key and is deterministic', () => expectDeterministicWithUniqueKeys());

  it('writes a known outlet as the raw row gives it (11,BBC,en,GB,global,world,http://www.bbc.co.uk/)', () => {
    expect(entity('freebie-11')).toEqual({
      key: 'freebie-11',
      type: 'organisation',
      kind: 'news-outlet',
      name: 'BBC',
      country: 'GB',
      detail: 'English-language',
      website: 'http://www.bbc.co.uk/',
    });
  });

  it('upper-cases country codes and restores Namibia\'s "NA" and the UK\'s "uk"', () => {
    // 743,The Namibian,en,,national,namibia,...
    expect(entity('freebie-743').country).toBe('NA');
    // 840,The Mirror,uk,uk,...
    expect(entity('freebie-840')).toMatchObject({ country: 'GB', detail: 'English-language' });
    // 826,Bild,de,de,...
    expect(entity('freebie-826')).toMatchObject({ country: 'DE', detail: 'German-language' });
  });

  it('lists an outlet given twice once, with the accented spelling', () => {
    expect(named('NPR')).toHaveLength(1);
    expect(named('NPR')[0]?.website).toBe('http://www.npr.org/');
    const elPais = out.entities.filter((e) => e.country === 'ES' && /^El Pa[ií]s$/.test(e.name));
    expect(elPais).toHaveLength(1);
    expect(elPais[0]).toMatchObject({ name: 'El País', website: 'http://elpais.com/' });
    expect(out.entities.filter((e) => e.website?.includes('scmp.com'))).toHaveLength(1);
    expect(named('South China Morning Star')).toHaveLength(0);
  });

  it('repairs the names the file garbled', () => {
    // 219,Clar�_n,es,AR,...
    expect(entity('freebie-219').name).toBe('Clarín');
  });

  it('moves edition markers and abbreviations out of names', () => {
    expect(entity('freebie-43')).toMatchObject({ name: 'Der Spiegel', detail: 'English-language edition' });
    expect(entity('freebie-520')).toMatchObject({ name: 'Russia Today', aliases: [{ name: 'RT' }] });
    expect(entity('freebie-565').name).toBe('The Star');
  });

  it('keeps organisations that are not news outlets under their own kind', () => {
    expect(entity('freebie-87')).toMatchObject({ name: 'Amnesty International', kind: 'ngo', country: 'GB' });
    expect(entity('freebie-109')).toMatchObject({ name: 'International Labour Organisation', kind: 'international-organisation' });
    expect(entity('freebie-873')).toMatchObject({ name: 'The White House', kind: 'government-body' });
  });
});
