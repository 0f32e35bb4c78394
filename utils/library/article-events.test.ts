import { describe, expect, it } from 'vitest';
import { PackSchema } from '../kb/schema';
import * as v from 'valibot';
import { eventDraftOf, eventFromArticle, withAttachedEvent, withoutAttachedEvent } from './article-events';

const found = { id: 'alaska', title: 'Alaska summit', date: '2025-08-15' };
const helsinki = { id: 'helsinki', title: 'Helsinki summit', date: '2018-07-16' };
const article: { events: typeof found[]; eventIds: string[]; attachedEvents?: typeof found[] } = { events: [found], eventIds: ['alaska'] };

describe('attaching an article to events', () => {
  it('keeps the reader’s link apart from the events the analysis found, and counts both in eventIds', () => {
    const attached = withAttachedEvent(article, helsinki);
    expect(attached).toEqual({ events: [found], attachedEvents: [helsinki], eventIds: ['alaska', 'helsinki'] });
    expect(withAttachedEvent(attached, { ...helsinki, title: 'Helsinki summit (2018)' }).attachedEvents).toEqual([{ ...helsinki, title: 'Helsinki summit (2018)' }]);
  });

  it('undoes the link; an event the analysis found stays', () => {
    const attached = withAttachedEvent(withAttachedEvent(article, helsinki), found);
    expect(withoutAttachedEvent(attached, 'helsinki')).toEqual({ events: [found], attachedEvents: [found], eventIds: ['alaska'] });
    expect(withoutAttachedEvent(withoutAttachedEvent(attached, 'helsinki'), 'alaska')).toEqual({ events: [found], attachedEvents: [], eventIds: ['alaska'] });
  });
});

describe('an event of the reader’s own from an article', () => {
  const saved = {
    url: 'https://news.example/budapest',
    title: '  Trump and Putin to meet in Budapest  ',
    site: 'News Example',
    published: '2025-10-20',
    savedAt: '2026-12-07T10:00:00.000Z',
    entities: [
      { id: 'donald-trump', name: 'Donald Trump', type: 'person' },
      { id: 'budapest', name: 'Budapest', type: 'city' },
      { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' },
    ],
  };

  it('starts from the article’s title and publication date, else the day it was saved', () => {
    expect(eventDraftOf(saved)).toEqual({ title: 'Trump and Putin to meet in Budapest', date: '2025-10-20', type: 'statement' });
    expect(eventDraftOf({ ...saved, published: null }).date).toBe('2026-12-07');
  });

  it('is a valid pack event with the article as its source and its people as participants', () => {
    const event = eventFromArticle(saved, { title: 'Budapest summit announced', date: '2025-10-16', type: 'summit' });
    expect(event).toEqual({
      id: 'reader-2025-10-16-budapest-summit-announced',
      title: 'Budapest summit announced',
      aliases: [],
      date: '2025-10-16',
      participants: [{ entity: 'donald-trump' }, { entity: 'vladimir-putin' }],
      type: 'summit',
      summary: 'From the saved article “Trump and Putin to meet in Budapest” (News Example).',
      sources: [{ url: 'https://news.example/budapest', publisher: 'News Example', date: '2025-10-20' }],
    });
    expect(v.safeParse(PackSchema.entries.events.item, event).success).toBe(true);
  });
});
