import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS, blend, contrast, highlightStyle, isDark, parseCssColour } from './highlight-colours';

/** Typical pages: dark text on white or cream, light text on near-black or dark grey. */
const lightPages = [
  { background: [255, 255, 255], text: [17, 17, 17] },
  { background: [255, 248, 235], text: [51, 51, 51] },
] as const;
const darkPages = [
  { background: [18, 18, 18], text: [232, 232, 232] },
  { background: [32, 33, 36], text: [218, 220, 224] },
] as const;

describe('highlight colours', () => {
  it.each(Object.entries(HIGHLIGHT_COLOURS))('%s keeps the page’s text readable (4.5:1) over its tint, on light and dark pages', (_, c) => {
    for (const page of [...lightPages, ...darkPages]) {
      const under = blend(c.tint, c.alpha, page.background);
      expect(contrast(page.text, under), `${page.background} text ${page.text}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(Object.entries(HIGHLIGHT_COLOURS))('%s draws an underline that stands out (3:1) from light and dark pages', (_, c) => {
    for (const page of lightPages) expect(contrast(c.lineOnLight, page.background)).toBeGreaterThanOrEqual(3);
    for (const page of darkPages) expect(contrast(c.lineOnDark, page.background)).toBeGreaterThanOrEqual(3);
  });

  it('tells dark backgrounds from light ones', () => {
    for (const page of darkPages) expect(isDark(page.background)).toBe(true);
    for (const page of lightPages) expect(isDark(page.background)).toBe(false);
  });

  it('reads computed colours, and takes a transparent one for none', () => {
    expect(parseCssColour('rgb(18, 18, 18)')).toEqual([18, 18, 18]);
    expect(parseCssColour('rgba(0, 0, 0, 0)')).toBeNull();
    expect(parseCssColour('rgba(255, 255, 255, 0.9)')).toEqual([255, 255, 255]);
    expect(parseCssColour('transparent')).toBeNull();
  });

  it('writes the dark shades for a dark page and the light ones for a light page', () => {
    const name = (g: string) => `backstory-${g}`;
    expect(highlightStyle(true, name, 'f')).toContain('rgba(252, 211, 77, 1)');
    expect(highlightStyle(false, name, 'f')).toContain('rgba(180, 83, 9, 1)');
  });
});
