import { useEffect, useState } from 'preact/hooks';
import type { Result } from '@/utils/messages';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ok'; value: T };

/**
 * Runs `load` whenever `deps` change and keeps the latest answer. While a new answer is on
 * its way the previous one stays shown (no flicker on every keystroke of a search); an answer
 * that arrives after the deps changed again is dropped, so a slow reply never wins.
 */
export function useResult<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
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
