/**
 * What the words around a match say about it: the type of thing expected there ("in X" is a
 * place, "X said" a speaker, "President X" a person), whether the match is only part of a
 * longer name the knowledge base does not know ("Chad" in "Chad Smith"), and whether a month
 * name is a date ("May 5").
 */
import type { EntityType } from '../kb/schema';
import { monthNumber } from '../text/dates';
import { Case, type Token } from '../text/tokenize';

const PLACE_TYPES: EntityType[] = ['country', 'city', 'region', 'place'];
const SPEAKER_TYPES: EntityType[] = ['person', 'organisation'];

const PLACE_BEFORE = new Set(['in', 'from', 'to', 'across', 'near', 'into', 'at', 'throughout', 'inside', 'outside', 'visited', 'visit', 'visiting', 'invaded', 'invade']);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'argued', 'warned', 'wrote', 'tweeted', 'insisted', 'claimed', 'denied', 'asked', 'replied', 'explained']);

/** Words that stand before a name as a title: what follows is a person. */
export const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'president', 'presidents', 'minister', 'ministers', 'premier', 'chancellor', 'secretary', 'senator', 'sen',
  'rep', 'representative', 'governor', 'gov', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'gen', 'general', 'admiral', 'colonel', 'col',
  'judge', 'justice', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'speaker', 'chairman', 'chairwoman', 'chief',
  'director', 'commissioner', 'emir', 'sheikh', 'crown', 'vice', 'deputy', 'foreign', 'defence', 'defense', 'prime', 'state', 'lt', 'sgt', 'capt',
  'herr', 'frau', 'monsieur', 'madame', 'señor', 'senor', 'presidente', 'präsident', 'prasident', 'kanzler', 'kanzlerin', 'ministre', 'ministro',
]);

/** Capitalised words that are capitalised because they start a sentence or a title, not a name. */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'for', 'but', 'and', 'or', 'when', 'while', 'after', 'before', 'as', 'if', 'with', 'by', 'from', 'to', 'of',
  'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'there', 'here',
  'not', 'no', 'yes', 'so', 'then', 'now', 'still', 'also', 'even', 'only', 'since', 'until', 'during', 'under', 'over', 'about', 'against',
  'between', 'both', 'all', 'some', 'many', 'most', 'more', 'last', 'next', 'new', 'former', 'late', 'former', 'north', 'south', 'east', 'west',
  'der', 'die', 'das', 'el', 'la', 'los', 'las', 'le', 'les', 'et', 'und', 'y', 'en', 'de', 'del', 'im', 'am',
]);

/** True when a particle and a capitalised word go on after a name: "Omar Hassan al-Bashir", "Osama bin Laden". */
export function continuesWithParticle(text: string, tokens: Token[], to: number): boolean {
  const particle = tokens[to];
  return (
    particle !== undefined &&
    NAME_PARTICLES.has(particle.norm) &&
    particle.case === Case.Lower &&
    tokens[to + 1]?.case === Case.Capitalised &&
    /^[ -]$/.test(text.slice(tokens[to - 1]!.end, particle.start)) &&
    /^[ -]$/.test(text.slice(particle.end, tokens[to + 1]!.start))
  );
}

/** Lower-case particles inside a person's name. */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'ter', 'zu']);

/** Capitalised words that often open a sentence before a name. */
const SENTENCE_OPENERS = new Set([
  'yesterday', 'today', 'tomorrow', 'tonight', 'meanwhile', 'earlier', 'later', 'however', 'instead', 'separately', 'previously', 'recently', 'currently',
  'initially', 'finally', 'again', 'already', 'indeed', 'perhaps', 'maybe', 'yet', 'thus', 'hence', 'besides', 'moreover', 'furthermore', 'nevertheless',
  'nonetheless', 'otherwise', 'similarly', 'likewise', 'overnight', 'once', 'twice', 'where', 'why', 'how', 'what', 'who', 'which', 'whether', 'although',
  'though', 'because', 'unless', 'whereas', 'asked', 'says', 'said', 'like', 'unlike', 'including', 'despite', 'without', 'within', 'beyond', 'upon',
  'nor', 'did', 'does', 'do', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must',
  'ukrainian', 'russian', 'american', 'british', 'french', 'german', 'chinese', 'israeli', 'european', 'iranian', 'syrian', 'turkish', 'indian',
  'mr', 'ms', 'mrs', 'dr', 'president', 'prime', 'minister', 'senator', 'general', 'sir', 'dame',
  ...FUNCTION_WORDS,
]);

function isNumber(token: Token | undefined): boolean {
  return token !== undefined && /^\d{1,4}$/.test(token.norm);
}

/** True when only spaces separate two tokens (one name runs on across them). */
function touches(text: string, left: Token, right: Token): boolean {
  const gap = text.slice(left.end, right.start);
  return gap.length > 0 && gap.length <= 2 && /^[ \u00a0]+$/.test(gap);
}

/** The entity types the surrounding words point to; [] when they say nothing. */
export function expectedTypes(text: string, tokens: Token[], from: number, to: number): EntityType[] {
  const before = tokens[from - 1];
  const after = tokens[to];
  if (before && TITLE_WORDS.has(before.norm) && touches(text, before, tokens[from]!)) return ['person'];
  if (isDateline(text, tokens, from, to)) return ['city'];
  // "in Granada, the colonial city": what the apposition says is more precise than the preposition.
  const apposition = PLACE_APPOSITION.exec(text.slice(tokens[to - 1]!.end, tokens[to - 1]!.end + 40));
  if (apposition) return REGION_NOUNS.has(apposition[1]!) ? ['region'] : ['city', 'place'];
  if (before && PLACE_BEFORE.has(before.norm) && touches(text, before, tokens[from]!)) return PLACE_TYPES;
  if (after && SPEECH_AFTER.has(after.norm) && touches(text, tokens[to - 1]!, after)) return SPEAKER_TYPES;
  // "Washington state", "Granada province": the region; "Rubio, a town in…": a place.
  if (after && REGION_AFTER.has(after.norm) && after.case === Case.Lower && touches(text, tokens[to - 1]!, after)) return ['region'];
  return [];
}

/** What follows a dateline's place: its state or country, then the agency or a dash ("NEW YORK (Reuters) -", "PARIS —"). */
const AFTER_DATELINE = /^(?:,\s*\p{Lu}[\p{L}. ]{0,20})?\s*(?:\(|[-–—]\s)/u;

/** True for a place in capitals that opens a paragraph as its dateline: a city ("NEW YORK", not the state). */
export function isDateline(text: string, tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from]!;
  if (first.start > 0 && text[first.start - 1] !== '\n') return false;
  const end = tokens[to - 1]!.end;
  const written = text.slice(first.start, end);
  return written === written.toUpperCase() && written !== written.toLowerCase() && AFTER_DATELINE.test(text.slice(end, end + 30));
}

/** Lower-case words after a name that make it a region: "Washington state". */
const REGION_AFTER = new Set(['state', 'province', 'county', 'region', 'prefecture', 'oblast', 'department', 'governorate', 'district', 'canton']);
/** An apposition that says what kind of place came before: "Rubio, a town in Venezuela", "Granada, the colonial city". */
const PLACE_APPOSITION = /^,\s(?:a|an|the)\s(?:\p{Ll}+\s)?(town|city|village|port|capital|province|region|state|district|municipality|suburb)\b/u;
/** The nouns of PLACE_APPOSITION that name a region rather than a town. */
const REGION_NOUNS = new Set(['province', 'region', 'state', 'district']);

/**
 * True when a one-word match is really part of a longer, unknown name: a capitalised word
 * that is not a title or a function word runs straight into it ("Chad Smith", "Michael
 * Jordan"). `matched` holds the token indices covered by matches; only the neighbours of
 * this one are looked up, so it may include the match's own tokens.
 */
export function isPartOfLongerName(text: string, tokens: Token[], from: number, to: number, matched: Set<number>): boolean {
  if (continuesWithParticle(text, tokens, to)) return true;
  if (to - from !== 1 || inTitleCaseLine(text, tokens[from]!)) return false;
  const isNameWord = (i: number) => {
    const t = tokens[i];
    if (t === undefined || matched.has(i)) return false;
    // "O'Keeffe", "D'Amato": a capital letter and an apostrophe start a name.
    if (t.case === Case.Upper && t.end - t.start === 1 && /['’]/.test(text[t.end] ?? '')) return true;
    return t.case === Case.Capitalised && !TITLE_WORDS.has(t.norm) && !FUNCTION_WORDS.has(t.norm) && !monthNumber(t.norm);
  };
  // An initial beside it ("George H.W. Bush", "H. Bush"): one name of several words.
  const isInitial = (i: number) => {
    const t = tokens[i];
    return t !== undefined && !matched.has(i) && t.case === Case.Upper && t.end - t.start === 1 && text[t.end] === '.';
  };
  const after = tokens[to];
  if (after && isInitial(to) && /^ {1,2}$/.test(text.slice(tokens[from]!.end, after.start))) return true;
  if (tokens[from - 1] && isInitial(from - 1) && /^\. ?$/.test(text.slice(tokens[from - 1]!.end, tokens[from]!.start))) return true;
  if (after && isNameWord(to) && touches(text, tokens[from]!, after)) return true;
  const before = tokens[from - 1];
  // At a sentence's start a capitalised word is a first name ("Malia Obama premiered…")
  // unless it is a word that often opens a sentence ("Yesterday Putin said…").
  if (before && isNameWord(from - 1) && touches(text, before, tokens[from]!) && (!startsSentence(text, before) || !SENTENCE_OPENERS.has(before.norm))) return true;
  return false;
}

/** Short words a title leaves in lower case, beside the function words. */
const TITLE_SMALL_WORDS = new Set(['with', 'into', 'over', 'upon', 'onto', 'than', 'amid', 'from', 'says', 'near', 'after', 'says', 'were', 'will', 'been', 'have']);

/** The lines of the last text asked about, by their start: a paragraph is judged once, not once per name in it. */
let titleCaseLines: { text: string; lines: Map<number, boolean> } = { text: '', lines: new Map() };

/** True in a headline written in Title Case, where every word is capitalised anyway. */
function inTitleCaseLine(text: string, token: Token): boolean {
  const lineStart = text.lastIndexOf('\n', token.start) + 1;
  if (titleCaseLines.text !== text) titleCaseLines = { text, lines: new Map() };
  const known = titleCaseLines.lines.get(lineStart);
  if (known !== undefined) return known;
  const lineEnd = text.indexOf('\n', token.end);
  const words = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).match(/\p{L}+/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  // A sentence full of names ("Lara Trump, the co-chair of the Republican National Committee,
  // spoke…") is not a title: a title keeps at most one longer word in lower case that is not a
  // small word ("Putin Talks with Obama over Syria").
  const lower = long.filter((w) => w[0] === w[0]!.toLowerCase() && !FUNCTION_WORDS.has(w) && !TITLE_SMALL_WORDS.has(w));
  const answer = long.length >= 3 && lower.length <= 1 && (long.length - lower.length) / long.length > 0.7;
  titleCaseLines.lines.set(lineStart, answer);
  return answer;
}

/** True when a token is the first word of a sentence (and so capitalised anyway). */
export function startsSentence(text: string, token: Token): boolean {
  const head = text.slice(Math.max(0, token.start - 4), token.start);
  return token.start === 0 || /(^|[.!?:"“”‘’'(\n])\s*$/.test(head);
}

/** Titles of nobility and royalty: "Queen Victoria", "Duke of Wellington" name a person, not a place. */
const NOBLE_TITLES = new Set(['queen', 'king', 'duke', 'duchess', 'prince', 'princess', 'marquis', 'marquess', 'earl', 'count', 'countess', 'lord', 'lady', 'emperor', 'empress', 'baron', 'baroness', 'viscount', 'tsar', 'czar']);

/** True when a title of nobility stands before the match, directly or with "of"/"de" ("Duke of Wellington"). */
export function afterNobleTitle(tokens: Token[], from: number): boolean {
  const before = tokens[from - 1];
  if (!before) return false;
  if (NOBLE_TITLES.has(before.norm)) return true;
  return ['of', 'de', 'von', 'di'].includes(before.norm) && NOBLE_TITLES.has(tokens[from - 2]?.norm ?? '');
}

/** True when "Jr.", "Sr." or a regnal number follows a name: "Donald Trump Jr." is someone else. */
export function beforeGenerationSuffix(text: string, tokens: Token[], to: number): boolean {
  const after = tokens[to];
  return after !== undefined && /^(jr|sr|ii|iii|iv)$/.test(after.norm) && /^,? $/.test(text.slice(tokens[to - 1]!.end, after.start));
}

/** True when "a" or "an" stands right before the match: "a Van", "a Phoenix" are things, not places. */
export function afterIndefiniteArticle(text: string, tokens: Token[], from: number): boolean {
  const before = tokens[from - 1];
  // As written: "à Pékin" folds to "a" but is French for "in".
  return before !== undefined && /^(?:a|an|A|An)$/.test(text.slice(before.start, before.end)) && touches(text, before, tokens[from]!);
}

/** True when a function word or punctuation follows the match: "led a Trump in the fourth round" (not "a Trump win"). */
export function beforeFunctionWordOrEnd(text: string, tokens: Token[], to: number): boolean {
  const after = tokens[to];
  if (!after || !touches(text, tokens[to - 1]!, after)) return true;
  return FUNCTION_WORDS.has(after.norm) && after.case === Case.Lower;
}

/**
 * True when "the" stands right before the match and "of" or a stop follows it: "the Sale of
 * the stake", "The Gent, a stylish type" are not towns ("the Buffalo, New York, shooting" and
 * "the Nelson region" may be).
 */
export function isTheNounOf(text: string, tokens: Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  if (before === undefined || before.norm !== 'the' || !touches(text, before, tokens[from]!)) return false;
  const after = tokens[to];
  if (after && after.norm === 'of' && touches(text, tokens[to - 1]!, after)) return true;
  const gap = text.slice(tokens[to - 1]!.end, after ? after.start : text.length);
  return /^[.;:!?]/.test(gap) || (/^, ?$/.test(gap) && after?.case !== Case.Capitalised);
}

/** German articles that make the capitalised word after them a noun: "Das Essen", "nach dem Essen". */
const GERMAN_NOUN_ARTICLES = new Set(['der', 'das', 'dem', 'ein', 'eine', 'einem', 'einen', 'eines', 'einer']);

/** True when a German article stands right before the match (a town takes none: "in Essen"). */
export function afterGermanArticle(text: string, tokens: Token[], from: number): boolean {
  const before = tokens[from - 1];
  return before !== undefined && GERMAN_NOUN_ARTICLES.has(before.norm) && touches(text, before, tokens[from]!);
}

/** An age or an age phrase in apposition ("Jordan, 29, a warehouse worker"; "Chad, a 41-year-old welder"): a person. */
const AGE_APPOSITION = /^,\s(?:\d{1,3},|an?\s\d{1,3}[-‐‑]year[-‐‑]old\b)/;

/** True when an age follows the match in apposition: only a person has one. */
export function beforeAge(text: string, tokens: Token[], to: number): boolean {
  const end = tokens[to - 1]!.end;
  return AGE_APPOSITION.test(text.slice(end, end + 24));
}

/** True when a month name stands in a date ("May 5", "5 May 2017"): not a name. */
export function isDatePart(tokens: Token[], from: number, to: number): boolean {
  if (to - from !== 1 || !monthNumber(tokens[from]!.norm)) return false;
  return isNumber(tokens[to]) || isNumber(tokens[from - 1]);
}

/**
 * Nouns that say what kind of thing the one-word name after them is. Things no entity of the
 * knowledge base can be ("the musical Hamilton", "the storm Ciarán"), and occupations that the
 * entity must have to be the one meant ("striker Costa", "her publisher Kim").
 */
const THING_NOUNS = new Set([
  'musical', 'movie', 'documentary', 'novel', 'memoir', 'song', 'album', 'opera', 'ballet', 'series', 'sitcom', 'podcast', 'app', 'restaurant',
  'pub', 'café', 'cafe', 'hotel', 'ship', 'vessel', 'yacht', 'tanker', 'horse', 'racehorse', 'cat', 'hurricane', 'typhoon', 'cyclone', 'rocket',
  'satellite', 'band', 'painting', 'sculpture',
]);
// Nouns that are also verbs before a name ("play Chelsea", "bar Russia from", "brand Russia") are left out of both lists.
const OCCUPATION_NOUNS = new Set([
  'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'manager', 'teammate', 'publisher', 'editor', 'novelist', 'writer', 'poet',
  'playwright', 'dancer', 'singer', 'actor', 'actress', 'rapper', 'musician', 'guitarist', 'drummer', 'pianist', 'artist', 'painter', 'designer',
  'chef', 'comedian', 'producer', 'player', 'boxer', 'golfer', 'cyclist', 'jockey', 'athlete', 'sprinter', 'swimmer', 'skier', 'student',
  'teacher', 'nurse', 'lawyer', 'attorney', 'photographer', 'journalist', 'reporter', 'correspondent', 'columnist', 'blogger', 'influencer',
  'entrepreneur', 'founder', 'owner',
]);

/**
 * What the lower-case noun right before a one-word match says it is: a thing (a work, a venue,
 * a vessel, a storm), or someone of that occupation; null when no such noun stands there.
 */
export function kindNounBefore(text: string, tokens: Token[], from: number): { thing: true } | { occupation: string } | null {
  const before = tokens[from - 1];
  if (!before || before.case !== Case.Lower || !touches(text, before, tokens[from]!)) return null;
  if (THING_NOUNS.has(before.norm)) return { thing: true };
  if (OCCUPATION_NOUNS.has(before.norm)) return { occupation: before.norm };
  return null;
}

/** Words ending a business's name after a possessive: "Carney's Irish Pub", "Nando's Grill". */
const VENUE_AFTER_POSSESSIVE = /^['’]s(?: \p{Lu}[\p{L}&'’-]*){0,3} (?:Pub|Bar|Restaurant|Café|Cafe|Diner|Hotel|Inn|Grill|Tavern|Bakery|Deli|Kitchen|Shop|Store|Saloon|Steakhouse|Pizzeria|Bistro)\b/u;

/** True when the match opens a business's name by a possessive ("Carney's Irish Pub"): not the person or place. */
export function opensVenueName(text: string, tokens: Token[], to: number): boolean {
  const end = tokens[to - 1]!.end;
  return VENUE_AFTER_POSSESSIVE.test(text.slice(end, end + 60));
}

/** Words after a name that only a company takes: "Amazon-owned Whole Foods", "Apple CEO Tim Cook", "Amazon founder Jeff Bezos". */
const COMPANY_AFTER = /^(?:[-‐‑]owned\b| (?:CEO|founder|co-founder)\b)/u;

/** True when the words right after the match say that it names a company ("Amazon-owned", "Meta CEO"). */
export function namesCompanyAfter(text: string, tokens: Token[], to: number): boolean {
  const end = tokens[to - 1]!.end;
  return COMPANY_AFTER.test(text.slice(end, end + 12));
}
