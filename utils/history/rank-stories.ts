/**
 * "You read about this" (issue 18): the reader's earlier stories that share an article's
 * topic, ranked by the rules the pack's events are ranked by (rank-related.ts, same weights):
 * an event both name, the rare words both use, the people both name and the places, faded
 * with the time between them. One famous actor in common is not enough: a story is listed
 * only past the same floor of evidence as an event, and each comes with its reasons.
 */
import { asReasonWord, describeInterval, joinNames, PLACE_TYPES, rankingWeights, recencyShare } from '../related/rank-related';
import { topicWeights } from '../related/topic';
import { dayNumber } from '../text/dates';
import type { Story, StoryTerm } from './story';

/** Named weights of the history's ranking: rankingWeights', plus what only stories have. */
export const historyWeights = {
  ...rankingWeights,
  /** Both stories lead back to the same prior event of the pack (weak alone: it is no floor). */
  sharedBackstoryWeight: 0.5,
  /** Stories listed at most. */
  maxStories: 5,
};

/** An earlier story on an article's topic, as the side panel lists it. */
export interface RelatedStory {
  url: string;
  title: string;
  site: string | null;
  date: string;
  readAt: string;
  /** 0..1, relative to the best story for this article. */
  score: number;
  reasons: string[];
}

const GROUP_TYPES: ReadonlySet<string> = new Set(['country', 'organisation']);

/**
 * The article's side, worked out once for all the stories it is compared with: its key
 * words and entities by id.
 */
export interface StoryQuery {
  story: Story;
  terms: Map<string, StoryTerm>;
  entities: Map<string, Story['entities'][number]>;
  events: Set<string>;
  backstory: Set<string>;
  day: number;
}

export function storyQueryOf(story: Story): StoryQuery {
  return {
    story,
    terms: new Map(story.terms.map((t) => [t.term, t])),
    entities: new Map(story.entities.map((e) => [e.id, e])),
    events: new Set(story.events.map((e) => e.id)),
    backstory: new Set(story.backstory.map((e) => e.id)),
    day: dayNumber(story.date),
  };
}

/** One story scored against the article; null when it does not pass the floor. */
function scoreStory(q: StoryQuery, other: Story): { score: number; reasons: string[] } | null {
  const w = historyWeights;
  let score = 0;
  const reasons: string[] = [];

  const sharedEvents = other.events.filter((e) => q.events.has(e.id));
  if (sharedEvents.length) {
    score += w.mentionedWeight;
    reasons.push(`both are about “${sharedEvents[0]!.title}”`);
  }

  // The words both use, each counted as the rarer of its two uses (a word both repeat weighs most).
  let topic = 0;
  let rare = 0;
  const words: { text: string; score: number }[] = [];
  for (const t of other.terms) {
    const mine = q.terms.get(t.term);
    if (!mine) continue;
    const s = Math.min(mine.idf, t.idf) * Math.min(mine.weight, t.weight);
    topic += s;
    if (Math.min(mine.idf, t.idf) >= topicWeights.rareIdf) rare += s;
    words.push({ text: mine.text, score: s });
  }
  if (topic > 0) score += w.topicWeight * Math.min(w.topicCap, topic / w.topicUnit);

  let peopleWeight = 0;
  let groups = 0;
  const people: string[] = [];
  const places: string[] = [];
  for (const e of other.entities) {
    const mine = q.entities.get(e.id);
    if (!mine) continue;
    if (e.type === 'person') {
      peopleWeight += w.personWeight * Math.min(1, Math.min(mine.count, e.count) / w.fullMentionCount);
      people.push(e.name.split(' ').at(-1)!);
    } else if (PLACE_TYPES.has(e.type)) places.push(e.name);
    else if (GROUP_TYPES.has(e.type)) groups += w.groupWeight;
  }
  score += peopleWeight + Math.min(w.groupCap, groups);
  if (places.length) score += w.placeWeight;

  const shown =
    sharedEvents.length > 0 ||
    rare >= w.topicFloor ||
    ((peopleWeight >= w.supportingPeople || places.length > 0) && rare >= w.sharedTopicFloor) ||
    (people.length >= 2 && peopleWeight >= w.peopleFloor && rare > 0);
  if (!shown) return null;

  const named = words
    .filter((x) => x.score >= w.reasonTermShare * topic)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => asReasonWord(x.text));
  if (named.length) reasons.push(`both speak of ${joinNames(named)}`);
  if (people.length) reasons.push(people.length === 1 ? `both name ${people[0]}` : `both name ${joinNames(people.slice(0, 3))}`);
  if (places.length) reasons.push(`both mention ${joinNames(places.slice(0, 2))}`);
  // (an event both are about is said once)
  const backstory = other.backstory.find((e) => q.backstory.has(e.id) && !sharedEvents.some((s) => s.id === e.id));
  if (backstory) {
    score += w.sharedBackstoryWeight;
    reasons.push(`both lead back to “${backstory.title}”`);
  }
  const days = q.day - dayNumber(other.date);
  score *= recencyShare(days, w.recencyFloor);
  reasons.push(describeInterval(days, 'the article you are reading'));
  return { score, reasons };
}

/** True when `other` is on the topic of the query's story: it passes the history's floor of evidence. */
export function relatesTo(q: StoryQuery, other: Story): boolean {
  return scoreStory(q, other) !== null;
}

/**
 * The reader's stories that share the topic of the article's story, best first (at most
 * historyWeights.maxStories); the article's own URL is never listed. [] when no story
 * passes the floor (or there are none).
 */
export function rankStories(article: Story, stories: Iterable<Story>, query: StoryQuery = storyQueryOf(article)): RelatedStory[] {
  const scored: { story: Story; score: number; reasons: string[] }[] = [];
  for (const story of stories) {
    if (story.url === article.url) continue;
    const s = scoreStory(query, story);
    if (s) scored.push({ story, ...s });
  }
  let best = 0;
  for (const s of scored) best = Math.max(best, s.score);
  return scored
    .filter((s) => best > 0 && s.score / best >= historyWeights.minShare)
    .sort((a, b) => b.score - a.score || b.story.readAt.localeCompare(a.story.readAt))
    .slice(0, historyWeights.maxStories)
    .map(({ story, score, reasons }) => ({
      url: story.url,
      title: story.title,
      site: story.site,
      date: story.date,
      readAt: story.readAt,
      score: Math.round((score / best) * 1000) / 1000,
      reasons,
    }));
}

/**
 * Stories by their keys (Story.keys: rare words and events), in memory: the stories an
 * article's story may share its topic with, as the database's index on `keys` finds them. A
 * story sharing no key with the article cannot pass rankStories' floor, so only these are ranked.
 */
export class StoryIndex {
  private readonly byKey = new Map<string, Story[]>();

  add(story: Story): void {
    for (const key of story.keys) {
      const list = this.byKey.get(key);
      if (list) list.push(story);
      else this.byKey.set(key, [story]);
    }
  }

  /** The stories that share at least one key with `story`, each once; [] when none. */
  candidates(story: Story): Story[] {
    const found = new Set<Story>();
    for (const key of story.keys) for (const s of this.byKey.get(key) ?? []) found.add(s);
    return [...found];
  }
}
