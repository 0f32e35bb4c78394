import { describe, expect, it } from 'vitest';
import { PACK_SCHEMA_VERSION, validatePack } from '../kb/schema';
import { storyKeys, type Story, type StoryEntity, type StoryTerm } from './story';
import { storyThreads, threadEvent } from './story-threads';

// Made-up stories of the test's own: a port strike in Rotterdam read over three weeks, and unrelated news.
const person = (id: string, name: string, count = 3): StoryEntity => ({ id, name, type: 'person', count });
const union = person('jan-de-vries', 'Jan de Vries');
const minister = person('anna-bakker', 'Anna Bakker', 2);
const rotterdam: StoryEntity = { id: 'rotterdam', name: 'Rotterdam', type: 'city', count: 4 };
const term = (text: string, weight: number, idf: number): StoryTerm => ({ term: text.toLowerCase(), text, weight, idf });
const strikeWords = [term('strike', 2, 4.2), term('dockers', 1.5, 7.5), term('port', 1.5, 3.4)];

function story(url: string, date: string, parts: Partial<Pick<Story, 'entities' | 'events' | 'terms' | 'site'>>): Story {
  const events = parts.events ?? [];
  const terms = parts.terms ?? [];
  return { url, title: `Story ${url.split('/').at(-1)}`, site: parts.site ?? 'Example News', date, readAt: `${date}T09:00:00.000Z`, entities: parts.entities ?? [], events, backstory: [], terms, keys: storyKeys(events, terms) };
}

const strike = [
  story('https://news.example/strike-1', '2025-03-01', { entities: [union, rotterdam], terms: strikeWords }),
  story('https://news.example/strike-2', '2025-03-09', { entities: [union, minister, rotterdam], terms: [...strikeWords, term('talks', 1, 3.1)] }),
  story('https://news.example/strike-3', '2025-03-20', { entities: [minister, rotterdam], terms: strikeWords, site: 'Other Paper' }),
];
const elsewhere = [
  story('https://news.example/football', '2025-03-05', { entities: [rotterdam], terms: [term('goal', 2, 4.5)] }),
  story('https://news.example/strike-next-year', '2026-05-01', { entities: [union, rotterdam], terms: strikeWords }),
];

describe('storyThreads', () => {
  it('groups stories on one matter read days apart into a thread, oldest first, named by the words and names most share', () => {
    const [thread, ...rest] = storyThreads([...elsewhere, ...strike].reverse());
    expect(rest).toEqual([]);
    expect(thread!.stories.map((s) => s.url)).toEqual(strike.map((s) => s.url));
    expect(thread!.id).toBe('https://news.example/strike-1');
    expect([thread!.first, thread!.last]).toEqual(['2025-03-01', '2025-03-20']);
    expect(thread!.entities.map((e) => e.id)).toEqual(['rotterdam', 'anna-bakker', 'jan-de-vries']);
    expect(thread!.name).toBe('dockers, port, Rotterdam, Anna Bakker');
  });

  it('is named by the event most of its stories name, and typed by that event', () => {
    const vote = { id: '2025-03-15-port-vote', title: 'Dockers vote on the port deal' };
    const withEvent = strike.map((s, i) => (i === 0 ? s : { ...s, events: [vote], keys: storyKeys([vote], s.terms) }));
    const [thread] = storyThreads(withEvent, (id) => (id === vote.id ? 'election' : undefined));
    expect(thread!.name).toBe('Dockers vote on the port deal');
    expect(thread!.type).toBe('election');
  });

  it('makes no thread of two stories, of stories weeks apart, or of stories that share only a place', () => {
    expect(storyThreads(strike.slice(0, 2))).toEqual([]);
    const spread = strike.map((s, i) => ({ ...s, date: `2025-0${1 + 3 * i}-01` }));
    expect(storyThreads(spread)).toEqual([]);
    const placeOnly = ['goal', 'tulips', 'museum'].map((word, i) => story(`https://news.example/${word}`, `2025-03-0${i + 1}`, { entities: [rotterdam], terms: [term(word, 2, 4.5)] }));
    expect(storyThreads(placeOnly)).toEqual([]);
  });
});

describe('threadEvent', () => {
  it('makes a valid event of the reader\'s own: named by the reader, its span, the participants the knowledge base holds, its stories as sources', () => {
    const [thread] = storyThreads(strike);
    const event = threadEvent(thread!, '  Rotterdam port strike  ', (id) => id !== 'jan-de-vries');
    expect(event).toMatchObject({
      id: 'reader-2025-03-01-rotterdam-port-strike',
      title: 'Rotterdam port strike',
      date: '2025-03-01',
      end: '2025-03-20',
      place: 'rotterdam',
      participants: [{ entity: 'anna-bakker' }],
      type: 'statement',
    });
    expect(event.sources.map((s) => s.url)).toEqual(strike.map((s) => s.url));
    expect(event.summary).toBe('3 articles you read between 2025-03-01 and 2025-03-20 (Example News, Other Paper).');
    const manifest = { name: 'test', version: '1.0.0', schemaVersion: PACK_SCHEMA_VERSION, license: 'test', created: '2025-03-21', sources: [] };
    const checked = validatePack({ manifest, entities: [], events: [event] }, { entities: new Set(['rotterdam', 'anna-bakker']), events: new Set() });
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });
});
