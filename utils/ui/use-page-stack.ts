import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import type { EntityDraft, EntitySource } from './kb-form';

/** A page the side panel can move to on top of its overview; 'add' adds a name of the article (its id: the name). */
export type PanelPage = { kind: 'entity'; id: string } | { kind: 'event'; id: string } | { kind: 'add'; id: string; draft: EntityDraft; source: EntitySource | null };

/** The `data-opens` value of a control that opens `page`, so Back can return focus to it. */
export const opensAttr = (page: Pick<PanelPage, 'kind' | 'id'>): string => `${page.kind}:${page.id}`;

/**
 * The side panel's in-panel navigation: a stack of pages over the overview (or search
 * results). `open` pushes, `back` pops, `reset` returns to the overview. After Back, keyboard
 * focus returns to the control that opened the page left (marked with `data-opens`), as a
 * browser's Back returns to where the reader was.
 */
export function usePageStack() {
  const [stack, setStack] = useState<PanelPage[]>([]);
  const left = useRef<PanelPage | null>(null);
  const open = useCallback((page: PanelPage) => setStack((pages) => [...pages, page]), []);
  const back = useCallback(
    () =>
      setStack((pages) => {
        left.current = pages.at(-1) ?? null;
        return pages.slice(0, -1);
      }),
    [],
  );
  const reset = useCallback(() => setStack((pages) => (pages.length ? [] : pages)), []);
  useEffect(() => {
    const from = left.current;
    left.current = null;
    const opener = from && document.querySelector<HTMLElement>(`[data-opens="${CSS.escape(opensAttr(from))}"]:not([hidden] *)`);
    if (opener) opener.focus();
    // Each new page starts at its top, as a new page would.
    else window.scrollTo(0, 0);
  }, [stack]);
  return { top: stack.at(-1) ?? null, open, back, reset };
}
