import { useState } from 'preact/hooks';
import type { Result } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';

interface Props {
  /** Exports and downloads; answers the file name. */
  onExport: (scope: 'all' | 'user') => Promise<Result<string>>;
}

/** Export: the whole knowledge base, or only the reader's additions and edits, as a .json file. */
export function KbExport({ onExport }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (scope: 'all' | 'user') => {
    const reply = await onExport(scope);
    setMessage(reply.ok ? { ok: true, text: t('exportDone', reply.value) } : { ok: false, text: t('actionFailed', reply.error) });
  };
  return (
    <div class="kb-part">
      <h3>{t('exportHeading')}</h3>
      <div class="button-row">
        <button type="button" data-testid="export-all" onClick={() => void run('all')}>
          {t('exportAll')}
        </button>
        <button type="button" data-testid="export-user" onClick={() => void run('user')}>
          {t('exportUser')}
        </button>
      </div>
      {message && (
        <p class={message.ok ? 'field-ok' : 'field-error'} role={message.ok ? 'status' : 'alert'} data-testid="export-status">
          {message.text}
        </p>
      )}
    </div>
  );
}
