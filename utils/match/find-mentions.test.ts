import { describe, expect, it } from 'vitest';
import { miniEntities, miniEvents, miniKb } from '../../tests/fixtures/mini-kb';
import { KnowledgeBase } from '../kb/knowledge-base';
import { tokenize } from '../text/tokenize';
import { findMentions } from './find-mentions';

const kb = miniKb();
const find = (text: string, date = '2025-10-22') => findMentions(text, tokenize(text), kb, date);
const brief = (text: string, date?: string) => find(text, date).map((m) => `${m.text}|${m.kind}|${m.entityId}`);

describe('findMentions', () => {
  it('prefers the longest alias and keeps offsets into the text', () => {
    const text = 'Russian Foreign Minister Sergei Lavrov met Lavrov’s staff.';
    const mentions = find(text);
    expect(mentions.map((m) => m.text)).toEqual(['Russian', 'Sergei Lavrov', 'Lavrov']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps the trailing dot of U.S. and does not read the pronoun "us" as the country', () => {
    expect(brief('Let us see what the U.S. does.')).toEqual(['U.S.|name|united-states']);
  });

  it('does not light up a lower-case common word', () => {
    expect(brief('He played his trump card.')).toEqual([]);
  });

  it('matches all-caps headlines and diacritic-free spellings', () => {
    expect(brief('PUTIN MEETS TRUMP')).toEqual(['PUTIN|name|vladimir-putin', 'TRUMP|name|donald-trump']);
  });

  it('resolves a role phrase to whoever held it on the article date', () => {
    expect(brief('Earlier, the U.S. president said no.', '2023-05-01')).toContain('the U.S. president|nominal|joe-biden');
    expect(brief('Earlier, the U.S. president said no.', '2025-10-22')).toContain('the U.S. president|nominal|donald-trump');
  });

  it('does not report a title before a name as a nominal mention', () => {
    expect(brief('Kremlin spokesman Dmitry Peskov said so.')).toEqual(['Kremlin|name|moscow-kremlin', 'Dmitry Peskov|name|dmitry-peskov']);
  });

  it('reports a metonym as the place itself', () => {
    expect(brief('Moscow refused; the Kremlin agreed.')).toEqual(['Moscow|name|moscow', 'Kremlin|name|moscow-kremlin']);
  });

  it('links demonyms with their own kind', () => {
    expect(brief('Russians and Americans')).toEqual(['Russians|demonym|russia', 'Americans|demonym|united-states']);
  });
});

describe('findMentions in context', () => {
  it('does not take a word of an unknown longer name for a known one', () => {
    expect(brief('Yesterday the drummer Chad Smith met with several Russian envoys in Georgia.').map((b) => b.split('|')[0])).not.toContain('Chad');
  });

  it('reads a month in a date as a date', () => {
    expect(brief('On May 5 Trump spoke.')).toEqual(['Trump|name|donald-trump']);
  });

  it('prefers the place its neighbours point to', () => {
    expect(brief('Protests in Georgia grew as Moscow warned Tbilisi.')).toContainEqual(expect.stringMatching(/^Georgia\|name\|georgia-country$/));
    expect(brief('Trump campaigned in Georgia, then flew to Atlanta.').filter((b) => b.startsWith('Georgia'))).toEqual(['Georgia|name|georgia-state']);
  });

  it('reports a nominal mention only as a definite reference', () => {
    expect(brief('A new U.S. president came.', '2025-10-22')).not.toContainEqual(expect.stringContaining('nominal'));
  });

  it('keeps "American" out of "African-American"', () => {
    expect(brief('African-American voters and Americans')).toEqual(['Americans|demonym|united-states']);
  });

  it('reads a place after "a" as a thing, but not after the French "à"', () => {
    expect(brief('A Moscow carrying migrants overturned.')).toEqual([]);
    expect(brief('Le président est arrivé à Moscow lundi.')).toEqual(['Moscow|name|moscow']);
  });

  it('links no place or stranger introduced with an age: "Moscow, 29, a welder"', () => {
    expect(brief('Moscow, 29, a welder from the east, said he would vote.')).toEqual([]);
    expect(brief('Moscow, the capital, said no.')).toEqual(['Moscow|name|moscow']);
  });

  it('takes a German genitive the pack lists for its name, and the noun after it for no part of the name', () => {
    const entities = miniEntities.map((e) => (e.id === 'russia' ? { ...e, aliases: [...e.aliases, 'Russland', 'Russlands'] } : e));
    const german = new KnowledgeBase(entities, miniEvents);
    const text = 'Russlands Armee rückte vor.';
    expect(findMentions(text, tokenize(text), german, '2025-10-22').map((m) => `${m.text}|${m.entityId}`)).toEqual(['Russlands|russia']);
    // Without the listed genitive, a capitalised word after a name still makes a longer, unknown name.
    expect(brief('Moscow Armee rückte vor.')).toEqual([]);
  });

  it('links no one-word name that a noun before it makes a work, or someone of another occupation', () => {
    expect(brief('The musical Moscow returns to the West End.')).toEqual([]);
    expect(brief('Brazilian striker Putin scored twice.').filter((b) => b.startsWith('Putin'))).toEqual([]);
    expect(brief('Her publisher Lavrov said the books sold out.')).toEqual([]);
    // The occupation the record gives, or the name in full, keeps the link.
    expect(brief('The spokesman Peskov said no.')).toEqual(['Peskov|name|dmitry-peskov']);
    expect(brief('Sergey Lavrov spoke; her publisher Lavrov said no.').map((b) => b.split('|')[0])).toEqual(['Sergey Lavrov', 'Lavrov']);
  });

  it("reads a business named after someone as neither the person nor the place: \"Putin's Irish Pub\"", () => {
    expect(brief("Putin's Irish Pub reopened after the fire.")).toEqual([]);
    expect(brief("Putin's army advanced.")).toEqual(['Putin|name|vladimir-putin']);
  });

  it('reads a dateline in capitals as a city, whatever else the story names in its state', () => {
    const entities = [
      ...miniEntities,
      { id: 'ny-state', name: 'New York', type: 'region' as const, aliases: [], description: 'US state.', prominence: 0.3, partOf: ['united-states'] },
      { id: 'nyc', name: 'New York City', type: 'city' as const, aliases: ['New York'], description: 'City.', prominence: 0.3, partOf: ['united-states'] },
      { id: 'acme', name: 'Acme Corp', type: 'organisation' as const, aliases: [], description: 'A firm.', prominence: 0.2, partOf: ['ny-state'] },
    ];
    const local = new KnowledgeBase(entities, miniEvents);
    const text = 'Stocks rise\n\nNEW YORK (Reuters) - Acme Corp shares rose in the U.S. and New York cheered.';
    const got = findMentions(text, tokenize(text), local, '2025-10-22').map((m) => `${m.text}|${m.entityId}`);
    expect(got[0]).toBe('NEW YORK|nyc');
    expect(got).toContain('New York|ny-state');
  });

  it('parts "Town, State" into the town and its state', () => {
    const entities = [...miniEntities, { id: 'winder', name: 'Winder', type: 'city' as const, aliases: ['Winder, Georgia'], description: 'City.', prominence: 0.05, partOf: ['georgia-state', 'united-states'] }];
    const local = new KnowledgeBase(entities, miniEvents);
    const text = 'A shooting in Winder, Georgia, shocked the U.S. on Wednesday.';
    const got = findMentions(text, tokenize(text), local, '2025-10-22').map((m) => `${m.text}|${m.start}|${m.entityId}`);
    expect(got.slice(0, 2)).toEqual(['Winder|14|winder', 'Georgia|22|georgia-state']);
  });

  it('links a company by its weak name once the article says it is one ("Amazon-owned", "Apple CEO"), and not otherwise', () => {
    const amazon = { id: 'amazon-co', name: 'Amazon', type: 'organisation' as const, aliases: ['Amazon.com'], weakNames: ['Amazon'], description: 'Online retailer.', prominence: 0.5, partOf: ['united-states'] };
    const local = new KnowledgeBase([...miniEntities, amazon], miniEvents);
    const linked = (text: string) => findMentions(text, tokenize(text), local, '2025-10-22').filter((m) => m.entityId === 'amazon-co').map((m) => `${m.text}|${m.start}`);
    expect(linked('Amazon bought Whole Foods. Shoppers at Amazon-owned Whole Foods pay less.')).toEqual(['Amazon|0', 'Amazon|39']);
    expect(linked('Amazon cut prices, said Amazon founder Jeff Bezos.')).toEqual(['Amazon|0', 'Amazon|24']);
    expect(linked('Amazon fires spread. Farmers in the Amazon burn forest near the Amazon headwaters.')).toEqual([]);
    expect(linked('Amazon cut prices in the U.S.')).toEqual([]);
  });

  it('links the weak names of what the article names for sure: "the Conservative Party" of Britain, then "the Conservatives" and "UK Tories"', () => {
    const uk = { id: 'uk', name: 'United Kingdom', type: 'country' as const, aliases: ['UK', 'Britain'], description: 'Country.', prominence: 0.9 };
    const tories = { id: 'tories-uk', name: 'Conservative Party', type: 'organisation' as const, aliases: ['Conservatives', 'Tories'], weakNames: ['Conservative Party', 'Conservatives', 'Tories'], description: 'British party.', prominence: 0.4, partOf: ['uk'] };
    const danish = { id: 'tories-dk', name: 'Conservatives', type: 'organisation' as const, aliases: ['Conservative Party'], weakNames: ['Conservatives', 'Conservative Party'], description: 'Danish party.', prominence: 0.2, partOf: ['denmark-x'] };
    const local = new KnowledgeBase([...miniEntities, uk, tories, danish], miniEvents);
    const linked = (text: string) => findMentions(text, tokenize(text), local, '2025-10-22').map((m) => `${m.text}|${m.entityId}`);
    expect(linked("UK Tories rally. Britain's Conservative Party met; the Conservatives won.")).toEqual(['UK|uk', 'Tories|tories-uk', 'Britain|uk', 'Conservative Party|tories-uk', 'Conservatives|tories-uk']);
    // Named only by weak names, with no country to vouch for the party, nothing links.
    expect(linked('The Conservatives met the Tories.')).toEqual([]);
  });
});
