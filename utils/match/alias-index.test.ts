import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNameGap } from './alias-index';

// The rule isNameGap reads character by character, written as the regular expression it replaced.
const NAME_GAP = /^(?:[\s.\-‐‑'’/&]{1,3}|, ?)$/u;
const byRegex = (gap: string) => NAME_GAP.test(gap) && !/\n\s*\n/.test(gap);

describe('isNameGap', () => {
  it('takes the gaps inside names and refuses the rest', () => {
    for (const gap of [' ', '.', '. ', '-', '’', '/', '&', ' & ', ', ', ',', '\n', ' \u00a0 ']) expect(isNameGap(`A${gap}B`, 1, 1 + gap.length)).toBe(true);
    for (const gap of ['', ' , ', ',  ', '\n\n', '\n \n', '    ', ' and ', ';', ' (']) expect(isNameGap(`A${gap}B`, 1, 1 + gap.length)).toBe(false);
  });

  it('answers as the regular expression on any gap', () => {
    const chars = [' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\u3000', '.', '-', '‐', '‑', "'", '’', '/', '&', ',', ';', 'a', '(', '\u200b'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 5 }), (parts) => {
        const gap = parts.join('');
        expect(isNameGap(`X${gap}Y`, 1, 1 + gap.length)).toBe(byRegex(gap));
      }),
      { numRuns: 5000 },
    );
  });
});
