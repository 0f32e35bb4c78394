/**
 * The library's backup file (issue 21): versioned JSON that holds every saved article whole
 * (text, sanitised HTML, metadata, actors, events, tags, note, highlights), re-importable
 * without loss, and the merge of an imported article into the library without duplicates.
 * Pure: the caller reads and writes the database.
 */
import * as v from 'valibot';
import { readerHighlightSchema, type SavedArticle } from '../messages';
import { isWebUrl } from '../web-url';
import { normalizeArticleUrl } from './page-metadata';
import { eventIdsOf } from './article-events';

export const BACKUP_FORMAT = 'backstory-library';
/** Version 1: the first. A later version adds a migration from this one in parseBackup. */
export const BACKUP_VERSION = 1;

/** An article as a backup holds it: all the library keeps but its local change counter. */
export type BackupArticle = Omit<SavedArticle, 'seq'>;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const webUrl = v.pipe(v.string(), v.maxLength(8192), v.check(isWebUrl, 'must be an http(s) URL'));
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date (YYYY-MM-DD…)'));
const ref = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const articleSchema = v.object({
  url: webUrl,
  title: text(2000),
  site: v.nullable(text(500)),
  byline: v.nullable(text(1000)),
  published: v.nullable(isoDate),
  savedAt: isoDate,
  updatedAt: isoDate,
  entities: v.pipe(v.array(v.object({ id: ref, name: text(500), type: text(50) })), v.maxLength(5000)),
  entityIds: v.pipe(v.array(ref), v.maxLength(5000)),
  events: v.pipe(v.array(v.object({ id: ref, title: text(1000), date: text(40) })), v.maxLength(5000)),
  eventIds: v.pipe(v.array(ref), v.maxLength(5000)),
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(50)),
  note: text(100_000),
  // As much as the content script sends (pageBudget.maxArticleChars), with room for a reader's edit.
  text: text(400_000),
  html: v.nullable(text(1_000_000)),
  addresses: v.pipe(v.array(webUrl), v.maxLength(100)),
  highlights: v.pipe(v.array(readerHighlightSchema), v.maxLength(1000)),
  // Issue 21: the events the reader attached the article to; absent in backups made before.
  attachedEvents: v.optional(v.pipe(v.array(v.object({ id: ref, title: text(1000), date: text(40) })), v.maxLength(5000))),
});

const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `is not "${BACKUP_FORMAT}": this is not a Backstory library backup`),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(BACKUP_VERSION, `is newer than this Backstory reads (${BACKUP_VERSION}): update Backstory first`)),
  exportedAt: isoDate,
  articles: v.array(articleSchema),
});

export interface LibraryBackup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  articles: BackupArticle[];
}

/** The file name of a backup made at `when`. */
export const backupFileName = (when: Date) => `backstory-library-${when.toISOString().slice(0, 10)}.json`;

/** The opening of a backup's JSON, before its articles (each JSON.stringify(article), joined by commas) and `BACKUP_END`. */
export const backupStart = (when: Date) => `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"exportedAt":"${when.toISOString()}","articles":[\n`;
export const BACKUP_END = '\n]}\n';

/** The article as a backup holds it. */
export function toBackupArticle({ seq: _seq, ...article }: SavedArticle): BackupArticle {
  return article;
}

/**
 * The backup in `text`, checked whole; an error that says what is wrong (and where) when it
 * is not one, so that nothing of a bad file is imported.
 */
export function parseBackup(text: string): { ok: true; backup: LibraryBackup } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the file is not JSON (${(error as Error).message})` };
  }
  const parsed = v.safeParse(backupSchema, json);
  if (!parsed.success) {
    const issues = parsed.issues.slice(0, 3).map((i) => `${v.getDotPath(i) ?? 'the file'} ${i.message}`);
    return { ok: false, error: issues.join('; ') + (parsed.issues.length > 3 ? ` (and ${parsed.issues.length - 3} more problems)` : '') };
  }
  return { ok: true, backup: parsed.output as LibraryBackup };
}

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];

/** The comparable content of an article: without its change counter. */
const content = (a: BackupArticle | SavedArticle) => JSON.stringify({ ...a, seq: undefined });

/**
 * An imported article merged into the one the library has at the same address (or null):
 * the newer edit's fields win, tags, addresses and highlights of both are kept. 'unchanged'
 * when the library already has all of it.
 */
export function mergeArticle(existing: BackupArticle | null, incoming: BackupArticle): { article: BackupArticle; change: 'added' | 'updated' | 'unchanged' } {
  const addresses = union(incoming.addresses, [normalizeArticleUrl(incoming.url)]);
  if (!existing) return { article: { ...incoming, addresses }, change: 'added' };
  const newer = incoming.updatedAt > existing.updatedAt ? incoming : existing;
  const highlights = [...new Map([...existing.highlights, ...incoming.highlights].map((h) => [h.id, h])).values()];
  const merged: BackupArticle = {
    ...newer,
    url: existing.url,
    savedAt: existing.savedAt < incoming.savedAt ? existing.savedAt : incoming.savedAt,
    tags: union(existing.tags, incoming.tags),
    addresses: union(existing.addresses, addresses),
    highlights,
  };
  const attached = [...new Map([...(existing.attachedEvents ?? []), ...(incoming.attachedEvents ?? [])].map((e) => [e.id, e])).values()];
  if (attached.length) {
    merged.attachedEvents = attached;
    merged.eventIds = eventIdsOf(merged);
  }
  return { article: merged, change: content(merged) === content(existing) ? 'unchanged' : 'updated' };
}
