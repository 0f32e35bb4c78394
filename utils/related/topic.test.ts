import { describe, expect, it } from 'vitest';
import { miniEvents, routineFiller } from '../../tests/fixtures/mini-kb';
import { tokenize } from '../text/tokenize';
import { articleTopic, englishIdf, eventTerms, matchTopic, stemWord, topicTerms, TopicStats } from './topic';

describe('topic words', () => {
  it.each([
    ['summits', 'summit'],
    ['sanctions', 'sanction'],
    ['parties', 'party'],
    ['taxes', 'tax'],
    ['talks', 'talk'],
    ['crisis', 'crisis'],
    ['us', 'us'],
  ])('stems %s as %s', (word, stem) => expect(stemWord(word)).toBe(stem));

  it('leaves out function words, reported speech, years and short numbers', () => {
    expect(topicTerms('He said the 2019 summit of 3,000 delegates on resolution 2334 was over')).toEqual(['summit', 'delegate', 'resolution', '2334']);
  });

  it('weighs a word by how rare it is in English: "world" less than "summit", "summit" less than "impeachment"', () => {
    expect(englishIdf('world')).toBeLessThan(englishIdf('summit'));
    expect(englishIdf('summit')).toBeLessThan(englishIdf('impeachment'));
    expect(englishIdf('zzyzxq')).toBe(Infinity);
  });
});

describe('matchTopic', () => {
  const events = [...miniEvents, ...routineFiller()];
  const stats = TopicStats.of(events);
  const alaska = miniEvents.find((e) => e.id === '2025-08-15-alaska-summit')!;
  const topicOf = (text: string) => articleTopic(text, tokenize(text), 0);

  it('scores the words both texts use, rare ones most, and says which they are', () => {
    const match = matchTopic(topicOf('The summit ended without a deal, and a second summit is in doubt.'), eventTerms(alaska), stats);
    expect(match.terms.map((t) => t.term)).toEqual(['summit', 'deal']);
    expect(match.rareScore).toBeGreaterThan(0);
    expect(match.score).toBeCloseTo(match.terms.reduce((a, t) => a + t.score, 0));
  });

  it('scores nothing for words the event does not use, or words it is told to skip', () => {
    expect(matchTopic(topicOf('The marathon record fell.'), eventTerms(alaska), stats).score).toBe(0);
    expect(matchTopic(topicOf('A summit.'), eventTerms(alaska), stats, new Set(['summit'])).score).toBe(0);
  });

  it('weighs a word that thousands of routine records use ("office") less than one a few events use ("summit")', () => {
    expect(stats.idf('office')).toBeLessThan(stats.idf('summit'));
  });

  it('reads the stored form it was built from', () => {
    const again = new TopicStats(structuredClone(stats.data));
    expect(again.idf('summit')).toBe(stats.idf('summit'));
    expect(again.df('summit')).toBeGreaterThan(0);
  });
});
