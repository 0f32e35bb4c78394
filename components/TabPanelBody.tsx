import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostOf } from '@/utils/ui/host';
import { pageStatus } from '@/utils/ui/page-status';
import { useDelayPassed } from '@/utils/ui/use-delay-passed';
import { useTabView } from '@/utils/ui/use-tab-view';
import { ReloadPrompt } from './ReloadPrompt';
import { TabOverview } from './TabOverview';
import { TabStatus } from './TabStatus';

/** How long a page may take to report before the panel offers to reload it. */
const analysingPatienceMs = 3000;

interface Props {
  /** undefined while the shown tab is not known yet; null when there is none. */
  tabId: number | null | undefined;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** The side panel's overview of the shown tab, kept up to date as the tab changes. */
export function TabPanelBody({ tabId, onOpenEntity, onOpenEvent }: Props) {
  const { view, error } = useTabView(tabId ?? null);
  const [reloads, setReloads] = useState(0);
  const page = view ? pageStatus(view.state, view.url) : null;
  const stuck = useDelayPassed(page?.status === 'analysing', analysingPatienceMs, `${tabId}|${reloads}`);
  if (tabId === null) return <TabStatus kind="open-article" />;
  if (error) return <TabStatus kind="error" detail={error} />;
  if (!view || !page) return <TabStatus kind="loading" />;
  if ('analysis' in page) {
    return <TabOverview analysis={page.analysis} site={hostOf(view.url)} onOpenEntity={onOpenEntity} onOpenEvent={onOpenEvent} />;
  }
  if (stuck && typeof tabId === 'number') {
    const reload = () => {
      setReloads((n) => n + 1);
      void browser.tabs.reload(tabId).catch((reason: Error) => console.warn('[backstory] reload failed', reason));
    };
    return <ReloadPrompt onReload={reload} />;
  }
  return <TabStatus kind={page.status} />;
}
