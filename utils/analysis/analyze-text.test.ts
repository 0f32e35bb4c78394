import { describe, expect, it } from 'vitest';
import { miniEntities, miniEvents } from '../../tests/fixtures/mini-kb';
import { KnowledgeBase } from '../kb/knowledge-base';
import { analyzeText, analyzeTextInSteps, MENTION_WINDOW } from './analyze-text';

const kb = new KnowledgeBase(miniEntities, miniEvents);
const paragraph = 'Donald Trump met Vladimir Putin in Budapest. Sergei Lavrov called Marco Rubio about it.';

describe('analyzeText on long articles (issue 19)', () => {
  it('finds mentions window by window, with offsets into the whole text', () => {
    const copies = Math.ceil((MENTION_WINDOW * 3) / paragraph.length);
    // One long paragraph, the worst case: windows are cut at sentence ends.
    const text = Array(copies).fill(paragraph).join(' ');
    const one = analyzeText({ title: 'x', text: paragraph, published: '2025-10-22' }, kb).mentions.length;
    const all = analyzeText({ title: 'x', text, published: '2025-10-22' }, kb);
    expect(one).toBeGreaterThan(0);
    expect(all.mentions).toHaveLength(one * copies);
    for (const m of all.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('gives the same analysis in steps as at once, and stops when a pause throws', async () => {
    const article = { title: 'x', text: Array(400).fill(paragraph).join('\n\n'), published: '2025-10-22' };
    let pauses = 0;
    expect(await analyzeTextInSteps(article, kb, undefined, async () => void pauses++)).toEqual(analyzeText(article, kb));
    expect(pauses).toBeGreaterThan(4);
    await expect(analyzeTextInSteps(article, kb, undefined, async () => { throw new Error('over budget'); })).rejects.toThrow('over budget');
  });
});

describe('analyzeText on a page without a date', () => {
  const article = { title: 'Summit in Budapest called off', text: 'Summit in Budapest called off\n\nDonald Trump said his summit with Vladimir Putin in Budapest would not happen.', published: null };

  it('reads the backstory as of the reading day', () => {
    expect(analyzeText(article, kb).related).toEqual([]);
    const asOfToday = analyzeText(article, kb, { today: '2025-10-23' }).related;
    expect(asOfToday.map((r) => r.id)).toContain('2025-10-budapest-summit');
    expect(asOfToday.every((r) => r.date <= '2025-10-23')).toBe(true);
    // Nothing after the reading day counts as backstory.
    const earlier = analyzeText(article, kb, { today: '2025-08-20' }).related;
    expect(earlier.map((r) => r.id)).not.toContain('2025-10-budapest-summit');
    expect(earlier.every((r) => r.date <= '2025-08-20')).toBe(true);
  });
});
