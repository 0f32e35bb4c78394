import { describe, expect, it } from 'vitest';
import { Column, TextList, decodeUtf8 } from './column';
import { sortedIndexOf, toStringList } from './string-list';
import { seeded } from '../../tests/bench/synthetic-pack';

describe('Column', () => {
  it('grows past its capacity and keeps every number, in order', () => {
    const column = new Column((n) => new Uint32Array(n), 2);
    for (let i = 0; i < 1000; i++) column.push(i * 4_000_000);
    expect(column.length).toBe(1000);
    expect(column.at(999)).toBe(999 * 4_000_000);
    column.set(3, 7);
    expect([...column.view().subarray(0, 5)]).toEqual([0, 4_000_000, 8_000_000, 7, 16_000_000]);
    expect(column.view()).toHaveLength(1000);
  });
});

describe('TextList', () => {
  const texts = ['plain', 'Зеленський', '😀 and 🇺🇦', 'é', '', 'x'.repeat(40), '中文 – “quotes”', '\ufeffstarts with a BOM', 'lone \ud800 surrogate'];
  const textsOf = (list: TextList) => {
    const { bytes, ends } = list.view();
    return Array.from(ends, (end, i) => decodeUtf8(bytes.subarray(i ? ends[i - 1] : 0, end)));
  };

  it('gives back every text appended, beyond ASCII and past its capacity, and again after clear', () => {
    const list = new TextList(8, 5);
    for (let round = 0; round < 2; round++) {
      const appended = Array.from({ length: 60 }, (_, i) => texts[(i + round) % texts.length]!);
      appended.forEach((text) => list.append(text));
      expect(list.count).toBe(60);
      // A lone surrogate comes back as U+FFFD, one UTF-16 unit as it was; a leading U+FEFF stays.
      expect(textsOf(list)).toEqual(appended.map((text) => text.replace('\ud800', '\ufffd')));
      list.clear();
      expect(list.count).toBe(0);
      expect(list.view().bytes).toHaveLength(0);
    }
  });

  it('ends texts right in chunks that are all ASCII and in chunks that are not', () => {
    const list = new TextList(4, 1 << 10);
    const appended = ['a', 'b', ...texts, 'c', 'd'];
    appended.forEach((text) => list.append(text));
    expect(textsOf(list)).toEqual(appended.map((text) => text.replace('\ud800', '\ufffd')));
  });
});

describe('sortedIndexOf', () => {
  it('finds every string of a list sorted by code units, and nothing else', () => {
    const rand = seeded(7);
    const alphabet = ['a', 'b', 'z', 'é', 'Z', '-', '1', 'ж', '😀'];
    const words = new Set<string>();
    while (words.size < 500) {
      let word = '';
      const length = 1 + Math.floor(rand() * 6);
      for (let i = 0; i < length; i++) word += alphabet[Math.floor(rand() * alphabet.length)];
      words.add(word);
    }
    const all = [...words];
    const held = all.filter((_, i) => i % 2 === 0).sort();
    const list = toStringList(held);
    held.forEach((word, i) => expect(sortedIndexOf(list, word)).toBe(i));
    for (const word of all.filter((_, i) => i % 2 === 1)) expect(sortedIndexOf(list, word)).toBe(-1);
    // A prefix of a held string is not the string.
    expect(sortedIndexOf(toStringList(['ab', 'abc']), 'a')).toBe(-1);
    expect(sortedIndexOf(toStringList(['ab', 'abc']), 'abc')).toBe(1);
    expect(sortedIndexOf(toStringList([]), 'a')).toBe(-1);
  });
});
