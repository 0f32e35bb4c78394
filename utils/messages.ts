/**
 * The one message protocol between the content script, the background and the extension's
 * pages (popup, side panel, library). Every message is declared here with its request
 * validator; every reply is a `Result`. See ../shared/DESIGN.md, "Message protocol".
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Analysis, ArticleText, EventSummary } from './analysis/analyze-text';
import { pageBudget, type TooLarge } from './article/page-budget';
import { HIGHLIGHT_GROUPS, HIGHLIGHT_MODES, type HighlightMode, type HighlightPrefs } from './page/choose-highlights';
import type { CardContent } from './page/hover-card';
import { unknownNameLimits } from './match/unknown-name';
import type { RelatedStory } from './history/rank-stories';
import type { HistoryThread } from './history/story-threads';
import type { MainThreadCost } from './page/main-thread-meter';
import { MAX_CAPTURED_HTML_CHARS, type KeptHtml } from './library/article-html';
import type { ArticleCapture } from './library/capture-article';
import { pageFactLimits, type PageFacts } from './library/page-facts';
import type { CopyOutcome } from './library/prepare-capture';
import { EVENT_TYPES, type Entity, type EventType, type KbEvent, type PackProblem, type Role } from './kb/schema';
import { neutralizeBidiControls } from './text/bidi';
import { BACKUP_SCHEDULES, type AutoBackupState } from './library/backup-schedule';
import { isWebUrl } from './web-url';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the content script sends about the article on its page. */
export interface ArticlePayload {
  url: string;
  title: string;
  text: string;
  published: string | null;
  site: string | null;
  /** The page's metadata facts (issue 20): when given, the background names the site from them (utils/library/page-metadata.ts) in place of `site`. */
  facts?: PageFacts;
}

/**
 * An analysis as a tab's state keeps it: what the popup and side panel show, without the
 * article's text or its mentions (session storage is small and shared by every tab: a long
 * article's text and mentions overflowed it, issue 19). The content script keeps those.
 */
export type TabAnalysis = Omit<Analysis, 'article' | 'mentions' | 'eventMentions'> & {
  article: Omit<ArticleText, 'text'> & { length: number };
  /**
   * The reader's earlier stories on this article's topic ("You read about this", issue 18):
   * a few (see historyWeights.maxStories), found after the analysis has been answered; absent
   * until then and when the history is off.
   */
  readBefore?: RelatedStory[];
};

/**
 * Where a tab is: its article being analysed, analysed, not an article, too large to read
 * (see pageBudget), or its analysis failed (with why).
 */
export type TabStatus = 'analysing' | 'article' | 'not-article' | 'too-large' | 'failed';

/** What the background knows about one tab. */
export interface TabState {
  tabId: number;
  url: string;
  title: string;
  status: TabStatus;
  analysis: TabAnalysis | null;
  saved: boolean;
  /** With 'too-large': the limit the page went past. */
  tooLarge?: TooLarge;
  /** With 'failed': why, for the reader. */
  error?: string;
  /**
   * The content script stopped following the page's changes (issue 20): after too many reads,
   * after watching long enough, or because the page never settles. What is shown is what it
   * read last.
   */
  watchStopped?: 'rereads' | 'time' | 'unsettled';
  /** When the state last changed (ms since the epoch): the oldest tabs' states are dropped first. */
  updatedAt: number;
}

export interface SavedArticleSummary {
  /** The article's canonical address (without tracking parameters): its id in the library. */
  url: string;
  title: string;
  site: string | null;
  published: string | null;
  savedAt: string;
  entities: { id: string; name: string; type: string }[];
  // The library (issue 21); articles saved before it have these filled in by the schema upgrade.
  byline: string | null;
  /** When the reader last saved, tagged or annotated it. */
  updatedAt: string;
  /** The events the article names or reports. */
  events: LinkedEvent[];
  tags: string[];
  note: string;
  highlightCount: number;
  /** Events the reader attached the article to (utils/library/article-events.ts); absent when none. */
  attachedEvents?: LinkedEvent[];
}

/** An event a saved article names or reports, as the article keeps it. */
export interface LinkedEvent {
  id: string;
  title: string;
  date: string;
}

export interface SavedArticle extends Omit<SavedArticleSummary, 'highlightCount'> {
  text: string;
  entityIds: string[];
  eventIds: string[];
  /** The article's HTML, sanitised and bounded (utils/library/article-html.ts); null when none was kept. */
  html: string | null;
  /** Every address it was saved from, normalised: saving it again from any of them updates it. */
  addresses: string[];
  /** The library's change counter when it was last written (search index catch-up, sync: docs/sync.md). */
  seq: number;
  highlights: ReaderHighlight[];
}

/** A passage the reader highlighted in a saved article, with their note, anchored as W3C Web Annotation selectors. */
export interface ReaderHighlight {
  id: string;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  note: string;
  createdAt: string;
}

/** How the library lists saved articles: a text search and filters. */
export interface LibraryQuery {
  /** Words searched in titles, text, notes and highlights (prefixes count). */
  text?: string;
  site?: string;
  entityId?: string;
  eventId?: string;
  tag?: string;
  /** Saved on or after / before or on (YYYY-MM-DD). */
  from?: string;
  to?: string;
  sort?: 'saved' | 'published' | 'title' | 'relevance';
}

/** The library's answer: the matching articles and what the filters can offer. */
export interface LibraryPage {
  articles: SavedArticleSummary[];
  total: number;
  sites: string[];
  tags: string[];
}

/** What an import of a library backup did. */
export interface LibraryImportReport {
  added: number;
  updated: number;
  unchanged: number;
}

/** Automatic backups as the library shows them (issue 21): the schedule, the last run, when the next is due, the file. */
export type AutoBackupView = AutoBackupState & { nextAt: string | null; fileName: string };

export interface EntityDetails {
  entity: Entity;
  /** Roles with the name of what each belongs to. */
  roles: (Role & { ofName?: string })[];
  /** Events the entity took part in or that happened there, newest first. */
  events: EventSummary[];
  savedArticles: SavedArticleSummary[];
}

export interface EventDetails {
  event: KbEvent;
  participants: { id: string; name: string; type: string; role?: string }[];
  placeName: string | null;
  links: { type: string; direction: 'to' | 'from'; event: EventSummary }[];
  savedArticles: SavedArticleSummary[];
}

export interface SearchResults {
  entities: { id: string; name: string; type: string; description: string }[];
  events: EventSummary[];
}

export interface Settings {
  /** Sites (host names) where the reader turned highlighting off. */
  highlightOffSites: string[];
  /** Also highlight nominal phrases ("the Kremlin spokesman"). */
  highlightNominal: boolean;
  /** The reader turned the history of their reading off (issue 18): nothing is kept, nothing listed. */
  historyOff: boolean;
  /** Sites (host names) whose articles are not kept in the history. */
  historyPausedSites: string[];
  /** Highlight every mention, the first of each actor, or none (issue 20). */
  highlightMode: HighlightMode;
  /** Colour groups of the legend the reader turned off (see HIGHLIGHT_GROUPS). */
  highlightGroupsOff: string[];
}

/** The highlight settings an extension page may change at once (issue 20); what is left out stays. */
export type HighlightChange = Partial<Pick<Settings, 'highlightMode' | 'highlightGroupsOff' | 'highlightNominal'>>;

/** A box in a page's viewport coordinates. */
export interface ViewportBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the card on a page shows now, and where it and its actions are. */
export interface CardView extends CardContent {
  rect: ViewportBox;
  /** The word the card explains. */
  anchor: ViewportBox | null;
  actions: { label: string; rect: ViewportBox; href?: string }[];
  /** Keyboard focus is inside the card. */
  focused: boolean;
}

/** A story of the reader's history, as the library lists it. */
/** A name the reader marked as wrongly linked, as the library lists it. */
export interface WrongLinkSummary {
  id: string;
  url: string;
  text: string;
  entityId: string;
  /** The entity's name; its id when the knowledge base no longer holds it. */
  entityName: string;
  markedAt: string;
}

export interface StorySummary {
  url: string;
  title: string;
  site: string | null;
  date: string;
  readAt: string;
}

/** What an import did, record by record. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Every problem found; when the file as a whole is invalid nothing was written. */
  problems: PackProblem[];
}

/** A record of the reader's own layer, as the library lists it. */
export interface UserRecordSummary {
  kind: 'entity' | 'event';
  id: string;
  name: string;
  /** What the reader did: added a record, edited a pack record, or deleted one. */
  change: 'added' | 'edited' | 'deleted';
  updatedAt: string;
}

/** Messages the background answers. */
export interface BackgroundProtocol {
  /** Content script: analyse the article of the sender's tab; replies with the analysis. */
  analyzeArticle(article: ArticlePayload): Analysis;
  /** Content script: the sender's page is not an article. */
  reportNotArticle(page: { url: string; title: string }): null;
  /** Content script: the sender's page is past the budget of what Backstory reads (see pageBudget). */
  reportTooLarge(page: { url: string; title: string; tooLarge: TooLarge }): null;
  /** Content script: it stopped following the changes of the sender's page, and why (issue 20). */
  reportWatchStopped(page: { url: string; reason: 'rereads' | 'time' | 'unsettled' }): null;
  /** Content script: whether to highlight on the sender's site, and how. */
  getHighlightSettings(page: { url: string }): HighlightPrefs;
  /** Content script, on the reader's click in a card: open the side panel beside the sender's tab (within the click's user gesture). */
  openSidePanel(query: Record<string, never>): null;
  /**
   * Content script, on the reader's click in a card: a name in the sender's article is linked
   * to the wrong entity (`wrong`), or that mark is undone. Kept in the reader's layer; the
   * next analysis of that article leaves the name unlinked.
   */
  setWrongLink(query: { url: string; entityId: string; text: string; wrong: boolean }): null;
  /** Pages: change how highlights are drawn (all, first of each, none; groups; role phrases); every open tab repaints at once. */
  setHighlighting(change: HighlightChange): Settings;
  /** Pages: what is known of a tab; null when the tab has not reported yet. */
  getTabState(query: { tabId: number }): TabState | null;
  /** Pages: save the article of a tab in the library; `copy` says whether its HTML was kept (its text always is). */
  saveArticle(query: { tabId: number }): SavedArticleSummary & { copy: CopyOutcome };
  /** Pages: remove a saved article. */
  removeArticle(query: { url: string }): null;
  /** Pages: the reader marks an event "not related" to the article of a tab: it leaves the tab's lists and is never ranked for that article again. */
  dismissEvent(query: { tabId: number; eventId: string }): TabState;
  /** Pages: the saved articles, newest first; `query` searches their titles, text, notes and highlights. */
  listArticles(query: { query?: string }): SavedArticleSummary[];
  /** Library page: saved articles found by a search and filters, sorted; with the sites and tags to filter by. */
  queryLibrary(query: LibraryQuery): LibraryPage;
  /** Library page: one saved article, whole (its text and HTML for the reader view); null when not saved. */
  getArticle(query: { url: string }): SavedArticle | null;
  /** Library page: change a saved article's tags or note. */
  updateArticle(query: { url: string; tags?: string[]; note?: string; highlights?: ReaderHighlight[] }): SavedArticleSummary;
  /** Library page: remove saved articles; returns a token for `undoRemoveArticles` (the last removal only). */
  removeArticles(query: { urls: string[] }): { undoToken: string; removed: number };
  /** Library page: put back the articles of the last removal. */
  undoRemoveArticles(query: { undoToken: string }): { restored: number };
  /** Library page: export the library as a versioned JSON backup, read in chunks with `exportNext`. */
  exportLibraryBegin(query: Record<string, never>): { exportId: string; fileName: string };
  /**
   * Library page: import a library backup (a blob: URL of the page's, as importBegin), merged
   * by article without duplicates; a file that is not a valid backup changes nothing and says why.
   */
  importLibrary(query: { url: string }): LibraryImportReport;
  /** Library page: attach a saved article to an event of the knowledge base, or (`attach` false) undo that link (issue 21). */
  linkArticleEvent(query: { url: string; eventId: string; attach: boolean }): SavedArticleSummary;
  /** Library page: make a new event of the reader's own from a saved article (its draft's title, date and type) and attach the article to it. */
  makeEventOfArticle(query: { url: string; title: string; date: string; type: KbEvent['type'] }): KbEvent;
  /** Library page: the automatic backups' schedule, last run and next one (issue 21). */
  getAutoBackup(query: Record<string, never>): AutoBackupView;
  /** Library page: back up every day, every week, or never (the default). */
  setAutoBackup(query: { schedule: AutoBackupState['schedule'] }): AutoBackupView;
  /** Library page: make the automatic backup now; a failure is kept in the view with its reason. */
  backUpNow(query: Record<string, never>): AutoBackupView;
  /** Pages: one entity with its roles, events and saved articles; null when unknown. */
  getEntity(query: { id: string }): EntityDetails | null;
  /** Pages: one event with its participants, links and saved articles; null when unknown. */
  getEvent(query: { id: string }): EventDetails | null;
  /** Pages: entities and events whose names contain the query. */
  searchKb(query: { query: string }): SearchResults;
  /** Pages: the reader's settings. */
  getSettings(query: Record<string, never>): Settings;
  /** Pages: turn highlighting on or off for a site. */
  setSiteHighlighting(query: { site: string; enabled: boolean }): Settings;
  /** Pages: facts about the knowledge base (pack name and version, counts). */
  getKbInfo(query: Record<string, never>): { pack: { name: string; version: string } | null; entities: number; events: number; userRecords: number };
  /**
   * Pages: import a pack or a backup, all or nothing, merging by id into the reader's layer;
   * an invalid file changes nothing and lists every problem. `importBegin` hands over the
   * file as a blob: URL of the page's (with its size); the background reads it as a stream,
   * checking and writing as it goes. The page asks `importStatus` how far it is until `done`
   * (an import whose page stops asking is dropped), then `importFinish` for the report,
   * which makes the records current.
   */
  importBegin(query: { size: number; url: string }): { importId: string };
  importStatus(query: { importId: string }): { read: number; done: boolean };
  importFinish(query: { importId: string }): ImportReport;
  /** Pages: stop an import; nothing of it is kept. */
  importAbort(query: { importId: string }): null;
  /**
   * Pages: export as a pack file: the whole merged knowledge base, or only the reader's
   * layer. The text comes in chunks of a few MB (a message has a size limit): `exportBegin`
   * names the file, then `exportNext` gives the next chunk until `done`.
   */
  exportBegin(query: { scope: 'all' | 'user' }): { exportId: string; fileName: string };
  exportNext(query: { exportId: string }): { text: string; done: boolean };
  /** Pages: add or replace an entity in the reader's layer (it wins over the pack). */
  putUserEntity(query: { entity: Entity }): Entity;
  /** Pages: add or replace an event in the reader's layer. */
  putUserEvent(query: { event: KbEvent }): KbEvent;
  /** Pages: add an alias to an entity (copies a pack entity into the reader's layer). */
  addAlias(query: { id: string; alias: string }): Entity;
  /**
   * Pages: delete an entity or event (a pack record is hidden, a reader's record removed);
   * returns a token for `undoDelete`.
   */
  deleteRecord(query: { kind: 'entity' | 'event'; id: string }): { undoToken: string };
  /** Pages: drop the reader's edit or deletion of a pack record (the pack's version shows again); undone by `undoDelete`. */
  revertRecord(query: { kind: 'entity' | 'event'; id: string }): { undoToken: string };
  /** Pages: undo a delete. */
  undoDelete(query: { undoToken: string }): null;
  /** Pages: the newest stories of the reader's history (at most `limit`), and how many there are. */
  listHistory(query: { limit?: number }): { stories: StorySummary[]; total: number };
  /** Pages: forget the reader's whole history; "You read about this" empties in every tab. Replies how many stories were removed. */
  clearHistory(query: Record<string, never>): { removed: number };
  /** Pages: the names the reader marked as wrongly linked (issue 20), newest first (at most `limit`), with the entity's name, and how many there are. */
  listWrongLinks(query: { limit?: number }): { links: WrongLinkSummary[]; total: number };
  /** Pages: forget a wrong-link mark (the name links again at the article's next analysis). */
  removeWrongLink(query: { id: string }): null;
  /** Pages: the threads of the reader's history (stories that keep coming back about one matter, issue 18), latest first. */
  listHistoryThreads(query: Record<string, never>): { threads: HistoryThread[] };
  /** Pages: turn a thread of the history into an event of the reader's own knowledge base, named `title` (its name when empty). */
  threadToEvent(query: { threadId: string; title: string; type?: EventType }): KbEvent;
  /** Pages: turn the history on or off (off keeps nothing new and lists nothing; what is kept stays until cleared). */
  setHistory(query: { enabled: boolean }): Settings;
  /** Pages: pause or resume the history for a site. */
  setSiteHistory(query: { site: string; paused: boolean }): Settings;
  /** Pages: the reader's newest records and edits (at most `limit`), and how many there are. */
  listUserRecords(query: { limit?: number }): { records: UserRecordSummary[]; total: number };
}

/** Messages a tab's content script answers. */
export interface ContentProtocol {
  /** The highlights drawn on the page, with where they are; `done` once the page is read. */
  listHighlights(query: Record<string, never>): {
    done: boolean;
    highlights: { text: string; entityId: string; kind: string; rect: { x: number; y: number; width: number; height: number } | null }[];
  };
  /** Scroll to the first highlight of an entity and flash it; false when there is none. */
  revealEntity(query: { entityId: string }): boolean;
  /** What the card shows now, and where; null when it is hidden. */
  currentCard(query: Record<string, never>): CardView | null;
  /** The reader changed the highlight settings: read them again and repaint; true once done. */
  highlightSettingsChanged(query: Record<string, never>): boolean;
  /** What saving the page's article keeps (text, metadata, its HTML unsanitised and bounded: utils/library/capture-article.ts); null when the page has none. */
  articleToSave(query: Record<string, never>): ArticleCapture | null;
  /** Read the page again (the reader's Retry after a failed analysis); true once started. */
  readAgain(query: Record<string, never>): boolean;
}

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A reader's highlight as a page or a backup sends it (issue 21). */
export const readerHighlightSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  quote: v.strictObject({ exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)), prefix: v.pipe(v.string(), v.maxLength(200)), suffix: v.pipe(v.string(), v.maxLength(200)) }),
  position: v.strictObject({ start: offset, end: offset }),
  note: v.pipe(v.string(), v.maxLength(20_000)),
  createdAt: v.pipe(v.string(), v.maxLength(40)),
});
/**
 * One name the knowledge base does not hold, as the tab's state carries it to the side panel
 * (issue 17). Its text comes from the page, so every string is bounded.
 */
export const unknownNameSchema = v.strictObject({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  type: v.picklist(['person', 'place', 'organisation']),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  offsets: v.pipe(v.array(v.strictObject({ start: offset, end: offset })), v.maxLength(10)),
  sentence: v.pipe(v.string(), v.maxLength(400)),
});
export const unknownNamesSchema = v.pipe(v.array(unknownNameSchema), v.maxLength(unknownNameLimits.listMax));

const url = v.pipe(v.string(), v.maxLength(8192));
/** A URL a page reports as its own: http(s) only, never javascript: or data: (issue 19). */
const pageUrl = v.pipe(url, v.check(isWebUrl, 'must be an http(s) URL'));
/** Text a page supplies, which views show: its bidi controls neutralised here, the one place page text comes in (utils/text/bidi.ts). */
const pageText = (max: number) => v.pipe(v.string(), v.maxLength(max), v.transform(neutralizeBidiControls));
const pageTitle = pageText(2000);
/** A page's metadata facts as the content script reads them (utils/library/page-facts.ts), bounded as it bounds them. */
const pageFacts = v.object({
  canonicalLink: v.nullable(pageText(pageFactLimits.valueChars)),
  ogUrl: v.nullable(pageText(pageFactLimits.valueChars)),
  ogSiteName: v.nullable(pageText(pageFactLimits.valueChars)),
  applicationName: v.nullable(pageText(pageFactLimits.valueChars)),
  author: v.nullable(pageText(pageFactLimits.valueChars)),
  articleAuthor: v.nullable(pageText(pageFactLimits.valueChars)),
  jsonLd: v.pipe(v.array(pageText(pageFactLimits.jsonLdChars)), v.maxLength(pageFactLimits.jsonLdBlocks)),
});
const id = v.pipe(v.string(), v.maxLength(200));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const empty = v.object({});
/** A message about an import in progress, by the id `importBegin` gave. */
const anImport = v.object({ importId: v.pipe(v.string(), v.maxLength(100)) });

/** Validators for every request: pages are hostile, so nothing crosses unchecked. */
export const backgroundRequests = {
  analyzeArticle: v.object({
    url: pageUrl,
    title: pageTitle,
    // No more than the content script sends: past it, the page is reported too large instead.
    text: pageText(pageBudget.maxArticleChars),
    published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
    site: v.nullable(pageText(500)),
    facts: v.optional(pageFacts),
  }),
  reportNotArticle: v.object({ url: pageUrl, title: pageTitle }),
  reportTooLarge: v.object({
    url: pageUrl,
    title: pageTitle,
    tooLarge: v.object({
      limit: v.picklist(['elements', 'page-text', 'article-text', 'time']),
      measured: v.pipe(v.number(), v.integer(), v.minValue(0)),
      max: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  }),
  reportWatchStopped: v.object({ url: pageUrl, reason: v.picklist(['rereads', 'time', 'unsettled']) }),
  getHighlightSettings: v.object({ url: pageUrl }),
  openSidePanel: empty,
  setWrongLink: v.object({ url: pageUrl, entityId: id, text: v.pipe(v.string(), v.minLength(1), v.maxLength(500)), wrong: v.boolean() }),
  setHighlighting: v.object({
    highlightMode: v.optional(v.picklist(HIGHLIGHT_MODES)),
    highlightGroupsOff: v.optional(v.pipe(v.array(v.picklist(HIGHLIGHT_GROUPS)), v.maxLength(HIGHLIGHT_GROUPS.length))),
    highlightNominal: v.optional(v.boolean()),
  }),
  getTabState: v.object({ tabId }),
  saveArticle: v.object({ tabId }),
  removeArticle: v.object({ url }),
  dismissEvent: v.object({ tabId, eventId: id }),
  listArticles: v.object({ query: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
  queryLibrary: v.object({
    text: v.optional(v.pipe(v.string(), v.maxLength(500))),
    site: v.optional(v.pipe(v.string(), v.maxLength(500))),
    entityId: v.optional(id),
    eventId: v.optional(id),
    tag: v.optional(v.pipe(v.string(), v.maxLength(100))),
    from: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
    to: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
    sort: v.optional(v.picklist(['saved', 'published', 'title', 'relevance'])),
  }),
  getArticle: v.object({ url }),
  updateArticle: v.object({
    url,
    tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))), v.maxLength(50))),
    note: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
    highlights: v.optional(v.pipe(v.array(readerHighlightSchema), v.maxLength(1000))),
  }),
  removeArticles: v.object({ urls: v.pipe(v.array(url), v.minLength(1), v.maxLength(100_000)) }),
  undoRemoveArticles: v.object({ undoToken: v.pipe(v.string(), v.maxLength(200)) }),
  exportLibraryBegin: empty,
  importLibrary: v.object({ url: v.pipe(v.string(), v.maxLength(200), v.startsWith('blob:')) }),
  linkArticleEvent: v.object({ url, eventId: id, attach: v.boolean() }),
  makeEventOfArticle: v.object({
    url,
    title: v.pipe(v.string(), v.trim(), v.minLength(1, 'the event needs a title'), v.maxLength(300)),
    date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')),
    type: v.picklist(EVENT_TYPES),
  }),
  getAutoBackup: empty,
  setAutoBackup: v.object({ schedule: v.picklist(BACKUP_SCHEDULES) }),
  backUpNow: empty,
  getEntity: v.object({ id }),
  getEvent: v.object({ id }),
  searchKb: v.object({ query: v.pipe(v.string(), v.maxLength(500)) }),
  getSettings: empty,
  setSiteHighlighting: v.object({ site: v.pipe(v.string(), v.maxLength(500)), enabled: v.boolean() }),
  getKbInfo: empty,
  importBegin: v.object({
    // Up to a terabyte: beyond, the shard counts sized from it would overflow.
    size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 40)),
    url: v.pipe(v.string(), v.maxLength(200), v.startsWith('blob:')),
  }),
  importStatus: anImport,
  importFinish: anImport,
  importAbort: anImport,
  exportBegin: v.object({ scope: v.picklist(['all', 'user']) }),
  exportNext: v.object({ exportId: v.pipe(v.string(), v.maxLength(100)) }),
  // The records themselves are checked against the pack schema by the handler.
  putUserEntity: v.object({ entity: v.any() }),
  putUserEvent: v.object({ event: v.any() }),
  addAlias: v.object({ id, alias: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)) }),
  deleteRecord: v.object({ kind: v.picklist(['entity', 'event']), id }),
  revertRecord: v.object({ kind: v.picklist(['entity', 'event']), id }),
  undoDelete: v.object({ undoToken: v.pipe(v.string(), v.maxLength(200)) }),
  listUserRecords: v.object({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))) }),
  listHistory: v.object({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))) }),
  clearHistory: empty,
  listHistoryThreads: empty,
  listWrongLinks: v.object({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))) }),
  removeWrongLink: v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(3000)) }),
  threadToEvent: v.object({ threadId: v.pipe(v.string(), v.maxLength(2000)), title: v.pipe(v.string(), v.maxLength(300)), type: v.optional(v.picklist(EVENT_TYPES)) }),
  setHistory: v.object({ enabled: v.boolean() }),
  setSiteHistory: v.object({ site: v.pipe(v.string(), v.minLength(1), v.maxLength(500)), paused: v.boolean() }),
} satisfies { [K in keyof BackgroundProtocol]: v.GenericSchema<Parameters<BackgroundProtocol[K]>[0]> };

/**
 * What a content script hands over for saving (ContentProtocol.articleToSave), checked by
 * the background before anything is stored: its text comes from a page, so every string is bounded.
 */
export const articleCaptureSchema = v.object({
  url: pageUrl,
  title: pageTitle,
  byline: v.nullable(pageText(1000)),
  // The background names the canonical address, site and byline from these (utils/library/prepare-capture.ts).
  facts: pageFacts,
  published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  text: pageText(pageBudget.maxArticleChars),
  // Unsanitised: the background sanitises it before it is stored (utils/library/prepare-capture.ts).
  html: v.nullable(v.pipe(v.string(), v.maxLength(MAX_CAPTURED_HTML_CHARS))),
  htmlTooLarge: v.boolean(),
  events: v.pipe(v.array(v.object({ id, title: v.pipe(v.string(), v.maxLength(1000)), date: v.pipe(v.string(), v.maxLength(40)) })), v.maxLength(500)),
});

export const contentRequests = {
  listHighlights: empty,
  revealEntity: v.object({ entityId: id }),
  currentCard: empty,
  articleToSave: empty,
  readAgain: empty,
  highlightSettingsChanged: empty,
} satisfies { [K in keyof ContentProtocol]: v.GenericSchema<Parameters<ContentProtocol[K]>[0]> };

/** How a tab's page watcher is doing (issue 20), with each highlight's live text beside its mention's. */
export interface WatchReport {
  /** Reads of the page since it (or its address) was loaded: the first one and each read again. */
  reads: number;
  /** True while the page is watched for changes (false while the tab is hidden, and once stopped). */
  watching: boolean;
  /** Why the watcher gave up on the page: too many reads, watched long enough, it never settles; null while it goes on. */
  stopped: 'rereads' | 'time' | 'unsettled' | null;
  /** Each highlight: its mention's text, the text its Range shows now, and the text of the block it sits in (at most 600 characters). */
  highlights: { mention: string; live: string; block: string }[];
  /** The content script's main-thread time on this page (npm run bench:page). */
  cost: MainThreadCost;
}

/** Messages a tab's page watcher answers (issue 20). */
export interface WatchProtocol {
  /** What the page watcher did and how the highlights stand; for tests and diagnostics. */
  watchState(query: Record<string, never>): WatchReport;
}

export const watchRequests = {
  watchState: empty,
} satisfies { [K in keyof WatchProtocol]: v.GenericSchema<Parameters<WatchProtocol[K]>[0]> };

/**
 * Messages the offscreen document answers (Chrome, issue 20: its service worker has no DOM,
 * so DOMPurify runs there), only from the extension's own background.
 */
export interface OffscreenProtocol {
  /** Background: captured article HTML sanitised and bounded as a saved article keeps it (utils/library/article-html.ts keepArticleHtml). */
  sanitizeArticleHtml(query: { html: string }): KeptHtml;
}

export const offscreenRequests = {
  sanitizeArticleHtml: v.object({ html: v.pipe(v.string(), v.maxLength(MAX_CAPTURED_HTML_CHARS)) }),
} satisfies { [K in keyof OffscreenProtocol]: v.GenericSchema<Parameters<OffscreenProtocol[K]>[0]> };

/**
 * Why the offscreen document refuses a message from `sender`; null when it comes from the
 * extension's background (`backgroundUrl`, its script's URL). A content script's
 * runtime.sendMessage reaches every extension page, the offscreen document included.
 */
export function offscreenRefusal(sender: Sender & { id?: string }, extensionId: string, backgroundUrl: string): string | null {
  const fromBackground = sender.id === extensionId && sender.tab === undefined && sender.url === backgroundUrl;
  return fromBackground ? null : "accepted only from Backstory's background";
}

/** Sends a message to the offscreen document (from the background); never throws. */
export async function sendToOffscreen<K extends keyof OffscreenProtocol>(
  name: K,
  data: Parameters<OffscreenProtocol[K]>[0],
): Promise<Result<ReturnType<OffscreenProtocol[K]>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ backstory: name, data } satisfies Envelope)) as Result<ReturnType<OffscreenProtocol[K]>> | undefined;
    return reply ?? { ok: false, error: `no reply to ${name}` };
  } catch (error) {
    return { ok: false, error: `${name} failed: ${(error as Error).message}` };
  }
}

/**
 * Messages the backup file's offscreen document answers (Chrome, issue 21): a service worker
 * cannot make a blob: URL for downloads.download, so the background hands it the backup's
 * text in parts and gets the URL back. Answered only to the background.
 */
export interface BackupFileProtocol {
  /** Appends a part of the file's text (the first part starts a new file). */
  backupFilePart(query: { text: string; first: boolean }): null;
  /** The file as a blob: URL of the extension's; the previous one is revoked. */
  backupFileUrl(query: Record<string, never>): { url: string };
}

export const backupFileRequests = {
  backupFilePart: v.object({ text: v.string(), first: v.boolean() }),
  backupFileUrl: empty,
} satisfies { [K in keyof BackupFileProtocol]: v.GenericSchema<Parameters<BackupFileProtocol[K]>[0]> };

/** Messages a content script sends, about its own tab; every other message is for the extension's own pages only. */
export const contentScriptMessages = new Set<keyof BackgroundProtocol>([
  'analyzeArticle',
  'reportNotArticle',
  'reportTooLarge',
  'getHighlightSettings',
  // Issue 20: sent only for the reader's trusted clicks in the card's closed shadow root.
  'openSidePanel',
  'setWrongLink',
  // Issue 20: the content script stopped following a page's changes.
  'reportWatchStopped',
]);

/** Who sent a message, as the runtime reports it. */
export interface Sender {
  tab?: { id?: number; url?: string };
  url?: string;
}

/**
 * Why a message from `sender` is refused; null when it may be answered. Content scripts
 * act on page input, so they may send only what their own tab needs (contentScriptMessages,
 * from a tab; the handlers check that the page reported is the sender's); everything else, reading the library
 * or another tab's state included, is answered only for the extension's own pages (issue 19).
 * `extensionOrigin` is the extension's base URL (`chrome-extension://id/`).
 */
export function refusal(name: keyof BackgroundProtocol, sender: Sender, extensionOrigin: string): string | null {
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (!contentScriptMessages.has(name)) return fromExtensionPage ? null : `${name} is accepted only from Backstory's own pages`;
  if (fromExtensionPage || sender.tab?.id === undefined) return `${name} is accepted only from a content script`;
  return null;
}

/** The origin of a URL; null when it does not parse. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

type Envelope = { backstory: string; data: unknown };
/** A protocol: an interface whose members are functions of one request. */
type Protocol<P> = { [K in keyof P]: (query: never) => unknown };

const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' && message !== null && typeof (message as Envelope).backstory === 'string';

/** True when `message` is one of the protocol's requests (checked before answering it). */
export function isRequestOf(message: unknown, schemas: object): boolean {
  return isEnvelope(message) && Object.hasOwn(schemas, message.backstory);
}

/** What Chrome says when the service worker stopped before it answered a message. */
const WORKER_STOPPED = /message (channel|port) closed before a response was received/i;
const IMPORT_MESSAGES = new Set<string>(['importBegin', 'importStatus', 'importFinish', 'importAbort']);

/**
 * The error to show for a message that could not be sent or answered: what happened and what
 * to do, rather than the browser's own words, for a worker stopped midway (issue 19).
 */
export function describeSendError(name: string, browserMessage: string): string {
  if (!WORKER_STOPPED.test(browserMessage)) return `${name} failed: ${browserMessage}`;
  if (IMPORT_MESSAGES.has(name)) {
    return "Backstory's background stopped during the import (the browser stops it at times), so nothing of this file was imported and your knowledge base is as it was. Import the file again.";
  }
  return "Backstory's background stopped before it answered (the browser stops it at times). Nothing was lost: try again.";
}

/** Sends a message to the background; never throws. */
export async function sendToBackground<K extends keyof BackgroundProtocol>(
  name: K,
  data: Parameters<BackgroundProtocol[K]>[0],
): Promise<Result<ReturnType<BackgroundProtocol[K]>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ backstory: name, data } satisfies Envelope)) as Result<ReturnType<BackgroundProtocol[K]>> | undefined;
    return reply ?? { ok: false, error: `no reply to ${name}` };
  } catch (error) {
    return { ok: false, error: describeSendError(name, (error as Error).message) };
  }
}

/** Sends a message to the backup file's offscreen document (BackupFileProtocol); never throws. */
export async function sendToBackupFile<K extends keyof BackupFileProtocol>(name: K, data: Parameters<BackupFileProtocol[K]>[0]): Promise<Result<ReturnType<BackupFileProtocol[K]>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ backstory: name, data } satisfies Envelope)) as Result<ReturnType<BackupFileProtocol[K]>> | undefined;
    return reply ?? { ok: false, error: `no reply to ${name}: the backup file's document is not open` };
  } catch (error) {
    return { ok: false, error: `${name} failed: ${(error as Error).message}` };
  }
}

/** Sends a message to a tab's content script; never throws. */
export async function sendToTab<K extends keyof ContentProtocol>(
  tab: number,
  name: K,
  data: Parameters<ContentProtocol[K]>[0],
): Promise<Result<ReturnType<ContentProtocol[K]>>> {
  try {
    const reply = (await browser.tabs.sendMessage(tab, { backstory: name, data } satisfies Envelope)) as Result<ReturnType<ContentProtocol[K]>> | undefined;
    return reply ?? { ok: false, error: `no reply to ${name}` };
  } catch (error) {
    return { ok: false, error: `${name} failed: ${(error as Error).message}` };
  }
}

export type Handlers<P extends Protocol<P>, S> = {
  [K in keyof P]: (data: Parameters<P[K]>[0], sender: S) => Promise<ReturnType<P[K]>> | ReturnType<P[K]>;
};

/**
 * Checks and runs one message with its handler. Returns undefined for a message that is
 * not ours (so other listeners may answer it) and a Result otherwise; never throws.
 */
export async function dispatch<P extends Protocol<P>, S>(
  message: unknown,
  sender: S,
  schemas: { [K in keyof P]: v.GenericSchema },
  handlers: Handlers<P, S>,
  allow: (name: keyof P, sender: S) => string | null = () => null,
): Promise<Result<unknown> | undefined> {
  if (!isEnvelope(message) || !isRequestOf(message, schemas)) return undefined;
  const name = message.backstory as keyof P & string;
  const refusal = allow(name, sender);
  if (refusal) return { ok: false, error: refusal };
  const parsed = v.safeParse(schemas[name], message.data ?? {});
  if (!parsed.success) {
    const detail = parsed.issues.map((i) => `${v.getDotPath(i) ?? 'request'}: ${i.message}`).join('; ');
    return { ok: false, error: `invalid ${name} request: ${detail}` };
  }
  try {
    const value = await handlers[name](parsed.output as never, sender);
    return { ok: true, value };
  } catch (error) {
    console.error(`[backstory] ${name} failed`, error);
    return { ok: false, error: (error as Error).message || String(error) };
  }
}

/** Broadcast from the background to open extension pages when a tab's state changes. */
export interface TabStateChanged {
  backstoryEvent: 'tab-state';
  tabId: number;
}

export const isTabStateChanged = (message: unknown): message is TabStateChanged =>
  typeof message === 'object' && message !== null && (message as TabStateChanged).backstoryEvent === 'tab-state';

