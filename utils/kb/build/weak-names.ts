/**
 * Which names of a record built from open data are weak evidence on their own (issue: linking
 * that stays right as the knowledge base grows). A pack with every town of 15,000 people and
 * every legislator holds "Reading", "Nice", "Split", "Police" and thousands of surnames shared
 * with a president: such a name links only when the article names the entity in full or names
 * what it is part of (see weakNames in utils/kb/schema.ts and utils/match/find-mentions.ts).
 */
import { createRequire } from 'node:module';
import type { EntityType } from '../schema';

export interface WordList {
  /** True when `word`, lower-cased, is a common English word ("reading", "police"). */
  isWord(word: string): boolean;
  /** True when a name in another language is worth keeping as an alias of a record named `name`. */
  keepTranslation(name: string, translated: string): boolean;
  /** True when `word` is among the most used English words ("may", "brown", "page"); absent means never. */
  isCommon?(word: string): boolean;
}

/** How many of the most used words count as common (by popular-english-words' rank: "brown" 1137, "johnson" 2028). */
const MOST_USED_WORDS = 1500;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * English words from the an-array-of-english-words package. Names in other languages come
 * from open data that holds machine translations of common words ("Reading" → "Lektüre"): a
 * translation is kept only when the name itself is not a common word and both start alike.
 */
export function englishWords(): WordList {
  const require = createRequire(import.meta.url);
  const words = new Set<string>(require('an-array-of-english-words') as string[]);
  const isWord = (w: string) => words.has(w.toLowerCase()) || words.has(fold(w));
  const common = new Set<string>((require('popular-english-words') as { words: { getMostPopular(n: number): string[] } }).words.getMostPopular(MOST_USED_WORDS));
  return {
    isWord,
    isCommon: (w) => common.has(w.toLowerCase()) && isWord(w),
    keepTranslation(name, translated) {
      if (!/\p{L}/u.test(translated) || translated.length > 120) return false;
      if (name.split(/\s+/).length === 1 && isWord(name)) return false;
      const a = fold(name).replace(/^(the|la|le|les|el|los|las|die|der|das|il|lo)\s+/, '');
      const b = fold(translated).replace(/^(the|la|le|les|el|los|las|die|der|das|il|lo)\s+/, '');
      return a[0] === b[0] && !(translated.split(/\s+/).length === 1 && isWord(translated) && fold(translated) !== fold(name));
    },
  };
}

/**
 * The weak names of a record: a person's one-word names (surnames); a one-word name of a
 * place or organisation that is a common word; any name of three characters or fewer
 * (acronyms: "PP", "SD").
 */
export function weakNamesOf(type: EntityType, name: string, aliases: string[], words: WordList): string[] {
  const weak: string[] = [];
  for (const n of [name, ...aliases]) {
    // The index drops a leading "the": "The Point" is matched as "Point".
    const bare = n.trim().replace(/^the\s+/i, '');
    const single = !/\s/.test(bare);
    const letters = bare.replace(/[^\p{L}\p{N}]/gu, '');
    if (letters.length <= 3 || (single && type === 'person') || (single && words.isWord(letters))) weak.push(n);
  }
  return weak;
}
