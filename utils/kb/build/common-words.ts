/**
 * The most common English words, most common first, for the topic signal of the ranking
 * (utils/related/topic.ts): a word the whole language uses ("plan", "world", "nearly") says
 * little of what an article is about, however rarely the knowledge base's events use it.
 * Taken at build time from the popular-english-words package (word counts of English
 * Wikipedia, ISC licence) and written to assets/kb/generated/common-words.json, which the
 * extension bundles.
 */
import { words } from 'popular-english-words';

/** How many words are kept: past this rank a word is rare enough to count in full. */
export const COMMON_WORD_COUNT = 30_000;

export interface CommonWords {
  source: string;
  /** The words, most common first, separated by single spaces. */
  words: string;
}

/** The common-words file's content. */
export function commonWords(count = COMMON_WORD_COUNT): CommonWords {
  const list = (words.getMostPopular(count) as string[]).filter((w) => /^[a-z]+$/.test(w));
  return { source: 'popular-english-words (word counts of English Wikipedia, by Tim Koop, ISC licence)', words: list.join(' ') };
}
