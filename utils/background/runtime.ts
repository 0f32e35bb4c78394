/**
 * Wires the background's handlers to the browser: the database, the knowledge base kept
 * in memory between messages, per-tab state in session storage (it survives the service
 * worker being stopped), settings, the default pack install and the side-panel command.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { BackstoryDb, dropUnfinishedGenerations, installedPackVersion } from '../db';
import { installPack } from '../derived';
import { t } from '../ui/i18n';
import {
  backgroundRequests,
  dispatch,
  isRequestOf,
  refusal,
  sendToTab,
  type BackgroundProtocol,
  type Settings,
  type TabState,
  type TabStateChanged,
} from '../messages';
import { createHandlers, ownBlobUrl, type Sender, type TabStore } from './handlers';
import { KbReader } from './kb-reader';
import { htmlSanitiser } from './html-sanitiser';
import { tabsToEvict } from './tab-state';
import { AutoBackups } from './auto-backup';
import { downloadBackupFile } from './backup-download';
import { LibraryStore } from './library-store';
import { BACKUP_CHECK_MINUTES, NO_AUTO_BACKUP, type AutoBackupState, type BackupSchedule } from '../library/backup-schedule';
import { badgeFeedback, quickSave, SAVE_ARTICLE_COMMAND, SAVE_ARTICLE_MENU, type BadgeFeedback, type QuickSaveOutcome } from './quick-save';

const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { highlightOffSites: [], highlightNominal: false, historyOff: false, historyPausedSites: [], highlightMode: 'all', highlightGroupsOff: [] },
  version: 3,
  migrations: {
    // Version 2: the history of the reader's reading (issue 18), on and paused nowhere.
    2: (old: Omit<Settings, 'historyOff' | 'historyPausedSites'>) => ({ ...old, historyOff: false, historyPausedSites: [] }),
    // Version 3: how highlights are drawn (issue 20): every mention of every group, as before.
    3: (old: Omit<Settings, 'highlightMode' | 'highlightGroupsOff'>): Settings => ({ ...old, highlightMode: 'all', highlightGroupsOff: [] }),
  },
});

/** Automatic backups (issue 21): the reader's schedule and what the last run did. */
const autoBackupItem = storage.defineItem<AutoBackupState>('local:autoBackup', { fallback: NO_AUTO_BACKUP, version: 1 });
const BACKUP_ALARM = 'backstory-backup';

/** Sets the alarm that looks whether a backup is due (`restart`: its first look in a minute), or clears it when backups are off. */
async function syncBackupAlarm(schedule: BackupSchedule, restart: boolean): Promise<void> {
  const alarms = browser.alarms;
  if (!alarms) return;
  if (schedule === 'off') {
    await alarms.clear(BACKUP_ALARM);
    return;
  }
  // Chrome may drop alarms when the browser restarts: made again at each start when missing.
  if (restart || !(await alarms.get(BACKUP_ALARM))) await alarms.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: BACKUP_CHECK_MINUTES });
}

/**
 * Per-tab state in session storage (it survives the service worker being stopped), with a
 * copy in memory in front of it so that a panel opening on a tab gets its answer at once.
 */
function sessionTabStore(): TabStore {
  const key = (tabId: number) => `session:tab-${tabId}` as const;
  const memory = new Map<number, TabState>();
  // Session storage stays the truth: follow changes made to it from elsewhere.
  browser.storage.session.onChanged?.addListener((changes) => {
    for (const [k, change] of Object.entries(changes)) {
      const tabId = Number(/^tab-(\d+)$/.exec(k)?.[1] ?? NaN);
      if (Number.isNaN(tabId)) continue;
      if (change.newValue === undefined) memory.delete(tabId);
      else memory.set(tabId, change.newValue as TabState);
    }
  });
  const remove = (tabId: number) => {
    memory.delete(tabId);
    return browser.storage.session.remove(`tab-${tabId}`);
  };
  const all = async () => {
    const stored = await browser.storage.session.get(null);
    return Object.entries(stored)
      .filter(([k]) => k.startsWith('tab-'))
      .map(([, v]) => memory.get((v as TabState).tabId) ?? (v as TabState));
  };
  return {
    get: async (tabId) => memory.get(tabId) ?? (await storage.getItem<TabState>(key(tabId))) ?? null,
    set: async (state) => {
      memory.set(state.tabId, state);
      try {
        await storage.setItem(key(state.tabId), state);
      } catch (error) {
        // Over the quota even so (many tabs at once): keep the state small rather than lose it.
        console.warn('[backstory] a tab state did not fit in session storage', error);
        const small: TabState = { ...state, analysis: null, status: state.status === 'article' ? 'failed' : state.status, error: 'too much to remember for this tab; reload it' };
        memory.set(state.tabId, small);
        await storage.setItem(key(state.tabId), small).catch(() => {});
      }
      // The least recently changed tabs give way (a closed tab's state is dropped as it closes).
      for (const tabId of tabsToEvict(await all())) await remove(tabId);
    },
    all,
    forget: (tabId) => void remove(tabId),
  };
}

/**
 * Installs the bundled pack when the database holds none or another version. The version
 * is known at build time, so a wake-up with the pack in place reads nothing more.
 */
/**
 * Shows on the toolbar button that the knowledge base is being prepared (first install, pack
 * upgrade: 10-15 s at 200k records), so that a reader who opens the popup meanwhile knows why
 * it waits; cleared when it is done.
 */
function showPreparing(on: boolean): void {
  const action = actionApi();
  if (!action) return;
  void action.setBadgeText({ text: on ? '…' : '' }).catch(() => {});
  void action.setTitle({ title: on ? t('preparingKnowledgeBase') : t('extName') }).catch(() => {});
}

interface ActionApi {
  setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
  setTitle(details: { title: string; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor?(details: { color: string; tabId?: number }): Promise<void>;
}

/** The toolbar button: Chrome's `action` (MV3) or Firefox's `browserAction` (MV2). */
function actionApi(): ActionApi | undefined {
  const apis = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return apis.action ?? apis.browserAction;
}

async function ensureDefaultPack(db: BackstoryDb, pack: BundledPack): Promise<boolean> {
  const installed = await installedPackVersion(db);
  if (installed === pack.build) return false;
  showPreparing(true);
  try {
    await installBundledPack(db, pack);
  } finally {
    showPreparing(false);
  }
  return true;
}

async function installBundledPack(db: BackstoryDb, pack: BundledPack): Promise<void> {
  // The pack comes as several files (one per licence): one pack, joined here.
  const [main, ...parts] = await Promise.all(
    pack.urls.map(async (url) => {
      const response = await fetch(browser.runtime.getURL(url as '/'));
      if (!response.ok || !response.body) throw new Error(`the bundled pack file ${url} could not be read (${response.status})`);
      // The files are gzipped (public/kb/*.json.gz): unzipped as they are read.
      const body = url.endsWith('.gz') ? response.body.pipeThrough(new DecompressionStream('gzip')) : response.body;
      return (await new Response(body).json()) as { entities?: unknown[]; events?: unknown[] };
    }),
  );
  for (const part of parts) {
    main!.entities?.push(...(part.entities ?? []));
    main!.events?.push(...(part.events ?? []));
  }
  // installPack validates it (once) and refuses an invalid one, listing its problems.
  await installPack(db, main, pack.build, { dropReplaced: 'later' });
}

/** The default pack bundled with the extension: its files and the build id that tells an upgrade. */
export interface BundledPack {
  urls: string[];
  build: string;
}

export function startBackground(pack: BundledPack): void {
  const scriptRan = Math.round(performance.now());
  const db = new BackstoryDb();
  const tabs = sessionTabStore();
  // First what an import or install cut short by a stopped worker left behind (nothing to
  // do, one read, on a normal start), then the bundled pack; messages wait for both.
  const packReady = dropUnfinishedGenerations(db)
    .then((dropped) => dropped && console.info(`[backstory] cleared ${dropped} unfinished generation(s)`))
    .catch((error) => console.error('[backstory] clean-up failed', error))
    .then(() => ensureDefaultPack(db, pack))
    .catch((error) => console.error('[backstory] pack install failed', error));
  const reader = new KbReader(db);
  void packReady.then(() => console.info(`[backstory] database open and pack checked ${Math.round(performance.now())} ms after the worker started (its script ran at ${scriptRan} ms)`));

  const notify = (tabId: number) => {
    browser.runtime.sendMessage({ backstoryEvent: 'tab-state', tabId } satisfies TabStateChanged).catch(() => {
      // No extension page is open to hear it.
    });
  };
  const extensionOrigin = browser.runtime.getURL('/');
  const openFile = async (url: string): Promise<ReadableStream<Uint8Array>> => {
    if (!ownBlobUrl(url, extensionOrigin)) throw new Error('an import reads only a file handed over by a page of Backstory');
    // A blob: URL of our own origin: the file stays on this machine.
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`the file could not be read (${response.status})`);
    return response.body;
  };
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void>; open(o: { windowId?: number; tabId?: number }): Promise<void> } }).sidePanel;
  const autoBackups = new AutoBackups({
    store: { get: () => autoBackupItem.getValue(), set: (state) => autoBackupItem.setValue(state) },
    // Its own reader of the library: an export only reads.
    source: { chunks: () => new LibraryStore(db, () => new Date()).exportBackup(), count: () => db.articles.count() },
    write: downloadBackupFile,
    now: () => new Date(),
    scheduleChanged: (schedule) => void syncBackupAlarm(schedule, true).catch((error: unknown) => console.error('[backstory] the backup alarm was not set', error)),
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) void packReady.then(() => autoBackups.runIfDue());
  });
  void autoBackups
    .view()
    .then((view) => syncBackupAlarm(view.schedule, false))
    .catch((error: unknown) => console.error('[backstory] the backup alarm was not checked', error));
  const handlers = createHandlers({
    autoBackups,
    db,
    kb: reader,
    knowledgeChanged: () => reader.invalidate(),
    tabs,
    settings: { get: () => settingsItem.getValue(), set: (s) => settingsItem.setValue(s) },
    notify,
    openFile,
    highlightSettingsChanged: () => {
      // Every tab with a content script repaints at once; tabs without one do not answer.
      void browser.tabs.query({}).then((all) => {
        for (const tab of all) if (tab.id !== undefined) void sendToTab(tab.id, 'highlightSettingsChanged', {});
      });
    },
    openSidePanel: (tabId) => {
      if (sidePanel) return sidePanel.open({ tabId });
      const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
      return sidebar ? sidebar.open() : Promise.reject(new Error('this browser has no side panel'));
    },
    articleToSave: async (tabId) => {
      const reply = await sendToTab(tabId, 'articleToSave', {});
      return reply.ok ? reply.value : null;
    },
    sanitiseHtml: htmlSanitiser(),
  });
  const allow = (name: keyof BackgroundProtocol, sender: Sender): string | null => refusal(name, sender, extensionOrigin);

  const answered = new Set<string>();
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    if (!isRequestOf(message, backgroundRequests)) return false;
    // sendResponse + true works in Chrome and Firefox alike; a returned Dexie promise did not (TOOLCHAIN.md).
    // Nothing is answered before the bundled pack is in the database (first install, upgrade).
    const name = (message as { backstory: string }).backstory;
    // The side panel opens only within the reader's click: at once, not after the pack check.
    if (name === 'openSidePanel') {
      void dispatch(message, sender, backgroundRequests, handlers, allow).then(sendResponse);
      return true;
    }
    const arrived = performance.now();
    void packReady
      .then(() => dispatch(message, sender, backgroundRequests, handlers, allow))
      .then((reply) => {
        sendResponse(reply);
        // Once per kind of request and worker life: how long after its start the worker answered.
        if (answered.has(name)) return;
        answered.add(name);
        console.info(`[backstory] first ${name}: answered ${Math.round(performance.now())} ms after the worker started (${Math.round(performance.now() - arrived)} ms after it arrived)`);
      });
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));

  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
  const onCommand = (command: string, tab?: CommandTab) => {
    if (command === SAVE_ARTICLE_COMMAND) return saveFromTab(tab);
    if (command !== 'open-side-panel') return;
    if (sidePanel && tab?.windowId !== undefined) void sidePanel.open({ windowId: tab.windowId });
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) void sidebar.open();
  };
  browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab));

  // Issue 21: save the tab's article from the page's context menu and the keyboard shortcut,
  // as the popup's Save does, and say on the toolbar button how it went.
  const saveFromTab = async (given: CommandTab | undefined): Promise<QuickSaveOutcome> => {
    // Firefox before 126 gives the command no tab: the one in front of the reader.
    const tab = given ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    await packReady;
    const outcome = await quickSave(tab, { tabState: (tabId) => tabs.get(tabId), save: async (tabId) => handlers.saveArticle({ tabId }, {}) });
    if (!outcome.ok) console.info(`[backstory] not saved from the menu or shortcut: ${outcome.reason} ${outcome.detail}`);
    if (tab?.id !== undefined) await showSaveOutcome(tab.id, badgeFeedback(outcome));
    return outcome;
  };
  const menus = contextMenusApi();
  const onMenuClicked = (info: { menuItemId: string | number }, tab?: CommandTab) => (info.menuItemId === SAVE_ARTICLE_MENU ? saveFromTab(tab) : undefined);
  menus?.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  // Created at every start: Firefox keeps no menu of a persistent background page; removeAll
  // first, since Chrome keeps them and a second create of one id fails.
  void menus
    ?.removeAll()
    .then(() => menus.create({ id: SAVE_ARTICLE_MENU, title: t('menuSaveArticle'), contexts: ['page', 'selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] }))
    .catch((error: unknown) => console.error('[backstory] the context menu was not created', error));
  // The same listeners, for the end-to-end tests: a context menu cannot be clicked, nor a
  // command pressed, in headless Chromium. Only code running in this worker reaches them.
  Object.assign(globalThis, { backstoryListeners: { onCommand, onMenuClicked } });
}

interface CommandTab {
  id?: number;
  url?: string;
  windowId?: number;
}

interface ContextMenusApi {
  create(properties: { id: string; title: string; contexts: string[]; documentUrlPatterns: string[] }, done?: () => void): unknown;
  removeAll(): Promise<void>;
  onClicked: { addListener(listener: (info: { menuItemId: string | number }, tab?: CommandTab) => void): void };
}

/** Firefox's `menus` (its permission) or Chrome's `contextMenus`; undefined when neither is granted. */
function contextMenusApi(): ContextMenusApi | undefined {
  const apis = browser as unknown as { menus?: ContextMenusApi; contextMenus?: ContextMenusApi };
  return apis.menus ?? apis.contextMenus;
}

const badgeTimers = new Map<number, ReturnType<typeof setTimeout>>();

/** Shows a save's outcome on the tab's toolbar button for a while (resolves once shown), then clears it. */
async function showSaveOutcome(tabId: number, feedback: BadgeFeedback): Promise<void> {
  const action = actionApi();
  if (!action) return;
  clearTimeout(badgeTimers.get(tabId));
  const set = (text: string, title: string) =>
    Promise.all([action.setBadgeText({ tabId, text }), action.setTitle({ tabId, title })]).catch(() => {
      // The tab was closed meanwhile.
    });
  await action.setBadgeBackgroundColor?.({ tabId, color: feedback.color }).catch(() => {});
  await set(feedback.text, t(feedback.title.key, ...feedback.title.subs));
  badgeTimers.set(
    tabId,
    setTimeout(() => {
      badgeTimers.delete(tabId);
      void set('', t('extName'));
    }, feedback.clearAfterMs),
  );
}
