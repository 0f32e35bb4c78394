import { describe, expect, it } from 'vitest';
import { historyWeights, rankStories } from './rank-stories';
import { storyKeys, type Story, type StoryEntity, type StoryTerm } from './story';

const person = (id: string, name: string, count = 3): StoryEntity => ({ id, name, type: 'person', count });
const trump = person('donald-trump', 'Donald Trump', 8);
const putin = person('vladimir-putin', 'Vladimir Putin', 6);
const alaska: StoryEntity = { id: 'alaska', name: 'Alaska', type: 'region', count: 3 };
const term = (text: string, weight: number, idf: number): StoryTerm => ({ term: text.toLowerCase(), text, weight, idf });

function story(url: string, date: string, parts: Partial<Pick<Story, 'entities' | 'events' | 'backstory' | 'terms'>>): Story {
  const events = parts.events ?? [];
  const terms = parts.terms ?? [];
  return { url, title: url, site: null, date, readAt: `${date}T12:00:00.000Z`, entities: parts.entities ?? [], events, backstory: parts.backstory ?? [], terms, keys: storyKeys(events, terms) };
}

const summitCall = { id: '2025-10-16-trump-putin-call', title: 'Trump–Putin call that set up a Budapest summit' };

describe('rankStories', () => {
  const article = story('https://news.example/now', '2025-10-22', {
    entities: [trump, putin, alaska],
    events: [summitCall],
    terms: [term('summit', 1.6, 3.6), term('ceasefire', 1.5, 5.1), term('tariffs', 1, 5.2)],
  });

  it('does not list a story that shares only a famous actor', () => {
    const other = story('https://news.example/tariffs', '2025-10-01', { entities: [trump], terms: [term('soybeans', 2, 7)] });
    expect(rankStories(article, [other])).toEqual([]);
  });

  it('does not list a story that shares common words and its people, with no rare word', () => {
    const other = story('https://news.example/common', '2025-10-01', { entities: [trump, putin], terms: [term('leaders', 2, 2)] });
    // The article has no "leaders"; give it one to be sure it is the rarity that is missing.
    const withCommon = { ...article, terms: [...article.terms, term('leaders', 2, 2)] };
    expect(rankStories(withCommon, [other])).toEqual([]);
  });

  it('lists a story about an event the article names, and says so', () => {
    const other = story('https://news.example/call', '2025-10-17', { events: [summitCall] });
    const [hit] = rankStories(article, [other]);
    expect(hit?.url).toBe('https://news.example/call');
    expect(hit?.reasons[0]).toBe('both are about “Trump–Putin call that set up a Budapest summit”');
  });

  it('lists a story with the same people and a rare word, with its words, people and interval as reasons', () => {
    const other = story('https://news.example/summit', '2025-08-16', { entities: [trump, putin], terms: [term('summit', 2, 3.6), term('tarmac', 1, 9)] });
    const [hit] = rankStories(article, [other]);
    expect(hit?.reasons).toEqual(['both speak of “summit”', 'both name Trump and Putin', '2 months before the article you are reading']);
  });

  it('never lists the article itself', () => {
    expect(rankStories(article, [{ ...article, readAt: '2025-10-01T00:00:00.000Z' }])).toEqual([]);
  });

  it('ranks the nearer of two equal stories first, and lists at most maxStories', () => {
    const stories = Array.from({ length: historyWeights.maxStories + 3 }, (_, i) =>
      story(`https://news.example/${i}`, `2025-0${i + 1}-10`, { events: [summitCall] }),
    );
    const ranked = rankStories(article, stories);
    expect(ranked).toHaveLength(historyWeights.maxStories);
    expect(ranked[0]?.url).toBe(`https://news.example/${stories.length - 1}`);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });
});

describe('storyKeys', () => {
  it('keys a story by its events and its rare words only', () => {
    expect(storyKeys([summitCall], [term('summit', 2, 3.6), term('leaders', 2, 2)])).toEqual(['e:2025-10-16-trump-putin-call', 't:summit']);
  });
});
