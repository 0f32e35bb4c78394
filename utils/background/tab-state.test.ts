import { describe, expect, it } from 'vitest';
import { emptyAnalysis } from '../analysis/analyze-text';
import { compactAnalysis, compactUnknownNames, tabsToEvict } from './tab-state';

describe('tab state', () => {
  it('keeps no article text and no mentions, only the length and capped lists', () => {
    const base = emptyAnalysis({ title: 'T', text: 'x'.repeat(1000), published: null });
    const entity = { id: 'e', name: 'E', type: 'person' as const, description: '', role: null, count: 1 };
    const mention = { text: 'E', start: 0, end: 1, kind: 'name' as const, entity };
    const compact = compactAnalysis({ ...base, entities: Array(500).fill(entity), mentions: Array(500).fill(mention) }, { listMax: 100, tabsMax: 50 });
    expect(compact.article).toEqual({ title: 'T', published: null, length: 1000 });
    expect(compact).not.toHaveProperty('mentions');
    expect(compact.entities).toHaveLength(100);
  });

  it('drops the least recently changed tabs beyond the limit, and none within it', () => {
    const states = [5, 1, 4, 2, 3].map((t) => ({ tabId: t, updatedAt: t * 10 }));
    expect(tabsToEvict(states, 3)).toEqual([1, 2]);
    expect(tabsToEvict(states, 5)).toEqual([]);
  });

  it('keeps the names the knowledge base does not hold that pass the protocol schema, at most listMax (issue 17)', () => {
    const name = { text: 'Kwame Mensah', type: 'person' as const, count: 2, offsets: [{ start: 4, end: 16 }], sentence: 'Then Kwame Mensah spoke.' };
    const bad = [
      { ...name, text: 'x'.repeat(201) },
      { ...name, type: 'event' as never },
      { ...name, count: 0 },
      { ...name, sentence: 's'.repeat(401) },
      { ...name, offsets: [{ start: -1, end: 3 }] },
      { ...name, extra: 'field' },
    ];
    expect(compactUnknownNames([...bad, name])).toEqual([name]);
    expect(compactUnknownNames(Array(45).fill(name))).toHaveLength(30);
  });
});
