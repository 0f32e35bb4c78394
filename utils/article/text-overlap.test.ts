import { describe, expect, it } from 'vitest';
import { wordDifference, wordOverlap, wordTokens } from './text-overlap';

describe('wordTokens', () => {
  it.each([
    ['lower-cases and splits on punctuation', 'The U.S. said: "don\'t!"', ['the', 'u', 's', 'said', 'don', 't']],
    ['keeps letters with diacritics and digits', 'Erdoğan won 52,6 %', ['erdoğan', 'won', '52', '6']],
    ['reads full-width forms as plain ones', 'ＡＢＣ１２３', ['abc123']],
    ['does not split a word at a soft hyphen or zero-width space', 'extra\u00ADordinary co\u200Boperation', ['extraordinary', 'cooperation']],
    ['counts each Han or kana character as a word', '習近平は東京へ', ['習', '近', '平', 'は', '東', '京', 'へ']],
    ['splits a Latin run from the Han characters it touches', 'iPhone手机', ['iphone', '手', '机']],
    ['has no words in punctuation alone', '— • … ___ “ ”', []],
  ])('%s', (_name, text, words) => {
    expect(wordTokens(text)).toEqual(words);
  });
});

describe('wordOverlap', () => {
  it('scores 1 for the same words in other punctuation, case and spacing', () => {
    const o = wordOverlap('LONDON (AP) — Britain’s party…\n\nIt said so.', 'London (AP) - Britain\'s party. It said so');
    expect(o).toMatchObject({ precision: 1, recall: 1, f1: 1, words: 8, referenceWords: 8, shared: 8 });
  });

  it('counts repeated words as a multiset', () => {
    // The text says "the" three times, the reference twice: one of them is extra.
    const o = wordOverlap('the the the cat', 'the cat sat the');
    expect(o.shared).toBe(3);
    expect(o.precision).toBeCloseTo(3 / 4);
    expect(o.recall).toBeCloseTo(3 / 4);
  });

  it('loses precision for added words and recall for dropped ones', () => {
    const body = 'one two three four five six seven eight';
    const added = wordOverlap(`${body} tags topics share`, body);
    expect(added.recall).toBe(1);
    expect(added.precision).toBeCloseTo(8 / 11);
    const dropped = wordOverlap('five six seven eight', body);
    expect(dropped.precision).toBe(1);
    expect(dropped.recall).toBeCloseTo(0.5);
    expect(dropped.f1).toBeCloseTo((2 * 1 * 0.5) / 1.5);
  });

  it('gives 0 to an empty text against a reference, and 1 when both are empty', () => {
    expect(wordOverlap('', 'some words')).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(wordOverlap('', '')).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(wordOverlap('some words', '')).toMatchObject({ precision: 0, recall: 1, f1: 0 });
  });
});

describe('wordDifference', () => {
  it('lists the missing and the extra words, most first', () => {
    expect(wordDifference('a a b x x x', 'a b b c')).toEqual({
      missing: [['b', 1], ['c', 1]],
      extra: [['x', 3], ['a', 1]],
    });
  });
});
