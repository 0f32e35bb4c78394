import { describe, expect, it } from 'vitest';
import { afterRun, BACKUP_PERIOD_MS, BACKUP_RETRY_MS, isBackupDue, nextBackupAt, NO_AUTO_BACKUP, type AutoBackupState } from './backup-schedule';

const DAY = 24 * 3_600_000;
const now = new Date('2026-12-07T22:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const daily = (over: Partial<AutoBackupState> = {}): AutoBackupState => ({ ...NO_AUTO_BACKUP, schedule: 'daily', ...over });

describe('nextBackupAt', () => {
  it('is never when backups are off (the default), whatever ran before', () => {
    expect(nextBackupAt(NO_AUTO_BACKUP, now)).toBeNull();
    expect(nextBackupAt({ ...NO_AUTO_BACKUP, lastSuccessAt: ago(30 * DAY) }, now)).toBeNull();
    expect(isBackupDue(NO_AUTO_BACKUP, now)).toBe(false);
  });

  it('is now when none has been made yet', () => {
    expect(nextBackupAt(daily(), now)).toEqual(now);
    expect(isBackupDue(daily(), now)).toBe(true);
  });

  it.each([
    ['daily', DAY],
    ['weekly', 7 * DAY],
  ] as const)('is a period after the last success (%s)', (schedule, period) => {
    const state = daily({ schedule, lastSuccessAt: ago(3_600_000), lastRun: { at: ago(3_600_000), ok: true, articles: 2 } });
    expect(nextBackupAt(state, now)!.getTime()).toBe(now.getTime() - 3_600_000 + period);
    expect(isBackupDue(state, now)).toBe(false);
    expect(isBackupDue(state, new Date(now.getTime() + period))).toBe(true);
  });

  it('catches up at once on a backup missed while the browser was closed', () => {
    const state = daily({ lastSuccessAt: ago(3 * DAY), lastRun: { at: ago(3 * DAY), ok: true } });
    expect(isBackupDue(state, now)).toBe(true);
  });

  it('tries a failed backup again an hour later, not at every check', () => {
    const failed = daily({ lastSuccessAt: ago(2 * DAY), lastRun: { at: ago(10 * 60_000), ok: false, error: 'FILE_NO_SPACE' } });
    expect(nextBackupAt(failed, now)!.getTime()).toBe(now.getTime() - 10 * 60_000 + BACKUP_RETRY_MS);
    expect(isBackupDue(failed, now)).toBe(false);
    expect(isBackupDue(daily({ lastRun: { at: ago(2 * BACKUP_RETRY_MS), ok: false } }), now)).toBe(true);
  });

  it('never waits more than a period from now, even when the clock was set back', () => {
    const future = daily({ schedule: 'weekly', lastSuccessAt: new Date(now.getTime() + 30 * DAY).toISOString() });
    expect(nextBackupAt(future, now)!.getTime()).toBe(now.getTime() + BACKUP_PERIOD_MS.weekly);
  });
});

describe('afterRun', () => {
  it('moves the last success on only when the run succeeded, and keeps a failure with its reason', () => {
    const before = daily({ lastSuccessAt: ago(DAY) });
    const failed = afterRun(before, { at: now.toISOString(), ok: false, error: 'disk full' });
    expect(failed).toEqual({ ...before, lastRun: { at: now.toISOString(), ok: false, error: 'disk full' } });
    const succeeded = afterRun(failed, { at: now.toISOString(), ok: true, articles: 3 });
    expect(succeeded.lastSuccessAt).toBe(now.toISOString());
    expect(isBackupDue(succeeded, now)).toBe(false);
  });
});
