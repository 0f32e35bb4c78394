/**
 * Ranks the knowledge-base events related to an article and explains each: the article's
 * own event mentions and the events linked to them, how close the event's text is to the
 * article's (the topic, see topic.ts), the people, groups and places both name, and how long
 * before the article it happened (landmarks fade slowly). An event must pass a floor of
 * evidence to be listed at all: an article about something the knowledge base does not know
 * gets an empty list, not the events of whatever famous actor or dateline city it names.
 */
import { ROUTINE_EVENT_TYPES, type KnowledgeBase } from '../kb/knowledge-base';
import type { EventType, KbEvent } from '../kb/schema';
import type { Mention } from '../match/find-mentions';
import { dayNumber } from '../text/dates';
import type { Token } from '../text/tokenize';
import type { EventMention } from './find-event-mentions';
import { articleTopic, matchTopic, topicWeights, type ArticleTopic, type TopicMatch } from './topic';

export interface RelatedEvent {
  eventId: string;
  /** 0..1, relative to the best event of this article. */
  score: number;
  reasons: string[];
}

export interface RankedEvents {
  /** Events before the article's date, best first. */
  prior: RelatedEvent[];
  /** Events of the article's own day: usually the news it reports, so not its backstory. */
  current: RelatedEvent[];
  /** Events after the article's date ("what happened next"), earliest first. */
  later: RelatedEvent[];
}

/** The article as the ranking reads it. */
export interface RankedArticle {
  text: string;
  tokens: Token[];
  /** YYYY-MM-DD; without it nothing is ranked. */
  date: string | undefined;
  /** Where the headline ends in `text` (0: no headline). */
  headlineEnd: number;
}

/** What the ranking knows of its reader; empty when unknown. */
export interface ReaderContext {
  /** How many of the reader's saved articles name each entity. */
  savedCounts?: ReadonlyMap<string, number>;
  /** Events the reader marked "not related": never listed again. */
  dismissed?: ReadonlySet<string>;
  /** The day the reader reads the article (YYYY-MM-DD): its date when the page gives none. */
  today?: string;
  /** Names the reader marked as linked to the wrong entity in this article (issue 20): left unlinked. */
  wrongLinks?: readonly { entityId: string; text: string }[];
}

/** Named weights of the ranking; see related.test.ts and `npm run eval` before changing them. */
export const rankingWeights = {
  /** The article refers to the event itself. */
  mentionedWeight: 4,
  /** The event prepares, follows or cancels an event the article refers to. */
  linkedWeight: 1.5,
  /** Each person named in the article who took part (scaled by how often they are named). */
  personWeight: 0.6,
  /** Each country or organisation named in the article that took part… */
  groupWeight: 0.15,
  /** …up to this much in all: countries are named everywhere. */
  groupCap: 0.3,
  /** The event took place in a city, region or place the article names (or in one inside it). */
  placeWeight: 0.6,
  /** The topic score, per `topicUnit` of BM25… */
  topicWeight: 1,
  /** …(about one rare word both texts use, such as "Alaska")… */
  topicUnit: 8,
  /** …counted up to this many units. */
  topicCap: 4,
  /** Recency: half-life of an event's weight, in days. */
  halfLifeDays: 90,
  /** Recency never takes an event below this share of its weight… */
  recencyFloor: 0.3,
  /** …or below this share for a landmark. */
  landmarkFloor: 0.65,
  /** How many times a person must be named to count fully. */
  fullMentionCount: 3,
  /** Each of the reader's saved articles that names a participant (up to three count), for events on the article's topic only. */
  savedArticleWeight: 0.15,
  /**
   * The floor. An event is shown when the article mentions it or one linked to it, or on its
   * topic alone with this much BM25 from rare words (see topicWeights.rareIdf: a rare word
   * that both texts use more than once, or two)…
   */
  topicFloor: 10,
  /** …or with people or a place both name, this much of it… */
  sharedTopicFloor: 5,
  /** (people who took part count when they weigh this much: one named twice) */
  supportingPeople: 0.4,
  /** …or when two people named in the article took part, weighing this much together (one named three times, the other twice), and a rare word is shared. */
  peopleFloor: 1,
  /** A routine event (see ROUTINE_EVENT_TYPES) of someone the article names is shown without topic words up to this many days before it. */
  freshOfficeDays: 45,
  /** …or a country named this often (demonyms too) held it, and the article speaks of its kind ("elections"). */
  countryCount: 3,
  /**
   * An event shown on its topic words alone, or on two people and any rare word, needs one
   * rare word the article stresses: of this weight in the article's topic (see
   * topicWeights.k3: a word used twice, or once in the headline).
   */
  stressedWeight: 1.3,
  /** A topic word is named in the reasons when it makes at least this share of the topic score. */
  reasonTermShare: 0.15,
  /** Events worth listing at all, relative to the best. */
  minShare: 0.05,
  maxResults: 30,
};

const TYPE_WEIGHT: Record<EventType, number> = {
  summit: 1,
  meeting: 0.9,
  call: 0.9,
  talks: 0.9,
  visit: 0.85,
  agreement: 0.9,
  attack: 0.85,
  disaster: 0.85,
  crisis: 0.85,
  statement: 0.75,
  sanctions: 0.7,
  election: 0.7,
  inauguration: 0.6,
  government: 0.5,
};

/** Words by which an article speaks of a routine event's kind. */
const ROUTINE_WORDS: Partial<Record<EventType, string[]>> = {
  election: ['election', 'elect', 'vote', 'poll', 'ballot'],
  government: ['cabinet', 'government', 'coalition'],
  inauguration: ['sworn', 'inauguration', 'inaugurated'],
};

export const PLACE_TYPES: ReadonlySet<string> = new Set(['city', 'region', 'place']);
/** Entities whose names are left out of the article's topic words (see rankRelated). */
export const ACTOR_TYPES: ReadonlySet<string> = new Set(['person', 'country', 'city']);

/** How far into the body a dateline may end. */
const DATELINE_REACH = 40;

/** The body's first mention when it is a dateline: a name in capitals at the very start ("LONDON (AP) —"); null otherwise. */
function datelineMention(article: RankedArticle, mentions: Mention[]): Mention | null {
  const bodyStart = article.headlineEnd ? article.headlineEnd + 2 : 0;
  const first = mentions.find((m) => m.start >= bodyStart);
  if (!first || first.end > bodyStart + DATELINE_REACH) return null;
  return /\p{Ll}/u.test(first.text) ? null : first;
}

/** "two months before this article" and the like; "the same day" for 0. `of` names the article. */
export function describeInterval(days: number, of = 'this article'): string {
  const abs = Math.abs(days);
  const when = days >= 0 ? 'before' : 'after';
  if (abs === 0) return `the same day as ${of}`;
  if (abs === 1) return `the day ${when} ${of}`;
  if (abs < 14) return `${abs} days ${when} ${of}`;
  if (abs < 60) return `${Math.round(abs / 7)} weeks ${when} ${of}`;
  if (abs < 730) return `${Math.round(abs / 30.44)} months ${when} ${of}`;
  return `${Math.round(abs / 365.25)} years ${when} ${of}`;
}

/** How much of its weight something `days` away keeps: half every half-life, never below `floor`. */
export function recencyShare(days: number, floor: number): number {
  return floor + (1 - floor) * Math.pow(0.5, Math.abs(days) / rankingWeights.halfLifeDays);
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A word as a reason shows it: a proper name bare, any other word quoted. */
export const asReasonWord = (word: string) => (word[0] !== word[0]!.toLowerCase() ? word : `“${word}”`);

/** "names Alaska and “summit”": the article's own spelling, proper names bare, other words quoted. */
function describeTopic(match: TopicMatch, topic: ArticleTopic, share = rankingWeights.reasonTermShare): string | null {
  const words = match.terms
    .filter((t) => t.score >= share * match.score)
    .sort((x, y) => y.score - x.score)
    .slice(0, 3)
    .map((t) => asReasonWord(topic.surface.get(t.term) ?? t.term));
  return words.length ? `names ${joinNames(words)}` : null;
}

/** The events linked to those the article mentions, each with its link (an event's own link first). */
function linkedEvents(kb: KnowledgeBase, mentioned: ReadonlyMap<string, string>): Map<string, { type: string; other: KbEvent }> {
  const linkedTo = new Map<string, { type: string; other: KbEvent }>();
  // Links go both ways: the call that prepared a mentioned summit, the summit a mentioned call
  // prepared. Events go by id, so the reason does not depend on the order the knowledge base
  // lists them in.
  if (!mentioned.size) return linkedTo;
  for (const inverse of [false, true]) {
    for (const event of kb.linkingEvents) {
      for (const link of event.links ?? []) {
        const other = kb.events.get(link.event);
        if (!other) continue;
        if (!inverse && mentioned.has(other.id) && !linkedTo.has(event.id)) linkedTo.set(event.id, { type: link.type, other });
        if (inverse && mentioned.has(event.id) && !linkedTo.has(other.id)) linkedTo.set(other.id, { type: `${link.type}-by`, other: event });
      }
    }
  }
  return linkedTo;
}

/** Where the headline ends in an article text laid out as "headline, blank line, body"; 0 when there is no body. */
export function headlineEndOf(text: string): number {
  const at = text.indexOf('\n\n');
  return at < 0 ? 0 : at;
}

/**
 * Ranks events related to the article. Returns empty lists when the article has no date or
 * names nothing the knowledge base knows, and when no event passes the floor.
 */
export function rankRelated(kb: KnowledgeBase, article: RankedArticle, mentions: Mention[], eventMentions: EventMention[], reader: ReaderContext = {}): RankedEvents {
  const { date } = article;
  if (!date) return { prior: [], current: [], later: [] };
  const w = rankingWeights;
  const today = dayNumber(date);
  const savedCounts = reader.savedCounts ?? new Map<string, number>();
  // A dateline ("NEW YORK (Reuters) -") says where the reporter was, not what the story is about.
  const dateline = datelineMention(article, mentions);
  const counts = new Map<string, number>();
  // Countries counted with their demonyms ("Israeli"), for the routine events of a country the article is about.
  const withDemonyms = new Map<string, number>();
  for (const m of mentions) {
    if (m === dateline) continue;
    if (m.kind !== 'demonym') counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    withDemonyms.set(m.entityId, (withDemonyms.get(m.entityId) ?? 0) + 1);
  }
  // Places named, with what contains them: "Alaska" counts for a summit in Anchorage.
  const namedPlaces = new Set<string>();
  for (const id of counts.keys()) if (PLACE_TYPES.has(kb.entities.get(id)?.type ?? '')) namedPlaces.add(id);

  const mentionedAs = new Map<string, string>();
  for (const em of eventMentions) if (!mentionedAs.has(em.eventId)) mentionedAs.set(em.eventId, em.text);

  const candidates = new Set<KbEvent>();
  for (const id of counts.keys()) for (const e of kb.eventsOf(id)) candidates.add(e);
  for (const id of mentionedAs.keys()) {
    const event = kb.events.get(id);
    if (event) candidates.add(event);
  }
  const linkedTo = linkedEvents(kb, mentionedAs);
  for (const [id, link] of linkedTo) candidates.add(kb.events.get(id)!), candidates.add(link.other);

  // People, countries and cities named are the participants' and places' signals, capped so
  // that a famous name does not carry an event: their names are not topic words too.
  const actors = mentions.filter((m) => m.kind === 'demonym' || ACTOR_TYPES.has(kb.entities.get(m.entityId)?.type ?? ''));
  const topic = articleTopic(article.text, article.tokens, article.headlineEnd, actors);
  const stats = kb.topicStats;

  const scored = [...candidates].flatMap((event) => {
    if (reader.dismissed?.has(event.id)) return [];
    const reasons: string[] = [];
    let score = 0;
    const asText = mentionedAs.get(event.id);
    if (asText !== undefined) {
      score += w.mentionedWeight;
      reasons.push(`mentioned in this article as “${asText}”`);
    }
    const link = linkedTo.get(event.id);
    if (link) {
      score += w.linkedWeight;
      reasons.push(describeLink(link.type, link.other.title));
    }
    // A routine record the article does not name, nor any of its people, is shown only when
    // its title shares a rare word with the article: checked first, on the title alone, as
    // most candidates are such records (an article naming the United States has a thousand).
    const routine = ROUTINE_EVENT_TYPES.has(event.type);
    const days = today - dayNumber(event.date);
    const fresh = days >= 0 && days <= w.freshOfficeDays;
    if (routine && !fresh && asText === undefined && !link && !event.participants.some((p) => kb.entities.get(p.entity)?.type === 'person' && counts.has(p.entity))) {
      const actorWords = kb.actorWordsOf(event);
      if (!kb.titleTermsOf(event).some((term) => topic.weights.has(term) && !actorWords.has(term) && stats.idf(term) >= topicWeights.rareIdf)) return [];
    }
    const match = matchTopic(topic, kb.topicTermsOf(event), stats, kb.actorWordsOf(event));
    if (match.score > 0) score += w.topicWeight * Math.min(w.topicCap, match.score / w.topicUnit);

    let peopleWeight = 0;
    let groups = 0;
    const names: string[] = [];
    for (const p of event.participants) {
      const n = counts.get(p.entity);
      const entity = kb.entities.get(p.entity);
      if (!n || !entity) continue;
      if (entity.type === 'person') {
        peopleWeight += w.personWeight * Math.min(1, n / w.fullMentionCount);
        names.push(entity.name.split(' ').at(-1)!);
      } else if (p.entity !== event.place) groups += w.groupWeight;
    }
    score += peopleWeight + Math.min(w.groupCap, groups);
    const place = event.place ? kb.entities.get(event.place) : undefined;
    const placeNamed = place && (namedPlaces.has(place.id) || (place.partOf ?? []).some((id) => namedPlaces.has(id)));
    if (placeNamed) score += w.placeWeight;

    // Routine events need the article to be about them: shared actors do not show them.
    // Only rare words count towards the floor: common words repeated ("attack", "leaders") are no topic.
    const rare = match.rareScore;
    const rareWords = match.terms.filter((t) => t.idf >= topicWeights.rareIdf).length;
    // A rare word the article stresses (in its headline, or used again): "memo", "billion" or
    // "declare" said once in passing is no topic, however rare among events.
    const stressed = match.terms.some((t) => t.idf >= topicWeights.rareIdf && (topic.weights.get(t.term) ?? 0) >= w.stressedWeight);
    const ofItsKind = () => (ROUTINE_WORDS[event.type] ?? []).some((word) => topic.weights.has(word));
    const itsCountry = () => event.participants.some((p) => kb.entities.get(p.entity)?.type === 'country' && (withDemonyms.get(p.entity) ?? 0) >= w.countryCount);
    const shown =
      asText !== undefined ||
      link !== undefined ||
      (rare >= w.topicFloor && stressed && (!routine || rareWords >= 2)) ||
      // Someone the article names took office only just, or its country's election of last week is what it speaks of.
      (routine && fresh && (names.length > 0 || (itsCountry() && ofItsKind()))) ||
      (!routine && (peopleWeight >= w.supportingPeople || placeNamed) && rare >= w.sharedTopicFloor) ||
      (!routine && names.length >= 2 && peopleWeight >= w.peopleFloor && stressed);
    if (!shown) return [];

    const topicReason = describeTopic(match, topic);
    if (topicReason) reasons.push(topicReason);
    if (names.length) reasons.push(names.length === 1 ? `${names[0]} took part` : names.length === 2 ? `${names[0]} and ${names[1]} both took part` : `${joinNames(names)} took part`);
    if (placeNamed) reasons.push(`took place in ${place.name}`);
    // The reader's saved articles lift an event on this article's topic, not every event of a famous name.
    const onTopic = match.score >= w.sharedTopicFloor;
    const saved = onTopic ? Math.min(3, Math.max(0, ...event.participants.filter((p) => counts.has(p.entity)).map((p) => savedCounts.get(p.entity) ?? 0))) : 0;
    if (saved > 0) {
      score += w.savedArticleWeight * saved;
      reasons.push(saved === 1 ? 'its people appear in one of your saved articles' : `its people appear in ${saved} of your saved articles`);
    }
    const floor = event.landmark ? w.landmarkFloor : w.recencyFloor;
    const recency = recencyShare(days, floor);
    score *= recency * TYPE_WEIGHT[event.type];
    reasons.push(describeInterval(days));
    if (event.landmark && Math.abs(days) > 365) reasons.push('a landmark in this story');
    return [{ eventId: event.id, score, reasons, days }];
  });

  // Scores are shares of the best prior event's, or of the best event at all when none is prior.
  const best = Math.max(0, ...scored.filter((s) => s.days > 0).map((s) => s.score)) || Math.max(0, ...scored.map((s) => s.score));
  const keep = (s: { score: number }) => best > 0 && s.score / best >= w.minShare;
  const toRelated = ({ eventId, score, reasons }: (typeof scored)[number]): RelatedEvent => ({
    eventId,
    score: Math.round((score / best) * 1000) / 1000,
    reasons,
  });
  const prior = scored
    .filter((s) => s.days > 0 && keep(s))
    .sort((a, b) => b.score - a.score || a.days - b.days)
    .slice(0, w.maxResults)
    .map(toRelated);
  const later = scored
    .filter((s) => s.days < 0 && keep(s))
    .sort((a, b) => b.days - a.days)
    .slice(0, w.maxResults)
    .map(toRelated);
  const current = scored
    .filter((s) => s.days === 0 && keep(s))
    .sort((a, b) => b.score - a.score)
    .map(toRelated);
  return { prior, current, later };
}

function describeLink(type: string, otherTitle: string): string {
  switch (type) {
    case 'prepares':
      return `prepared “${otherTitle}”, mentioned here`;
    case 'prepares-by':
      return `prepared by “${otherTitle}”, mentioned here`;
    case 'cancels':
      return `called off “${otherTitle}”, mentioned here`;
    case 'cancels-by':
      return `called off by “${otherTitle}”, mentioned here`;
    case 'follows':
      return `followed “${otherTitle}”, mentioned here`;
    case 'follows-by':
      return `followed by “${otherTitle}”, mentioned here`;
    default:
      return `linked to “${otherTitle}”, mentioned here`;
  }
}
