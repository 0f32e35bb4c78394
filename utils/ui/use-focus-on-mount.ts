import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref that focuses its element once mounted: when the side panel moves to another page,
 * keyboard and screen-reader users land on its heading (give the element tabIndex={-1}).
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
