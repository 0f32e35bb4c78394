/**
 * Ranks the knowledge-base events related to an article and explains each: shared
 * participants and places, the article's own event mentions and the events linked to them,
 * the event's type, and how long before the article it happened (landmarks fade slowly).
 */
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { EventType, KbEvent } from '../kb/schema';
import type { Mention } from '../match/find-mentions';
import { dayNumber } from '../text/dates';
import type { EventMention } from './find-event-mentions';

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

/** Named weights of the ranking; see tests/ranking cases before changing them. */
export const rankingWeights = {
  /** The article refers to the event itself. */
  mentionedWeight: 4,
  /** The event prepares, follows or cancels an event the article refers to. */
  linkedWeight: 1.5,
  /** Each person named in the article who took part (scaled by how often they are named). */
  personWeight: 1,
  /** Each country or organisation named in the article that took part. */
  groupWeight: 0.3,
  /** The event took place somewhere the article names. */
  placeWeight: 0.8,
  /** Recency: half-life of an event's weight, in days. */
  halfLifeDays: 90,
  /** Recency never takes an event below this share of its weight… */
  recencyFloor: 0.3,
  /** …or below this share for a landmark. */
  landmarkFloor: 0.65,
  /** How many times a person must be named to count fully. */
  fullMentionCount: 3,
  /** Each of the reader's saved articles that names a participant (up to three count). */
  savedArticleWeight: 0.15,
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
  statement: 0.75,
  sanctions: 0.7,
  election: 0.7,
  // Routine facts of the open data (a head of government took office, a cabinet formed):
  // context, rarely the story itself.
  inauguration: 0.6,
  government: 0.5,
};

/** "two months before this article" and the like; "the same day" for 0. */
export function describeInterval(days: number): string {
  const abs = Math.abs(days);
  const when = days >= 0 ? 'before' : 'after';
  if (abs === 0) return 'the same day as this article';
  if (abs === 1) return `the day ${when} this article`;
  if (abs < 14) return `${abs} days ${when} this article`;
  if (abs < 60) return `${Math.round(abs / 7)} weeks ${when} this article`;
  if (abs < 730) return `${Math.round(abs / 30.44)} months ${when} this article`;
  return `${Math.round(abs / 365.25)} years ${when} this article`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Ranks events related to an article dated `date`. Returns empty lists when the article
 * names nothing the knowledge base knows or has no date.
 */
export function rankRelated(
  kb: KnowledgeBase,
  date: string | undefined,
  mentions: Mention[],
  eventMentions: EventMention[],
  /** How many of the reader's saved articles name each entity; empty when unknown. */
  savedCounts: ReadonlyMap<string, number> = new Map(),
): RankedEvents {
  if (!date) return { prior: [], current: [], later: [] };
  const w = rankingWeights;
  const today = dayNumber(date);
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.kind !== 'demonym') counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);

  const mentionedAs = new Map<string, string>();
  for (const em of eventMentions) if (!mentionedAs.has(em.eventId)) mentionedAs.set(em.eventId, em.text);

  const candidates = new Set<KbEvent>();
  for (const id of counts.keys()) for (const e of kb.eventsOf(id)) candidates.add(e);
  for (const id of mentionedAs.keys()) {
    const event = kb.events.get(id);
    if (event) candidates.add(event);
  }
  // Links go both ways: the call that prepared a mentioned summit, the summit a mentioned call
  // prepared. An event's own link is its reason before a link to it from another; events go
  // by id, so the reason does not depend on the order the knowledge base lists them in.
  const linkedTo = new Map<string, { type: string; other: KbEvent }>();
  const byId = [...kb.events.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const inverse of [false, true]) {
    for (const event of byId) {
      for (const link of event.links ?? []) {
        const other = kb.events.get(link.event);
        if (!other) continue;
        if (!inverse && mentionedAs.has(other.id) && !linkedTo.has(event.id)) linkedTo.set(event.id, { type: link.type, other });
        if (inverse && mentionedAs.has(event.id) && !linkedTo.has(other.id)) linkedTo.set(other.id, { type: `${link.type}-by`, other: event });
        if (linkedTo.has(event.id)) candidates.add(event);
        if (linkedTo.has(other.id)) candidates.add(other);
      }
    }
  }

  const scored = [...candidates].map((event) => {
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
    const people: string[] = [];
    for (const p of event.participants) {
      const n = counts.get(p.entity);
      const entity = kb.entities.get(p.entity);
      if (!n || !entity) continue;
      if (entity.type === 'person') {
        score += w.personWeight * Math.min(1, n / w.fullMentionCount);
        people.push(entity.name.split(' ').at(-1)!);
      } else score += w.groupWeight;
    }
    if (people.length) reasons.push(people.length === 1 ? `${people[0]} took part` : `${joinNames(people)} took part`);
    const saved = Math.min(3, Math.max(0, ...event.participants.filter((p) => counts.has(p.entity)).map((p) => savedCounts.get(p.entity) ?? 0)));
    if (saved > 0) {
      score += w.savedArticleWeight * saved;
      reasons.push(saved === 1 ? 'its people appear in one of your saved articles' : `its people appear in ${saved} of your saved articles`);
    }
    if (event.place && counts.has(event.place)) {
      score += w.placeWeight;
      reasons.push(`took place in ${kb.entities.get(event.place)?.name ?? event.place}`);
    }
    const days = today - dayNumber(event.date);
    const floor = event.landmark ? w.landmarkFloor : w.recencyFloor;
    const recency = floor + (1 - floor) * Math.pow(0.5, Math.abs(days) / w.halfLifeDays);
    score *= recency * TYPE_WEIGHT[event.type];
    reasons.push(describeInterval(days));
    if (event.landmark && Math.abs(days) > 365) reasons.push('a landmark in this story');
    return { eventId: event.id, score, reasons, days };
  });

  const best = Math.max(0, ...scored.filter((s) => s.days > 0).map((s) => s.score));
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
