import { describe, expect, it } from 'vitest';
import { emptyAnalysis, type Analysis } from '@/utils/analysis/analyze-text';
import { compactAnalysis } from '@/utils/background/tab-state';
import type { TabAnalysis, TabState } from '@/utils/messages';
import { pageStatus } from './page-status';

const article = { title: 'Leaders meet', text: 'Leaders meet\n\nBody', published: '2025-08-15' };
const state = (over: Partial<TabState>): TabState => ({
  tabId: 1,
  url: 'https://news.example/a',
  title: 'Leaders meet',
  status: 'article',
  analysis: null,
  saved: false,
  updatedAt: 0,
  ...over,
});
const withEntity = (): TabAnalysis =>
  compactAnalysis({
    ...emptyAnalysis(article),
    isArticle: true,
    entities: [{ id: 'x', name: 'X', type: 'person', description: 'd', role: null, count: 1 }],
  } satisfies Analysis);

describe('pageStatus', () => {
  it('asks for an article on a page no content script runs on', () => {
    expect(pageStatus(null, 'chrome://newtab/')).toEqual({ status: 'open-article' });
    expect(pageStatus(null, null)).toEqual({ status: 'open-article' });
  });

  it('is analysing a web page that has not reported yet', () => {
    expect(pageStatus(null, 'https://news.example/a')).toEqual({ status: 'analysing' });
    expect(pageStatus(state({}), 'https://news.example/a')).toEqual({ status: 'analysing' });
  });

  it('says when the page is not an article', () => {
    expect(pageStatus(state({ status: 'not-article' }), null).status).toBe('not-article');
    expect(pageStatus(state({ analysis: compactAnalysis(emptyAnalysis(article)) }), null).status).toBe('not-article');
  });

  it('tells an article the knowledge base knows nothing of from one it knows', () => {
    expect(pageStatus(state({ analysis: compactAnalysis({ ...emptyAnalysis(article), isArticle: true }) }), null).status).toBe('nothing-known');
    const ready = pageStatus(state({ analysis: withEntity() }), null);
    expect(ready.status).toBe('ready');
    expect('analysis' in ready && ready.analysis.entities).toHaveLength(1);
  });

  it('says when the page is too large to read, or could not be analysed, and why', () => {
    const tooLarge = { limit: 'elements', measured: 50_000, max: 25_000 } as const;
    expect(pageStatus(state({ status: 'too-large', tooLarge }), null)).toEqual({ status: 'too-large', tooLarge });
    expect(pageStatus(state({ status: 'failed', error: 'the analysis took longer than 20 s' }), null)).toEqual({ status: 'failed', error: 'the analysis took longer than 20 s' });
  });
});
