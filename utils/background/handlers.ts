/**
 * The background's message handlers: plain async functions over injected stores, so they
 * run under Vitest with fake-indexeddb and no browser.
 */
import { analyzeTextInSteps, summarizeEvent, type Analysis } from '../analysis/analyze-text';
import { unknownNamesOfSteps } from '../analysis/unknown-names-of';
import { KnowledgeBase } from '../kb/knowledge-base';
import { wrongLinkId, type BackstoryDb } from '../db';
import { markedName } from '../analysis/wrong-links';
import type { Entity, KbEvent } from '../kb/schema';
import * as kbStore from './kb-store';
import { PhaseTimer } from '../phase-timer';
import type { KbReader } from './kb-reader';
import {
  originOf,
  type BackgroundProtocol,
  type Handlers,
  type ImportReport,
  type SavedArticleSummary,
  type Sender,
  type Settings,
  type TabState,
} from '../messages';
import { storyOf } from '../history/story';
import { storyThreads, threadEvent } from '../history/story-threads';
import { backupFileName } from '../library/backup';
import { metadataFromFacts, normalizeArticleUrl } from '../library/page-metadata';
import { clearStories, keepStory, listStories, readBefore, recentStories } from './history-store';
import { compactAnalysis, compactUnknownNames } from './tab-state';
import * as v from 'valibot';
import type { ArticleCapture } from '../library/capture-article';
import { articleCaptureSchema } from '../messages';
import { LibraryStore, summarizeStored } from './library-store';
import { prepareCapture, type HtmlSanitiser } from '../library/prepare-capture';
import type { AutoBackups } from './auto-backup';
import { eventFromArticle } from '../library/article-events';

export type { Sender } from '../messages';

export interface TabStore {
  get(tabId: number): Promise<TabState | null>;
  set(state: TabState): Promise<void>;
  all(): Promise<TabState[]>;
  /** Drops a closed tab's state. */
  forget(tabId: number): void;
}

export interface SettingsStore {
  get(): Promise<Settings>;
  set(settings: Settings): Promise<void>;
}

export interface BackgroundDeps {
  db: BackstoryDb;
  kb: KbReader;
  tabs: TabStore;
  settings: SettingsStore;
  /** Tells open extension pages that a tab's state changed. */
  notify(tabId: number): void;
  /** The knowledge base changed (import, edit): the next analysis must read it anew. */
  knowledgeChanged(): void;
  /** The bytes of a file a page handed over for an import, by its blob: URL (see ownBlobUrl). */
  openFile(url: string): Promise<ReadableStream<Uint8Array>>;
  /** What saving a tab's article keeps, from its content script (tab states keep no texts); null when it has none. */
  articleToSave(tabId: number): Promise<ArticleCapture | null>;
  /** Sanitises a capture's HTML before it is stored (issue 20: in the background, not the content script; html-sanitiser.ts). */
  sanitiseHtml: HtmlSanitiser;
  /** The reader changed the highlight settings: every open tab repaints (issue 20). */
  highlightSettingsChanged?(): void;
  /** Opens the side panel beside a tab; called at once, within the reader's click (a user gesture). */
  openSidePanel?(tabId: number): Promise<void>;
  /** Automatic backups of the library (issue 21); absent where the browser cannot write files. */
  autoBackups?: AutoBackups;
  /** The time budget of one analysis (ms); ANALYSIS_BUDGET_MS unless a test sets another. */
  analysisBudgetMs?: number;
  now?(): Date;
}

const SEARCH_LIMIT = 20;
/**
 * The longest an analysis may take, pauses included (ms). The largest article accepted
 * (pageBudget.maxArticleChars of names) takes about a second; one that takes this long is
 * given up, and the tab is told it could not be analysed.
 */
export const ANALYSIS_BUDGET_MS = 20_000;

/**
 * The longest the search for names the knowledge base does not hold may take (ms), pauses
 * included; past it the tab's state goes without them. The first English article of a worker's
 * life also loads the English tagger (up to a second).
 */
export const UNKNOWN_NAMES_BUDGET_MS = 10_000;

/** An analysis slower than this (ms) logs its phases. */
const SLOW_ANALYSIS_MS = 1000;

/** Lets the worker answer other messages before going on (a macrotask, not a microtask). */
const yieldToEvents = () => new Promise<void>((resume) => setTimeout(resume, 0));
/** The reader's records the library lists at once; an import of a whole pack makes thousands. */
const USER_RECORDS_SHOWN = 200;
/** The stories of the history the library lists at once. */
const STORIES_SHOWN = 50;
/** Wrong-link marks the library lists at first. */
const WRONG_LINKS_SHOWN = 100;
/** The history's threads are found among this many newest stories (a bound on the work of one request). */
const THREAD_STORIES = 2000;

/**
 * Settings as stored before the history (issue 18) lack its fields: they read as "on, nothing
 * paused"; before issue 20's highlight settings, as every mention of every group.
 */
function withDefaults(settings: Settings): Settings {
  return {
    ...settings,
    historyOff: settings.historyOff ?? false,
    historyPausedSites: settings.historyPausedSites ?? [],
    highlightMode: settings.highlightMode ?? 'all',
    highlightGroupsOff: settings.highlightGroupsOff ?? [],
  };
}

/** An import whose page stops asking after it, or an export not read on, for this long is dropped (its page was closed, say). */
const SESSION_IDLE_MS = 60_000;
/** A new import replaces one whose page has not asked after it for this long. */
const IMPORT_GIVE_WAY_MS = 5_000;
/**
 * An import whose page has not asked after it for this long stops reading (its page was
 * closed). Not sooner: while the browser writes a large import, a question can take
 * seconds to arrive (5 s was seen, in a CI run with other tests beside it).
 */
const IMPORT_QUIET_MS = 30_000;
/** How long `importStatus` waits for the reading to go on before it answers. */
const STATUS_WAIT_MS = 250;

/**
 * Whether `url` names a Blob made by a page of the extension itself (`origin`: the
 * extension's, as `chrome-extension://id`): the only thing an import reads. Reading it is no
 * network request; the Blob is the file the reader chose, still in the page's hands.
 */
export function ownBlobUrl(url: string, origin: string): boolean {
  return /^blob:[a-z-]+:\/\/[^/]+\/[0-9a-f-]{36}$/i.test(url) && url.startsWith(`blob:${origin.replace(/\/$/, '')}/`);
}

interface ImportSession {
  id: string;
  run: kbStore.KbImport;
  timer: ReturnType<typeof setTimeout>;
  /** When the page last asked after the import. */
  lastSeen: number;
  /** Bytes of the file read so far. */
  read: number;
  /** The worker reading the file, checking and writing as it goes; settles when it has all been read. */
  reading: Promise<void>;
  /** The whole file has been read, or its reading failed. */
  done: boolean;
  /** Why the reading failed (the file became unreadable, say), once it has. */
  failure: string | null;
  /** `importFinish` is making its records current: it can no longer be stopped or replaced. */
  committing: boolean;
  stop: AbortController;
}

/**
 * Imports in progress, one at a time: a second one while another runs is refused, since
 * both would be merged into the same reader's layer. The background reads the file itself,
 * from the Blob the page handed over by URL: the page sends no records, only asks how far
 * the reading is (which also tells that it is still open) and then for the report. The
 * records are made current only when the page asks for the report, so a page closed during
 * the import leaves the knowledge base as it was.
 */
class ImportSessions {
  private current: ImportSession | null = null;
  /** An import being started: its file opened, its generation made (the slot is taken meanwhile). */
  private starting = false;

  constructor(
    private readonly db: BackstoryDb,
    private readonly now: () => Date,
    private readonly openFile: (url: string) => Promise<ReadableStream<Uint8Array>>,
  ) {}

  async begin(size: number, url: string): Promise<string> {
    // An import whose page has gone quiet (closed, say) gives way to a new one at once,
    // unless it is being made current.
    if (this.current && !this.current.committing && Date.now() - this.current.lastSeen > IMPORT_GIVE_WAY_MS) await this.abort(this.current.id);
    if (this.current || this.starting) throw new Error('another import is in progress; wait for it to finish');
    this.starting = true;
    try {
      const bytes = await this.openFile(url);
      const run = await kbStore.KbImport.begin(this.db, size, this.now()).catch(async (error: unknown) => {
        await bytes.cancel().catch(() => {});
        throw error;
      });
      const id = `import-${run.generation}-${Math.random().toString(36).slice(2, 10)}`;
      const stop = new AbortController();
      const session: ImportSession = { id, run, timer: this.idle(id), lastSeen: Date.now(), read: 0, reading: Promise.resolve(), done: false, failure: null, committing: false, stop };
      const onBytes = (read: number) => {
        session.read = read;
        // The page no longer asks: it was closed, and the file is read no further.
        if (Date.now() - session.lastSeen > IMPORT_QUIET_MS) stop.abort();
      };
      session.reading = run
        .read(bytes, { onBytes, signal: stop.signal })
        .catch((error: unknown) => {
          session.failure = error instanceof Error ? error.message : String(error);
        })
        .finally(() => {
          session.done = true;
        });
      this.current = session;
      return id;
    } finally {
      this.starting = false;
    }
  }

  private idle(id: string): ReturnType<typeof setTimeout> {
    return setTimeout(() => void this.abort(id).catch((error: unknown) => console.error('[backstory] dropping an abandoned import failed', error)), SESSION_IDLE_MS);
  }

  private get(id: string): ImportSession {
    if (this.current?.id !== id || this.current.committing) throw new Error('this import is no longer running (it was stopped, or its page went quiet); nothing was imported');
    clearTimeout(this.current.timer);
    this.current.timer = this.idle(id);
    this.current.lastSeen = Date.now();
    return this.current;
  }

  /**
   * How far the reading is, after waiting a moment for it to go on (or end): the page asks
   * again as soon as it has the answer, with no timer of its own, since a hidden tab's timers
   * may fire once a minute. Asking also tells the session that its page is still open.
   */
  async status(id: string): Promise<{ read: number; done: boolean }> {
    const session = this.get(id);
    if (!session.done) await Promise.race([session.reading, new Promise((wake) => setTimeout(wake, STATUS_WAIT_MS))]);
    return { read: session.read, done: session.done };
  }

  /**
   * Once the file has been read: makes its records current (or refuses it), then ends the
   * session. Meanwhile the session keeps its slot and can no longer be stopped.
   */
  async finish(id: string): Promise<ImportReport> {
    const session = this.get(id);
    session.committing = true;
    clearTimeout(session.timer);
    try {
      await session.reading;
      if (session.failure !== null) {
        await session.run.abort();
        throw new Error(`the import stopped before the end of the file (${session.failure}); nothing was imported`);
      }
      return await session.run.finish();
    } finally {
      this.current = null;
    }
  }

  async abort(id: string): Promise<void> {
    const session = this.current?.id === id ? this.current : null;
    // One being made current is past stopping.
    if (!session || session.committing) return;
    clearTimeout(session.timer);
    this.current = null;
    session.stop.abort();
    await session.reading;
    await session.run.abort();
  }
}

/** Exports being read by a page, chunk by chunk; one left unread for a while is dropped. */
class ExportSessions {
  private readonly running = new Map<string, { chunks: AsyncGenerator<string>; timer: ReturnType<typeof setTimeout> }>();


  begin(chunks: AsyncGenerator<string>): string {
    const id = `export-${Math.random().toString(36).slice(2, 10)}`;
    this.running.set(id, { chunks, timer: this.idle(id) });
    return id;
  }

  private idle(id: string): ReturnType<typeof setTimeout> {
    return setTimeout(() => void this.end(id), SESSION_IDLE_MS);
  }

  /** The next chunk of an export's text; done once it has all been read (the session then ends). */
  async next(id: string): Promise<{ text: string; done: boolean }> {
    const session = this.running.get(id);
    if (!session) throw new Error('this export is no longer running (it waited too long); please export again');
    clearTimeout(session.timer);
    try {
      const step = await session.chunks.next();
      if (step.done) await this.end(id);
      else session.timer = this.idle(id);
      return { text: step.done ? '' : step.value, done: Boolean(step.done) };
    } catch (error) {
      await this.end(id);
      throw error;
    }
  }

  private async end(id: string): Promise<void> {
    const session = this.running.get(id);
    if (!session) return;
    clearTimeout(session.timer);
    this.running.delete(id);
    await session.chunks.return(undefined).catch(() => {});
  }
}

/** A settings list of sites, sorted, with `site` in it or out of it. */
function withSite(sites: readonly string[], site: string, listed: boolean): string[] {
  const set = new Set(sites);
  if (listed) set.add(site);
  else set.delete(site);
  return [...set].sort();
}

/** The site a URL belongs to, for per-site settings: its host name, or '' when unreadable. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The sender's tab, which must be showing `url`'s site: a page reports only itself. */
function requireTab(sender: Sender, url: string): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('this message must come from a tab');
  const own = sender.url ?? sender.tab?.url;
  if (own !== undefined && originOf(own) !== originOf(url)) throw new Error('a page may report only itself');
  return id;
}

/** The analysis running for each tab: a newer one for the same tab stops the older one. */
class RunningAnalyses {
  private readonly running = new Map<number, AbortController>();

  start(tabId: number): AbortSignal {
    this.running.get(tabId)?.abort();
    const control = new AbortController();
    this.running.set(tabId, control);
    return control.signal;
  }

  end(tabId: number, signal: AbortSignal): void {
    const control = this.running.get(tabId);
    if (control?.signal === signal) this.running.delete(tabId);
  }
}

export function createHandlers(deps: BackgroundDeps): Handlers<BackgroundProtocol, Sender> {
  const imports = new ImportSessions(deps.db, deps.now ?? (() => new Date()), deps.openFile);
  const exports = new ExportSessions();
  /** After an import (which stored the new lookup data itself): readers must read anew. */
  const imported = (report: ImportReport): ImportReport => {
    if (report.added + report.updated) deps.knowledgeChanged();
    return report;
  };
  /** A change of the knowledge base by the reader: readers must read anew once it is done. */
  const changing = async <T,>(work: Promise<T>): Promise<T> => {
    const value = await work;
    deps.knowledgeChanged();
    return value;
  };
  const { db, tabs } = deps;
  const settings: SettingsStore = { get: async () => withDefaults(await deps.settings.get()), set: (next) => deps.settings.set(next) };
  const now = () => (deps.now ? deps.now() : new Date());
  // The threads of the newest stories, each typed by the events its stories name.
  const historyThreads = async () => {
    const stories = await recentStories(db, THREAD_STORIES);
    const events = await deps.kb.events([...new Set(stories.flatMap((s) => s.events.map((e) => e.id)))]);
    const types = new Map(events.map((e) => [e.id, e.type]));
    return storyThreads(stories, (id) => types.get(id));
  };

  const library = new LibraryStore(db, now);
  const backups = (): AutoBackups => {
    if (!deps.autoBackups) throw new Error('automatic backups are not available in this browser');
    return deps.autoBackups;
  };
  const savedNaming = async (entityIds: string[]): Promise<SavedArticleSummary[]> =>
    // A multi-entry index yields an article once per matching entity: keep one of each.
    [...new Map((await db.articles.where('entityIds').anyOf(entityIds).toArray()).map((a) => [a.url, a])).values()]
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
      .map(summarizeStored);

  /** Marks the tabs showing an article saved or not, by any address it was saved from. */
  const setSaved = async (addresses: string[], saved: boolean) => {
    const known = new Set(addresses);
    for (const state of await tabs.all()) {
      if (!(known.has(state.url) || known.has(normalizeArticleUrl(state.url))) || state.saved === saved) continue;
      await setTab({ ...state, saved });
    }
  };

  let analysed = 0;
  const analyses = new RunningAnalyses();
  /** The tab's state, in a form small enough for session storage, and tell open pages. */
  const setTab = async (state: Omit<TabState, 'updatedAt'>) => {
    await tabs.set({ ...state, updatedAt: Date.now() });
    deps.notify(state.tabId);
  };
  /** Adds to the tab's analysis what was found after the reply, if the tab still shows that article. */
  const patchAnalysis = async (tabId: number, url: string | undefined, patch: Partial<NonNullable<TabState['analysis']>>) => {
    const state = await tabs.get(tabId);
    if (state?.status !== 'article' || state.url !== url || !state.analysis) return;
    await setTab({ ...state, analysis: { ...state.analysis, ...patch } });
  };
  /**
   * After the analysis has been answered (the page highlights at once): the names the
   * knowledge base does not hold (issue 17), added to the tab's state if it still shows
   * that article. Never throws; a failure leaves the state without them.
   */
  const addUnknownNames = async (tabId: number, analysis: Analysis, kb: KnowledgeBase) => {
    try {
      const deadline = Date.now() + UNKNOWN_NAMES_BUDGET_MS;
      const steps = unknownNamesOfSteps(analysis, kb);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return await patchAnalysis(tabId, analysis.article.url, { unknownNames: compactUnknownNames(step.value) });
        await yieldToEvents();
        if (Date.now() > deadline) throw new Error(`it took longer than ${UNKNOWN_NAMES_BUDGET_MS / 1000} s`);
      }
    } catch (error) {
      console.warn('[backstory] the names the knowledge base does not hold were not found', error);
    }
  };

  /**
   * After the analysis has been answered: the reader's earlier stories on its topic, added to
   * the tab's state if it still shows that article, then this article kept as a story of its
   * own (unless the history is off, or paused for its site). Never throws.
   */
  const addHistory = async (tabId: number, analysis: Analysis, kb: KnowledgeBase) => {
    try {
      const current = await settings.get();
      if (current.historyOff || !analysis.isArticle || !analysis.article.url) return;
      const story = storyOf(analysis, kb.topicStats, now());
      await patchAnalysis(tabId, analysis.article.url, { readBefore: await readBefore(db, story) });
      if (!current.historyPausedSites.includes(siteOf(analysis.article.url))) await keepStory(db, story);
    } catch (error) {
      console.warn('[backstory] the history was not read or kept for this article', error);
    }
  };

  return {
    async analyzeArticle(payload, sender) {
      // A content script sends its page's metadata facts: the site is named here (issue 20).
      const { facts, ...rest } = payload;
      const article = facts ? { ...rest, site: metadataFromFacts(facts, rest.url).site?.slice(0, 500) ?? null } : rest;
      const tabId = requireTab(sender, article.url);
      const signal = analyses.start(tabId);
      const page = { tabId, url: article.url, title: article.title, saved: false };
      const budget = deps.analysisBudgetMs ?? ANALYSIS_BUDGET_MS;
      const deadline = Date.now() + budget;
      // Between steps: let other messages in, and stop when the budget ran out or the tab moved on.
      const pause = async () => {
        await yieldToEvents();
        if (signal.aborted) throw new Error('the tab moved on to another page');
        if (Date.now() > deadline) throw new Error(`the analysis took longer than ${budget / 1000} s`);
      };
      try {
        await setTab({ ...page, status: 'analysing', analysis: null });
        const phases = new PhaseTimer('analysis');
        const kb = await deps.kb.sliceFor(article.text, phases);
        await pause();
        // How many other saved articles name each entity, read from the index alone.
        const savedCounts = new Map<string, number>();
        // The article's own saved copy is kept under its canonical address, which may not be the page's.
        const own = (await library.find(article.url))?.url ?? article.url;
        await db.articles.where('entityIds').anyOf([...kb.entities.keys()]).eachKey((key, cursor) => {
          if (cursor.primaryKey !== own) savedCounts.set(String(key), (savedCounts.get(String(key)) ?? 0) + 1);
        });
        const dismissed = new Set((await db.dismissals.where('url').equals(article.url).toArray()).map((d) => d.eventId));
        const wrongLinks = await db.wrongLinks.where('url').equals(article.url).toArray();
        phases.lap('saved articles');
        await pause();
        const today = now().toISOString().slice(0, 10);
        const analysis: Analysis = await analyzeTextInSteps(article, kb, { savedCounts, dismissed, today, wrongLinks }, pause);
        phases.lap('analyse');
        const saved = (await library.find(article.url)) !== undefined;
        if (signal.aborted) throw new Error('the tab moved on to another page');
        await setTab({ ...page, status: 'article', analysis: compactAnalysis(analysis), saved });
        phases.lap('store tab state');
        // The first analysis of a worker's life, and any slow one, say where their time went.
        if (!analysed++ || Date.now() - deadline + budget > SLOW_ANALYSIS_MS) phases.report();
        void yieldToEvents()
          .then(() => addHistory(tabId, analysis, kb))
          .then(() => addUnknownNames(tabId, analysis, kb));
        return analysis;
      } catch (error) {
        // A newer analysis of the tab owns its state now.
        if (!signal.aborted) await setTab({ ...page, status: 'failed', analysis: null, error: (error as Error).message || String(error) }).catch(() => {});
        throw error;
      } finally {
        analyses.end(tabId, signal);
      }
    },

    async reportNotArticle(page, sender) {
      const tabId = requireTab(sender, page.url);
      analyses.start(tabId);
      await setTab({ tabId, url: page.url, title: page.title, status: 'not-article', analysis: null, saved: false });
      return null;
    },

    async reportTooLarge(page, sender) {
      const tabId = requireTab(sender, page.url);
      analyses.start(tabId);
      await setTab({ tabId, url: page.url, title: page.title, status: 'too-large', tooLarge: page.tooLarge, analysis: null, saved: false });
      return null;
    },

    async reportWatchStopped({ url, reason }, sender) {
      const tabId = requireTab(sender, url);
      const state = await tabs.get(tabId);
      // Only about the page the tab's state describes: a newer page owns it otherwise.
      if (state && state.url === url) await setTab({ ...state, watchStopped: reason });
      return null;
    },

    async getHighlightSettings({ url }) {
      const s = await settings.get();
      return { enabled: !s.highlightOffSites.includes(siteOf(url)), nominal: s.highlightNominal, mode: s.highlightMode, groupsOff: s.highlightGroupsOff };
    },

    openSidePanel(_query, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('this message must come from a tab');
      if (!deps.openSidePanel) throw new Error('this browser has no side panel to open from a page');
      // Called before any await: the panel opens only within the reader's click.
      return deps.openSidePanel(tabId).then(() => null);
    },

    async setWrongLink({ url, entityId, text, wrong }, sender) {
      requireTab(sender, url);
      const id = wrongLinkId(url, entityId, text);
      if (wrong) await db.wrongLinks.put({ id, url, entityId, text: markedName(text), markedAt: now().toISOString() });
      else await db.wrongLinks.delete(id);
      return null;
    },

    async setHighlighting(change) {
      const next = { ...(await settings.get()), ...change };
      await settings.set(next);
      deps.highlightSettingsChanged?.();
      return next;
    },

    async getTabState({ tabId }) {
      return tabs.get(tabId);
    },

    async saveArticle({ tabId }) {
      const state = await tabs.get(tabId);
      if (!state?.analysis || state.status !== 'article') throw new Error('this tab shows no article to save');
      const { analysis } = state;
      const reply = await deps.articleToSave(tabId);
      if (reply?.url !== state.url) throw new Error('this page changed since it was read: reload it, then save it again');
      const checked = v.safeParse(articleCaptureSchema, reply);
      if (!checked.success) throw new Error(`this page's article could not be saved: ${checked.issues[0]?.message ?? 'it is not as expected'}`);
      // Its HTML comes unsanitised from the page: sanitised here, or left out (the text is kept all the same).
      const { capture, copy } = await prepareCapture(checked.output, deps.sanitiseHtml);
      const stored = await library.save(capture, {
        entities: analysis.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })),
        events: analysis.current.map((e) => ({ id: e.id, title: e.title, date: e.date })),
      });
      await setSaved(stored.addresses, true);
      return { ...summarizeStored(stored), copy };
    },

    async dismissEvent({ tabId, eventId }) {
      const state = await tabs.get(tabId);
      if (!state?.analysis || state.status !== 'article') throw new Error('this tab shows no article');
      await db.dismissals.put({ url: state.url, eventId, dismissedAt: now().toISOString() });
      const keep = <T extends { id: string }>(list: T[]) => list.filter((e) => e.id !== eventId);
      const { analysis } = state;
      const next = { ...state, analysis: { ...analysis, related: keep(analysis.related), current: keep(analysis.current), later: keep(analysis.later), ...(analysis.chain ? { chain: keep(analysis.chain) } : {}) } };
      await setTab(next);
      return (await tabs.get(tabId)) ?? next;
    },

    async removeArticle({ url }) {
      const article = await library.find(url);
      if (article) {
        await library.remove([article.url]);
        await setSaved(article.addresses, false);
      }
      return null;
    },

    async listArticles({ query }) {
      return (await library.query({ text: query, sort: 'saved' }, Number.MAX_SAFE_INTEGER)).articles;
    },

    queryLibrary: (query) => library.query(query),

    getArticle: ({ url }) => library.get(url),

    async updateArticle({ url, ...change }) {
      return summarizeStored(await library.update(url, change));
    },

    async removeArticles({ urls }) {
      const addresses = (await db.articles.bulkGet(urls)).flatMap((a) => a?.addresses ?? []);
      const removed = await library.remove(urls);
      await setSaved(addresses, false);
      return removed;
    },

    async undoRemoveArticles({ undoToken }) {
      const restored = await library.undoRemove(undoToken);
      for (const state of await tabs.all()) if (!state.saved && (await library.find(state.url))) await setTab({ ...state, saved: true });
      return restored;
    },

    async exportLibraryBegin() {
      return { exportId: exports.begin(library.exportBackup()), fileName: backupFileName(now()) };
    },

    async importLibrary({ url }) {
      const bytes = await deps.openFile(url);
      const text = await new Response(bytes).text();
      const report = await library.importBackup(text);
      for (const state of await tabs.all()) if (!state.saved && (await library.find(state.url))) await setTab({ ...state, saved: true });
      return report;
    },

    async linkArticleEvent({ url, eventId, attach }) {
      const article = await library.find(url);
      if (!article) throw new Error('this article is no longer in your library');
      if (!attach) return summarizeStored(await library.linkEvent(article.url, eventId, null));
      const [event] = await deps.kb.events([eventId]);
      if (!event) throw new Error(`no event "${eventId}" in your knowledge base`);
      return summarizeStored(await library.linkEvent(article.url, event.id, { id: event.id, title: event.title, date: event.date }));
    },

    async makeEventOfArticle({ url, ...draft }) {
      const article = await library.find(url);
      if (!article) throw new Error('this article is no longer in your library');
      const event = await changing(kbStore.putUserEvent(db, eventFromArticle(article, draft), now()));
      await library.linkEvent(article.url, event.id, { id: event.id, title: event.title, date: event.date });
      return event;
    },

    getAutoBackup: () => backups().view(),

    setAutoBackup: ({ schedule }) => backups().setSchedule(schedule),

    backUpNow: () => backups().runNow(),

    async getEntity({ id }) {
      const entity = await deps.kb.entity(id);
      if (!entity) return null;
      const [events, owners] = await Promise.all([deps.kb.eventsInvolving([id]), deps.kb.entities((entity.roles ?? []).flatMap((r) => (r.of ? [r.of] : [])))]);
      const places = await deps.kb.entities(events.flatMap((e) => (e.place ? [e.place] : [])));
      const kb = new KnowledgeBase([entity, ...owners, ...places], events);
      const roles = (entity.roles ?? []).map((r) => {
        const ofName = r.of ? kb.entities.get(r.of)?.name : undefined;
        return ofName ? { ...r, ofName } : r;
      });
      const summaries = [...events].sort((a, b) => b.date.localeCompare(a.date)).map((e) => summarizeEvent(kb, e));
      return { entity, roles, events: summaries, savedArticles: await savedNaming([id]) };
    },

    async getEvent({ id }) {
      const [event] = await deps.kb.events([id]);
      if (!event) return null;
      const involved = [...event.participants.map((p) => p.entity), ...(event.place ? [event.place] : [])];
      const around = await deps.kb.eventsInvolving(involved);
      const outgoing = await deps.kb.events((event.links ?? []).map((l) => l.event));
      const entities = await deps.kb.entities([...involved, ...[...around, ...outgoing].flatMap((e) => (e.place ? [e.place] : []))]);
      const kb = new KnowledgeBase(entities, [event, ...around, ...outgoing]);
      const participants = event.participants.flatMap((p) => {
        const e = kb.entities.get(p.entity);
        return e ? [{ id: e.id, name: e.name, type: e.type, ...(p.role ? { role: p.role } : {}) }] : [];
      });
      const links: { type: string; direction: 'to' | 'from'; event: ReturnType<typeof summarizeEvent> }[] = [];
      for (const link of event.links ?? []) {
        const other = kb.events.get(link.event);
        if (other) links.push({ type: link.type, direction: 'to', event: summarizeEvent(kb, other) });
      }
      for (const other of around) {
        for (const link of other.links ?? []) if (link.event === id) links.push({ type: link.type, direction: 'from', event: summarizeEvent(kb, other) });
      }
      const people = participants.map((p) => p.id);
      const naming = (await savedNaming(people)).filter((a) => people.filter((pid) => a.entities.some((e) => e.id === pid)).length >= Math.min(2, people.length));
      // First the articles linked to the event (the reader's attachments and the analysis's finds, issue 21), then those naming its people.
      const linked = (await db.articles.where('eventIds').equals(id).toArray()).sort((a, b) => b.savedAt.localeCompare(a.savedAt)).map(summarizeStored);
      const saved = [...new Map([...linked, ...naming].map((a) => [a.url, a])).values()];
      return { event, participants, placeName: event.place ? (kb.entities.get(event.place)?.name ?? null) : null, links, savedArticles: saved };
    },

    async searchKb({ query }) {
      const q = query.trim().toLowerCase();
      if (!q) return { entities: [], events: [] };
      const entities = (await kbStore.searchEntities(db, q, SEARCH_LIMIT)).map((e) => ({ id: e.id, name: e.name, type: e.type, description: e.description }));
      const found = await kbStore.searchEvents(db, q, SEARCH_LIMIT);
      const places = await deps.kb.entities(found.flatMap((e) => (e.place ? [e.place] : [])));
      const kb = new KnowledgeBase(places, found);
      return { entities, events: found.map((e) => summarizeEvent(kb, e)) };
    },

    async getSettings() {
      return settings.get();
    },

    async getKbInfo() {
      const pack = (await db.meta.get('pack'))?.value as { name: string; version: string } | undefined;
      return { pack: pack ? { name: pack.name, version: pack.version } : null, ...(await deps.kb.counts()) };
    },

    async importBegin({ size, url }) {
      return { importId: await imports.begin(size, url) };
    },

    async importStatus({ importId }) {
      return imports.status(importId);
    },

    async importFinish({ importId }) {
      return imported(await imports.finish(importId));
    },

    async importAbort({ importId }) {
      await imports.abort(importId);
      return null;
    },

    async exportBegin({ scope }) {
      const { fileName, chunks } = kbStore.exportKb(db, scope, now());
      return { exportId: exports.begin(chunks), fileName };
    },

    exportNext: ({ exportId }) => exports.next(exportId),

    putUserEntity: ({ entity }) => changing(kbStore.putUserEntity(db, entity as Entity, now())),

    putUserEvent: ({ event }) => changing(kbStore.putUserEvent(db, event as KbEvent, now())),

    addAlias: ({ id, alias }) => changing(kbStore.addAlias(db, id, alias, now())),

    deleteRecord: ({ kind, id }) => changing(kbStore.deleteRecord(db, kind, id, now())),

    revertRecord: ({ kind, id }) => changing(kbStore.revertRecord(db, kind, id, now())),

    undoDelete: ({ undoToken }) => changing(kbStore.undoDelete(db, undoToken).then(() => null)),

    async listUserRecords({ limit }) {
      return kbStore.listUserRecords(db, limit ?? USER_RECORDS_SHOWN);
    },

    async listHistory({ limit }) {
      return listStories(db, limit ?? STORIES_SHOWN);
    },

    async clearHistory() {
      const removed = await clearStories(db);
      // What the tabs list was read from the history: it goes with it.
      for (const state of await tabs.all()) {
        if (state.analysis?.readBefore?.length) await setTab({ ...state, analysis: { ...state.analysis, readBefore: [] } });
      }
      return { removed };
    },

    async listWrongLinks({ limit }) {
      const links = await db.wrongLinks.toArray();
      const total = links.length;
      const newest = links.sort((a, b) => b.markedAt.localeCompare(a.markedAt)).slice(0, limit ?? WRONG_LINKS_SHOWN);
      const names = new Map((await deps.kb.entities([...new Set(newest.map((l) => l.entityId))])).map((e) => [e.id, e.name]));
      return { links: newest.map((l) => ({ ...l, entityName: names.get(l.entityId) ?? l.entityId })), total };
    },

    async removeWrongLink({ id }) {
      await db.wrongLinks.delete(id);
      return null;
    },

    async listHistoryThreads() {
      return { threads: await historyThreads() };
    },

    async threadToEvent({ threadId, title, type }) {
      const thread = (await historyThreads()).find((t) => t.id === threadId);
      if (!thread) throw new Error('this thread is no longer in your history');
      const known = new Set((await deps.kb.entities(thread.entities.map((e) => e.id))).map((e) => e.id));
      return changing(kbStore.putUserEvent(db, threadEvent(thread, title, (id) => known.has(id), type), now()));
    },

    async setHistory({ enabled }) {
      const next = { ...(await settings.get()), historyOff: !enabled };
      await settings.set(next);
      return next;
    },

    async setSiteHistory({ site, paused }) {
      const current = await settings.get();
      const next = { ...current, historyPausedSites: withSite(current.historyPausedSites, site, paused) };
      await settings.set(next);
      return next;
    },

    async setSiteHighlighting({ site, enabled }) {
      const current = await settings.get();
      const next = { ...current, highlightOffSites: withSite(current.highlightOffSites, site, !enabled) };
      await settings.set(next);
      deps.highlightSettingsChanged?.();
      return next;
    },
  };
}
