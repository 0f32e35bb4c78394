/**
 * Names of people, places and organisations in English sentences, read with compromise's
 * tagger (it works offline, with its own lexicon of given names, places and organisation
 * words): runs of capitalised words the tagger marks as a person, a place or an
 * organisation, without the titles before them ("Senator", "Dr."). Issue 17.
 */
import type { Span } from '../text/sentences';
import { loadCompromise } from './compromise.cjs';
import { GIVEN_NAMES } from './given-names';
import type { FoundName, UnknownNameType } from './unknown-name';

/** One word of a tagged sentence, with its offsets into the sentence. */
export interface TaggedTerm extends Span {
  text: string;
  /** What stands before and after the word: spaces, punctuation. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
}

export interface EnglishTagger {
  /** The words of one sentence, tagged. */
  tag(sentence: string): TaggedTerm[];
  /** The tags the lexicon gives a lower-case word; [] for a word it does not hold. */
  lexicon(word: string): readonly string[];
}

let tagger: EnglishTagger | null = null;

/**
 * The English tagger, compromise's. Its first call loads compromise (half a second to a
 * second, once per process or service-worker life): call it where that wait does no harm.
 */
export function englishTagger(): EnglishTagger {
  if (tagger) return tagger;
  const nlp = loadCompromise();
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
  tagger = {
    tag(sentence) {
      const doc = nlp(sentence);
      doc.compute('offset');
      return doc.docs.flat().map((term) => {
        const { start, length } = (term as typeof term & { offset: { start: number; length: number } }).offset;
        return { text: term.text, start, end: start + length, pre: term.pre, post: term.post, tags: term.tags ?? new Set<string>() };
      });
    },
    lexicon(word) {
      const tags = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
      return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
    },
  };
  return tagger;
}

/** Lower-case words that may sit inside a name: "University of Chicago", "Charles de Gaulle". */
const PARTICLES = new Set(['of', 'de', 'del', 'da', 'di', 'do', 'dos', 'das', 'von', 'van', 'der', 'den', 'la', 'le', 'du', 'al', 'bin', 'ibn', 'y']);
const wordSet = (list: string) => new Set(list.trim().split(/\s+/));
/** Titles before a name: evidence that a person follows, and not part of the name. */
const TITLES = wordSet(`mr mrs ms miss dr prof president senator sen rep representative gov governor chief minister secretary general gen judge justice
  mayor officer sheriff king queen prince princess pope lord lady sir dame rev reverend father sister captain capt colonel col lieutenant lt sergeant sgt
  commissioner prime deputy vice chairman chairwoman chair coach ambassador speaker archbishop bishop cardinal rabbi imam sheikh detective inspector
  superintendent chancellor premier attorney councillor councilman councilwoman professor president-elect former ombudsman director ceo cfo coo founder
  spokesman spokeswoman spokesperson adviser advisor analyst economist lawyer`);
/** Last words of organisations' names. */
const ORGANISATION_WORDS = wordSet(`inc corp corporation company co ltd llc plc group bank university college institute foundation association council committee
  commission agency department ministry party union center centre museum fund trust society authority board service services market markets foods
  airlines airways motors media news times post journal press network club federation league academy school hospital church army navy police court
  bureau office exchange capital partners holdings industries technologies systems labs laboratories studios records bancorp brands institution
  organization organisation alliance coalition movement front corps guard`);
/** Words of places' names: first ("Lake Placid", "Mount Kenya") or last ("Hudson River"). */
const PLACE_FIRST = wordSet('lake mount mt fort cape port saint st san santa isle gulf bay');
const PLACE_LAST = wordSet(`street avenue road square island islands river lake mountain mountains beach bay valley park county province state city
  district coast peninsula ocean sea desert canyon falls heights hills harbor harbour airport bridge station strait gulf village town region`);
/** Last words of names that name no person, place or organisation: laws, events, prizes, products, descriptions. */
const NOT_NAMES = wordSet(`bill act show exposition war prize award awards cup games festival summit conference treaty agreement accord plan program programme
  project report index average day week hurricane storm law democrat democrats republican republicans conservative conservatives liberal liberals
  season series album film movie book edition model phone app`);
/** Words of English prose that are never names, even capitalised ("And", "The", "This"). */
const PROSE = wordSet(`the a an and or but nor so yet if when while after before because as at by for from in into of on onto to with without about over
  under this that these those it its he she they we i you his her their our my your not no there here then than what which who whom whose how why where
  all any some each every many more most such only also just even still now today yesterday tomorrow one two three four five six seven eight
  nine ten first second third`);
/** First words of names that name no person, place or organisation ("Hurricane Sandy", "Operation Overlord"). */
const NOT_NAMES_FIRST = wordSet('hurricane storm typhoon cyclone operation super');
/** What the lexicon's tags of a lone word say it names; null for a common word or one it does not hold. */
function typeInLexicon(tags: readonly string[]): UnknownNameType | null {
  if (tags.some((t) => t === 'Organization' || t === 'SportsTeam')) return 'organisation';
  if (tags.some((t) => t === 'City' || t === 'Country' || t === 'Region' || t === 'Place')) return 'place';
  if (tags.some((t) => t === 'Person' || t === 'LastName')) return 'person';
  return null;
}
/** Verbs of saying next to a name the tagger does not know: "said Kwame Mensah", "Mensah told". */
const SAYING = wordSet('said says told added wrote asked explained argued noted according');
/** Tags of the words a name is made of (compromise's tag names). */
const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization'];
/** Tags of capitalised words that are no names of ours: days, months, pronouns ("I"). */
const NOT_NAME_TAGS = ['Date', 'Month', 'WeekDay', 'Pronoun', 'Holiday'];

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const has = (term: TaggedTerm, ...tags: string[]) => tags.some((tag) => term.tags.has(tag));
const bare = (term: TaggedTerm) => term.text.toLowerCase().replace(/['’]s$|\.$/u, '');
const isTitle = (term: TaggedTerm) => TITLES.has(bare(term)) || term.tags.has('Honorific');
const isNameWord = (term: TaggedTerm) => has(term, ...NAME_TAGS) && !PROSE.has(bare(term));

/** True when the punctuation after a word ends the name it is part of (a comma, a quote, a full stop after a word). */
function endsName(term: TaggedTerm): boolean {
  const post = term.post.trim();
  if (post === '' || post === '-' || post === '‐') return false;
  // "J. R. Smith", "St. Louis", "Acme Inc." : the full stop of an initial or an abbreviation.
  if (post === '.' && (term.text.length === 1 || term.tags.has('Abbreviation'))) return false;
  return true;
}

/**
 * What a name names: its own words first (organisation and place words, things that are no
 * names), then a title or a given name before it, then the tagger's lexicon; null when
 * nothing says it is a person, a place or an organisation.
 */
function typeOf(tagger: EnglishTagger, words: TaggedTerm[], titled: boolean, said: boolean): UnknownNameType | null {
  const first = words[0]!;
  const last = words.at(-1)!;
  if (NOT_NAMES.has(bare(last)) || NOT_NAMES_FIRST.has(bare(first))) return null;
  if (words.length === 1) {
    // A lone word: a title's person, or what the lexicon knows by name ("Twitter", "Accra"), not a common word ("Oil").
    if (ORGANISATION_WORDS.has(bare(first)) || PLACE_LAST.has(bare(first))) return null;
    return titled ? 'person' : typeInLexicon(tagger.lexicon(bare(first)));
  }
  if (words.some((w) => ORGANISATION_WORDS.has(bare(w)))) return 'organisation';
  if (PLACE_LAST.has(bare(last)) || PLACE_FIRST.has(bare(first))) return 'place';
  if (titled) return 'person';
  if ((has(first, 'FirstName') || GIVEN_NAMES.has(first.text)) && words.length <= 4 && !has(last, 'Organization')) return 'person';
  if (has(last, 'Organization')) return 'organisation';
  if (words.some((w) => has(w, 'Place'))) return 'place';
  if (words.length <= 3 && (words.every((w) => has(w, 'Person')) || said)) return 'person';
  return null;
}

/** Turns one run of capitalised words (and particles) into a name, or null. */
function nameOfRun(tagger: EnglishTagger, run: TaggedTerm[], before: TaggedTerm | undefined, after: TaggedTerm | undefined): FoundName | null {
  let from = 0;
  let titled = before !== undefined && isTitle(before);
  // Titles go, and whatever stands before the last of them ("Snapchat CEO Evan Spiegel").
  for (let i = run.length - 2; i >= 0; i--) {
    if (isTitle(run[i]!)) {
      from = i + 1;
      // "Inspector-General of Intelligence": an office of something, no person's title.
      titled = !PARTICLES.has(run[from]!.text);
      break;
    }
  }
  // So do leading words that are no names ("The", "Yesterday"), and trailing particles.
  while (from < run.length - 1 && !isNameWord(run[from]!)) from++;
  let to = run.length;
  while (to > from && (PARTICLES.has(run[to - 1]!.text) || !isNameWord(run[to - 1]!))) to--;
  // "Ombudsman Nadia Cruz", "Australian Timothy Smith": a given name inside a run starts the person.
  const inner = run.slice(from + 1, to).findIndex((w) => has(w, 'FirstName'));
  if (inner >= 0 && !has(run[from]!, 'FirstName', 'Person') && !run.slice(from, to).some((w) => ORGANISATION_WORDS.has(bare(w)))) from += inner + 1;
  const words = run.slice(from, to);
  if (!words.length || words.some((w) => !PARTICLES.has(w.text) && (has(w, ...NOT_NAME_TAGS) || PROSE.has(bare(w))))) return null;
  if (words.length === 1 && isTitle(words[0]!)) return null;
  const said = [before, after].some((t) => t !== undefined && SAYING.has(t.text.toLowerCase()));
  // "Xbox One X", "Progress MS": a capital letter or two end no name.
  if (words.length > 1 && /^\p{Lu}{1,2}$/u.test(words.at(-1)!.text)) return null;
  const type = typeOf(tagger, words, titled, said);
  return type ? { start: words[0]!.start, end: words.at(-1)!.end, type } : null;
}

/**
 * The names in one sentence of `text` (`sentence` gives where), as the tagger reads them,
 * with offsets into `text`; [] when it finds none.
 */
export function englishNames(tagger: EnglishTagger, text: string, sentence: Span): FoundName[] {
  const terms = tagger.tag(text.slice(sentence.start, sentence.end)).map((t) => ({ ...t, start: t.start + sentence.start, end: t.end + sentence.start }));
  const found: FoundName[] = [];
  let run: TaggedTerm[] = [];
  let runFrom = 0;
  const close = (next: number) => {
    if (run.length) {
      const name = nameOfRun(tagger, run, terms[runFrom - 1], terms[next]);
      if (name) found.push(name);
    }
    run = [];
  };
  terms.forEach((term, i) => {
    const capital = isCapitalised(term.text);
    const particle = run.length > 0 && PARTICLES.has(term.text);
    if (/[("“‘«]/.test(term.pre) && run.length) close(i);
    if (!capital && !particle) {
      close(i);
      return;
    }
    if (!run.length) runFrom = i;
    run.push(term);
    if (endsName(term)) close(i + 1);
  });
  close(terms.length);
  return found;
}
