import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { checkArticleBudget, checkPageBudget, pageBudget } from './page-budget';
import { extractArticleInSlices } from './extract-article';

const doc = (body: string) => new JSDOM(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).window.document;
const budget = { ...pageBudget, maxElements: 100, maxPageChars: 1000 };

describe('the page budget', () => {
  it('passes a page within it', () => {
    expect(checkPageBudget(doc('<p>Hello</p>'), budget)).toBeNull();
  });

  it('refuses a page with too many elements, or too much text outside scripts', () => {
    expect(checkPageBudget(doc('<b>x</b>'.repeat(200)), budget)).toMatchObject({ limit: 'elements', max: 100 });
    expect(checkPageBudget(doc(`<p>${'x'.repeat(2000)}</p>`), budget)).toMatchObject({ limit: 'page-text', max: 1000 });
    expect(checkPageBudget(doc(`<script>${'x'.repeat(5000)}</script><p>ok</p>`), budget)).toBeNull();
  });

  it('refuses an article longer than the background accepts', () => {
    expect(checkArticleBudget(pageBudget.maxArticleChars)).toBeNull();
    expect(checkArticleBudget(pageBudget.maxArticleChars + 1)).toMatchObject({ limit: 'article-text' });
  });
});

describe('extraction in slices', () => {
  const article = doc(`<article><h1>Leaders meet</h1>${'<p>Leaders met in Budapest on Tuesday to talk about the war and the peace to come after it.</p>'.repeat(400)}</article>`);

  it('pauses between slices and gives the same article as at once', async () => {
    let pauses = 0;
    let clock = 0;
    // A clock that moves 1 ms per look: every slice of 5 ms ends in a pause.
    const result = await extractArticleInSlices(article, { sliceMs: 5, budgetMs: 1e9, pause: async () => void pauses++, now: () => clock++ });
    expect(result.timedOut).toBe(false);
    expect(result.article?.text).toMatch(/^Leaders meet\n\nLeaders met in Budapest/);
    expect(pauses).toBeGreaterThan(0);
  });

  it('gives up past its time budget', async () => {
    let clock = 0;
    const result = await extractArticleInSlices(article, { sliceMs: 5, budgetMs: 3, pause: async () => {}, now: () => (clock += 10) });
    expect(result).toEqual({ article: null, timedOut: true });
  });
});
