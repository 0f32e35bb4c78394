/**
 * The highlight colours (issue 20), one per legend group, and their contrast on light and
 * dark pages. A highlight is a translucent background behind the page's own text plus an
 * underline: on a light page the page's dark text stays readable over the tint, on a dark
 * page its light text does; the underline is drawn in a shade that stands out from the page's
 * background (WCAG 1.4.11: 3:1 for what is not text), lighter on dark pages.
 */
import type { Accent } from '../ui/entity-types';

type Rgb = readonly [number, number, number];

export interface GroupColours {
  /** The tint behind the text, with its opacity. */
  tint: Rgb;
  alpha: number;
  /** The underline on a light page and on a dark page. */
  lineOnLight: Rgb;
  lineOnDark: Rgb;
}

export const HIGHLIGHT_COLOURS: Record<Accent, GroupColours> = {
  person: { tint: [245, 158, 11], alpha: 0.28, lineOnLight: [180, 83, 9], lineOnDark: [252, 211, 77] },
  country: { tint: [59, 130, 246], alpha: 0.22, lineOnLight: [29, 78, 216], lineOnDark: [147, 197, 253] },
  place: { tint: [16, 185, 129], alpha: 0.22, lineOnLight: [4, 120, 87], lineOnDark: [110, 231, 183] },
  organisation: { tint: [168, 85, 247], alpha: 0.22, lineOnLight: [126, 34, 206], lineOnDark: [216, 180, 254] },
};

/** The colour of the focused highlight (keyboard path) and of a flashed one. */
export const FOCUS_TINT: Rgb = [250, 204, 21];

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two opaque colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A translucent colour laid over an opaque one. */
export function blend(top: Rgb, alpha: number, under: Rgb): Rgb {
  return [0, 1, 2].map((i) => Math.round(top[i]! * alpha + under[i]! * (1 - alpha))) as unknown as Rgb;
}

/** True for a page background dark enough that its text is light. */
export function isDark(background: Rgb): boolean {
  return luminance(background) < 0.18;
}

/** Parses `rgb(r, g, b)` / `rgba(r, g, b, a)` as getComputedStyle gives it; null for a transparent or unreadable colour. */
export function parseCssColour(value: string): Rgb | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const css = ([r, g, b]: Rgb, alpha = 1) => `rgba(${r}, ${g}, ${b}, ${alpha})`;

/** The ::highlight rules for a page of the given darkness; `name(group)` is a group's highlight name. */
export function highlightStyle(dark: boolean, name: (group: Accent) => string, focusName: string): string {
  const rules = (Object.entries(HIGHLIGHT_COLOURS) as [Accent, GroupColours][]).map(
    ([group, c]) => `::highlight(${name(group)}) { background-color: ${css(c.tint, c.alpha)}; text-decoration: underline ${css(dark ? c.lineOnDark : c.lineOnLight)} 2px; }`,
  );
  rules.push(`::highlight(${focusName}) { background-color: ${css(FOCUS_TINT, 0.85)}; color: #111; text-decoration: underline #111 3px; }`);
  return rules.join('\n');
}
