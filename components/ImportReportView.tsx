import type { ImportReport } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';

interface Props {
  report: ImportReport;
}

/**
 * What an import did. A file with problems is rejected as a whole (nothing is written), so
 * the report says so plainly and lists every problem with where it is in the file.
 */
export function ImportReportView({ report }: Props) {
  if (report.problems.length > 0) {
    return (
      <div class="report report-rejected" role="alert" data-testid="import-report" data-outcome="rejected">
        <p>
          <strong>{t('importRejected', report.problems.length)}</strong> {t('importNothingChanged')}
        </p>
        {report.rejected > 0 && <p class="meta">{t('importRejectedCount', report.rejected)}</p>}
        <ul class="problem-list" data-testid="import-problems">
          {report.problems.map((problem, i) => (
            <li key={i}>
              <code>{problem.path}</code> {problem.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div class="report" role="status" data-testid="import-report" data-outcome="imported">
      <p>
        <strong>{t('importDone')}</strong>
      </p>
      <ul class="meta report-counts">
        <li data-count="added">{t('importAdded', report.added)}</li>
        <li data-count="updated">{t('importUpdated', report.updated)}</li>
        <li data-count="unchanged">{t('importUnchanged', report.unchanged)}</li>
        <li data-count="rejected">{t('importRejectedCount', report.rejected)}</li>
      </ul>
    </div>
  );
}
