/**
 * Names of people, places and organisations that the article names and the linker did not
 * link, because the knowledge base does not hold them (issue 17, "Names the pack does not
 * hold"): the side panel lists them under "Not in your knowledge base" with an "add" action.
 * English is read with compromise's tagger (english-names.ts), German, Spanish and French
 * with rules (name-rules.ts). Left out: whatever overlaps a linked mention, any name the
 * knowledge base knows (it was left unlinked on purpose: ambiguous), a lone capitalised word
 * that only ever opens a sentence, datelines, bylines and picture credits.
 *
 * The cost is bounded: the text read is capped, only sentences with an unlinked capital
 * inside them are read, the tagger reads at most so many of them, and the work comes in
 * steps (a generator) so that the service worker can answer messages in between.
 */
import type { ArticleLanguage } from '../text/language';
import { sentenceSpans, type Span } from '../text/sentences';
import { englishNames, type EnglishTagger } from './english-names';
import { ruleNames } from './name-rules';
import { SpanSet } from './span-set';
import { unknownNameLimits, type FoundName, type UnknownName, type UnknownNameLimits, type UnknownNameType } from './unknown-name';

export interface UnknownNameOptions {
  /** The article's language; null (or English without a tagger) finds nothing. */
  language: ArticleLanguage | null;
  /** True when the knowledge base holds this name (as a name, alias, demonym or event name). */
  isKnownName(name: string): boolean;
  /** The English tagger (englishTagger()); English articles need it. */
  english?: EnglishTagger;
}

// A dateline: capitals at a paragraph's start, a date, the agency, then a dash
// ("WASHINGTON (Reuters) —", "BERLIN, 5. März (dpa) -"), or any place with an agency after it.
const DATELINES = [
  /^[\p{Lu}][\p{Lu}\p{M}'’. /-]{1,40}(?:,[^\n()—–]{0,40})?\s*(?:\([^)\n]{1,40}\))?\s*[—–:-]/gmu,
  /^[\p{Lu}][\p{L}\p{M}'’. /-]{1,40}(?:,[^\n()]{0,40})?\s*\((?:dpa|afp|ap|reuters|efe|europa press|kna|epd|dts|apa|sda|ats|ansa|xinhua|belga|anp|rtr)\b[^)\n]{0,30}\)\s*[—–:-]?/gimu,
];
// A byline or a credit line: "By Jane Doe", "Reporting by …; Editing by …", "Foto: …", "Jim Watson/AFP".
const BYLINES = [
  // A line of names only (and maybe ", role"): "Par Jean Dupont", not "Par ailleurs, le ministre…".
  /^[ \t]*(?:By|BY|Von|VON|Por|POR|Par|PAR|Text|Texto|Texte|Written by|Reporting by)[ :]+\p{Lu}[\p{L}\p{M}'’.-]*(?:[ ]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|and|und|y|et|de|von|van|del|la|le))*[ ]*(?:,[^\n]{0,60})?$/gmu,
  /\b(?:(?:additional )?reporting|editing|writing|compiled) by\b[^\n]*/giu,
  /\b(?:photo|photograph|picture|image|foto|bild|fotografía|crédit|credit|illustration)s?\s*(?:[:©]|by\b)[^\n]{0,120}/giu,
  /©[^\n]{0,120}/gu,
];
// A picture credit's agency after a slash ("Jim Watson/AFP/Getty Images"); the names before it are read backwards from the slash.
const CREDIT_AGENCY = /\/\s?(?:afp|getty|reuters|ap|epa|dpa|bloomberg|picture|imago|shutterstock|keystone|sipa|anadolu|xinhua|efe)\b[^\n]*/giu;
const NAMES_BEFORE = /(?:\p{Lu}[\p{L}\p{M}'’.-]*\s?){1,4}$/u;

/** The spans of `text` where a capitalised run is no name of the article: datelines, bylines, credits; [] when it has none. */
export function unnamedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of [...DATELINES, ...BYLINES]) for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(CREDIT_AGENCY)) {
    const before = NAMES_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index));
    spans.push({ start: m.index - (before?.[0].length ?? 0), end: m.index + m[0].length });
  }
  return spans;
}

/** The offset of a sentence's first letter (after quotes, dashes and spaces). */
function firstLetter(text: string, sentence: Span): number {
  const m = /[\p{L}\p{N}]/u.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)));
  return m ? sentence.start + m.index : sentence.start;
}

/** True when a sentence has a capitalised word inside it (not its first) that no span of `skip` covers: only then can it name someone new. */
function hasUnlinkedCapital(text: string, sentence: Span, skip: SpanSet): boolean {
  const from = firstLetter(text, sentence) + 1;
  const inner = /[\s"“‘(«¿¡'’-]\p{Lu}/gu;
  inner.lastIndex = from;
  for (let m = inner.exec(text); m && m.index < sentence.end; m = inner.exec(text)) {
    if (!skip.overlaps(m.index + 1, m.index + 2)) return true;
  }
  return false;
}

/**
 * True when a sentence is an English heading in title case ("Government Will Soon Spend More
 * On Health"): no full stop at its end and most of its words capitalised. Its capitals say
 * nothing of names. (A sentence dense with names has its full stop.)
 */
function isTitleCase(text: string, sentence: Span): boolean {
  const written = text.slice(sentence.start, sentence.end).trim();
  if (/[.!?…:;"”’)]$/u.test(written)) return false;
  const words = written.match(/\p{L}+/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length >= 0.6;
}

/** A name's span without a possessive, a genitive apostrophe or a trailing full stop. */
function trimName(text: string, span: Span): Span {
  const name = text.slice(span.start, span.end);
  const cut = /(?:['’]s?|\.)$/u.exec(name);
  return cut && cut.index > 0 ? { start: span.start, end: span.start + cut.index } : span;
}

const isAllCapitals = (name: string) => !/\p{Ll}/u.test(name);
/** Letters, spaces and the marks inside names only: no digits, brackets or slashes ("CNN Business)A", "LCOc1"). */
const isNameShaped = (name: string) => /^\p{L}[\p{L}\p{M} .'’&-]*$/u.test(name);
const keyOf = (name: string) => name.normalize('NFC').toLowerCase();

interface Group {
  text: string;
  key: string;
  votes: Record<UnknownNameType, number>;
  occurrences: (Span & { initial: boolean })[];
}

/** The sentence around `at`, from the sentence spans (sorted); the whole text when none holds it. */
function sentenceAround(text: string, sentences: Span[], at: Span, max: number): string {
  let lo = 0;
  let hi = sentences.length - 1;
  let found: Span = { start: 0, end: text.length };
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (s.end <= at.start) lo = mid + 1;
    else if (s.start > at.start) hi = mid - 1;
    else {
      found = s;
      break;
    }
  }
  let { start, end } = found;
  if (end - start > max) {
    // Long: a window around the name, cut at spaces.
    start = Math.max(start, at.start - Math.floor((max - (at.end - at.start)) / 2));
    end = Math.min(end, start + max);
    const space = text.indexOf(' ', start);
    if (start > found.start && space > 0 && space < at.start) start = space + 1;
    const lastSpace = text.lastIndexOf(' ', end);
    if (end < found.end && lastSpace > at.end) end = lastSpace;
    return `${start > found.start ? '…' : ''}${text.slice(start, end).trim()}${end < found.end ? '…' : ''}`;
  }
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/**
 * The names of `text` the linker did not link (`linked`: the spans of its mentions), in
 * steps: each `yield` is a point where the caller may pause. Returns them most named first
 * (then first named first), at most `listMax`; [] when the language has no recogniser.
 */
export function* unknownNameSteps(text: string, linked: readonly Span[], options: UnknownNameOptions, limits: UnknownNameLimits = unknownNameLimits): Generator<void, UnknownName[]> {
  const { language, english } = options;
  if (!language || (language === 'en' && !english)) return [];
  const scope = text.slice(0, limits.textMax);
  const skip = new SpanSet([...linked, ...unnamedSpans(scope)]);
  const sentences = sentenceSpans(scope);
  yield;

  const found: (FoundName & { initial: boolean })[] = [];
  let tagged = 0;
  for (let i = 0; i < sentences.length; i += limits.sentencesPerStep) {
    for (const sentence of sentences.slice(i, i + limits.sentencesPerStep)) {
      if (!hasUnlinkedCapital(scope, sentence, skip) || (language === 'en' && isTitleCase(scope, sentence))) continue;
      if (language === 'en' && tagged++ >= limits.taggedSentencesMax) break;
      const names = language === 'en' ? englishNames(english!, scope, sentence) : ruleNames(language, scope, sentence);
      const opening = firstLetter(scope, sentence);
      for (const name of names) found.push({ ...trimName(scope, name), type: name.type, initial: name.start <= opening });
    }
    yield;
  }

  // Grouped by how they are written; the knowledge base's names, and what overlaps a link, left out.
  const groups = new Map<string, Group>();
  const known = new Map<string, boolean>();
  for (const name of found) {
    const written = scope.slice(name.start, name.end);
    if (written.length < 2 || written.length > limits.nameMax || isAllCapitals(written) || !isNameShaped(written) || skip.overlaps(name.start, name.end)) continue;
    const key = keyOf(written);
    if (!known.has(key)) known.set(key, options.isKnownName(written));
    if (known.get(key)) continue;
    const group = groups.get(key) ?? { text: written, key, votes: { person: 0, place: 0, organisation: 0 }, occurrences: [] };
    group.votes[name.type]++;
    group.occurrences.push({ start: name.start, end: name.end, initial: name.initial });
    groups.set(key, group);
  }
  yield;

  const typeOf = (g: Group): UnknownNameType => (Object.entries(g.votes) as [UnknownNameType, number][]).sort((a, b) => b[1] - a[1])[0]![0];
  recount(scope, groups, typeOf, skip);
  const names: UnknownName[] = [];
  for (const group of groups.values()) {
    // A lone word that only ever opens a sentence may be any capitalised word.
    if (!group.text.includes(' ') && group.occurrences.every((o) => o.initial)) continue;
    const occurrences = group.occurrences.sort((a, b) => a.start - b.start);
    const first = occurrences[0]!;
    names.push({
      text: scope.slice(first.start, first.end),
      type: typeOf(group),
      count: occurrences.length,
      offsets: occurrences.slice(0, limits.offsetsMax).map(({ start, end }) => ({ start, end })),
      sentence: sentenceAround(scope, sentences, first, limits.sentenceMax),
    });
  }
  return names.sort((a, b) => b.count - a.count || a.offsets[0]!.start - b.offsets[0]!.start).slice(0, limits.listMax);
}

/**
 * Counts what the recognisers missed, in one pass over the words: further occurrences of a
 * name they found (in a sentence past the tagger's cap, or one it read otherwise), and a
 * person's surname alone ("Ortega" after "Marcus Ortega"). A lone word that is also a group
 * of its own joins the person it is the surname of, and a person named by the end of another's
 * full name joins that one.
 */
function recount(text: string, groups: Map<string, Group>, typeOf: (g: Group) => UnknownNameType, skip: SpanSet): void {
  // "Forrest Jones" after "Michael Forrest Jones": the shorter person joins the full name.
  const people = [...groups.values()].filter((g) => g.text.includes(' ') && typeOf(g) === 'person');
  for (const short of people) {
    const full = people.find((g) => g !== short && groups.has(g.key) && g.text.endsWith(` ${short.text}`));
    if (!full) continue;
    full.occurrences.push(...short.occurrences);
    groups.delete(short.key);
  }
  const counted = new SpanSet([...groups.values()].flatMap((g) => g.occurrences));
  const byFirstWord = new Map<string, Group[]>();
  const bySurname = new Map<string, Group>();
  for (const group of groups.values()) {
    const parts = group.text.split(' ');
    const list = byFirstWord.get(parts[0]!) ?? [];
    list.push(group);
    byFirstWord.set(parts[0]!, list);
    if (parts.length >= 2 && typeOf(group) === 'person' && !bySurname.has(parts.at(-1)!)) bySurname.set(parts.at(-1)!, group);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length);
  // A surname found alone as a group of its own joins its person.
  for (const [surname, person] of bySurname) {
    const alone = groups.get(keyOf(surname));
    if (!alone || alone === person) continue;
    person.occurrences.push(...alone.occurrences.map((o) => ({ ...o, initial: false })));
    groups.delete(alone.key);
  }
  const letter = /\p{L}/u;
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)) {
    const at = m.index;
    if (at > 0 && letter.test(text[at - 1]!)) continue;
    const word = m[0].replace(/['’]s?$/u, '');
    const candidates = byFirstWord.get(word) ?? [];
    const whole = candidates.find((g) => text.startsWith(g.text, at) && !letter.test(text[at + g.text.length] ?? ''));
    const group = whole ?? (bySurname.get(word) && groups.has(bySurname.get(word)!.key) ? bySurname.get(word) : undefined);
    if (!group) continue;
    const end = at + (whole ? whole.text.length : word.length);
    if (counted.overlaps(at, end) || skip.overlaps(at, end)) continue;
    group.occurrences.push({ start: at, end, initial: opensSentence(text, at) });
  }
}

/** True when the word at `at` opens a sentence: only quotes and spaces stand between it and a full stop, a line break or the start. */
function opensSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || '.!?:'.includes(c)) return true;
    if (!/[\s"“‘«¿¡(—–-]/u.test(c)) return false;
  }
  return true;
}

/** All steps of unknownNameSteps at once: the unknown names, most named first; [] when there are none. */
export function findUnknownNames(text: string, linked: readonly Span[], options: UnknownNameOptions, limits: UnknownNameLimits = unknownNameLimits): UnknownName[] {
  const steps = unknownNameSteps(text, linked, options, limits);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
