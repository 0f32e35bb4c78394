import { useEffect, useState } from 'preact/hooks';

/**
 * True once `active` has held for `ms` milliseconds without `restart` changing; false again
 * as soon as `active` turns false or `restart` changes (e.g. after the reader reloads).
 */
export function useDelayPassed(active: boolean, ms: number, restart: unknown = null): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    setPassed(false);
    if (!active) return;
    const timer = setTimeout(() => setPassed(true), ms);
    return () => clearTimeout(timer);
  }, [active, ms, restart]);
  return passed;
}
