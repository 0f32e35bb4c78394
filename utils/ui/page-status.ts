import type { TooLarge } from '@/utils/article/page-budget';
import type { TabAnalysis, TabState } from '@/utils/messages';
import { hostOf } from './host';

/**
 * What a surface can say about a tab: 'open-article' for a page no content script runs on
 * (a new tab, a browser page), 'analysing' until the content script has reported, then
 * 'not-article', 'too-large' (past what Backstory reads), 'failed' (could not analyse, with
 * why), or an article with its analysis: 'nothing-known' (the knowledge base knows none of its
 * actors or events) or 'ready'.
 */
export type PageStatus =
  | { status: 'open-article' | 'analysing' | 'not-article' }
  | { status: 'too-large'; tooLarge: TooLarge | null }
  | { status: 'failed'; error: string }
  | { status: 'ready' | 'nothing-known'; analysis: TabAnalysis };

/**
 * How long a surface waits for an analysis the background has started before it says the
 * article could not be analysed (ms): longer than the background's own budget
 * (ANALYSIS_BUDGET_MS), so this covers a worker stopped mid-analysis (issue 19).
 */
export const analysisWaitMs = 30_000;

/** The status of a tab from what the background knows (null: nothing yet) and the tab's URL. */
export function pageStatus(state: TabState | null, url: string | null): PageStatus {
  if (state === null) return { status: hostOf(url) ? 'analysing' : 'open-article' };
  if (state.status === 'not-article') return { status: 'not-article' };
  if (state.status === 'too-large') return { status: 'too-large', tooLarge: state.tooLarge ?? null };
  if (state.status === 'failed') return { status: 'failed', error: state.error ?? '' };
  const analysis = state.analysis;
  if (!analysis) return { status: 'analysing' };
  if (!analysis.isArticle) return { status: 'not-article' };
  const known = analysis.entities.length + analysis.related.length + analysis.later.length;
  return { status: known > 0 ? 'ready' : 'nothing-known', analysis };
}
