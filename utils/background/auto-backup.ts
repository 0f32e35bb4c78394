/**
 * Automatic local backups (issue 21): the reader's schedule, one run at a time, and what each
 * run did, kept for the library to show. The file is the library's versioned JSON backup
 * (LibraryStore.exportBackup), written by a writer the runtime gives (the downloads API); no
 * browser API here, so the runs are tested under Node.
 */
import { afterRun, AUTO_BACKUP_FILE, isBackupDue, nextBackupAt, type AutoBackupState, type BackupSchedule } from '../library/backup-schedule';
import type { AutoBackupView } from '../messages';

export interface AutoBackupStore {
  get(): Promise<AutoBackupState>;
  set(state: AutoBackupState): Promise<void>;
}

export interface AutoBackupDeps {
  store: AutoBackupStore;
  /** The backup's text in chunks, and how many articles it holds. */
  source: { chunks(): AsyncGenerator<string>; count(): Promise<number> };
  /** Writes the file; resolves once it is on disk, throws saying why it is not. */
  write(fileName: string, chunks: AsyncGenerator<string>): Promise<void>;
  now(): Date;
  /** The schedule changed: the runtime sets its alarm (or clears it). */
  scheduleChanged?(schedule: BackupSchedule): void;
}

export class AutoBackups {
  private running: Promise<AutoBackupView> | null = null;

  constructor(private readonly deps: AutoBackupDeps) {}

  private viewOf(state: AutoBackupState): AutoBackupView {
    const next = nextBackupAt(state, this.deps.now());
    return { ...state, nextAt: next ? next.toISOString() : null, fileName: AUTO_BACKUP_FILE };
  }

  /** The schedule, the last run and when the next is due. */
  async view(): Promise<AutoBackupView> {
    return this.viewOf(await this.deps.store.get());
  }

  async setSchedule(schedule: BackupSchedule): Promise<AutoBackupView> {
    const state = { ...(await this.deps.store.get()), schedule };
    await this.deps.store.set(state);
    this.deps.scheduleChanged?.(schedule);
    return this.viewOf(state);
  }

  /** Makes a backup now (the one already running, if any), keeps what it did; a failure is kept with its reason, never thrown. */
  runNow(): Promise<AutoBackupView> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Makes a backup when the schedule says one is due (the alarm's check); true when one was made or tried. */
  async runIfDue(): Promise<boolean> {
    if (this.running || !isBackupDue(await this.deps.store.get(), this.deps.now())) return false;
    await this.runNow();
    return true;
  }

  private async run(): Promise<AutoBackupView> {
    const at = this.deps.now().toISOString();
    let run: Parameters<typeof afterRun>[1];
    try {
      const articles = await this.deps.source.count();
      await this.deps.write(AUTO_BACKUP_FILE, this.deps.source.chunks());
      run = { at, ok: true, articles };
    } catch (error) {
      console.warn('[backstory] the automatic backup failed', error);
      run = { at, ok: false, error: (error as Error).message || String(error) };
    }
    const state = afterRun(await this.deps.store.get(), run);
    await this.deps.store.set(state);
    return this.viewOf(state);
  }
}
