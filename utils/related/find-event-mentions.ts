/**
 * Finds the places where an article refers to a specific knowledge-base event: by one of
 * its names ("the Alaska summit", "Helsinki summit"), or by a trigger word ("call", "met",
 * "summit") whose sentence names the event's participants or place and, where it says when,
 * a date that fits ("last week", "in August").
 */
import { involvedIds, type KnowledgeBase } from '../kb/knowledge-base';
import type { EventType, KbEvent } from '../kb/schema';
import type { Mention } from '../match/find-mentions';
import { Case, type Token } from '../text/tokenize';
import { dayNumber, lastDayNumber } from '../text/dates';
import { findDateCues, type DateCue } from '../text/relative-dates';
import { sentenceSpans } from '../text/sentences';
import { headlineEndOf } from './rank-related';

export interface EventMention {
  text: string;
  start: number;
  end: number;
  eventId: string;
  /** How it was found: by a name of the event, or by a trigger word and its context. */
  via: 'alias' | 'context';
}

const TRIGGERS: Record<string, EventType[]> = {
  summit: ['summit', 'meeting'],
  meeting: ['summit', 'meeting', 'talks', 'visit'],
  meet: ['summit', 'meeting', 'talks', 'visit'],
  met: ['summit', 'meeting', 'talks', 'visit'],
  meets: ['summit', 'meeting', 'talks', 'visit'],
  visit: ['visit', 'meeting'],
  talks: ['talks', 'summit', 'meeting'],
  negotiations: ['talks'],
  // "calls"/"called" are nearly always verbs ("calls off", "called for"): only the noun counts.
  call: ['call'],
  statement: ['statement'],
  sanctions: ['sanctions'],
  agreement: ['agreement'],
  deal: ['agreement'],
  election: ['election'],
  elections: ['election'],
  vote: ['election'],
  referendum: ['election'],
  inauguration: ['inauguration'],
  sworn: ['inauguration'],
  cabinet: ['government'],
  coalition: ['government'],
  invasion: ['attack'],
  attack: ['attack'],
  attacks: ['attack'],
  shooting: ['attack'],
  bombing: ['attack'],
  strike: ['attack'],
  strikes: ['attack'],
  killed: ['attack'],
  killing: ['attack'],
  gunman: ['attack'],
  massacre: ['attack'],
  earthquake: ['disaster'],
  quake: ['disaster'],
  flood: ['disaster'],
  floods: ['disaster'],
  hurricane: ['disaster'],
  typhoon: ['disaster'],
  standoff: ['crisis'],
  crisis: ['crisis'],
  // A fall from power: "the government that ousted Evo Morales", "the coup".
  coup: ['crisis'],
  ousted: ['crisis'],
  ouster: ['crisis'],
  overthrow: ['crisis'],
  overthrown: ['crisis'],
  toppled: ['crisis'],
  resignation: ['crisis'],
  resigned: ['crisis'],
  resigns: ['crisis'],
  hearing: ['meeting', 'statement'],
  hearings: ['meeting', 'statement'],
  testimony: ['meeting', 'statement'],
  testified: ['meeting', 'statement'],
  tariffs: ['sanctions', 'statement'],
  ceasefire: ['agreement'],
  truce: ['agreement'],
  treaty: ['agreement'],
  accord: ['agreement'],
  visited: ['visit', 'meeting'],
  trip: ['visit'],
  conversation: ['call'],
  embargo: ['sanctions'],
  uprising: ['crisis'],
  revolution: ['crisis'],
  revolt: ['crisis'],
  unrest: ['crisis'],
  elected: ['election'],
  speech: ['statement'],
  address: ['statement'],
  verdict: ['statement'],
  ruled: ['statement'],
  acquisition: ['agreement'],
  acquired: ['agreement'],
  bought: ['agreement'],
  merger: ['agreement'],
  takeover: ['agreement'],
  invaded: ['attack'],
  bombings: ['attack'],
  bombed: ['attack'],
  // The same kinds in the other languages the extension reads (es, fr, de), as tokens hold them: lower case, without accents.
  elecciones: ['election'],
  eleccion: ['election'],
  wahl: ['election'],
  wahlen: ['election'],
  cumbre: ['summit', 'meeting'],
  sommet: ['summit', 'meeting'],
  gipfel: ['summit', 'meeting'],
  acuerdo: ['agreement'],
  abkommen: ['agreement'],
  ataque: ['attack'],
  atentado: ['attack'],
  attentat: ['attack'],
  anschlag: ['attack'],
  terremoto: ['disaster'],
  sismo: ['disaster'],
  seisme: ['disaster'],
  erdbeben: ['disaster'],
  golpe: ['crisis'],
  putsch: ['crisis'],
};

/** Words too common to make an event's name distinctive on their own. */
const GENERIC = new Set(['the', 'a', 'of', 'in', 'on', 'at', 'with', 'and', 'to', 'first', 'second', 'third', 'new', 'last', 'next', 'two', 'three', 'round', 'leaders', 'us', 'u', 's']);

/** Words kept with the trigger in the mention: "phone call", "joint statement". */
const MODIFIERS = new Set(['phone', 'video', 'joint', 'peace']);

/** Tuning numbers for context matches. */
export const eventMentionWeights = {
  personWeight: 2,
  placeWeight: 1.5,
  otherEntityWeight: 0.5,
  /** Least context score for a trigger word to name an event. */
  threshold: 3,
  /** …for words that name one kind of event only ("shooting", "election"): less context needed. */
  specificThreshold: 2,
  /** With no date in the sentence, how far before the article an event may lie (days)… */
  undatedWindowDays: 45,
  /**
   * …and in the headline or the first sentence, where a trigger word names the article's own
   * news ("the prisoner swap" in a story about that swap): an older event of its kind is not it.
   */
  ownEventWindowDays: 7,
  /** A date phrase that names the event's very day ("the October 7 attack"). */
  exactDayWeight: 2,
};

/** Entities that an event involves, metonyms resolved to what they stand for. */
function involvedEntities(kb: KnowledgeBase, event: KbEvent): Set<string> {
  const ids = involvedIds(event);
  for (const id of [...ids]) for (const s of kb.entities.get(id)?.standsFor ?? []) ids.add(s);
  return ids;
}

function eventFitsRange(event: KbEvent, from: number, to: number): boolean {
  const start = dayNumber(event.date);
  const end = lastDayNumber(event.end ?? event.date);
  return start <= to && end >= from;
}

/**
 * Every event mention in the article, in text order; [] when the article has no date or
 * names no known event. Only events on or before the article's date are considered.
 */
export function findEventMentions(
  text: string,
  tokens: Token[],
  mentions: Mention[],
  kb: KnowledgeBase,
  date: string | undefined,
): EventMention[] {
  if (!date) return [];
  const today = dayNumber(date);
  const found: EventMention[] = [];
  const isPrior = (e: KbEvent) => dayNumber(e.date) <= today;

  // 1. By name: a name with a proper noun in it ("Alaska summit"), or a distinctive phrase
  // ("the midterm elections"); "phone call" alone names nothing.
  const sentences = sentenceSpans(text);
  const cuesBySentence = sentences.map((s) => findDateCues(text, date, s.start, s.end));
  // Tokens inside a mention by name, which a trigger word cannot start again.
  const byName = new Uint8Array(tokens.length);
  for (const match of kb.index.findAll(text, tokens, (t) => t.kind === 'event')) {
    const words = tokens.slice(match.from, match.to).map((t) => t.norm);
    const distinctive = words.length > 1 && words.some((w) => !TRIGGERS[w] && !MODIFIERS.has(w) && !GENERIC.has(w));
    const named = match.targets.filter((t) => distinctive || t.cases.some((c) => c !== Case.Lower));
    const si = sentenceAt(sentences, tokens[match.from]!.start);
    const cues = cuesBySentence[si] ?? [];
    const events = named
      .map((t) => kb.events.get(t.ref)!)
      .filter(isPrior)
      .filter((e) => !cues.length || cues.some((c) => eventFitsRange(e, dayNumber(c.from), dayNumber(c.to))));
    const nearest = events.sort((a, b) => b.date.localeCompare(a.date))[0];
    if (!nearest) continue;
    const start = tokens[match.from]!.start;
    const end = tokens[match.to - 1]!.end;
    found.push({ text: text.slice(start, end), start, end, eventId: nearest.id, via: 'alias' });
    byName.fill(1, match.from, match.to);
  }

  // Names in each sentence, found once: looking them up per trigger word was quadratic (issue 19).
  const namesBySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (m.kind !== 'name') continue;
    const si = sentenceAt(sentences, m.start);
    if (si < 0 || m.end > sentences[si]!.end) continue;
    (namesBySentence.get(si) ?? namesBySentence.set(si, []).get(si)!).push(m);
  }

  // The headline and the body's first sentence: where the article names its own news.
  const ledeEnd = sentences.find((s) => s.start > headlineEndOf(text))?.end ?? 0;

  // 2. By a trigger word in a sentence that names the event's participants or place, or
  // whose date phrase names the event's very day ("the October 7 attack").
  tokens.forEach((token, ti) => {
    const types = TRIGGERS[token.norm];
    if (!types || byName[ti]) return;
    const si = sentenceAt(sentences, token.start);
    if (si < 0) return;
    const here = namesBySentence.get(si) ?? [];
    const named = new Set(here.flatMap((m) => [m.entityId, ...(kb.entities.get(m.entityId)?.standsFor ?? [])]));
    const cues: DateCue[] = cuesBySentence[si] ?? [];
    const days = cues.filter((c) => c.from === c.to).map((c) => c.from);
    const inLede = token.start < ledeEnd;
    let best: { event: KbEvent; score: number } | null = null;
    for (const event of candidateEvents(kb, named, days)) {
      if (!types.includes(event.type) || !isPrior(event)) continue;
      // In the lede a trigger word names the article's own news ("Trump and Putin held talks
      // today"), unless it is a fall from power, which befalls a leader once, of someone the
      // sentence names ("the government that ousted Evo Morales").
      const once = types.every((t) => t === 'crisis') && namesParticipant(kb, event, named);
      const window = inLede && !once ? eventMentionWeights.ownEventWindowDays : eventMentionWeights.undatedWindowDays;
      const inRange = cues.length
        ? cues.some((c) => eventFitsRange(event, dayNumber(c.from), dayNumber(c.to)))
        : today - dayNumber(event.date) <= window;
      if (!inRange) continue;
      const exactDay = days.includes(event.date);
      const score = contextScore(kb, event, named) + (exactDay ? eventMentionWeights.exactDayWeight : cues.length ? 1 : 0);
      const specific = types.length === 1 && (types[0] === 'attack' || types[0] === 'election' || types[0] === 'crisis');
      if (score < (specific ? eventMentionWeights.specificThreshold : eventMentionWeights.threshold)) continue;
      if (!best || score > best.score || (score === best.score && event.date > best.event.date)) best = { event, score };
    }
    if (!best) return;
    const previous = tokens[ti - 1];
    const start = previous && MODIFIERS.has(previous.norm) && token.start - previous.end === 1 ? previous.start : token.start;
    found.push({ text: text.slice(start, token.end), start, end: token.end, eventId: best.event.id, via: 'context' });
  });
  return found.sort((a, b) => a.start - b.start);
}

/** The index of the sentence that holds `offset` (sentences are in order), or -1. */
function sentenceAt(sentences: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The events of the entities named, and those of the days named. */
function candidateEvents(kb: KnowledgeBase, named: Set<string>, days: string[]): Set<KbEvent> {
  const events = new Set<KbEvent>();
  for (const id of named) for (const e of kb.eventsOf(id)) events.add(e);
  for (const day of days) for (const e of kb.eventsOn(day)) events.add(e);
  return events;
}

/** True when a person who took part in the event is among the named. */
function namesParticipant(kb: KnowledgeBase, event: KbEvent, named: Set<string>): boolean {
  return event.participants.some((p) => named.has(p.entity) && kb.entities.get(p.entity)?.type === 'person');
}

function contextScore(kb: KnowledgeBase, event: KbEvent, named: Set<string>): number {
  let score = 0;
  for (const id of involvedEntities(kb, event)) {
    if (!named.has(id)) continue;
    const type = kb.entities.get(id)?.type;
    score +=
      type === 'person'
        ? eventMentionWeights.personWeight
        : type === 'city' || type === 'place' || type === 'region' || id === event.place
          ? eventMentionWeights.placeWeight
          : eventMentionWeights.otherEntityWeight;
  }
  return score;
}
