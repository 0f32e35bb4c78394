/**
 * The library of saved articles in the database (issue 21): saving (one article per canonical
 * address), reading, tags and notes, removal with undo and tombstones, the search index kept
 * current in Dexie, listing with filters, the backup's export and import. Every write counts
 * a change (`librarySeq`): the search index catches up from it after a stopped worker, and a
 * sync engine could too (docs/sync.md).
 */
import type { ArticleBody, BackstoryDb, StoredArticle } from '../db';
import type { LibraryImportReport, LibraryPage, LibraryQuery, LinkedEvent, ReaderHighlight, SavedArticle, SavedArticleSummary } from '../messages';
import { BACKUP_END, backupStart, mergeArticle, parseBackup, toBackupArticle, type BackupArticle } from '../library/backup';
import type { SavedCapture } from '../library/capture-article';
import { normalizeArticleUrl } from '../library/page-metadata';
import { eventIdsOf, withAttachedEvent, withoutAttachedEvent } from '../library/article-events';
import { LibrarySearch, searchDocOf, shardOf, SEARCH_SHARDS } from '../library/search-index';

/** What a quota error while saving tells the reader. */
export const QUOTA_MESSAGE =
  'The browser has no room left for Backstory’s data, so this was not saved. Everything saved before is as it was. Free some space (remove saved articles you no longer need, or other sites’ data), export your library, then try again.';

/** Articles a listing returns at most; the page says how many more there are. */
export const LIST_LIMIT = 200;
/** How long after a change the search index's changed shards are written (ms): saves in a row write once. */
const PERSIST_DELAY_MS = 2000;
/** Articles per chunk of an exported backup. */
const EXPORT_BATCH = 100;

const isQuotaError = (error: unknown): boolean => {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
};

/** Runs a write; a quota error becomes QUOTA_MESSAGE (the transaction was rolled back: nothing is changed). */
async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isQuotaError(error)) throw new Error(QUOTA_MESSAGE);
    throw error;
  }
}

/** What the library lists of an article. */
export function summarizeStored({ entityIds: _e, eventIds: _v, addresses: _a, seq: _s, highlights, ...summary }: StoredArticle): SavedArticleSummary {
  return { ...summary, highlightCount: highlights.length };
}

const dateOf = (a: StoredArticle) => a.published ?? a.savedAt.slice(0, 10);

/** The analysis facts a saved article keeps. */
export interface SavedAnalysis {
  entities: { id: string; name: string; type: string }[];
  events: { id: string; title: string; date: string }[];
}

export class LibraryStore {
  private search: LibrarySearch | null = null;
  /**
   * Every saved article without its text, as listing reads it, once read: the background is
   * the library's only writer, and keeps it current as it writes. Reading 10,000 rows for
   * each keystroke of a search took most of a second.
   */
  private listed: Map<string, StoredArticle> | null = null;
  /** Writes so far: a listing read while one was written is not kept (it may miss it). */
  private writes = 0;
  private loading: Promise<LibrarySearch> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private persisting: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: BackstoryDb,
    private readonly now: () => Date,
  ) {}

  /** The next change number, in the caller's transaction over meta. */
  private async nextSeq(): Promise<number> {
    const seq = Number((await this.db.meta.get('librarySeq'))?.value ?? 0) + 1;
    await this.db.meta.put({ key: 'librarySeq', value: seq });
    return seq;
  }

  /** The saved article at `url` or saved from it (any of its addresses, without tracking parameters); undefined when none. */
  async find(url: string): Promise<StoredArticle | undefined> {
    return (await this.db.articles.get(url)) ?? (await this.db.articles.where('addresses').anyOf([url, normalizeArticleUrl(url)]).first());
  }

  /** Saves a captured article (its HTML sanitised already: prepare-capture.ts), or updates the one saved at the same canonical address (or from the same page). */
  async save(capture: SavedCapture, analysis: SavedAnalysis): Promise<StoredArticle> {
    const { db } = this;
    const addresses = [...new Set([capture.canonicalUrl, normalizeArticleUrl(capture.url)])];
    const stored = await writing(() =>
      db.transaction('rw', [db.articles, db.articleBodies, db.articleTombstones, db.meta], async () => {
        const existing = (await db.articles.get(capture.canonicalUrl)) ?? (await db.articles.where('addresses').anyOf(addresses).first());
        const now = this.now().toISOString();
        const events = [...new Map([...capture.events, ...analysis.events].map((e) => [e.id, e])).values()];
        // The reader's links to events stay when the article is saved again.
        const attached = existing?.attachedEvents?.length ? { attachedEvents: existing.attachedEvents } : {};
        const record: StoredArticle = {
          url: existing?.url ?? capture.canonicalUrl,
          title: capture.title,
          site: capture.site,
          byline: capture.byline,
          published: capture.published,
          savedAt: existing?.savedAt ?? now,
          updatedAt: now,
          entities: analysis.entities,
          entityIds: analysis.entities.map((e) => e.id),
          events,
          eventIds: eventIdsOf({ events, ...attached }),
          ...attached,
          tags: existing?.tags ?? [],
          note: existing?.note ?? '',
          highlights: existing?.highlights ?? [],
          addresses: [...new Set([...(existing?.addresses ?? []), ...addresses])],
          seq: await this.nextSeq(),
        };
        await db.articles.put(record);
        await db.articleBodies.put({ url: record.url, text: capture.text, html: capture.html });
        await db.articleTombstones.delete(record.url);
        return record;
      }),
    );
    this.writes++;
    this.listed?.set(stored.url, stored);
    this.indexed(stored, capture.text);
    return stored;
  }

  /** A saved article whole; null when none is saved at `url`. */
  async get(url: string): Promise<SavedArticle | null> {
    const article = await this.find(url);
    if (!article) return null;
    const body = await this.db.articleBodies.get(article.url);
    return { ...article, text: body?.text ?? '', html: body?.html ?? null };
  }

  /** Changes an article's tags, note or highlights. */
  async update(url: string, change: { tags?: string[]; note?: string; highlights?: ReaderHighlight[] }): Promise<StoredArticle> {
    const { db } = this;
    const updated = await writing(() =>
      db.transaction('rw', [db.articles, db.meta], async () => {
        const article = await db.articles.get(url);
        if (!article) throw new Error('this article is no longer in your library');
        const next: StoredArticle = {
          ...article,
          ...(change.tags ? { tags: [...new Set(change.tags.map((t) => t.trim()).filter(Boolean))] } : {}),
          ...(change.note !== undefined ? { note: change.note } : {}),
          ...(change.highlights ? { highlights: change.highlights } : {}),
          updatedAt: this.now().toISOString(),
          seq: await this.nextSeq(),
        };
        await db.articles.put(next);
        return next;
      }),
    );
    this.writes++;
    this.listed?.set(updated.url, updated);
    if (this.search) this.indexed(updated, (await db.articleBodies.get(url))?.text ?? '');
    return updated;
  }

  /** Attaches the article at `url` to an event (issue 21), or with `event` null detaches it from `eventId`. */
  async linkEvent(url: string, eventId: string, event: LinkedEvent | null): Promise<StoredArticle> {
    const { db } = this;
    const updated = await writing(() =>
      db.transaction('rw', [db.articles, db.meta], async () => {
        const article = await db.articles.get(url);
        if (!article) throw new Error('this article is no longer in your library');
        const linked = event ? withAttachedEvent(article, event) : withoutAttachedEvent(article, eventId);
        const next: StoredArticle = { ...linked, updatedAt: this.now().toISOString(), seq: await this.nextSeq() };
        await db.articles.put(next);
        return next;
      }),
    );
    this.writes++;
    this.listed?.set(updated.url, updated);
    return updated;
  }

  /**
   * Removes articles, leaving a tombstone of each; the articles are kept in their tombstones
   * for undo until the next removal. Returns the undo token and how many were removed.
   */
  async remove(urls: string[]): Promise<{ undoToken: string; removed: number }> {
    const { db } = this;
    const undoToken = `articles-${this.now().getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    const removed = await writing(() =>
      db.transaction('rw', [db.articles, db.articleBodies, db.articleTombstones, db.meta], async () => {
        // Only the last removal can be undone: earlier tombstones let go of their articles.
        await db.articleTombstones.where('undoToken').notEqual('').modify({ article: null, undoToken: '' });
        const found = (await db.articles.bulkGet(urls)).filter((a): a is StoredArticle => a !== undefined);
        const bodies = await db.articleBodies.bulkGet(found.map((a) => a.url));
        const deletedAt = this.now().toISOString();
        for (const [i, article] of found.entries()) {
          const body = bodies[i];
          const seq = await this.nextSeq();
          await db.articleTombstones.put({ url: article.url, seq, deletedAt, undoToken, article: { ...article, text: body?.text ?? '', html: body?.html ?? null } });
        }
        await db.articles.bulkDelete(found.map((a) => a.url));
        await db.articleBodies.bulkDelete(found.map((a) => a.url));
        return found.map((a) => a.url);
      }),
    );
    this.writes++;
    for (const url of removed) this.listed?.delete(url);
    if (this.search) {
      for (const url of removed) this.search.remove(url);
      this.schedulePersist();
    }
    return { undoToken, removed: removed.length };
  }

  /** Puts back the articles of the last removal; 0 when the token is not the last removal's. */
  async undoRemove(undoToken: string): Promise<{ restored: number }> {
    const { db } = this;
    const restored = await writing(() =>
      db.transaction('rw', [db.articles, db.articleBodies, db.articleTombstones, db.meta], async () => {
        const stones = await db.articleTombstones.where('undoToken').equals(undoToken).toArray();
        const back: SavedArticle[] = [];
        for (const stone of stones) {
          if (!stone.article || (await db.articles.get(stone.url))) continue;
          const { text, html, ...article } = { ...stone.article, seq: await this.nextSeq() };
          await db.articles.put(article);
          await db.articleBodies.put({ url: article.url, text, html });
          back.push({ ...article, text, html });
        }
        await db.articleTombstones.bulkDelete(stones.map((s) => s.url));
        return back;
      }),
    );
    this.writes++;
    for (const { text, html: _html, ...article } of restored) {
      this.listed?.set(article.url, article);
      this.indexed(article, text);
    }
    return { restored: restored.length };
  }

  /** The search index, loaded from its stored shards and caught up with the changes made since they were written. */
  async index(): Promise<LibrarySearch> {
    if (this.search) return this.search;
    this.loading ??= this.loadIndex().finally(() => (this.loading = null));
    return this.loading;
  }

  private async loadIndex(): Promise<LibrarySearch> {
    const { db } = this;
    const rows = await db.searchShards.toArray();
    const stored = new Map(rows.map((r) => [r.shard, r]));
    const search = LibrarySearch.fromJson(new Map(rows.map((r) => [r.shard, r.json])));
    const seqOf = (shard: number) => stored.get(shard)?.seq ?? 0;
    const since = Math.min(...Array.from({ length: SEARCH_SHARDS }, (_, n) => seqOf(n)));
    // Removals first: an article saved again after its removal has a later change number.
    for (const stone of await db.articleTombstones.where('seq').above(since).toArray()) if (stone.seq > seqOf(shardOf(stone.url))) search.remove(stone.url);
    const changed = (await db.articles.where('seq').above(since).toArray()).filter((a) => a.seq > seqOf(shardOf(a.url)));
    for (let i = 0; i < changed.length; i += EXPORT_BATCH) {
      const batch = changed.slice(i, i + EXPORT_BATCH);
      const bodies = await db.articleBodies.bulkGet(batch.map((a) => a.url));
      batch.forEach((a, n) => search.put(searchDocOf(a, bodies[n]?.text ?? '')));
    }
    this.search = search;
    if (changed.length || rows.length < SEARCH_SHARDS) this.schedulePersist();
    return search;
  }

  /** An article written: into the index when it is loaded (else the next load catches up). */
  private indexed(article: StoredArticle, text: string): void {
    if (!this.search) return;
    this.search.put(searchDocOf(article, text));
    this.schedulePersist();
  }

  private schedulePersist(): void {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.persistIndex().catch((error: unknown) => console.warn('[backstory] the search index was not stored; it will catch up at the next start', error));
    }, PERSIST_DELAY_MS);
  }

  /** Writes the index's changed shards now, each marked with the change number it is current to. */
  async persistIndex(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    const search = this.search;
    if (!search) return;
    await (this.persisting = this.persisting.then(async () => {
      const changed = search.takeChanged();
      if (!changed.length) return;
      const seq = Number((await this.db.meta.get('librarySeq'))?.value ?? 0);
      const rows = changed.map((shard) => ({ shard, seq, json: search.shardJson(shard) }));
      await this.db.searchShards.bulkPut(rows);
    }));
  }

  /** The articles that match a search and filters, sorted, at most `limit`; with every site and tag of the library. */
  async query(query: LibraryQuery, limit = LIST_LIMIT): Promise<LibraryPage> {
    let all: StoredArticle[];
    if (this.listed) all = [...this.listed.values()];
    else {
      const writes = this.writes;
      all = await this.db.articles.toArray();
      if (writes === this.writes) this.listed = new Map(all.map((a) => [a.url, a]));
    }
    // The library is open: load the search index now, so that the reader's first search finds it ready.
    if (!query.text?.trim()) void this.index().catch((error: unknown) => console.warn('[backstory] the search index could not be loaded', error));
    const sites = [...new Set(all.flatMap((a) => (a.site ? [a.site] : [])))].sort((a, b) => a.localeCompare(b));
    const tags = [...new Set(all.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b));
    let found = all;
    let scores: Map<string, number> | null = null;
    if (query.text?.trim()) {
      scores = new Map((await this.index()).search(query.text).map((r) => [r.id, r.score]));
      found = found.filter((a) => scores!.has(a.url));
    }
    found = found.filter(
      (a) =>
        (!query.site || a.site === query.site) &&
        (!query.tag || a.tags.includes(query.tag)) &&
        (!query.entityId || a.entityIds.includes(query.entityId)) &&
        (!query.eventId || a.eventIds.includes(query.eventId)) &&
        (!query.from || dateOf(a) >= query.from) &&
        (!query.to || dateOf(a) <= query.to),
    );
    const sort = query.sort ?? (scores ? 'relevance' : 'saved');
    const compare: Record<NonNullable<LibraryQuery['sort']>, (a: StoredArticle, b: StoredArticle) => number> = {
      saved: (a, b) => b.savedAt.localeCompare(a.savedAt),
      published: (a, b) => dateOf(b).localeCompare(dateOf(a)),
      title: (a, b) => a.title.localeCompare(b.title),
      relevance: (a, b) => (scores?.get(b.url) ?? 0) - (scores?.get(a.url) ?? 0) || b.savedAt.localeCompare(a.savedAt),
    };
    found.sort(compare[sort]);
    return { articles: found.slice(0, limit).map(summarizeStored), total: found.length, sites, tags };
  }

  /** The backup's JSON in chunks of EXPORT_BATCH articles (see utils/library/backup.ts). */
  async *exportBackup(): AsyncGenerator<string> {
    yield backupStart(this.now());
    const keys = await this.db.articles.orderBy('savedAt').primaryKeys();
    for (let i = 0; i < keys.length; i += EXPORT_BATCH) {
      const batch = keys.slice(i, i + EXPORT_BATCH);
      const [articles, bodies] = await this.db.transaction('r', [this.db.articles, this.db.articleBodies], () => Promise.all([this.db.articles.bulkGet(batch), this.db.articleBodies.bulkGet(batch)]));
      const json = articles.flatMap((a, n) => (a ? [JSON.stringify(toBackupArticle({ ...a, text: bodies[n]?.text ?? '', html: bodies[n]?.html ?? null }))] : []));
      yield (i ? ',\n' : '') + json.join(',\n');
    }
    yield BACKUP_END;
  }

  /**
   * Imports a backup, merged article by article (by address: no duplicates), all in one
   * transaction; a file that is not a valid backup throws, saying why, and changes nothing.
   */
  async importBackup(text: string): Promise<LibraryImportReport> {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(`This file is not a Backstory library backup that can be imported: ${parsed.error}. Nothing was imported.`);
    const { db } = this;
    const report: LibraryImportReport = { added: 0, updated: 0, unchanged: 0 };
    const written: SavedArticle[] = [];
    await writing(() =>
      db.transaction('rw', [db.articles, db.articleBodies, db.articleTombstones, db.meta], async () => {
        for (const incoming of parsed.backup.articles) {
          const lookup = [...new Set([incoming.url, normalizeArticleUrl(incoming.url), ...incoming.addresses])];
          const stored = (await db.articles.get(incoming.url)) ?? (await db.articles.where('addresses').anyOf(lookup).first());
          const body: ArticleBody | undefined = stored ? await db.articleBodies.get(stored.url) : undefined;
          const existing: BackupArticle | null = stored ? toBackupArticle({ ...stored, text: body?.text ?? '', html: body?.html ?? null }) : null;
          const { article, change } = mergeArticle(existing, incoming);
          report[change]++;
          if (change === 'unchanged') continue;
          const { text: articleText, html, ...rest } = article;
          const record: StoredArticle = { ...rest, seq: await this.nextSeq() };
          await db.articles.put(record);
          await db.articleBodies.put({ url: record.url, text: articleText, html });
          await db.articleTombstones.delete(record.url);
          written.push({ ...record, text: articleText, html });
        }
      }),
    );
    this.writes++;
    for (const { text, html: _html, ...article } of written) {
      this.listed?.set(article.url, article);
      this.indexed(article, text);
    }
    return report;
  }
}
