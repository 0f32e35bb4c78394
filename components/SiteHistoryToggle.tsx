import { t } from '@/utils/ui/i18n';

interface Props {
  site: string;
  paused: boolean;
  onToggle: () => void;
}

/** Below the panel's overview: whether this site's articles are kept in the history, and a switch. */
export function SiteHistoryToggle({ site, paused, onToggle }: Props) {
  return (
    <p class="history-site" data-testid="site-history">
      {paused ? t('historyPausedOn', site) : t('historyKeptOn', site)}{' '}
      <button type="button" class="link-button" data-testid="toggle-site-history" onClick={onToggle}>
        {paused ? t('historyResumeSite') : t('historyPauseSite')}
      </button>
    </p>
  );
}
