import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground, type HighlightChange } from '@/utils/messages';
import { hostOf } from '@/utils/ui/host';
import { t } from '@/utils/ui/i18n';
import { openSidePanel } from '@/utils/ui/open-side-panel';
import { pageStatus } from '@/utils/ui/page-status';
import { readTabId } from '@/utils/ui/tab-id';
import { useDelayPassed } from '@/utils/ui/use-delay-passed';
import { useSettings } from '@/utils/ui/use-settings';
import { useShownTabId } from '@/utils/ui/use-shown-tab-id';
import { retryTab } from '@/utils/ui/retry-tab';
import { useAnalysisWaitPassed } from '@/utils/ui/use-analysis-wait';
import { useTabView } from '@/utils/ui/use-tab-view';
import { HighlightSettings } from './HighlightSettings';
import { LibraryLink } from './LibraryLink';
import { PopupActions } from './PopupActions';
import { PopupArticle } from './PopupArticle';
import { ReloadPrompt } from './ReloadPrompt';
import { TabProblem } from './TabProblem';
import { TabStatus } from './TabStatus';

/** How long a page may take to report before the popup offers to reload it. */
const analysingPatienceMs = 3000;

/** The toolbar popup: the article at a glance, and what the reader can do with it. */
export function Popup() {
  const [fixedTabId] = useState(() => readTabId(location.search));
  const tabId = useShownTabId(fixedTabId, false);
  const { view, error, reload } = useTabView(tabId ?? null);
  const { settings, setSiteHighlighting, setHighlighting } = useSettings();
  const [failure, setFailure] = useState('');
  const fail = (reason: string) => setFailure(t('actionFailed', reason));
  const [note, setNote] = useState('');

  const state = view?.state ?? null;
  const page = view ? pageStatus(state, view.url) : null;
  const site = hostOf(view?.url);
  const highlighting = !(site && settings?.highlightOffSites.includes(site));
  const [reloads, setReloads] = useState(0);
  const stuck = useDelayPassed(page?.status === 'analysing' && !state, analysingPatienceMs, reloads);
  const waitedTooLong = useAnalysisWaitPassed(state, reloads);

  const openPanel = () => {
    if (typeof tabId !== 'number') return;
    // No await before this call: the side panel opens only within the click's user gesture.
    openSidePanel(tabId).then(
      () => fixedTabId === null && window.close(),
      (reason: Error) => fail(reason.message),
    );
  };
  const reloadTab = () => {
    if (typeof tabId !== 'number') return;
    setReloads((n) => n + 1);
    browser.tabs.reload(tabId).catch((reason: Error) => fail(reason.message));
  };
  const retry = () => {
    if (typeof tabId !== 'number') return;
    setReloads((n) => n + 1);
    retryTab(tabId).catch((reason: Error) => fail(reason.message));
  };
  const toggleSave = async () => {
    if (!state) return;
    setNote('');
    const reply = state.saved
      ? await sendToBackground('removeArticle', { url: state.url })
      : await sendToBackground('saveArticle', { tabId: state.tabId });
    if (!reply.ok) fail(reply.error);
    // Saved without a copy of its HTML (issue 20): the text is kept, and the reader is told.
    else if (reply.value?.copy === 'too-large') setNote(t('savedCopyTooLarge'));
    else if (reply.value?.copy === 'failed') setNote(t('savedCopyFailed'));
    reload();
  };
  const toggleHighlighting = async () => {
    if (!site) return;
    const reply = await setSiteHighlighting(site, !highlighting);
    if (!reply.ok) fail(reply.error);
  };
  const changeHighlighting = async (change: HighlightChange) => {
    const reply = await setHighlighting(change);
    if (!reply.ok) fail(reply.error);
  };

  const actions = typeof tabId === 'number' && (
    <PopupActions onOpenPanel={openPanel} saved={page && 'analysis' in page && state ? state.saved : null} onToggleSave={() => void toggleSave()} />
  );

  const body = () => {
    if (tabId === null) return <TabStatus kind="open-article" />;
    if (error) return <TabStatus kind="error" detail={error} />;
    if (!page) return <TabStatus kind="loading" />;
    if ('analysis' in page) return <PopupArticle analysis={page.analysis} site={site} actions={actions} />;
    if (page.status === 'too-large') return <TabProblem kind="too-large" tooLarge={page.tooLarge} />;
    if (page.status === 'failed') return <TabProblem kind="failed" error={page.error} onRetry={retry} />;
    if (waitedTooLong) return <TabProblem kind="failed" error={t('analysisTookTooLong')} onRetry={retry} />;
    if (stuck) return <ReloadPrompt onReload={reloadTab} />;
    return <TabStatus kind={page.status} />;
  };
  return (
    <>
      <main class="popup-main">
        {body()}
        {failure && (
          <p role="alert" class="status-note">
            {failure}
          </p>
        )}
        {note && (
          <p role="status" class="status-note" data-testid="save-note">
            {note}
          </p>
        )}
        {!(page && 'analysis' in page) && actions}
      </main>
      <footer class="popup-footer">
        <LibraryLink />
        {settings && typeof tabId === 'number' && (
          <HighlightSettings settings={settings} site={site} onChange={(change) => void changeHighlighting(change)} onToggleSite={() => void toggleHighlighting()} />
        )}
      </footer>
    </>
  );
}
