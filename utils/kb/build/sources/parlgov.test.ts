import { describe, expect, it } from 'vitest';
import { CABINET_EVENT_TYPE, cleanName, converter, englishWikipediaTitle } from './parlgov';
import { cachedReader } from './test-support';

const { read, entity: party, event, expectDeterministicWithUniqueKeys } = cachedReader(converter);

describe('englishWikipediaTitle', () => {
  it('decodes English Wikipedia article URLs and refuses other wikis, sections and topic pages', () => {
    expect(englishWikipediaTitle('http://en.wikipedia.org/wiki/People%27s_New_Party')).toBe("People's New Party");
    expect(englishWikipediaTitle('http://en.wikipedia.org/wiki/New_Horizons_%28Cyprus%29')).toBe('New Horizons (Cyprus)');
    expect(englishWikipediaTitle('https://en.wikipedia.org/wiki/M%C4%81ori_Party')).toBe('Māori Party');
    expect(englishWikipediaTitle('https://de.wikipedia.org/wiki/Freie_W%C3%A4hler_(Bundesvereinigung)')).toBeUndefined();
    expect(englishWikipediaTitle('http://en.wikipedia.org/wiki/Liberalism_in_Belgium#.28Brussels.29_Liberal_Party')).toBeUndefined();
    expect(englishWikipediaTitle('https://en.wikipedia.org/wiki/Anguillan_general_election,_1989', true)).toBeUndefined();
    expect(englishWikipediaTitle('https://en.wikipedia.org/wiki/List_of_political_parties_in_Slovakia', true)).toBeUndefined();
    expect(englishWikipediaTitle('http://www.maltadata.com/abbrev.htm')).toBeUndefined();
    expect(englishWikipediaTitle('not a url')).toBeUndefined();
  });

  it('writes ParlGov\'s ASCII dashes as en dashes', () => {
    expect(cleanName('Slovak Democratic and Christian Union -- Democratic Party')).toBe('Slovak Democratic and Christian Union – Democratic Party');
    expect(cleanName('National Union--Tkuma  ')).toBe('National Union–Tkuma');
  });
});

describe('parlgov converter', () => {
  it('reads 1,602 parties, 1,027 elections and 1,619 cabinets', () => {
    const out = read();
    // 1,707 rows less 105 placeholders (no party affiliation, no seat, one seat, others, vacancy).
    expect(out.entities).toHaveLength(1602);
    expect(out.skipped).toBe(105);
    expect(out.events.filter((e) => e.type === 'election')).toHaveLength(1027);
    expect(out.events.filter((e) => e.type === CABINET_EVENT_TYPE)).toHaveLength(1619);
    expect(out.entities.every((e) => e.type === 'organisation' && e.kind === 'party')).toBe(true);
  });

  it('is deterministic, keys are unique and every reference names a party of the source or a country', () => {
    expectDeterministicWithUniqueKeys();
    const keys = new Set(read().entities.map((e) => e.key));
    expect(new Set(read().events.map((e) => e.key)).size).toBe(read().events.length);
    for (const e of read().events) {
      for (const ref of [...e.participants, e.place]) {
        expect(ref).toMatch(/^(?:country:[A-Z]{2}|parlgov:\d+)$/);
        if (ref?.startsWith('parlgov:')) expect(keys.has(ref.slice('parlgov:'.length))).toBe(true);
      }
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.summary.length).toBeGreaterThan(20);
      expect(e.summary.length).toBeLessThanOrEqual(1000);
      expect(() => new URL(e.url)).not.toThrow();
      expect(e.publisher).toBe('ParlGov');
    }
  });

  it('gives no Wikidata ids (ParlGov has none) and Wikipedia titles only from English article URLs', () => {
    expect(read().entities.some((e) => e.wikidata)).toBe(false);
    const titled = read().entities.filter((e) => e.wikipedia);
    expect(titled.length).toBeGreaterThan(1200);
    expect(titled.length).toBeLessThan(1400);
    expect(titled.every((e) => !/_|%[0-9A-F]{2}|#/.test(e.wikipedia!))).toBe(true);
    // Party 640 links to a section of "Liberalism in Belgium": no title of its own.
    expect(party('640').wikipedia).toBeUndefined();
  });

  it('reads the CDU with its country, names and Wikipedia title as ParlGov gives them', () => {
    const cdu = party('808');
    expect(cdu).toMatchObject({ name: 'Christian Democratic Union', country: 'DE', wikipedia: 'Christlich Demokratische Union Deutschlands', detail: 'party family: Christian democracy' });
    expect(cdu.aliases).toEqual(expect.arrayContaining([{ name: 'CDU' }]));
    expect(party('4')).toMatchObject({ name: "People's New Party", country: 'JP', wikipedia: "People's New Party" });
    expect(party('4').aliases).toEqual(expect.arrayContaining([{ name: '国民新党' }]));
    // A renamed party ("PDS | The Left") is named by its current name.
    expect(party('791').name).toBe('The Left');
    expect(party('791').aliases?.map((a) => a.name)).toEqual(expect.arrayContaining(['PDS', 'Die Linke']));
    // Romania's ISO-3 code in ParlGov's ISO table is the old "ROM": it is matched by number.
    expect(read().entities.filter((e) => e.country === 'RO').length).toBeGreaterThan(20);
    expect(read().entities.every((e) => e.country === undefined || /^[A-Z]{2}$/.test(e.country))).toBe(true);
  });

  it('turns elections into events with their date, result and Wikipedia page', () => {
    const de2017 = event('election-1016');
    expect(de2017).toMatchObject({ type: 'election', title: '2017 German federal election', date: '2017-09-24', place: 'country:DE', url: 'https://en.wikipedia.org/wiki/German_federal_election,_2017' });
    expect(de2017.participants.slice(0, 3)).toEqual(['country:DE', 'parlgov:808', 'parlgov:558']);
    expect(de2017.summary).toContain('Turnout 76.2%');
    expect(de2017.summary).toContain('Christian Democratic Union (CDU), 200 of 709 seats, 26.8% of the vote');
    expect(event('election-1055')).toMatchObject({ title: '2019 European Parliament election in Germany', date: '2019-05-26' });
    // Two Greek elections in 2012 get their month.
    expect(event('election-783')).toMatchObject({ title: 'May 2012 Greek legislative election', date: '2012-05-06' });
    expect(event('election-784')).toMatchObject({ title: 'June 2012 Greek legislative election', date: '2012-06-17' });
    // ParlGov links the 2019 Lithuanian EP election to the Latvian one: the link is not used.
    expect(event('election-1064')).toMatchObject({ title: '2019 European Parliament election in Lithuania', url: 'https://www.parlgov.org/' });
    const years = read().events.filter((e) => e.type === 'election').map((e) => Number(e.date.slice(0, 4)));
    expect(Math.min(...years)).toBe(1900);
    expect(Math.max(...years)).toBe(2023);
  });

  it('turns cabinets into events on the day they took office', () => {
    const scholz = event('cabinet-1661');
    expect(scholz).toMatchObject({ type: CABINET_EVENT_TYPE, title: 'Scholz cabinet takes office (Germany)', date: '2021-12-08', url: 'https://en.wikipedia.org/wiki/Scholz_cabinet' });
    expect(scholz.participants).toEqual(['country:DE', 'parlgov:558', 'parlgov:772', 'parlgov:543']);
    expect(scholz.summary).toContain('416 of 736 seats');
    expect(event('cabinet-1515').title).toBe('Merkel IV caretaker cabinet (Germany)');
    expect(['government', 'statement']).toContain(CABINET_EVENT_TYPE);
  });
});
