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
});
