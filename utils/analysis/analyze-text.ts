/**
 * The whole reading of one article, from its text to the analysis JSON that the extension
 * renders and `analyze --json` prints (format: ../shared/gold/README.md).
 */
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { EntityType, EventType, KbEvent } from '../kb/schema';
import { findMentions, type Mention, type MentionKind } from '../match/find-mentions';
import type { UnknownName } from '../match/unknown-name';
import { findEventMentions } from '../related/find-event-mentions';
import { headlineEndOf, rankRelated, type ReaderContext, type RelatedEvent } from '../related/rank-related';
import { eventChain, type ChainLink } from '../related/event-chain';
import { tokenize, type Token } from '../text/tokenize';
import { dropWrongLinks } from './wrong-links';

export interface ArticleText {
  title: string;
  /** The headline, a blank line, then the body: what every offset points into. */
  text: string;
  /** YYYY-MM-DD, when known. */
  published: string | null;
  url?: string;
  site?: string | null;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  wikipedia?: string;
  wikidata?: string;
}

export interface EntityInArticle extends EntitySummary {
  description: string;
  /** The role the entity held on the article's date ("President of the United States"). */
  role: string | null;
  /** How many times the article names it (demonyms excluded). */
  count: number;
}

export interface EventSummary {
  id: string;
  title: string;
  date: string;
  end?: string;
  type: EventType;
  place?: string;
  aliases: string[];
}

export interface Analysis {
  isArticle: boolean;
  article: ArticleText;
  mentions: { text: string; start: number; end: number; kind: MentionKind; entity: EntitySummary }[];
  eventMentions: { text: string; start: number; end: number; event: EventSummary }[];
  related: (EventSummary & { score: number; reasons: string[] })[];
  /** Events of the article's own day: the news it reports. */
  current: (EventSummary & { score: number; reasons: string[] })[];
  later: (EventSummary & { score: number; reasons: string[] })[];
  /**
   * "How it unfolded": the linked events around the best related ones, oldest first, each
   * with how it came from the step before (see utils/related/event-chain.ts); absent or []
   * when the knowledge base links none of them.
   */
  chain?: (EventSummary & { link?: ChainLink })[];
  /** The entities named, most named first. */
  entities: EntityInArticle[];
  /**
   * Names of people, places and organisations the knowledge base does not hold (issue 17),
   * most named first; found after the rest (see utils/analysis/unknown-names-of.ts), absent
   * until they are.
   */
  unknownNames?: UnknownName[];
}

/** The analysis of a page that is not an article: nothing found, nothing ranked. */
export function emptyAnalysis(article: ArticleText): Analysis {
  return { isArticle: false, article, mentions: [], eventMentions: [], related: [], current: [], later: [], entities: [] };
}

/** Summarises an event for the analysis JSON. */
export function summarizeEvent(kb: KnowledgeBase, event: KbEvent): EventSummary {
  return {
    id: event.id,
    title: event.title,
    date: event.date,
    ...(event.end ? { end: event.end } : {}),
    type: event.type,
    ...(event.place ? { place: kb.entities.get(event.place)?.name ?? event.place } : {}),
    aliases: event.aliases,
  };
}

/**
 * Reads an article's text against the knowledge base; `reader` (how many of the reader's
 * saved articles name each entity, the events they dismissed) shapes the ranking.
 */
export function analyzeText(article: ArticleText, kb: KnowledgeBase, reader?: ReaderContext): Analysis {
  const steps = analysisSteps(article, kb, reader);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * analyzeText with a pause between its steps (tokens, mentions, event mentions, ranking), so
 * that a service worker can answer other messages meanwhile (issue 19); `pause` may throw to
 * stop the analysis (a time budget, a newer article from the same tab).
 */
export async function analyzeTextInSteps(article: ArticleText, kb: KnowledgeBase, reader: ReaderContext | undefined, pause: () => Promise<void>): Promise<Analysis> {
  const steps = analysisSteps(article, kb, reader);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * Characters of text read for mentions at once. Mentions are found window by window, cut at
 * a paragraph or sentence end, with a pause between windows: finding them in one long
 * paragraph of names grew faster than its length (200,000 characters took 4.4 s in the
 * service worker, issue 19), and a window also bounds how long the worker is busy at once.
 * An article shorter than a window is read whole, as before; a longer one loses only what
 * links a name across a window's edge ("Putin" resolved by a "Vladimir Putin" further back).
 */
export const MENTION_WINDOW = 10_000;

/** Where to end a window that starts at `from`: a paragraph end, else a sentence end, else a space, before the limit. */
function windowEnd(text: string, from: number): number {
  const limit = from + MENTION_WINDOW;
  if (limit >= text.length) return text.length;
  const floor = from + MENTION_WINDOW / 2;
  for (const separator of ['\n\n', '. ', ' ']) {
    const at = text.lastIndexOf(separator, limit - separator.length);
    if (at >= floor) return at + separator.length;
  }
  return limit;
}

function* findMentionsInWindows(text: string, tokens: Token[], kb: KnowledgeBase, date: string | undefined): Generator<void, Mention[]> {
  if (text.length <= MENTION_WINDOW) {
    const mentions = findMentions(text, tokens, kb, date);
    yield;
    return mentions;
  }
  const all: Mention[] = [];
  for (let from = 0; from < text.length; ) {
    const to = windowEnd(text, from);
    const window = text.slice(from, to);
    for (const m of findMentions(window, tokenize(window), kb, date)) all.push({ ...m, start: m.start + from, end: m.end + from });
    from = to;
    yield;
  }
  return all;
}

function* analysisSteps(article: ArticleText, kb: KnowledgeBase, reader?: ReaderContext): Generator<void, Analysis> {
  // A page that gives no date is read as of today: its backstory is what came before now.
  const date = article.published ?? reader?.today;
  const tokens = tokenize(article.text);
  yield;
  const mentions = dropWrongLinks(yield* findMentionsInWindows(article.text, tokens, kb, date), reader?.wrongLinks);
  const eventMentions = findEventMentions(article.text, tokens, mentions, kb, date);
  yield;
  const ranked = rankRelated(kb, { text: article.text, tokens, date, headlineEnd: headlineEndOf(article.text) }, mentions, eventMentions, reader);
  yield;

  const summarize = (id: string): EntitySummary => {
    const e = kb.entities.get(id)!;
    return { id: e.id, name: e.name, type: e.type, ...(e.wikipedia ? { wikipedia: e.wikipedia } : {}), ...(e.wikidata ? { wikidata: e.wikidata } : {}) };
  };
  const withEvent = (r: RelatedEvent) => ({ ...summarizeEvent(kb, kb.events.get(r.eventId)!), score: r.score, reasons: r.reasons });

  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + (m.kind === 'demonym' ? 0 : 1));
  const entities = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([id, count]): EntityInArticle => {
      const e = kb.entities.get(id)!;
      const role = kb.rolesOn(id, date)[0];
      const of = role?.of ? kb.entities.get(role.of)?.name : undefined;
      return { ...summarize(id), description: e.description, role: role ? (of && !role.title.includes(of) ? `${role.title}, ${of}` : role.title) : null, count };
    });

  return {
    isArticle: true,
    article,
    mentions: mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, kind: m.kind, entity: summarize(m.entityId) })),
    eventMentions: eventMentions.map((m) => ({ text: m.text, start: m.start, end: m.end, event: summarizeEvent(kb, kb.events.get(m.eventId)!) })),
    related: ranked.prior.map(withEvent),
    current: ranked.current.map(withEvent),
    later: ranked.later.map(withEvent),
    chain: eventChain(kb, ranked.prior, date).map((step) => ({ ...summarizeEvent(kb, kb.events.get(step.eventId)!), ...(step.link ? { link: step.link } : {}) })),
    entities,
  };
}
