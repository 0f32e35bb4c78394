import { useCallback, useState } from 'preact/hooks';

/** A counter to list among an effect's deps, and `reload` to make the effect run again. */
export function useReload(): [version: number, reload: () => void] {
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return [version, reload];
}
