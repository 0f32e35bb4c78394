import { describe, expect, it } from 'vitest';
import type { BackupArticle } from './backup';
import { articleMarkdown, markdownFileName } from './markdown';

const article: BackupArticle = {
  url: 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W',
  title: 'Oversupply angst: drags "oil" lower',
  site: 'Reuters',
  byline: 'Rodrigo Campos',
  published: '2019-11-19',
  savedAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  entities: [{ id: 'opec', name: 'OPEC', type: 'organisation' }],
  entityIds: ['opec'],
  events: [{ id: 'e1', title: 'OPEC meeting', date: '2019-12-05' }],
  eventIds: ['e1'],
  tags: ['oil', 'to read'],
  note: 'Compare with December.',
  text: 'Oversupply angst drags oil lower\n\nOil prices fell sharply.\n\nStocks drifted.',
  html: null,
  addresses: ['https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W'],
  highlights: [{ id: 'h1', quote: { exact: 'Oil prices fell sharply.', prefix: '', suffix: '' }, position: { start: 34, end: 58 }, note: 'The lead', createdAt: '2026-12-07T10:00:00.000Z' }],
};

describe('articleMarkdown', () => {
  it('writes front matter Obsidian and Logseq read, the note, the highlights with their notes, and the text without its headline', () => {
    const md = articleMarkdown(article);
    expect(md).toBe(
      [
        '---',
        'title: "Oversupply angst: drags \\"oil\\" lower"',
        'url: "https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W"',
        'site: "Reuters"',
        'author: "Rodrigo Campos"',
        'published: 2019-11-19',
        'saved: 2026-12-07',
        'tags:\n  - "oil"\n  - "to-read"',
        'actors:\n  - "OPEC"',
        'events:\n  - "2019-12-05 OPEC meeting"',
        '---',
        '',
        '# Oversupply angst: drags "oil" lower',
        '',
        '[Original article](https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W)',
        '',
        '## Note\n\nCompare with December.',
        '',
        '## Highlights\n\n> Oil prices fell sharply.\n\nThe lead',
        '',
        '## Text\n\nOil prices fell sharply.\n\nStocks drifted.',
        '',
      ].join('\n'),
    );
  });

  it('names files safely and without collisions', () => {
    const taken = new Set<string>();
    expect(markdownFileName('Who/what: "the" #1?', taken)).toBe('Who what the 1.md');
    expect(markdownFileName('Who/what: "the" #1?', taken)).toBe('Who what the 1 (2).md');
    expect(markdownFileName('   ', taken)).toBe('Untitled article.md');
  });
});
