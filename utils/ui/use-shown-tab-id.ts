import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * The tab a surface shows: `fixed` (from `?tabId=N`) when given, else the active tab of the
 * surface's window, followed as the reader switches tabs when `follow` is set.
 * Returns undefined until known and null when the window has no active tab.
 */
export function useShownTabId(fixed: number | null, follow: boolean): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(fixed ?? undefined);
  useEffect(() => {
    if (fixed !== null) return;
    const query = () => {
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([tab]) => setTabId(tab?.id ?? null))
        .catch(() => setTabId(null));
    };
    query();
    if (!follow) return;
    browser.tabs.onActivated.addListener(query);
    return () => browser.tabs.onActivated.removeListener(query);
  }, [fixed, follow]);
  return tabId;
}
