/**
 * What the unknown-name finder (unknown-names.ts) answers, and its bounds: a module of its
 * own, without the finder, so that the message protocol and the pages can name them
 * without bundling the English tagger.
 */
import type { Span } from '../text/sentences';

export type UnknownNameType = 'person' | 'place' | 'organisation';

/** A name found in a sentence: where, and what it names. */
export interface FoundName extends Span {
  type: UnknownNameType;
}

export interface UnknownName {
  /** The name as the article first writes it (no title, no possessive). */
  text: string;
  type: UnknownNameType;
  /** How many times the article names it (its surname alone included, for a person). */
  count: number;
  /** The first occurrences, in order (at most `offsetsMax`). */
  offsets: Span[];
  /** The sentence of the first occurrence, cut around the name when it is long. */
  sentence: string;
}

export const unknownNameLimits = {
  /** Names listed, most named first. */
  listMax: 30,
  /** Characters of the article read (past them, nothing is looked for). */
  textMax: 100_000,
  /** Sentences the English tagger reads (it costs 1-3 ms a sentence). */
  taggedSentencesMax: 200,
  /** Sentences read between two pauses. */
  sentencesPerStep: 15,
  /** Occurrences whose offsets are kept per name. */
  offsetsMax: 3,
  /** Characters of the sentence kept per name. */
  sentenceMax: 300,
  /** Characters of a name: longer runs are no names. */
  nameMax: 80,
};
export type UnknownNameLimits = typeof unknownNameLimits;
