import { describe, expect, it } from 'vitest';
import type { SavedArticleSummary, TabAnalysis, TabState } from '../messages';
import { substitute } from '../ui/i18n';
import english from '../../public/_locales/en/messages.json';
import { badgeFeedback, feedbackMs, quickSave, refusalOf, type QuickSaveDeps } from './quick-save';

const URL_ = 'https://news.example/story';
const analysis = { isArticle: true } as TabAnalysis;
const state = (over: Partial<TabState>): TabState => ({ tabId: 3, url: URL_, title: 'A story', status: 'article', analysis, saved: false, updatedAt: 0, ...over });
const summary = (title: string) => ({ url: URL_, title }) as SavedArticleSummary;

/** The English title the toolbar button would show. */
const titleOf = (feedback: ReturnType<typeof badgeFeedback>) => substitute(english[feedback.title.key].message, feedback.title.subs);

describe('refusalOf', () => {
  it.each([
    ['a browser page', 'chrome://newtab/', state({}), 'quickSaveNotWebPage'],
    ['no URL', undefined, state({}), 'quickSaveNotWebPage'],
    ['a page no content script reported', URL_, null, 'quickSaveNotRead'],
    ['a page being read', URL_, state({ status: 'analysing', analysis: null }), 'quickSaveAnalysing'],
    ['a page that is not an article', URL_, state({ status: 'not-article', analysis: null }), 'quickSaveNotArticle'],
    ['an analysis that found no article', URL_, state({ analysis: { isArticle: false } as TabAnalysis }), 'quickSaveNotArticle'],
    ['a page too large to read', URL_, state({ status: 'too-large', analysis: null }), 'quickSaveTooLarge'],
    ['a failed analysis', URL_, state({ status: 'failed', analysis: null, error: 'the tab moved on' }), 'quickSaveNotAnalysed'],
  ])('refuses %s, saying why', (_what, url, tabState, reason) => {
    expect(refusalOf(url, tabState)?.reason).toBe(reason);
  });

  it('lets an analysed article be saved', () => {
    expect(refusalOf(URL_, state({}))).toBeNull();
  });
});

describe('quickSave', () => {
  const deps = (tabState: TabState | null, save: QuickSaveDeps['save'] = async () => summary('Saved title')): QuickSaveDeps & { saved: number[] } => {
    const saved: number[] = [];
    return {
      saved,
      tabState: async () => tabState,
      save: async (tabId) => {
        saved.push(tabId);
        return save(tabId);
      },
    };
  };

  it('saves the tab’s article through the save it is given, and names it', async () => {
    const d = deps(state({}));
    expect(await quickSave({ id: 3, url: URL_ }, d)).toEqual({ ok: true, title: 'Saved title', again: false });
    expect(d.saved).toEqual([3]);
  });

  it('says when the article was already saved (the save updated it)', async () => {
    expect(await quickSave({ id: 3, url: URL_ }, deps(state({ saved: true })))).toMatchObject({ ok: true, again: true });
  });

  it('does not ask for the article of a page that is not one', async () => {
    const d = deps(state({ status: 'not-article', analysis: null }));
    expect(await quickSave({ id: 3, url: URL_ }, d)).toEqual({ ok: false, reason: 'quickSaveNotArticle', detail: '' });
    expect(d.saved).toEqual([]);
  });

  it('reports a failed save with its reason, and never throws', async () => {
    const d = deps(state({}), async () => {
      throw new Error('this page changed since it was read: reload it, then save it again');
    });
    expect(await quickSave({ id: 3, url: URL_ }, d)).toEqual({ ok: false, reason: 'quickSaveError', detail: 'this page changed since it was read: reload it, then save it again' });
  });

  it('refuses a tab without an id (a devtools window, say)', async () => {
    expect(await quickSave(undefined, deps(state({})))).toMatchObject({ ok: false, reason: 'quickSaveNotWebPage' });
  });
});

describe('badgeFeedback', () => {
  it('marks a save briefly, with the article’s title', () => {
    const feedback = badgeFeedback({ ok: true, title: 'Oil prices fall', again: false });
    expect(feedback).toMatchObject({ text: '✓', clearAfterMs: feedbackMs.saved });
    expect(titleOf(feedback)).toBe('Saved to your Backstory library: Oil prices fall');
  });

  it('marks a refusal for longer, with the reason in the title', () => {
    const feedback = badgeFeedback({ ok: false, reason: 'quickSaveNotArticle', detail: '' });
    expect(feedback).toMatchObject({ text: '!', clearAfterMs: feedbackMs.refused });
    expect(feedback.clearAfterMs).toBeGreaterThan(feedbackMs.saved);
    expect(titleOf(feedback)).toBe('Not saved: this page is not an article.');
    expect(titleOf(badgeFeedback({ ok: false, reason: 'quickSaveError', detail: 'no room left' }))).toBe('Not saved: no room left');
  });

  it('cuts a long title', () => {
    const feedback = badgeFeedback({ ok: true, title: 'x'.repeat(500), again: true });
    expect(titleOf(feedback).length).toBeLessThan(200);
    expect(titleOf(feedback)).toMatch(/^Saved again, your library's copy is updated: x+…$/);
  });
});
