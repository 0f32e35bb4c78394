import { describe, it, expect } from 'vitest';
import { converter } from './openfootball-clubs';
import { cachedReader } from './test-support';

const { read, entity, expectDeterministicWithUniqueKeys } = cachedReader(converter);
const out = read();

describe('openfootball-clubs converter', () => {
  it('has its source info', () => {
    expect(converter.id).toBe('openfootball-clubs');
    expect(converter.licence).toBe('CC0-1.0');
  });

  it('reads about 3,500 club lines of about 100 countries, reserve teams skipped', () => {
    // The manifest counts 3,476 unindented club lines, reserve teams ("ii) ...") among them.
    expect(out.entities.length).toBeGreaterThan(3_300);
    expect(out.entities.length).toBeLessThan(3_476);
    expect(out.skipped).toBeGreaterThanOrEqual(59);
    expect(new Set(out.entities.map((e) => e.country)).size).toBeGreaterThan(90);
    expect(out.events).toEqual([]);
  });

  it('writes football clubs with ISO countries and no Wikidata ids', () => {
    for (const e of out.entities) {
      expect(e.type).toBe('organisation');
      expect(e.kind).toBe('football-club');
      expect(e.country).toMatch(/^[A-Z]{2}$/);
      expect(e.wikidata).toBeUndefined();
      expect(e.name).not.toMatch(/^[ivx]+\)/);
      if (e.founded) expect(e.founded).toMatch(/^\d{4}$/);
      for (const a of e.aliases ?? []) expect(a.name).not.toMatch(/\$\$|(^|\s)\p{L}{1,4}\.$/u);
    }
  });

  it('gives every record a unique key and is deterministic', () => expectDeterministicWithUniqueKeys());

  it('writes Arsenal as eng.clubs.txt, eng.clubs.props.txt and clubs.wiki.txt give it', () => {
    expect(entity('eng/Arsenal FC')).toEqual({
      key: 'eng/Arsenal FC',
      type: 'organisation',
      kind: 'football-club',
      name: 'Arsenal FC',
      aliases: [
        { name: 'Arsenal' },
        { name: 'FC Arsenal' },
        { name: 'Arsenal Football Club' },
        { name: 'The Arsenal FC' },
        { name: 'Woolwich Arsenal FC' },
        { name: 'Royal Arsenal FC' },
      ],
      wikipedia: 'Arsenal F.C.',
      country: 'GB',
      subdivision: 'England',
      city: 'London',
      founded: '1886',
      detail: 'stadium: Emirates Stadium',
      website: 'www.arsenal.com',
    });
  });

  it('maps the home nations to GB with their nation, Kosovo to XK and other codes to ISO', () => {
    const subdivisions = new Set(out.entities.filter((e) => e.country === 'GB').map((e) => e.subdivision));
    expect(subdivisions).toEqual(new Set(['England', 'Scotland', 'Wales', 'Northern Ireland']));
    expect(out.entities.some((e) => e.key.startsWith('kos/') && e.country === 'XK')).toBe(true);
    expect(entity('de/Bayern München').country).toBe('DE');
    expect(out.entities.some((e) => e.country === 'EN' || e.country === 'SC' || e.country === 'WA' || e.country === 'KO')).toBe(false);
  });

  it('names a club in English where the file marks an English name ("Bayern Munich [en]")', () => {
    expect(entity('de/Bayern München')).toMatchObject({
      name: 'Bayern Munich',
      wikipedia: 'FC Bayern Munich',
      city: 'München',
      founded: '1900',
      detail: 'stadium: Allianz Arena',
    });
    expect(entity('de/Bayern München').aliases).toEqual(expect.arrayContaining([{ name: 'Bayern München' }, { name: 'FC Bayern München' }]));
    expect(entity('de/TSV 1860 München').name).toBe('TSV 1860 Munich');
  });

  it('takes Wikipedia titles only from the English list, and only for one club each', () => {
    // "SV Ried" is in clubs.wiki.de.txt (German Wikipedia) only.
    expect(entity('at/SV Ried')).toBeDefined();
    expect(entity('at/SV Ried').wikipedia).toBeUndefined();
    // "Willem II (football club)" in clubs.wiki.txt names Willem II Tilburg.
    expect(entity('nl/Willem II Tilburg').wikipedia).toBe('Willem II (football club)');
    const titles = out.entities.filter((e) => e.wikipedia).map((e) => e.wikipedia);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.length).toBeGreaterThan(500);
    expect(titles.length).toBeLessThanOrEqual(739);
  });

  it('reads years in brackets and names in other scripts', () => {
    expect(entity('eng/Thames AFC (1928-1932)')).toMatchObject({ name: 'Thames AFC', founded: '1928', detail: 'defunct' });
    expect(entity('jp/Albirex Niigata').aliases).toContainEqual({ name: 'アルビレックス新潟', lang: 'ja' });
  });

  it('leaves out names cut short for tables and the club\'s town as a name', () => {
    const spurs = entity('eng/Tottenham Hotspur FC');
    expect(spurs.aliases?.map((a) => a.name)).toEqual(expect.arrayContaining(['Tottenham', 'Spurs']));
    expect(spurs.aliases?.map((a) => a.name)).not.toContain('Tottenham H.');
    const wacker = entity('at/FC Wacker Innsbruck');
    expect(wacker.aliases?.map((a) => a.name)).not.toContain('Wacker Innsbr');
    expect(wacker.aliases?.map((a) => a.name)).not.toContain('Innsbruck');
    expect(wacker.aliases?.map((a) => a.name)).toContain('Spielgemeinschaft Swarovski Wacker Innsbruck');
  });
});
