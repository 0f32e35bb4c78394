import { describe, expect, it } from 'vitest';
import { Case, normalizeWord, tokenize } from './tokenize';

describe('tokenize', () => {
  it('keeps offsets into the original text across curly apostrophes and line breaks', () => {
    const text = 'Putin’s call with\nSergei  Lavrov';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['putin', 's', 'call', 'with', 'sergei', 'lavrov']);
    for (const t of tokens) expect(normalizeWord(text.slice(t.start, t.end))).toBe(t.norm);
  });

  it('folds diacritics and special letters', () => {
    expect(normalizeWord('Erdoğan')).toBe('erdogan');
    expect(normalizeWord('Szijjártó')).toBe('szijjarto');
    expect(normalizeWord('Łukaszenka')).toBe('lukaszenka');
    expect(normalizeWord('Straße')).toBe('strasse');
  });

  it('ignores a soft hyphen inside a word but keeps its offsets', () => {
    const text = 'Zelen\u00ADsky';
    const [token] = tokenize(text);
    expect(token).toMatchObject({ norm: 'zelensky', start: 0, end: text.length });
  });

  it('classifies case', () => {
    expect(tokenize('Putin RUSSIA trump 2025').map((t) => t.case)).toEqual([Case.Capitalised, Case.Upper, Case.Lower, Case.None]);
  });

  it('reads Cyrillic names', () => {
    expect(tokenize('Зеленський').map((t) => t.norm)).toEqual(['зеленськии']);
  });
});
