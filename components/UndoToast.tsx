import { useEffect } from 'preact/hooks';
import { t } from '@/utils/ui/i18n';
import { useFocusOnMount } from '@/utils/ui/use-focus-on-mount';

interface Props {
  message: string;
  onUndo: () => void;
  /** Called when the toast times out. */
  onDismiss: () => void;
  ms: number;
}

/**
 * "Deleted … Undo" for a few seconds after a delete. The Undo button takes focus: the
 * Delete button it replaces has left the page with its row.
 */
export function UndoToast({ message, onUndo, onDismiss, ms }: Props) {
  const button = useFocusOnMount<HTMLButtonElement>();
  useEffect(() => {
    const timer = setTimeout(onDismiss, ms);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>{message}</span>
      <button type="button" ref={button} data-testid="undo" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" class="toast-close" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
