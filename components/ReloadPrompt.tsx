import { t } from '@/utils/ui/i18n';

interface Props {
  onReload: () => void;
}

/**
 * For a tab whose page never reported (it was open before Backstory was installed or
 * updated, so no content script runs in it): reloading it lets Backstory read it.
 */
export function ReloadPrompt({ onReload }: Props) {
  return (
    <div class="tab-status" data-testid="reload-prompt">
      <h1>{t('extName')}</h1>
      <div class="status-note" role="status">
        <p>{t('reloadToRead')}</p>
        <button type="button" class="primary" data-testid="reload-tab" onClick={onReload}>
          {t('reloadPage')}
        </button>
      </div>
    </div>
  );
}
