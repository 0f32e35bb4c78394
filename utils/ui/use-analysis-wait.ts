import { useMemo } from 'preact/hooks';
import type { TabState } from '@/utils/messages';
import { analysisWaitMs } from './page-status';
import { useDelayPassed } from './use-delay-passed';

/**
 * True once the background has been analysing the tab's article for longer than
 * analysisWaitMs (counted from when it started, not from when the surface opened): the
 * surface then says the article could not be analysed, and offers to try again.
 */
export function useAnalysisWaitPassed(state: TabState | null, restart: unknown): boolean {
  const analysing = state?.status === 'analysing';
  const startedAt = analysing ? state.updatedAt : 0;
  const left = useMemo(() => Math.max(0, startedAt + analysisWaitMs - Date.now()), [startedAt]);
  return useDelayPassed(analysing, left, `${startedAt}|${String(restart)}`);
}
