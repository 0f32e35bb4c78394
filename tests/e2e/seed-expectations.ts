/**
 * What every browser must show on the seed article (../shared/fixtures/seed): the same checks
 * for Chromium (tests/e2e/seed.test.ts) and Firefox (tests/e2e-firefox/seed.test.ts).
 */
import { expect } from 'vitest';
import type { Highlight, TabStateLike } from './extension';

/** The seed article is read as an article of its date, and its main names are highlighted as their entities. */
export function expectSeedAnalysed(state: TabStateLike, highlights: Highlight[]): void {
  expect(state.status).toBe('article');
  expect(state.analysis?.article.published).toBe('2025-10-22');
  expect(state.analysis?.article.title).toMatch(/^Trump Calls Off Putin Talks/);
  const byText = new Map(highlights.map((h) => [h.text, h.entityId]));
  expect(byText.get('Donald Trump')).toBe('donald-trump');
  expect(byText.get('Sergei Lavrov')).toBe('sergey-lavrov');
  expect(byText.get('Dmitry Peskov')).toBe('dmitry-peskov');
  expect(byText.get('Kremlin')).toBe('moscow-kremlin');
  expect(byText.get('Budapest')).toBe('budapest');
  expect(highlights.filter((h) => h.text === 'Trump').length).toBeGreaterThanOrEqual(5);
}
