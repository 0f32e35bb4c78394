import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { anchorPassage, describePassage } from './anchor';
import { copyTextOf, offsetsOf, rangeOf } from './copy-text';

const copyOf = (html: string) => {
  const { document } = new JSDOM(`<div id="copy">${html}</div>`).window;
  return { document, root: document.getElementById('copy')! };
};

describe('the text of a saved copy', () => {
  it('maps a selection across elements to offsets and back to the same range', () => {
    const { document, root } = copyOf('<p>Oil prices <em>fell sharply</em> on Tuesday.</p><p>Stocks rose.</p>');
    const copy = copyTextOf(root);
    expect(copy.text).toBe('Oil prices fell sharply on Tuesday.Stocks rose.');
    const selection = document.createRange();
    selection.setStart(root.querySelector('p')!.firstChild!, 4);
    selection.setEnd(root.querySelector('em')!.firstChild!, 4);
    const offsets = offsetsOf(copy, selection)!;
    expect(copy.text.slice(offsets.start, offsets.end)).toBe('prices fell');
    expect(rangeOf(copy, offsets.start, offsets.end)!.toString()).toBe('prices fell');
  });

  it('ends a range at a node boundary in the node before, and refuses offsets outside the text', () => {
    const { root } = copyOf('<p>One</p><p>Two</p>');
    const copy = copyTextOf(root);
    const range = rangeOf(copy, 0, 3)!;
    expect(range.toString()).toBe('One');
    expect(range.endContainer.textContent).toBe('One');
    expect(rangeOf(copy, 2, 99)).toBeNull();
  });

  it('anchors a highlight made on one copy in a copy whose markup changed', () => {
    const first = copyTextOf(copyOf('<p>Oil prices fell sharply on Tuesday on oversupply concerns.</p>').root);
    const selectors = describePassage(first.text, 4, 23);
    const { root } = copyOf('<div class="ad">Sponsored</div><p>Oil <span>prices</span> fell <b>sharply</b> on Tuesday on oversupply concerns.</p>');
    const second = copyTextOf(root);
    const found = anchorPassage(second.text, selectors)!;
    expect(rangeOf(second, found.start, found.end)!.toString()).toBe('prices fell sharply');
  });
});
