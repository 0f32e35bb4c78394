import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDb } from '../db';
import { parseBackup } from '../library/backup';
import { AUTO_BACKUP_FILE, NO_AUTO_BACKUP, type AutoBackupState, type BackupSchedule } from '../library/backup-schedule';
import type { SavedCapture } from '../library/capture-article';
import { AutoBackups } from './auto-backup';
import { LibraryStore } from './library-store';

const capture = (n: number): SavedCapture => ({
  url: `https://news.example/story-${n}?utm_source=x`,
  canonicalUrl: `https://news.example/story-${n}`,
  title: `Story ${n}`,
  byline: null,
  site: 'News Example',
  published: '2026-12-01',
  text: `Story ${n}\n\nThe text of story ${n}.`,
  html: `<p>The text of story ${n}.</p>`,
  events: [],
});

let db: BackstoryDb;
let library: LibraryStore;
let clock: Date;
let stored: AutoBackupState;
let files: Map<string, string>;
let failWith: string | null;
let alarms: BackupSchedule[];
let backups: AutoBackups;

beforeEach(async () => {
  db = new BackstoryDb(`auto-backup-${Math.random()}`);
  await db.open();
  clock = new Date('2026-12-07T22:00:00.000Z');
  library = new LibraryStore(db, () => clock);
  stored = NO_AUTO_BACKUP;
  files = new Map();
  failWith = null;
  alarms = [];
  backups = new AutoBackups({
    store: { get: async () => stored, set: async (state) => void (stored = state) },
    source: { chunks: () => library.exportBackup(), count: () => db.articles.count() },
    // As the downloads API would: the whole file, replacing the one of that name, or a failure.
    write: async (fileName, chunks) => {
      if (failWith) throw new Error(failWith);
      let text = '';
      for await (const chunk of chunks) text += chunk;
      files.set(fileName, text);
    },
    now: () => clock,
    scheduleChanged: (schedule) => alarms.push(schedule),
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('automatic backups', () => {
  it('are off by default: nothing is due and nothing written', async () => {
    await library.save(capture(1), { entities: [], events: [] });
    expect(await backups.view()).toEqual({ ...NO_AUTO_BACKUP, nextAt: null, fileName: AUTO_BACKUP_FILE });
    expect(await backups.runIfDue()).toBe(false);
    expect(files.size).toBe(0);
  });

  it('write the whole library to the rolling file, as the versioned backup that imports back', async () => {
    await library.save(capture(1), { entities: [{ id: 'x', name: 'X', type: 'person' }], events: [] });
    await library.save(capture(2), { entities: [], events: [] });
    await library.update('https://news.example/story-2', { note: 'Read again', tags: ['later'] });
    expect((await backups.setSchedule('daily')).nextAt).toBe(clock.toISOString());
    expect(alarms).toEqual(['daily']);
    expect(await backups.runIfDue()).toBe(true);

    const parsed = parseBackup(files.get(AUTO_BACKUP_FILE)!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.articles.map((a) => a.url).sort()).toEqual(['https://news.example/story-1', 'https://news.example/story-2']);
    expect(parsed.backup.articles.find((a) => a.url.endsWith('2'))).toMatchObject({ note: 'Read again', tags: ['later'], html: '<p>The text of story 2.</p>' });
    // What a manual "Export everything" gives, byte for byte.
    let manual = '';
    for await (const chunk of library.exportBackup()) manual += chunk;
    expect(files.get(AUTO_BACKUP_FILE)).toBe(manual);
    // It imports back into an empty library without loss.
    const other = new BackstoryDb(`auto-backup-restore-${Math.random()}`);
    expect(await new LibraryStore(other, () => clock).importBackup(files.get(AUTO_BACKUP_FILE)!)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    other.close();
    await other.delete();

    const view = await backups.view();
    expect(view.lastRun).toEqual({ at: clock.toISOString(), ok: true, articles: 2 });
    expect(view.nextAt).toBe(new Date(clock.getTime() + 24 * 3_600_000).toISOString());
  });

  it('make the next one only when it is due, replacing the file', async () => {
    await library.save(capture(1), { entities: [], events: [] });
    await backups.setSchedule('weekly');
    await backups.runIfDue();
    clock = new Date(clock.getTime() + 24 * 3_600_000);
    await library.save(capture(2), { entities: [], events: [] });
    expect(await backups.runIfDue()).toBe(false);
    clock = new Date(clock.getTime() + 6 * 24 * 3_600_000);
    expect(await backups.runIfDue()).toBe(true);
    const parsed = parseBackup(files.get(AUTO_BACKUP_FILE)!);
    expect(parsed.ok && parsed.backup.articles.length).toBe(2);
    expect(files.size).toBe(1);
  });

  it('keep a failure with its reason, lose nothing, and try again later', async () => {
    await library.save(capture(1), { entities: [], events: [] });
    await backups.setSchedule('daily');
    failWith = 'the browser did not write the file (FILE_NO_SPACE)';
    const failed = await backups.runNow();
    expect(failed.lastRun).toEqual({ at: clock.toISOString(), ok: false, error: 'the browser did not write the file (FILE_NO_SPACE)' });
    expect(failed.lastSuccessAt).toBeNull();
    expect(failed.nextAt).toBe(new Date(clock.getTime() + 3_600_000).toISOString());
    expect(await db.articles.count()).toBe(1);
    failWith = null;
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await backups.runIfDue()).toBe(true);
    expect((await backups.view()).lastRun?.ok).toBe(true);
  });

  it('make one backup at a time when asked twice at once', async () => {
    let writes = 0;
    const slow = new AutoBackups({
      store: { get: async () => stored, set: async (state) => void (stored = state) },
      source: { chunks: () => library.exportBackup(), count: () => db.articles.count() },
      write: async () => {
        writes++;
        await new Promise((wake) => setTimeout(wake, 20));
      },
      now: () => clock,
    });
    const [a, b] = await Promise.all([slow.runNow(), slow.runNow()]);
    expect(writes).toBe(1);
    expect(a).toEqual(b);
  });
});
