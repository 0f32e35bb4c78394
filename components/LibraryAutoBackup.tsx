import { useEffect, useState } from 'preact/hooks';
import { sendToBackground, type AutoBackupView } from '@/utils/messages';
import { BACKUP_SCHEDULES, type BackupSchedule } from '@/utils/library/backup-schedule';
import { t, type MessageKey } from '@/utils/ui/i18n';

const SCHEDULE_LABELS: Record<BackupSchedule, MessageKey> = { off: 'autoBackupOff', daily: 'autoBackupDaily', weekly: 'autoBackupWeekly' };

/** A moment as the reader's browser writes dates and times ("7 Dec 2026, 22:30"). */
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Automatic backups (issue 21): off by default; the reader chooses every day or every week,
 * sees when the last backup ran (or why it failed) and when the next is due, and can make one now.
 */
export function LibraryAutoBackup() {
  const [view, setView] = useState<AutoBackupView | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  // The reader's choice, shown at once while the background records it.
  const [choosing, setChoosing] = useState<BackupSchedule | null>(null);

  const ask = async (work: () => ReturnType<typeof sendToBackground<'getAutoBackup'>>) => {
    setBusy(true);
    const reply = await work();
    setBusy(false);
    setChoosing(null);
    if (reply.ok) setView(reply.value);
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
  };
  useEffect(() => void ask(() => sendToBackground('getAutoBackup', {})), []);

  const last = view?.lastRun;
  return (
    <div class="auto-backup" data-testid="auto-backup">
      <fieldset disabled={!view || busy}>
        <legend>{t('autoBackupLegend', view?.fileName ?? 'backstory-backup.json')}</legend>
        {BACKUP_SCHEDULES.map((schedule) => (
          <label class="choice" key={schedule}>
            <input
              type="radio"
              name="auto-backup"
              value={schedule}
              data-testid={`auto-backup-${schedule}`}
              checked={(choosing ?? view?.schedule) === schedule}
              onChange={() => {
                setChoosing(schedule);
                void ask(() => sendToBackground('setAutoBackup', { schedule }));
              }}
            />
            {t(SCHEDULE_LABELS[schedule])}
          </label>
        ))}
      </fieldset>
      <p class="status-note" data-testid="auto-backup-last" data-ok={last ? String(last.ok) : undefined} role={last && !last.ok ? 'alert' : undefined}>
        {!last ? t('autoBackupNever') : last.ok ? (last.articles === 1 ? t('autoBackupLastOkOne', when(last.at)) : t('autoBackupLastOk', when(last.at), last.articles ?? 0)) : t('autoBackupLastFailed', when(last.at), last.error ?? '')}
      </p>
      {view?.nextAt && (
        <p class="status-note" data-testid="auto-backup-next">
          {t('autoBackupNext', when(view.nextAt))}
        </p>
      )}
      <div class="backup-actions">
        <button type="button" data-testid="back-up-now" disabled={!view || busy} onClick={() => void ask(() => sendToBackground('backUpNow', {}))}>
          {t('autoBackupNow')}
        </button>
      </div>
      {failure && (
        <p role="alert" class="status-note">
          {failure}
        </p>
      )}
    </div>
  );
}
