import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isTabStateChanged, sendToBackground, type Result, type TabState } from '@/utils/messages';
import { useReload } from './use-reload';
import { useResult } from './use-result';

export interface TabView {
  tabId: number;
  /** The tab's URL, from the background or else from the tab itself; null when unknown. */
  url: string | null;
  /** What the background knows of the tab; null when its content script has not reported. */
  state: TabState | null;
}

async function loadTabView(tabId: number): Promise<Result<TabView>> {
  const [state, tab] = await Promise.all([
    sendToBackground('getTabState', { tabId }),
    browser.tabs.get(tabId).catch(() => null),
  ]);
  if (!state.ok) return state;
  return { ok: true, value: { tabId, state: state.value, url: state.value?.url ?? tab?.url ?? null } };
}

/**
 * What is known of a tab, reloaded when the background broadcasts a change for it and when
 * the tab navigates or finishes loading. `view` is null while the tab's first answer is on its
 * way (or when there is no tab); `error` is set when the background could not answer.
 */
export function useTabView(tabId: number | null): { view: TabView | null; error: string | null; reload: () => void } {
  const [version, reload] = useReload();
  const loaded = useResult<TabView | null>(
    () => (tabId === null ? Promise.resolve({ ok: true, value: null }) : loadTabView(tabId)),
    [tabId, version],
  );

  useEffect(() => {
    if (tabId === null) return;
    const onMessage = (message: unknown) => {
      if (isTabStateChanged(message) && message.tabId === tabId) reload();
    };
    const onUpdated = (id: number, change: { url?: string; status?: string }) => {
      if (id === tabId && (change.url !== undefined || change.status !== undefined)) reload();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  const view = loaded.status === 'ok' && loaded.value?.tabId === tabId ? loaded.value : null;
  return { view, error: loaded.status === 'error' ? loaded.error : null, reload };
}
