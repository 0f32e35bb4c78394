/**
 * Automatic local backups of the library (issue 21): off unless the reader turns them on; then
 * every day or week the whole library, as the same versioned JSON as "Export everything"
 * (backup.ts), is written to one rolling file in the Downloads folder. When the next one is
 * due is decided here, from what the last runs did. Pure.
 */

export type BackupSchedule = 'off' | 'daily' | 'weekly';
export const BACKUP_SCHEDULES: readonly BackupSchedule[] = ['off', 'daily', 'weekly'];

/** The rolling file each automatic backup overwrites, in the Downloads folder. */
export const AUTO_BACKUP_FILE = 'backstory-backup.json';

/** What one backup did. */
export interface BackupRun {
  /** When it ran (ISO). */
  at: string;
  ok: boolean;
  /** Why it failed, for the reader. */
  error?: string;
  /** Articles it holds, when it succeeded. */
  articles?: number;
}

/** The reader's choice and what the backups did, as stored. */
export interface AutoBackupState {
  schedule: BackupSchedule;
  /** The last run, failed or not; null before the first. */
  lastRun: BackupRun | null;
  /** When a backup last succeeded (ISO); null before the first. */
  lastSuccessAt: string | null;
}

export const NO_AUTO_BACKUP: AutoBackupState = { schedule: 'off', lastRun: null, lastSuccessAt: null };

const HOUR_MS = 3_600_000;
/** Time between two backups. */
export const BACKUP_PERIOD_MS: Record<Exclude<BackupSchedule, 'off'>, number> = { daily: 24 * HOUR_MS, weekly: 7 * 24 * HOUR_MS };
/** A failed backup is tried again this long after it (a full disk, a folder removed), sooner than the next period. */
export const BACKUP_RETRY_MS = HOUR_MS;
/**
 * How often the background looks whether a backup is due (minutes, for the alarm). A backup
 * missed while the browser was closed is made within this long of its start, and a daily one
 * drifts by at most this much.
 */
export const BACKUP_CHECK_MINUTES = 30;

/**
 * When the next backup is due: null when they are off; `now` when none has succeeded yet (the
 * first is made at the next check); after a failure, BACKUP_RETRY_MS after it; else a period
 * after the last success. Never more than a period from `now` (a clock set back would
 * otherwise hold backups off until it catches up).
 */
export function nextBackupAt(state: AutoBackupState, now: Date): Date | null {
  if (state.schedule === 'off') return null;
  const period = BACKUP_PERIOD_MS[state.schedule];
  const lastSuccess = state.lastSuccessAt ? Date.parse(state.lastSuccessAt) : null;
  let due = lastSuccess === null ? now.getTime() : lastSuccess + period;
  const failedAt = state.lastRun && !state.lastRun.ok ? Date.parse(state.lastRun.at) : null;
  if (failedAt !== null && (lastSuccess === null || failedAt >= lastSuccess)) due = Math.max(due, failedAt + BACKUP_RETRY_MS);
  return new Date(Math.min(due, now.getTime() + period));
}

/** True when a backup should be made at `now`. */
export function isBackupDue(state: AutoBackupState, now: Date): boolean {
  const next = nextBackupAt(state, now);
  return next !== null && next.getTime() <= now.getTime();
}

/** The state after a run: the run kept, and the success time moved on when it succeeded. */
export function afterRun(state: AutoBackupState, run: BackupRun): AutoBackupState {
  return { ...state, lastRun: run, lastSuccessAt: run.ok ? run.at : state.lastSuccessAt };
}
