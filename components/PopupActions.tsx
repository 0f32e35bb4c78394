import { t } from '@/utils/ui/i18n';

interface Props {
  onOpenPanel: () => void;
  /** null when the page is not an article that can be saved. */
  saved: boolean | null;
  onToggleSave: () => void;
}

/** The popup's main buttons, side by side right under the title: open the side panel, save the article. */
export function PopupActions({ onOpenPanel, saved, onToggleSave }: Props) {
  return (
    <div class="actions popup-actions">
      <button type="button" class="primary" data-testid="open-panel" onClick={onOpenPanel}>
        {t('openPanel')}
      </button>
      {saved !== null && (
        <button type="button" data-testid="save-article" data-saved={String(saved)} onClick={onToggleSave}>
          {saved ? t('savedRemove') : t('saveArticle')}
        </button>
      )}
    </div>
  );
}
