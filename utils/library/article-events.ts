/**
 * The reader's links between a saved article and events (issue 21): an event of the knowledge
 * base the reader attaches the article to, or a new event of their own made from the article
 * (its title and date to start from). The links are kept with the article apart from the events
 * the analysis found (`attachedEvents`), so that saving the article again keeps them; both
 * count in `eventIds`, which the library filters on and an event's page lists articles by. Pure.
 */
import { slugify } from '../kb/country-entities';
import type { EVENT_TYPES, KbEvent } from '../kb/schema';
import type { LinkedEvent, SavedArticle } from '../messages';

type WithEvents = Pick<SavedArticle, 'events' | 'eventIds' | 'attachedEvents'>;

/** `eventIds` for an article's found and attached events, each once. */
export const eventIdsOf = (article: Pick<SavedArticle, 'events' | 'attachedEvents'>): string[] => [...new Set([...article.events, ...(article.attachedEvents ?? [])].map((e) => e.id))];

/** The article with `event` attached (its title and date refreshed when it already was). */
export function withAttachedEvent<T extends WithEvents>(article: T, event: LinkedEvent): T {
  const attachedEvents = [...(article.attachedEvents ?? []).filter((e) => e.id !== event.id), { id: event.id, title: event.title, date: event.date }];
  return { ...article, attachedEvents, eventIds: eventIdsOf({ events: article.events, attachedEvents }) };
}

/** The article without the reader's link to `eventId` (an event the analysis found stays found). */
export function withoutAttachedEvent<T extends WithEvents>(article: T, eventId: string): T {
  const attachedEvents = (article.attachedEvents ?? []).filter((e) => e.id !== eventId);
  return { ...article, attachedEvents, eventIds: eventIdsOf({ events: article.events, attachedEvents }) };
}

/** What the reader fills in to make an event of their own from an article. */
export interface EventDraft {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  type: (typeof EVENT_TYPES)[number];
}

/** The draft an article suggests: its title, its publication date (else the day it was saved), a statement. */
export function eventDraftOf(article: Pick<SavedArticle, 'title' | 'published' | 'savedAt'>): EventDraft {
  return { title: article.title.trim().slice(0, 300), date: article.published ?? article.savedAt.slice(0, 10), type: 'statement' };
}

/** People an event made from an article names as its participants, at most. */
const MAX_PARTICIPANTS = 8;

/** The id of an event of the reader's own, from its date and title: "reader-2025-03-01-oil-falls"; `fallback` when the title has no letter or digit. */
export const readerEventId = (date: string, title: string, fallback = 'event'): string => `reader-${date}-${slugify(title).slice(0, 60) || fallback}`;

/**
 * The reader's event made from a saved article and their draft: the article as its source and
 * in its summary, the people the article names as its participants (the first MAX_PARTICIPANTS), an id of the
 * reader's layer from its date and title. The background checks it against the pack schema.
 */
export function eventFromArticle(article: Pick<SavedArticle, 'url' | 'title' | 'site' | 'published' | 'entities'>, draft: EventDraft): KbEvent {
  const people = article.entities.filter((e) => e.type === 'person').slice(0, MAX_PARTICIPANTS);
  return {
    id: readerEventId(draft.date, draft.title),
    title: draft.title.trim(),
    aliases: [],
    date: draft.date,
    participants: people.map((p) => ({ entity: p.id })),
    type: draft.type,
    // A pack event's summary may not be empty: where it comes from.
    summary: `From the saved article “${article.title.trim().slice(0, 900)}”${article.site ? ` (${article.site.slice(0, 60)})` : ''}.`,
    sources: [{ url: article.url, ...(article.site ? { publisher: article.site } : {}), ...(article.published ? { date: article.published } : {}) }],
  };
}
