import { t } from '@/utils/ui/i18n';

interface Props {
  onOpenPanel: () => void;
  /** null when the page is not an article that can be saved. */
  saved: boolean | null;
  onToggleSave: () => void;
  /** The tab's site and whether highlighting is on there; site null for non-web pages. */
  site: string | null;
  highlighting: boolean;
  onToggleHighlighting: () => void;
}

/** The popup's buttons: open the side panel, save the article, highlighting on this site. */
export function PopupActions({ onOpenPanel, saved, onToggleSave, site, highlighting, onToggleHighlighting }: Props) {
  return (
    <div class="actions">
      <button type="button" class="primary" data-testid="open-panel" onClick={onOpenPanel}>
        {t('openPanel')}
      </button>
      {saved !== null && (
        <button type="button" data-testid="save-article" data-saved={String(saved)} onClick={onToggleSave}>
          {saved ? t('savedRemove') : t('saveArticle')}
        </button>
      )}
      {site && (
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={highlighting}
          data-testid="toggle-highlighting"
          onClick={onToggleHighlighting}
        >
          <span>{t('highlightOnSite', site)}</span>
          <span class="switch-state" aria-hidden="true">
            {highlighting ? t('on') : t('off')}
          </span>
        </button>
      )}
    </div>
  );
}
