import { describe, expect, it } from 'vitest';
import { parsePage } from '../cli/parse-page';
import { confirmArticle, detectArticle, measureBody } from './detect-article';
import { extractArticle } from './extract-article';
import { PARAGRAPHS } from '../../tests/fixtures/westmere-story';

/** A page that declares itself an article (og:type), as how-to sites do too. */
const page = (body: string) =>
  `<!doctype html><html><head><title>A page | Coast News</title><meta property="og:type" content="article"></head><body><main><h1>A page</h1><article>${body}</article></main></body></html>`;

/** The verdict after both looks, as the content script and `analyze` take it. */
function verdictOf(html: string) {
  const doc = parsePage(html);
  const verdict = detectArticle(doc);
  const extracted = extractArticle(doc)!;
  return confirmArticle(verdict, measureBody(extracted.root, extracted.text.length));
}

const steps = (labels: string[]) => labels.map((label, i) => `<div class="step"><span>${label}</span><p>${PARAGRAPHS[i % PARAGRAPHS.length]}</p></div>`).join('');

describe('detectArticle and confirmArticle', () => {
  it('keeps a story that declares og:type article', () => {
    expect(verdictOf(page(PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')))).toEqual({ isArticle: true, reason: 'open-graph' });
  });

  it('takes a body of numbered steps for instructions, whatever the page declares', () => {
    expect(verdictOf(page(steps(['Step 1', 'Step 2', 'Step 3', 'Step 4'])))).toEqual({ isArticle: false, reason: 'instructions' });
    expect(verdictOf(page(steps(['Paso 1:', 'Paso 2:', 'Paso 3:'])))).toEqual({ isArticle: false, reason: 'instructions' });
  });

  it('keeps a story whose steps are words in its sentences, too few, or not counted from 1', () => {
    const inline = PARAGRAPHS.map((p, i) => `<p>Step ${i + 1} of the plan: ${p}</p>`).join('');
    expect(verdictOf(page(inline)).isArticle).toBe(true);
    expect(verdictOf(page(steps(['Step 1', 'Step 2']))).isArticle).toBe(true);
    expect(verdictOf(page(steps(['Step 2', 'Step 3', 'Step 4']))).isArticle).toBe(true);
  });

  it('counts steps only from 1 without a gap', () => {
    const doc = parsePage(page(steps(['Step 1', 'Step 2', 'Step 4', 'Step 5'])));
    expect(measureBody(doc.querySelector('article')!, 1000).steps).toBe(2);
  });
});
