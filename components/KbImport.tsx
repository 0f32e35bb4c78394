import { useId, useRef, useState } from 'preact/hooks';
import type { ImportReport, Result } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import type { ImportProgress } from '@/utils/ui/import-file';
import { ImportReportView } from './ImportReportView';

interface Props {
  onImport: (file: File, progress: ImportProgress) => Promise<Result<ImportReport>>;
}

type Outcome = { kind: 'busy'; read: number } | { kind: 'report'; report: ImportReport } | { kind: 'failed'; error: string } | null;

/** Import: pick a pack or backup (.json); the background merges it, all or nothing, and reports. */
export function KbImport({ onImport }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const stop = useRef<AbortController | null>(null);
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome({ kind: 'busy', read: 0 });
    stop.current = new AbortController();
    const reply = await onImport(file, { signal: stop.current.signal, onProgress: (read) => setOutcome({ kind: 'busy', read }) }).catch((error: Error) => ({ ok: false as const, error: error.message }));
    stop.current = null;
    setOutcome(reply.ok ? { kind: 'report', report: reply.value } : { kind: 'failed', error: reply.error });
    // The same file can be chosen again (after fixing it) and still fire a change.
    input.value = '';
  };
  return (
    <div class="kb-part">
      <h3>{t('importHeading')}</h3>
      <p class="muted">{t('importHelp')}</p>
      <label for={id} class="file-label">
        {t('importChoose')}
      </label>
      <input id={id} type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void choose(e.currentTarget)} />
      {outcome?.kind === 'busy' && (
        <p role="status" class="muted" data-testid="import-progress">
          {outcome.read > 0 && outcome.read < 1 ? t('importProgress', Math.round(outcome.read * 100)) : t('importBusy')}{' '}
          {/* Once the whole file is read, its records are being made current: past stopping. */}
          {outcome.read < 1 && (
            <button type="button" onClick={() => stop.current?.abort()}>
              {t('importCancel')}
            </button>
          )}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <div class="report report-rejected" role="alert" data-testid="import-report" data-outcome="failed">
          <p>
            <strong>{t('actionFailed', outcome.error)}</strong> {t('importNothingChanged')}
          </p>
        </div>
      )}
      {outcome?.kind === 'report' && <ImportReportView report={outcome.report} />}
    </div>
  );
}
