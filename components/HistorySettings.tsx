import { useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { useReload } from '@/utils/ui/use-reload';
import { useResult } from '@/utils/ui/use-result';
import { useSettings } from '@/utils/ui/use-settings';
import { safeHref } from '@/utils/web-url';
import { HistoryThreads } from './HistoryThreads';
import { Section } from './Section';
import { StatusNote } from './StatusNote';

/** The library's part on the reader's history (issue 18): on or off, paused sites, the newest stories, and Clear. */
export function HistorySettings() {
  const { settings, setHistory, setSiteHistory } = useSettings();
  const [version, reload] = useReload();
  const loaded = useResult(() => sendToBackground('listHistory', {}), [version]);
  const threads = useResult(() => sendToBackground('listHistoryThreads', {}), [version]);
  const [failure, setFailure] = useState('');
  // Clearing forgets every story at once, so it asks first.
  const [confirming, setConfirming] = useState(false);
  const act = async (reply: Promise<{ ok: boolean; error?: string }>) => {
    const done = await reply;
    setFailure(done.ok ? '' : t('actionFailed', done.error ?? ''));
    reload();
  };

  return (
    <Section title={t('historyTitle')} testId="history">
      <p>{t('historyAbout')}</p>
      {settings && (
        <label class="history-switch">
          <input type="checkbox" data-testid="history-enabled" checked={!settings.historyOff} onChange={(e) => void act(setHistory(e.currentTarget.checked))} />
          {t('historyEnabled')}
        </label>
      )}
      {settings && settings.historyPausedSites.length > 0 && (
        <ul class="link-list" aria-label={t('historyPausedSites')}>
          {settings.historyPausedSites.map((site) => (
            <li key={site}>
              {t('historyPausedOn', site)}{' '}
              <button type="button" class="link-button" onClick={() => void act(setSiteHistory(site, false))}>
                {t('historyResumeSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <p role="alert" class="status-note">
          {failure}
        </p>
      )}
      {loaded.status === 'loading' && <StatusNote kind="loading" />}
      {loaded.status === 'error' && <StatusNote kind="error" detail={loaded.error} />}
      {loaded.status === 'ok' && (
        <>
          <p data-testid="history-count">{loaded.value.total === 1 ? t('historyCountOne') : t('historyCount', loaded.value.total)}</p>
          {loaded.value.stories.length > 0 && (
            <ul class="link-list">
              {loaded.value.stories.map((story) => (
                <li key={story.url} data-testid="history-story">
                  <a href={safeHref(story.url)} target="_blank" rel="noopener">
                    {story.title}
                  </a>
                  <span class="meta">
                    {story.site && <span>{story.site}</span>}
                    <span>{t('historyReadOn', formatDate(story.readAt))}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {threads.status === 'ok' && threads.value.threads.length > 0 && (
            <section class="history-threads-section" data-testid="history-threads">
              <h3>{t('historyThreads')}</h3>
              <p class="meta">{t('historyThreadsAbout')}</p>
              <HistoryThreads threads={threads.value.threads} />
            </section>
          )}
          {loaded.value.total > 0 && !confirming && (
            <button type="button" class="history-clear" data-testid="clear-history" onClick={() => setConfirming(true)}>
              {t('historyClear')}
            </button>
          )}
          {loaded.value.total > 0 && confirming && (
            <p role="alert" class="history-confirm" data-testid="clear-history-confirm">
              {t('historyClearConfirm', loaded.value.total)}{' '}
              <button
                type="button"
                class="history-clear"
                data-testid="clear-history-yes"
                onClick={() => {
                  setConfirming(false);
                  void act(sendToBackground('clearHistory', {}));
                }}
              >
                {t('historyClearYes')}
              </button>{' '}
              <button type="button" class="link-button" onClick={() => setConfirming(false)}>
                {t('historyClearNo')}
              </button>
            </p>
          )}
        </>
      )}
    </Section>
  );
}
