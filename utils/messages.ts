/**
 * The one message protocol between the content script, the background and the extension's
 * pages (popup, side panel, library). Every message is declared here with its request
 * validator; every reply is a `Result`. See ../shared/DESIGN.md, "Message protocol".
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Analysis, EventSummary } from './analysis/analyze-text';
import type { Entity, KbEvent, PackProblem, Role } from './kb/schema';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the content script sends about the article on its page. */
export interface ArticlePayload {
  url: string;
  title: string;
  text: string;
  published: string | null;
  site: string | null;
}

/** What the background knows about one tab. */
export interface TabState {
  tabId: number;
  url: string;
  title: string;
  status: 'article' | 'not-article';
  analysis: Analysis | null;
  saved: boolean;
}

export interface SavedArticleSummary {
  url: string;
  title: string;
  site: string | null;
  published: string | null;
  savedAt: string;
  entities: { id: string; name: string; type: string }[];
}

export interface SavedArticle extends SavedArticleSummary {
  text: string;
  entityIds: string[];
}

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
  /** Content script: whether to highlight on the sender's site, and how. */
  getHighlightSettings(page: { url: string }): { enabled: boolean; nominal: boolean };
  /** Pages: what is known of a tab; null when the tab has not reported yet. */
  getTabState(query: { tabId: number }): TabState | null;
  /** Pages: save the article of a tab in the library. */
  saveArticle(query: { tabId: number }): SavedArticleSummary;
  /** Pages: remove a saved article. */
  removeArticle(query: { url: string }): null;
  /** Pages: the saved articles, newest first. */
  listArticles(query: { query?: string }): SavedArticleSummary[];
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
  /** Pages: the reader's own records and edits, newest first. */
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
  /** What the hover card shows now; null when it is hidden. */
  currentCard(query: Record<string, never>): { name: string; type: string; role: string | null; description: string } | null;
}

const url = v.pipe(v.string(), v.maxLength(8192));
const id = v.pipe(v.string(), v.maxLength(200));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const empty = v.object({});
/** A message about an import in progress, by the id `importBegin` gave. */
const anImport = v.object({ importId: v.pipe(v.string(), v.maxLength(100)) });

/** Validators for every request: pages are hostile, so nothing crosses unchecked. */
export const backgroundRequests = {
  analyzeArticle: v.object({
    url,
    title: v.pipe(v.string(), v.maxLength(2000)),
    text: v.pipe(v.string(), v.maxLength(2_000_000)),
    published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
    site: v.nullable(v.pipe(v.string(), v.maxLength(500))),
  }),
  reportNotArticle: v.object({ url, title: v.pipe(v.string(), v.maxLength(2000)) }),
  getHighlightSettings: v.object({ url }),
  getTabState: v.object({ tabId }),
  saveArticle: v.object({ tabId }),
  removeArticle: v.object({ url }),
  listArticles: v.object({ query: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
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
} satisfies { [K in keyof BackgroundProtocol]: v.GenericSchema<Parameters<BackgroundProtocol[K]>[0]> };

export const contentRequests = {
  listHighlights: empty,
  revealEntity: v.object({ entityId: id }),
  currentCard: empty,
} satisfies { [K in keyof ContentProtocol]: v.GenericSchema<Parameters<ContentProtocol[K]>[0]> };

/** Messages only the extension's own pages may send: never a content script acting on page input. */
export const privilegedMessages = new Set<keyof BackgroundProtocol>([
  'saveArticle',
  'removeArticle',
  'setSiteHighlighting',
  'importBegin',
  'importStatus',
  'importFinish',
  'importAbort',
  'exportBegin',
  'exportNext',
  'putUserEntity',
  'putUserEvent',
  'addAlias',
  'deleteRecord',
  'revertRecord',
  'undoDelete',
]);

/** Messages only a content script sends, about its own tab. */
export const contentScriptMessages = new Set<keyof BackgroundProtocol>(['analyzeArticle', 'reportNotArticle', 'getHighlightSettings']);

type Envelope = { backstory: string; data: unknown };
/** A protocol: an interface whose members are functions of one request. */
type Protocol<P> = { [K in keyof P]: (query: never) => unknown };

const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' && message !== null && typeof (message as Envelope).backstory === 'string';

/** True when `message` is one of the protocol's requests (checked before answering it). */
export function isRequestOf(message: unknown, schemas: object): boolean {
  return isEnvelope(message) && Object.hasOwn(schemas, message.backstory);
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

