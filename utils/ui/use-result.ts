import { useLayoutEffect, useState } from 'preact/hooks';
import type { Result } from '@/utils/messages';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ok'; value: T };

/**
 * Runs `load` whenever `deps` change and keeps the latest answer. While a new answer is on
 * its way the previous one stays shown (no flicker on every keystroke of a search); an answer
 * that arrives after the deps changed again is dropped, so a slow reply never wins.
 * The request starts in a layout effect, right after the render instead of after the next
 * paint: the side panel's first answer (its main wait) arrives a frame sooner.
 */
export function useResult<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useLayoutEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      if (!result.ok) console.warn('[backstory]', result.error);
      setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, deps);
  return state;
}
