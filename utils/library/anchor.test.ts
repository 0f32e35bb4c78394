import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../article/extract-article';
import { parsePage } from '../cli/parse-page';
import { anchorPassage, describePassage } from './anchor';

const corpus = new URL('../../../shared/corpus/pages/', import.meta.url);
const text = readFileSync(new URL('readability-bbc-1.expected.txt', corpus), 'utf8');
/** A passage of the BBC story by its words. */
const passage = (words: string) => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in the text: ${words}`);
  return describePassage(text, start, start + words.length);
};

describe('anchorPassage on a corpus article', () => {
  const quote = 'President Barack Obama';
  it('finds a passage where it was', () => {
    const selectors = passage(quote);
    expect(anchorPassage(text, selectors)).toEqual({ ...selectors.position, exact: true });
  });

  it('finds it again after the text shifted (a paragraph added above)', () => {
    const selectors = passage(quote);
    const shifted = `Advertisement: subscribe now for full access.\n\n${text}`;
    const found = anchorPassage(shifted, selectors)!;
    expect(found.start).toBe(selectors.position.start + 47);
    expect(shifted.slice(found.start, found.end)).toBe(quote);
  });

  it('tells a passage that occurs many times by its context', () => {
    const all = [...text.matchAll(/Obama/g)].map((m) => m.index!);
    expect(all.length).toBeGreaterThan(3);
    const third = all[2]!;
    const selectors = describePassage(text, third, third + 5);
    const shifted = `Breaking.\n\n${text}`;
    expect(anchorPassage(shifted, selectors)!.start).toBe(third + 11);
    // With its position lost (a large shift), the context alone still picks it.
    const far = { ...selectors, position: { start: 0, end: 5 } };
    expect(anchorPassage(text, far)!.start).toBe(third);
  });

  it('finds a passage the site edited, as an approximate match', () => {
    const sentence = text.split('\n').find((line) => line.length > 120)!.slice(0, 100);
    const selectors = passage(sentence);
    const edited = text.replace(sentence, sentence.replace(/\b(\w)(\w+)\b/, '$1x$2'));
    const found = anchorPassage(edited, selectors)!;
    expect(found.exact).toBe(false);
    expect(Math.abs(found.start - selectors.position.start)).toBeLessThanOrEqual(1);
  });

  it('leaves a passage that is gone unanchored', () => {
    const selectors = passage(quote);
    expect(anchorPassage(text.replaceAll('Barack Obama', 'the president').replaceAll('Obama', 'he'), selectors)).toBeNull();
  });
});

describe('anchorPassage after the page’s markup changed', () => {
  it('re-anchors every sampled passage of a corpus page whose paragraphs were re-wrapped and given an inserted block', () => {
    const html = readFileSync(new URL('scrapinghub-reuters-com-57d46c9d751e.html', corpus));
    const before = extractArticle(parsePage(html, 'https://www.reuters.com/article/x'))!.text;
    const doc = parsePage(html, 'https://www.reuters.com/article/x');
    const paragraphs = [...doc.querySelectorAll('p')].filter((p) => (p.textContent ?? '').length > 80);
    // The site's new markup: each paragraph wrapped in a div with its words in spans, and a new paragraph first.
    for (const p of paragraphs) {
      const wrapper = doc.createElement('div');
      wrapper.className = 'paragraph-wrapper';
      p.replaceWith(wrapper);
      wrapper.append(p);
      p.innerHTML = (p.textContent ?? '').split(' ').map((w) => `<span>${w}</span>`).join(' ');
    }
    const extra = doc.createElement('p');
    extra.textContent = 'Editor’s note: this story was updated with new market figures later in the day, after the close.';
    paragraphs[0]!.parentElement!.before(extra);
    const after = extractArticle(doc)!.text;
    expect(after).not.toBe(before);
    const starts = [200, 900, 1600, 2400].filter((s) => s + 60 < before.length);
    for (const start of starts) {
      const selectors = describePassage(before, start, start + 60);
      const found = anchorPassage(after, selectors);
      expect(found, selectors.quote.exact).not.toBeNull();
      expect(after.slice(found!.start, found!.end)).toBe(selectors.quote.exact);
    }
  }, 120_000);
});
