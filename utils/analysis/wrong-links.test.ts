import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze-text';
import { KnowledgeBase } from '../kb/knowledge-base';
import { miniEntities, miniEvents } from '../../tests/fixtures/mini-kb';
import { dropWrongLinks } from './wrong-links';

const article = {
  url: 'https://news.example/budapest',
  title: 'Summit off',
  text: 'Trump said the Budapest summit with Putin was off. Putin had hoped to meet in Budapest.',
  published: '2025-10-22',
  site: 'News',
};

describe('the reader’s "this link is wrong" marks', () => {
  it('drop only the marked name of the marked entity, whatever its case or spacing', () => {
    const mentions = [
      { text: 'Budapest', entityId: 'budapest' },
      { text: 'Putin', entityId: 'vladimir-putin' },
      { text: 'BUDAPEST ', entityId: 'budapest' },
      { text: 'Budapest', entityId: 'another-budapest' },
    ];
    expect(dropWrongLinks(mentions, [{ entityId: 'budapest', text: 'budapest' }])).toEqual([mentions[1], mentions[3]]);
    expect(dropWrongLinks(mentions, [])).toBe(mentions);
  });

  it('are respected by the next analysis: the name is no longer linked, counted or listed', () => {
    const kb = new KnowledgeBase(miniEntities, miniEvents);
    const before = analyzeText(article, kb);
    const budapest = before.mentions.filter((m) => m.text === 'Budapest');
    expect(budapest.length).toBe(2);
    const entityId = budapest[0]!.entity.id;
    const after = analyzeText(article, kb, { wrongLinks: [{ entityId, text: 'Budapest' }] });
    expect(after.mentions.filter((m) => m.text === 'Budapest')).toEqual([]);
    expect(after.mentions.length).toBe(before.mentions.length - 2);
    expect(after.entities.some((e) => e.id === entityId)).toBe(false);
    expect(after.mentions.filter((m) => m.text === 'Putin').length).toBe(2);
  });
});
