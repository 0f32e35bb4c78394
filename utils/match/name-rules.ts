/**
 * Names of people, places and organisations in German, Spanish and French sentences, by
 * rules (issue 17): runs of capitalised words, with the particles names carry ("von der
 * Leyen", "Banco de España", "Charles de Gaulle"), taken as a name only on evidence of what
 * they name: a title before them ("Ministerin", "el presidente", "Mme"), a given name first,
 * an organisation word ("Partei", "Banco", "Société"), a place word ("San", "Bad", "Saint-")
 * or a place preposition before a word of a place's shape. German capitalises every noun,
 * so a capital alone proves nothing there; a run that opens its sentence keeps its first
 * word only on such evidence.
 */
import type { Span } from '../text/sentences';
import { GIVEN_NAMES } from './given-names';
import type { FoundName } from './unknown-name';

export type RuleLanguage = 'de' | 'es' | 'fr';

interface Word extends Span {
  text: string;
  lower: string;
  /** An elided article stood before it ("l’Assemblée"): a common noun's capital, no place's. */
  elided: boolean;
}

interface Lexicon {
  /** Titles before a name (lower case): evidence of a person, not part of the name. */
  titles: ReadonlySet<string>;
  /** Endings of compound titles ("Bundesgesundheitsminister", "VW-Chef"); German only. */
  titleEndings: readonly string[];
  /** Lower-case words that may join two capitalised words of one name. */
  particles: ReadonlySet<string>;
  /** Particles that join only after another particle ("von der Leyen", "van den Berg"). */
  secondParticles: ReadonlySet<string>;
  /** Words that make a run an organisation ("Partei", "Banco", "Société"), lower case. */
  organisationWords: ReadonlySet<string>;
  /** First words of places ("San", "Bad", "Lac"), lower case. */
  placeWords: ReadonlySet<string>;
  /** Prepositions before a place ("en", "à", "in"). */
  placePrepositions: ReadonlySet<string>;
  /** Endings of a single word that, after a place preposition, make it a place; null: any capitalised word. */
  placeEndings: readonly string[] | null;
  /** Articles and prepositions that open sentences: their capital says nothing of the words after them. */
  openers: ReadonlySet<string>;
}

/** A set of the words of a space-separated list; empty for an empty one. */
const wordSet = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const LEXICONS: Record<RuleLanguage, Lexicon> = {
  de: {
    titles: wordSet(`herr herrn frau dr prof minister ministerin kanzler kanzlerin präsident präsidentin bürgermeister bürgermeisterin senator senatorin
      abgeordnete abgeordneter papst könig königin prinz prinzessin general trainer trainerin richter richterin staatsanwalt staatsanwältin sprecher sprecherin
      vorsitzende vorsitzender chef chefin landrat landrätin bischof kardinal pfarrer autor autorin schauspieler schauspielerin sänger sängerin regisseur regisseurin
      direktor direktorin gouverneur gouverneurin premier premierminister premierministerin`),
    titleEndings: ['minister', 'ministerin', 'präsident', 'präsidentin', 'kanzler', 'kanzlerin', 'chef', 'chefin', 'sprecher', 'sprecherin', 'vorsitzende', 'vorsitzender', 'bürgermeister', 'bürgermeisterin', 'trainer', 'trainerin', 'direktor', 'direktorin', 'abgeordnete', 'abgeordneter'],
    particles: wordSet('von vom zu zur van de di da del al bin ibn el ter ten'),
    secondParticles: wordSet('der den'),
    organisationWords: wordSet(`gmbh ag se kg bank partei verband universität hochschule gruppe institut stiftung ministerium bundesamt amt behörde konzern verein
      gewerkschaft kommission gericht zeitung verlag werke holding agentur akademie fc sv vfb vfl tsv`),
    placeWords: wordSet('sankt st bad landkreis kreis bezirk insel'),
    placePrepositions: wordSet('in aus nach bei'),
    openers: wordSet(`der die das den dem des ein eine einer eines einem im am vom zum zur beim nach laut mit bei für von in auf aus an über unter vor
      seit wegen trotz während gegen durch um ob als wie wenn auch doch so nun dann heute gestern`),
    placeEndings: ['burg', 'dorf', 'heim', 'hausen', 'stadt', 'kirchen', 'feld', 'berg', 'bach', 'hafen', 'furt', 'münde', 'stedt', 'leben', 'rode'],
  },
  es: {
    titles: wordSet(`señor señora sr sra don doña presidente presidenta ministro ministra alcalde alcaldesa diputado diputada senador senadora general juez jueza
      rey reina príncipe princesa papa portavoz líder secretario secretaria gobernador gobernadora canciller dr dra doctor doctora consejero consejera
      vicepresidente vicepresidenta expresidente expresidenta entrenador entrenadora fiscal director directora jefe jefa`),
    titleEndings: [],
    particles: wordSet('de del la las los da di do dos von van al bin'),
    secondParticles: wordSet(''),
    organisationWords: wordSet(`banco partido universidad ministerio grupo fundación instituto compañía asociación sindicato comisión consejo tribunal agencia
      federación empresa club real academia corporación gobierno ayuntamiento junta congreso senado policía ejército sa`),
    placeWords: wordSet('san santa santo ciudad provincia río lago isla islas sierra monte valle puerto cabo golfo mar bahía región villa playa'),
    placePrepositions: wordSet('en desde hacia'),
    placeEndings: null,
    openers: wordSet('el la los las un una unos unas según en con para por de del desde hacia tras sin sobre entre al ante y pero como cuando si ya hoy ayer'),
  },
  fr: {
    titles: wordSet(`m mme mlle monsieur madame président présidente ministre maire député députée sénateur sénatrice général juge roi reine prince princesse
      pape porte-parole secrétaire chancelier chancelière dr docteur directeur directrice patron patronne entraîneur procureur procureure`),
    titleEndings: [],
    particles: wordSet('de du des la le d von van di da del al bin ben'),
    secondParticles: wordSet(''),
    organisationWords: wordSet(`banque parti université ministère groupe fondation institut société association syndicat commission conseil tribunal agence
      fédération compagnie club crédit assemblée gouvernement cour académie sa sas`),
    placeWords: wordSet('saint sainte ville lac île îles mont val port cap golfe mer baie région département'),
    placePrepositions: wordSet('à'),
    placeEndings: null,
    openers: wordSet('le la les un une des du au aux selon pour dans avec sur chez par en à de et mais comme quand si après avant depuis pendant hier'),
  },
};

/** Titles written short, which count only with their full stop ("M.", "Dr."). */
const NEEDS_STOP = new Set(['m', 'dr', 'sr', 'sra', 'st', 'prof']);
/** How many words a name may have; runs beyond are cut. */
const MAX_WORDS = 6;
/** "l’Élysée", "d’Artagnan": an elided article before a capital, which is no part of the name. */
const ELISION = /^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{Lu})/iu;
const WORD = /[\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*/gu;

/** The words of a sentence of `text`, elided articles left off. */
function wordsOf(text: string, sentence: Span): Word[] {
  const found: Word[] = [];
  WORD.lastIndex = sentence.start;
  for (let m = WORD.exec(text); m && m.index < sentence.end; m = WORD.exec(text)) {
    let start = m.index;
    let word = m[0];
    const elided = ELISION.exec(word);
    if (elided) {
      start += elided[0].length;
      word = word.slice(elided[0].length);
    }
    found.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length, elided: elided !== null });
  }
  return found;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word) && (word.length === 1 || /\p{Ll}/u.test(word));

function isTitle(lexicon: Lexicon, text: string, word: Word): boolean {
  if (NEEDS_STOP.has(word.lower)) return text[word.end] === '.';
  return lexicon.titles.has(word.lower) || lexicon.titleEndings.some((ending) => word.lower.endsWith(ending) && word.lower.length > ending.length + 2);
}

const isOrganisationWord = (lexicon: Lexicon, word: Word) => lexicon.organisationWords.has(word.lower.replace(/\.$/, ''));
const isPlaceWord = (lexicon: Lexicon, word: Word) => lexicon.placeWords.has(word.lower) || /^(?:saint|sainte|san|santa|sankt|bad)-/u.test(word.lower);

/** Whether only spaces (no line break) stand between two words of a sentence. */
const joined = (text: string, a: Word, b: Word) => /^ {1,2}$/.test(text.slice(a.end, b.start));

/** The runs of capitalised words (with particles inside) of a sentence, as word index ranges. */
function runsOf(lexicon: Lexicon, text: string, list: Word[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < list.length) {
    if (!isCapitalised(list[i]!.text)) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      const next = list[end];
      if (!next || !joined(text, list[end - 1]!, next)) break;
      if (isCapitalised(next.text)) {
        end++;
        continue;
      }
      // Particles join when a capitalised word follows them: "von der Leyen", "Banco de España".
      let k = end;
      if (lexicon.particles.has(next.lower)) k++;
      if (k > end && list[k] && lexicon.secondParticles.has(list[k]!.lower) && joined(text, list[k - 1]!, list[k]!)) k++;
      if (k === end || !list[k] || !isCapitalised(list[k]!.text) || !joined(text, list[k - 1]!, list[k]!)) break;
      // "Juan García del Partido Popular": a person, then an organisation.
      if (end - i >= 2 && isOrganisationWord(lexicon, list[k]!)) break;
      end = k + 1;
    }
    runs.push([i, end]);
    i = end;
  }
  return runs;
}

/** What a run of capitalised words names, on the evidence around it; null without evidence. */
function nameOfRun(language: RuleLanguage, lexicon: Lexicon, text: string, list: Word[], [from, to]: [number, number], initial: boolean): FoundName | null {
  let first = from;
  let titled = first > 0 && isTitle(lexicon, text, list[first - 1]!);
  while (first < to - 1 && isTitle(lexicon, text, list[first]!)) {
    titled = true;
    first++;
  }
  const isOrganisation = (from: number) => to - from >= 2 && list.slice(from, to).some((w) => isOrganisationWord(lexicon, w));
  // The capital of a sentence's first word is the sentence's: an article or a preposition
  // goes ("Die Deutsche Bank", "Según la Fundación…"), and any other word stays only on evidence.
  if (initial && first === from && !titled) {
    const head = list[first]!;
    if (lexicon.openers.has(head.lower)) {
      first++;
      while (first < to && !isCapitalised(list[first]!.text)) first++;
    } else if (!GIVEN_NAMES.has(head.text) && !isPlaceWord(lexicon, head) && !isOrganisation(first)) first++;
    if (first >= to) return null;
  }
  // "Präsident Frankreichs Emmanuel Macron": a given name inside a run starts the person.
  const inner = list.slice(first + 1, to).findIndex((w) => GIVEN_NAMES.has(w.text));
  if (inner >= 0 && !GIVEN_NAMES.has(list[first]!.text) && !isOrganisation(first) && !isPlaceWord(lexicon, list[first]!)) first += inner + 1;
  const words = list.slice(first, Math.min(to, first + MAX_WORDS));
  const head = words[0]!;
  const span = (type: FoundName['type']): FoundName => ({ start: head.start, end: words.at(-1)!.end, type });
  if (isOrganisation(first)) return span('organisation');
  if (words.length >= 2 && isPlaceWord(lexicon, head)) return span('place');
  if (titled) {
    // German genitives after a title ("Präsident Frankreichs") are no people.
    if (language === 'de' && words.length === 1 && /[^s]s$/.test(head.text)) return null;
    return words.length <= 4 ? span('person') : null;
  }
  if (words.length >= 2 && words.length <= 4 && GIVEN_NAMES.has(head.text)) return span('person');
  if (words.length === 1 && isPlaceWord(lexicon, head) && head.text.includes('-')) return span('place');
  const before = list[first - 1];
  if (words.length === 1 && !head.elided && before && lexicon.placePrepositions.has(before.lower)) {
    const endings = lexicon.placeEndings;
    if (!endings || endings.some((ending) => head.lower.endsWith(ending) && head.lower.length > ending.length + 2)) return span('place');
  }
  return null;
}

/**
 * The names in one sentence of `text` (`sentence` gives where), found by the rules of its
 * language, with offsets into `text`; [] when it has none with evidence.
 */
export function ruleNames(language: RuleLanguage, text: string, sentence: Span): FoundName[] {
  const lexicon = LEXICONS[language];
  const list = wordsOf(text, sentence);
  const found: FoundName[] = [];
  for (const run of runsOf(lexicon, text, list)) {
    const name = nameOfRun(language, lexicon, text, list, run, run[0] === 0);
    if (name) found.push(name);
  }
  return found;
}
