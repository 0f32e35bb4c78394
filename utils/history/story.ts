/**
 * The reader's history (issue 18): each article Backstory analyses, kept on this machine as
 * a dated *story* — its URL, title, site and date, the entities and events it names, the
 * backstory the pack gave it and its key words — so that a later article can list the
 * earlier ones on its topic ("You read about this", see rank-stories.ts). A story is small
 * (about 1.5 KB as JSON): no article text, a few dozen ids and words.
 */
import type { Analysis } from '../analysis/analyze-text';
import type { EntityType } from '../kb/schema';
import { ACTOR_TYPES, headlineEndOf } from '../related/rank-related';
import { articleTopic, topicWeights, type TopicStats } from '../related/topic';
import { tokenize } from '../text/tokenize';

/** How much of an article a story keeps. */
export const storyLimits = {
  /** Entities, most named first. */
  entities: 20,
  /** Events the article names (mentions and events of its own day). */
  events: 10,
  /** Prior events the pack ranked for it, best first. */
  backstory: 5,
  /** Key words, by weight in the article times rarity. */
  terms: 16,
  /** A word rarer than this (BM25 idf) may be a key word: "leaders" or "country" say nothing of a topic. */
  minIdf: 1.5,
  /**
   * Rarity counts up to this in choosing key words: past it, a word the article uses twice
   * ("ceasefire", "Kremlin") says more of its topic than one it uses once that no event uses ("tarmac").
   */
  idfCap: 6,
};

/** An entity as a story keeps it. */
export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  /** How many times the article names it. */
  count: number;
}

/** A key word of a story: its stem, the article's own spelling, its weight there (1–2, see articleTopic) and its rarity. */
export interface StoryTerm {
  term: string;
  text: string;
  weight: number;
  idf: number;
}

export interface Story {
  url: string;
  title: string;
  site: string | null;
  /** The article's date (YYYY-MM-DD), else the day it was read. */
  date: string;
  /** When the reader read it (ISO time). */
  readAt: string;
  entities: StoryEntity[];
  /** Events the article names, or of its own day. */
  events: { id: string; title: string }[];
  /** The prior events the pack ranked for it, best first. */
  backstory: { id: string; title: string }[];
  terms: StoryTerm[];
  /**
   * What finds it (an index): its rare key words (`t:` and the stem) and its events (`e:` and
   * the id). A story sharing none of them with an article cannot pass the ranking's floor.
   */
  keys: string[];
}

/** Days and months: an article's dates, not its topic ("Monday" is in half the news). */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

const round = (n: number) => Math.round(n * 100) / 100;

/** How much a word says of the article's topic: its weight there, squared, times its rarity (capped). */
const keyness = (t: { weight: number; idf: number }) => t.weight * t.weight * Math.min(t.idf, storyLimits.idfCap);

/** The keys that find a story with these events and words (see Story.keys). */
export function storyKeys(events: readonly { id: string }[], terms: readonly StoryTerm[]): string[] {
  return [...events.map((e) => `e:${e.id}`), ...terms.filter((t) => t.idf >= topicWeights.rareIdf).map((t) => `t:${t.term}`)];
}

/**
 * The story of an analysed article: what it names and its key words, weighed by `stats` (the
 * pack's word statistics). A page that is not an article, or names nothing and has no topic
 * word, gives a story with empty lists (still dated and titled).
 */
export function storyOf(analysis: Analysis, stats: TopicStats, readAt: Date): Story {
  const { article } = analysis;
  const tokens = tokenize(article.text);
  // The names of people, countries and cities are actors (their own signal), not topic words.
  const actors = analysis.mentions.filter((m) => m.kind === 'demonym' || ACTOR_TYPES.has(m.entity.type));
  const topic = articleTopic(article.text, tokens, headlineEndOf(article.text), actors);
  const terms = [...topic.weights]
    .map(([term, weight]) => ({ term, text: topic.surface.get(term) ?? term, weight: round(weight), idf: round(stats.idf(term)) }))
    .filter((t) => t.idf >= storyLimits.minIdf && !CALENDAR_WORDS.has(t.term))
    .sort((a, b) => keyness(b) - keyness(a) || (a.term < b.term ? -1 : 1))
    .slice(0, storyLimits.terms);
  const seen = new Set<string>();
  const events = [...analysis.eventMentions.map((m) => m.event), ...analysis.current]
    .filter((e) => !seen.has(e.id) && seen.add(e.id))
    .slice(0, storyLimits.events)
    .map((e) => ({ id: e.id, title: e.title }));
  return {
    url: article.url ?? '',
    title: article.title,
    site: article.site ?? null,
    date: article.published ?? readAt.toISOString().slice(0, 10),
    readAt: readAt.toISOString(),
    entities: analysis.entities
      .filter((e) => e.count > 0)
      .slice(0, storyLimits.entities)
      .map((e) => ({ id: e.id, name: e.name, type: e.type, count: e.count })),
    events,
    backstory: analysis.related.slice(0, storyLimits.backstory).map((e) => ({ id: e.id, title: e.title })),
    terms,
    keys: storyKeys(events, terms),
  };
}
