import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { UnknownName } from '@/utils/match/unknown-name';
import { sendToBackground, type TabAnalysis } from '@/utils/messages';
import { hostOf } from '@/utils/ui/host';
import { pageStatus } from '@/utils/ui/page-status';
import { useDelayPassed } from '@/utils/ui/use-delay-passed';
import { t } from '@/utils/ui/i18n';
import { retryTab } from '@/utils/ui/retry-tab';
import { useAnalysisWaitPassed } from '@/utils/ui/use-analysis-wait';
import { useSettings } from '@/utils/ui/use-settings';
import { useTabView } from '@/utils/ui/use-tab-view';
import { ReloadPrompt } from './ReloadPrompt';
import { TabOverview } from './TabOverview';
import { TabProblem } from './TabProblem';
import { TabStatus } from './TabStatus';

/** How long a page may take to report before the panel offers to reload it. */
const analysingPatienceMs = 3000;

interface Props {
  /** undefined while the shown tab is not known yet; null when there is none. */
  tabId: number | null | undefined;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
  /** "Add" of a name the knowledge base does not hold (issue 17). */
  onAddName?: (name: UnknownName, article: TabAnalysis['article']) => void;
  onSearch: (query: string) => void;
}

/** The side panel's overview of the shown tab, kept up to date as the tab changes. */
export function TabPanelBody({ tabId, onOpenEntity, onOpenEvent, onAddName, onSearch }: Props) {
  const { view, error } = useTabView(tabId ?? null);
  const { settings, setSiteHistory } = useSettings();
  const [reloads, setReloads] = useState(0);
  const page = view ? pageStatus(view.state, view.url) : null;
  const stuck = useDelayPassed(page?.status === 'analysing' && !view?.state, analysingPatienceMs, `${tabId}|${reloads}`);
  const waitedTooLong = useAnalysisWaitPassed(view?.state ?? null, `${tabId}|${reloads}`);
  if (tabId === null) return <TabStatus kind="open-article" />;
  if (error) return <TabStatus kind="error" detail={error} />;
  if (!view || !page) return <TabStatus kind="loading" />;
  if ('analysis' in page) {
    // The tab's state changes with the dismissal, and the panel follows it as it does every change.
    const dismiss = (eventId: string) => {
      if (typeof tabId !== 'number') return;
      void sendToBackground('dismissEvent', { tabId, eventId }).then((reply) => {
        if (!reply.ok) console.warn('[backstory] dismissing an event failed', reply.error);
      });
    };
    const site = hostOf(view.url);
    const paused = Boolean(site && settings?.historyPausedSites.includes(site));
    const history = settings && !settings.historyOff && site ? { paused, onToggle: () => void setSiteHistory(site, !paused) } : undefined;
    return (
      <TabOverview
        analysis={page.analysis}
        site={site}
        onOpenEntity={onOpenEntity}
        onOpenEvent={onOpenEvent}
        onAddName={onAddName}
        onDismissEvent={dismiss}
        onSearch={onSearch}
        history={history}
      />
    );
  }
  if (page.status === 'too-large') return <TabProblem kind="too-large" tooLarge={page.tooLarge} />;
  const retry = () => {
    if (typeof tabId !== 'number') return;
    setReloads((n) => n + 1);
    void retryTab(tabId).catch((reason: Error) => console.warn('[backstory] retry failed', reason));
  };
  if (page.status === 'failed') return <TabProblem kind="failed" error={page.error} onRetry={retry} />;
  if (waitedTooLong) return <TabProblem kind="failed" error={t('analysisTookTooLong')} onRetry={retry} />;
  if (stuck && typeof tabId === 'number') {
    const reload = () => {
      setReloads((n) => n + 1);
      void browser.tabs.reload(tabId).catch((reason: Error) => console.warn('[backstory] reload failed', reason));
    };
    return <ReloadPrompt onReload={reload} />;
  }
  return <TabStatus kind={page.status} />;
}
