/**
 * The topic signal of the ranking: how close an event's own text (title, names, summary,
 * type and the words of its sources' addresses) is to the article's text, scored with BM25
 * (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009)
 * so that every point of it can be explained by the words both share. Rare words weigh most:
 * "Alaska" and "summit" say more than "minister" or "office", which thousands of generated
 * events share, and more than "plan" or "world", which the whole language uses (a word's
 * weight is the lower of its rarity among events and in English, see englishIdf). The
 * words' document frequencies are counted once over every event of the knowledge base
 * (TopicStatsBuilder) and stored with it; an article is only scored against them.
 */
import commonWords from '../../assets/kb/generated/common-words.json';
import type { KbEvent } from '../kb/schema';
import { sortedIndexOf, toStringList, type StringList } from '../match/string-list';
import { Case, tokenize, type Token } from '../text/tokenize';

/** Named tuning numbers of the topic score (BM25's usual values). */
export const topicWeights = {
  /** How fast repeats of a word in an event's text stop counting. */
  k1: 1.2,
  /** How much an event's longer text is discounted. */
  b: 0.75,
  /** How fast repeats of a word in the article stop counting: twice as often is not twice as relevant. */
  k3: 1,
  /** A headline word counts as this many words of the body. */
  headlineRepeat: 2,
  /** A word of an event's title or names counts as this many words of its summary. */
  nameRepeat: 2,
  /** A word of English rank r weighs at most ln(1 + r / commonRank): "world" (rank 151) 0.9, "attack" (794) 2.2, "summit" (3518) 3.6, "tariff" (17408) 5.2. */
  commonRank: 100,
  /**
   * A word is rare, and counts towards the ranking's floor, from this weight on: past the
   * 1,900 commonest English words and used by fewer than 1 event in 20 ("shooting",
   * "summit", "impeachment"; not "attack", "election" or "deal").
   */
  rareIdf: 3,
};

let englishRanks: Map<string, number> | undefined;

/** The rank of a topic word among the most common English words (its most common form); undefined for a rarer word. */
export function englishRank(term: string): number | undefined {
  if (!englishRanks) {
    englishRanks = new Map();
    commonWords.words.split(' ').forEach((word, i) => {
      const stem = stemWord(word);
      if (!englishRanks!.has(stem)) englishRanks!.set(stem, i + 1);
    });
  }
  return englishRanks.get(term);
}

/** How much a word says in English at large: Infinity for one past the common words. */
export function englishIdf(term: string): number {
  const rank = englishRank(term);
  return rank === undefined ? Infinity : Math.log(1 + rank / topicWeights.commonRank);
}

/** Function words and the verbs of reported speech: they say nothing of a topic. */
const STOP = new Set(
  (
    'the a an and or but nor of in on at to for from by with without into onto over under about above below between among ' +
    'after before since until during while as than then so if because though although whether not no yes also only even ' +
    'is are was were be been being am do does did done has have had having will would shall should can could may might must ' +
    'this that these those there here where when what which who whom whose why how it its he she they them his her their hers theirs ' +
    'we us our you your i me my mine one two three four five six seven eight nine ten first second third last next new ' +
    'said says say saying told tell tells according added asked called call calls set get got make made take took taken ' +
    'more most less least many much some any all each every other such own same very just still yet again once ' +
    'up down out off now today yesterday tomorrow week weeks month months year years day days time times ago earlier later ' +
    'mr mrs ms dr per via de la le el los las les des du da di del und der die das den von zu im'
  ).split(' '),
);

/** Years and short numbers ("2019", "000" of "3,000"): dates are the ranking's other signal; "13067" may name an order. */
const isDateLike = (word: string) => /^\d+$/.test(word) && (word.length < 4 || /^(1[89]|20)\d\d$/.test(word));

/** The form a word is compared by: folded (see tokenize), plural and possessive endings dropped. */
export function stemWord(norm: string): string {
  const n = norm.length;
  if (n < 4 || norm.charCodeAt(n - 1) !== 115 /* s */) return norm;
  if (n > 4 && norm.endsWith('ies')) return `${norm.slice(0, -3)}y`;
  if (n > 4 && (norm.endsWith('sses') || norm.endsWith('xes') || norm.endsWith('ches') || norm.endsWith('shes'))) return norm.slice(0, -2);
  if (norm.endsWith('ss') || norm.endsWith('us') || norm.endsWith('is')) return norm;
  return norm.slice(0, -1);
}

/** Whether a token can carry a topic: a word of three letters or more, not a function word, not a date. */
function isTopicWord(norm: string): boolean {
  return norm.length >= 3 && !STOP.has(norm) && !isDateLike(norm);
}

/** The topic words of a text, stemmed, in text order; [] for a text of function words only. */
export function topicTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (isTopicWord(t.norm)) out.push(stemWord(t.norm));
  return out;
}

/** The words of a source's address: "…/putin-signs-documents-annex-ukrainian-regions-2022-09-30/". */
function addressWords(url: string): string {
  try {
    const { pathname } = new URL(url);
    return decodeURIComponent(pathname).replace(/[/_\-.,]+/g, ' ');
  } catch {
    return '';
  }
}

/** An event's topic words with how often each occurs, and how many words it has in all. */
export interface EventTerms {
  counts: Map<string, number>;
  length: number;
}

/**
 * The topic words of an event: title, names, type, summary and the words of its sources' addresses. Words of its names count
 * `nameRepeat` times (BM25F's field weight): "Sarin attack on Ghouta" is what the event is,
 * its summary's words what surrounds it.
 */
export function eventTerms(event: KbEvent): EventTerms {
  const counts = new Map<string, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const t of topicTerms(text)) {
      counts.set(t, (counts.get(t) ?? 0) + weight);
      length += weight;
    }
  };
  add([event.title, ...event.aliases, event.type].join(' \n '), topicWeights.nameRepeat);
  add([event.summary, ...event.sources.map((s) => addressWords(s.url))].join(' \n '), 1);
  return { counts, length };
}

/** The stored form of the statistics: sorted words and, for each, how many events use it. */
export interface TopicStatsData {
  events: number;
  /** Topic words of all events together (for the average length). */
  words: number;
  terms: StringList;
  df: Uint32Array;
}

/** Counts, over every event of a knowledge base, how many events use each topic word. */
export class TopicStatsBuilder {
  private readonly df = new Map<string, number>();
  private events = 0;
  private words = 0;

  add(event: KbEvent): void {
    const { counts, length } = eventTerms(event);
    this.events++;
    this.words += length;
    counts.forEach((_, term) => this.df.set(term, (this.df.get(term) ?? 0) + 1));
  }

  build(): TopicStatsData {
    const terms = [...this.df.keys()].sort();
    return { events: this.events, words: this.words, terms: toStringList(terms), df: Uint32Array.from(terms, (t) => this.df.get(t)!) };
  }
}

/** Document frequencies as read by the ranking. */
export class TopicStats {
  readonly avgLength: number;
  /** Weights already worked out: ranking asks for the same words again and again. */
  private readonly idfs = new Map<string, number>();

  constructor(readonly data: TopicStatsData) {
    this.avgLength = data.events ? data.words / data.events : 1;
  }

  static of(events: Iterable<KbEvent>): TopicStats {
    const builder = new TopicStatsBuilder();
    for (const e of events) builder.add(e);
    return new TopicStats(builder.build());
  }

  /** How many events use the word (0 for a word none uses). */
  df(term: string): number {
    const i = sortedIndexOf(this.data.terms, term);
    return i < 0 ? 0 : this.data.df[i]!;
  }

  /**
   * BM25's inverse document frequency, never below 0 (a word nearly every event uses weighs
   * nothing), and no more than the word's weight in English at large.
   */
  idf(term: string): number {
    let idf = this.idfs.get(term);
    if (idf === undefined) {
      const n = this.data.events;
      const df = Math.min(this.df(term), n);
      idf = Math.min(Math.log(1 + (n - df + 0.5) / (df + 0.5)), englishIdf(term));
      this.idfs.set(term, idf);
    }
    return idf;
  }
}

/** The article's side: each topic word's weight and the form the article first writes it in. */
export interface ArticleTopic {
  weights: Map<string, number>;
  surface: Map<string, string>;
}

/**
 * The article's topic words, weighted by how often it uses them (saturating, see k3; headline
 * words count more). Tokens inside `skip` (offsets: the people it names, whom the ranking
 * counts as participants instead) are left out.
 */
export function articleTopic(text: string, tokens: Token[], headlineEnd: number, skip: { start: number; end: number }[] = []): ArticleTopic {
  const tf = new Map<string, number>();
  const surface = new Map<string, string>();
  const sorted = [...skip].sort((a, b) => a.start - b.start);
  let s = 0;
  for (const t of tokens) {
    while (s < sorted.length && sorted[s]!.end <= t.start) s++;
    if (s < sorted.length && sorted[s]!.start <= t.start) continue;
    if (!isTopicWord(t.norm)) continue;
    const term = stemWord(t.norm);
    tf.set(term, (tf.get(term) ?? 0) + (t.end <= headlineEnd ? topicWeights.headlineRepeat : 1));
    const written = text.slice(t.start, t.end);
    // The article's own spelling for reasons, a lower-case one when it has both ("summit", not "Summit" of a headline).
    const known = surface.get(term);
    if (!known || (t.case === Case.Lower && known !== known.toLowerCase())) surface.set(term, written);
  }
  const { k3 } = topicWeights;
  const weights = new Map<string, number>();
  tf.forEach((n, term) => weights.set(term, ((k3 + 1) * n) / (k3 + n)));
  return { weights, surface };
}

/** How close an event is to the article: the score and the words that make it, in no order. */
export interface TopicMatch {
  score: number;
  /** The part of the score that rare words make (see topicWeights.rareIdf). */
  rareScore: number;
  terms: { term: string; score: number; idf: number }[];
}

/**
 * BM25 of the event's words against the article's, leaving out the words in `skip` (the
 * names of the event's people and countries, counted as participants instead); score 0 and
 * no terms when they share no topic word.
 */
export function matchTopic(article: ArticleTopic, event: EventTerms, stats: TopicStats, skip?: { has(term: string): boolean }): TopicMatch {
  const { k1, b } = topicWeights;
  const norm = k1 * (1 - b + (b * event.length) / stats.avgLength);
  const terms: TopicMatch['terms'] = [];
  let score = 0;
  let rareScore = 0;
  event.counts.forEach((tf, term) => {
    const q = article.weights.get(term);
    if (!q || skip?.has(term)) return;
    const idf = stats.idf(term);
    const s = idf * ((tf * (k1 + 1)) / (tf + norm)) * q;
    if (s <= 0) return;
    terms.push({ term, score: s, idf });
    score += s;
    if (idf >= topicWeights.rareIdf) rareScore += s;
  });
  return { score, rareScore, terms };
}
