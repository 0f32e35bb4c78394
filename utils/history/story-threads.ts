/**
 * Threads of the reader's history (issue 18): stories that keep coming back about one matter
 * — each on the topic of another (the same floor of evidence as "You read about this": an
 * event both name, rare words both use, people or places both name) and read days apart —
 * grouped into a thread the reader can name and turn into an event of their own knowledge
 * base. This is backstory no pack holds yet: it grows from what the reader reads.
 */
import type { EventType, KbEvent } from '../kb/schema';
import { readerEventId } from '../library/article-events';
import { dayNumber } from '../text/dates';
import { relatesTo, storyQueryOf, StoryIndex } from './rank-stories';
import type { Story } from './story';

/** Named limits of the threads. */
export const threadLimits = {
  /** Two stories join a thread only when their dates are at most this many days apart. */
  maxGapDays: 21,
  /** A thread has at least this many stories: two are just "You read about this". */
  minStories: 3,
  /** Threads listed at most, the latest first. */
  maxThreads: 10,
  /** An entity or event is the thread's when at least this share of its stories name it. */
  commonShare: 0.5,
};

export interface HistoryThread {
  /** Stable while its first story stays: that story's URL. */
  id: string;
  /** A name to start from: the event most of its stories name, else the words and names they share. */
  name: string;
  /** Oldest first. */
  stories: { url: string; title: string; site: string | null; date: string }[];
  /** What most of its stories name, most named first. */
  entities: { id: string; name: string; type: string }[];
  events: { id: string; title: string }[];
  /** The kind of event it most likely is (the commonest kind of the events its stories name), for the event it may become. */
  type: EventType;
  first: string;
  last: string;
}

/** Union–find over story indices. */
function groups(n: number, pairs: Iterable<[number, number]>): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [a, b] of pairs) parent[root(a)] = root(b);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) (byRoot.get(root(i)) ?? byRoot.set(root(i), []).get(root(i))!).push(i);
  return [...byRoot.values()];
}

/**
 * The threads of `stories`: groups of at least `minStories` stories, each joined to another
 * of its group by the history's floor of evidence and at most `maxGapDays` apart; the latest
 * first. [] when there are none. `eventType` gives the kind of an event the stories name.
 */
export function storyThreads(stories: readonly Story[], eventType: (id: string) => EventType | undefined = () => undefined, limits = threadLimits): HistoryThread[] {
  const index = new StoryIndex();
  const position = new Map<Story, number>();
  stories.forEach((story, i) => {
    index.add(story);
    position.set(story, i);
  });
  const days = stories.map((s) => dayNumber(s.date));
  const pairs: [number, number][] = [];
  stories.forEach((story, i) => {
    const query = storyQueryOf(story);
    for (const other of index.candidates(story)) {
      const j = position.get(other)!;
      if (j <= i || other.url === story.url || Math.abs(days[i]! - days[j]!) > limits.maxGapDays) continue;
      if (relatesTo(query, other)) pairs.push([i, j]);
    }
  });
  return groups(stories.length, pairs)
    .filter((group) => group.length >= limits.minStories)
    .map((group) => describe(group.map((i) => stories[i]!), eventType, limits))
    .sort((a, b) => b.last.localeCompare(a.last) || a.id.localeCompare(b.id))
    .slice(0, limits.maxThreads);
}

/** What most of `items` (lists per story) hold, most held first; on a tie, by id (`latestFirst`: the last id first). */
function common<T extends { id: string }>(lists: T[][], share: number, latestFirst = false): T[] {
  const counts = new Map<string, { item: T; n: number }>();
  for (const list of lists) for (const item of new Map(list.map((x) => [x.id, x])).values()) {
    const c = counts.get(item.id);
    if (c) c.n++;
    else counts.set(item.id, { item, n: 1 });
  }
  return [...counts.values()]
    .filter((c) => c.n >= share * lists.length)
    .sort((a, b) => b.n - a.n || (latestFirst ? b.item.id.localeCompare(a.item.id) : a.item.id.localeCompare(b.item.id)))
    .map((c) => c.item);
}

function describe(group: Story[], eventType: (id: string) => EventType | undefined, limits: typeof threadLimits): HistoryThread {
  const stories = [...group].sort((a, b) => a.date.localeCompare(b.date) || a.readAt.localeCompare(b.readAt));
  const entities = common(stories.map((s) => s.entities), limits.commonShare).map(({ id, name, type }) => ({ id, name, type }));
  // Of the events as many stories name, the latest (event ids start with their date): the
  // matter itself, not the landmark its stories recall ("the 2021 Geneva summit").
  const events = common(stories.map((s) => s.events), limits.commonShare, true);
  const words = common(stories.map((s) => s.terms.map((t) => ({ id: t.term, text: t.text }))), limits.commonShare).slice(0, 2);
  const names = entities.slice(0, 2).map((e) => e.name);
  const name = events[0]?.title ?? ([...words.map((w) => w.text), ...names].join(', ') || stories[0]!.title);
  const types = new Map<EventType, number>();
  for (const s of stories) for (const e of s.events) {
    const type = eventType(e.id);
    if (type) types.set(type, (types.get(type) ?? 0) + 1);
  }
  const type = [...types].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'statement';
  return {
    id: stories[0]!.url,
    name,
    stories: stories.map(({ url, title, site, date }) => ({ url, title, site, date })),
    entities,
    events: events.map(({ id, title }) => ({ id, title })),
    type,
    first: stories[0]!.date,
    last: stories.at(-1)!.date,
  };
}

/**
 * The event of the reader's own knowledge base that a thread becomes, named `title` by the
 * reader: from its first story's date to its last, with what most of its stories name as
 * participants (those the knowledge base holds: `known`) and its stories as sources.
 */
export function threadEvent(thread: HistoryThread, title: string, known: (id: string) => boolean, type: EventType = thread.type): KbEvent {
  const name = title.trim() || thread.name;
  const sites = [...new Set(thread.stories.map((s) => s.site).filter((s): s is string => !!s))];
  const isPlace = (e: { type: string }) => e.type === 'city' || e.type === 'region' || e.type === 'place';
  const held = thread.entities.filter((e) => known(e.id));
  const place = held.find(isPlace);
  return {
    id: readerEventId(thread.first, name, 'thread'),
    title: name,
    aliases: [],
    date: thread.first,
    ...(thread.last !== thread.first ? { end: thread.last } : {}),
    participants: held.filter((e) => !isPlace(e)).map((e) => ({ entity: e.id })),
    ...(place ? { place: place.id } : {}),
    type,
    summary: `${thread.stories.length} articles you read between ${thread.first} and ${thread.last}${sites.length ? ` (${sites.slice(0, 4).join(', ')})` : ''}.`,
    sources: thread.stories.map((s) => ({ url: s.url, ...(s.site ? { publisher: s.site } : {}), date: s.date })),
  };
}
