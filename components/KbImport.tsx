import { useId, useState } from 'preact/hooks';
import type { ImportReport, Result } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { ImportReportView } from './ImportReportView';

interface Props {
  onImport: (text: string) => Promise<Result<ImportReport>>;
}

type Outcome = { kind: 'busy' } | { kind: 'report'; report: ImportReport } | { kind: 'failed'; error: string } | null;

/** Import: pick a pack or backup (.json); the background merges it, all or nothing, and reports. */
export function KbImport({ onImport }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome({ kind: 'busy' });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setOutcome({ kind: 'failed', error: (error as Error).message });
      return;
    }
    const reply = await onImport(text);
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
        <p role="status" class="muted">
          {t('importBusy')}
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
