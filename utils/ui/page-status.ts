import type { Analysis } from '@/utils/analysis/analyze-text';
import type { TabState } from '@/utils/messages';
import { hostOf } from './host';

/**
 * What a surface can say about a tab: 'open-article' for a page no content script runs on
 * (a new tab, a browser page), 'analysing' until the content script has reported, then
 * 'not-article', or an article with its analysis: 'nothing-known' (the knowledge base knows
 * none of its actors or events) or 'ready'.
 */
export type PageStatus =
  | { status: 'open-article' | 'analysing' | 'not-article' }
  | { status: 'ready' | 'nothing-known'; analysis: Analysis };

/** The status of a tab from what the background knows (null: nothing yet) and the tab's URL. */
export function pageStatus(state: TabState | null, url: string | null): PageStatus {
  if (state === null) return { status: hostOf(url) ? 'analysing' : 'open-article' };
  if (state.status === 'not-article') return { status: 'not-article' };
  const analysis = state.analysis;
  if (!analysis) return { status: 'analysing' };
  if (!analysis.isArticle) return { status: 'not-article' };
  const known = analysis.entities.length + analysis.related.length + analysis.later.length;
  return { status: known > 0 ? 'ready' : 'nothing-known', analysis };
}
