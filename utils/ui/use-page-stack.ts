import { useCallback, useEffect, useState } from 'preact/hooks';

/** A page the side panel can move to on top of its overview. */
export type PanelPage = { kind: 'entity'; id: string } | { kind: 'event'; id: string };

/**
 * The side panel's in-panel navigation: a stack of pages over the overview (or search
 * results). `open` pushes, `back` pops, `reset` returns to the overview.
 */
export function usePageStack() {
  const [stack, setStack] = useState<PanelPage[]>([]);
  const open = useCallback((page: PanelPage) => setStack((pages) => [...pages, page]), []);
  const back = useCallback(() => setStack((pages) => pages.slice(0, -1)), []);
  const reset = useCallback(() => setStack((pages) => (pages.length ? [] : pages)), []);
  // Each page starts at its top, as a new page would.
  useEffect(() => window.scrollTo(0, 0), [stack]);
  return { top: stack.at(-1) ?? null, open, back, reset };
}
