import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIDI_REPLACEMENT, neutralizeBidiControls } from './bidi';

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const hasControl = (s: string) => CONTROLS.some((c) => s.includes(c));

describe('neutralizeBidiControls (issue 19)', () => {
  it('replaces every override, embedding and isolate, one character for one', () => {
    expect(neutralizeBidiControls('Pay \u202Eusd 001\u202C now')).toBe(`Pay ${BIDI_REPLACEMENT}usd 001${BIDI_REPLACEMENT} now`);
    expect(neutralizeBidiControls(CONTROLS.join(''))).toBe(BIDI_REPLACEMENT.repeat(CONTROLS.length));
  });

  it('leaves other text, right-to-left letters and the implicit marks (LRM, RLM) alone', () => {
    const text = 'שלום Obama \u200E\u200F مرحبا \u2065\u206A\u2029 end';
    expect(neutralizeBidiControls(text)).toBe(text);
  });

  it('keeps the length and every other character of any text, and leaves no control', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CONTROLS), fc.string({ unit: 'grapheme' }))), (parts) => {
        const text = parts.join('');
        const out = neutralizeBidiControls(text);
        expect(out.length).toBe(text.length);
        expect(hasControl(out)).toBe(false);
        for (let i = 0; i < text.length; i++) expect(out[i]).toBe(CONTROLS.includes(text[i]!) ? BIDI_REPLACEMENT : text[i]);
      }),
      { numRuns: 1000 },
    );
  });
});
