import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniEntities, miniEvents, routineFiller } from '../../tests/fixtures/mini-kb';
import { BackstoryDb } from '../db';
import { installPack } from '../derived';
import type { ArticlePayload, Settings, TabState } from '../messages';
import type { ArticleCapture } from '../library/capture-article';
import { jsdomSanitiser } from '../../tests/fixtures/jsdom-sanitiser';
import { MAX_CAPTURED_HTML_CHARS } from '../library/article-html';
import { createHandlers, ownBlobUrl, type Sender } from './handlers';
import { KbReader } from './kb-reader';

const tabSender: Sender = { tab: { id: 7, url: 'https://news.example/story' }, url: 'https://news.example/story' };
const article = {
  url: 'https://news.example/story',
  title: 'Trump and Putin to meet in Budapest',
  text: 'Trump and Putin to meet in Budapest\n\nTrump said he would meet Putin in Budapest. They last met at the Alaska summit.',
  published: '2025-10-20',
  site: 'News Example',
};

let db: BackstoryDb;
let notified: number[];
let settings: Settings;
let handlers: ReturnType<typeof createHandlers>;
/** The files pages have handed over, by their blob: URL; a stream stands for one that fails midway. */
let files: Map<string, Blob | ReadableStream<Uint8Array>>;

beforeEach(async () => {
  db = new BackstoryDb(`test-${Math.random()}`);
  await installPack(db, { manifest: { name: 't', version: '1.0.0', schemaVersion: 1, license: 'x', created: '2026-01-01', sources: [] }, entities: miniEntities, events: miniEvents });
  const tabs = new Map<number, TabState>();
  notified = [];
  files = new Map();
  settings = { highlightOffSites: [], highlightNominal: false, historyOff: false, historyPausedSites: [], highlightMode: 'all', highlightGroupsOff: [] };
  // What each tab's content script holds: the article it had analysed.
  const pageTexts = new Map<number, ArticlePayload>();
  const reader = new KbReader(db);
  const base = createHandlers({
    db,
    kb: reader,
    // As the runtime does: a change of the knowledge base is read anew.
    knowledgeChanged: () => reader.invalidate(),
    tabs: { get: async (id) => tabs.get(id) ?? null, set: async (s) => void tabs.set(s.tabId, s), all: async () => [...tabs.values()], forget: (id) => void tabs.delete(id) },
    settings: { get: async () => settings, set: async (s) => void (settings = s) },
    notify: (id) => notified.push(id),
    now: () => new Date('2026-11-25T10:00:00Z'),
    openFile: async (url) => {
      const file = files.get(url);
      if (!file) throw new Error(`no such file: ${url}`);
      return file instanceof Blob ? file.stream() : file;
    },
    articleToSave: async (tabId) => captureOf(pageTexts.get(tabId)),
    sanitiseHtml: jsdomSanitiser,
  });
  handlers = {
    ...base,
    analyzeArticle: async (page, sender) => {
      if (sender.tab?.id !== undefined) pageTexts.set(sender.tab.id, page);
      return base.analyzeArticle(page, sender);
    },
  };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** What a content script would hand over for saving the article it analysed; null when it has none. */
function captureOf(page: ArticlePayload | undefined): ArticleCapture | null {
  if (!page) return null;
  const facts = { canonicalLink: null, ogUrl: null, ogSiteName: page.site, applicationName: null, author: null, articleAuthor: null, jsonLd: [] };
  return { url: page.url, title: page.title, byline: null, published: page.published, text: page.text, facts, html: null, htmlTooLarge: false, events: [] };
}

/** Text that names the mini knowledge base's actors in every sentence, `chars` long. */
function nameDenseText(chars: number): string {
  const sentences = ['Trump met Putin in Budapest.', 'Lavrov called Rubio about the Alaska summit.', 'Zelensky visited Washington after the talks.'];
  const parts: string[] = [];
  for (let n = 0, i = 0; n < chars; i++) {
    const s = sentences[i % sentences.length]!;
    parts.push(i % 10 === 9 ? `${s}\n\n` : `${s} `);
    n += s.length + 1;
  }
  return parts.join('').slice(0, chars);
}

describe('background handlers', () => {
  it('analyses an article for its tab, remembers it and tells open pages', async () => {
    const analysis = await handlers.analyzeArticle(article, tabSender);
    expect(analysis.mentions.map((m) => m.entity.id)).toContain('vladimir-putin');
    expect(analysis.related[0]?.id).toBeDefined();
    const state = await handlers.getTabState({ tabId: 7 }, {});
    expect(state).toMatchObject({ status: 'article', saved: false, url: article.url });
    // Once as the analysis starts, once with its result.
    expect(notified).toEqual([7, 7]);
  });

  it('lifts related events on the article\'s topic that the reader saved articles about, counting other saved articles only', async () => {
    // With a pack's worth of events, so that "summit" weighs as a topic word does in the default pack.
    await installPack(db, { manifest: { name: 't', version: '1.0.0', schemaVersion: 1, license: 'x', created: '2026-01-01', sources: [] }, entities: miniEntities, events: [...miniEvents, ...routineFiller()] });
    await handlers.analyzeArticle(article, tabSender);
    await handlers.saveArticle({ tabId: 7 }, {});
    const again = await handlers.analyzeArticle(article, tabSender);
    expect(again.related.flatMap((r) => r.reasons).some((r) => /saved articles?$/.test(r))).toBe(false);
    const other = { ...article, url: 'https://news.example/other', text: `${article.text} Lavrov said so.` };
    const analysis = await handlers.analyzeArticle(other, { tab: { id: 8 }, url: other.url });
    expect(analysis.related.flatMap((r) => r.reasons)).toContain('its people appear in one of your saved articles');
  });

  it('adds the names the knowledge base does not hold to the tab state after the reply, and Add keeps the article as their source (issue 17)', async () => {
    const text = 'Trump met Kwame Mensah in Budapest.\n\nTrump said Kwame Mensah, the chief executive of Zorblax Industries, would join the talks. Mensah agreed.';
    const analysis = await handlers.analyzeArticle({ ...article, text }, tabSender);
    // The reply, which the page highlights from, has only linked mentions.
    expect(analysis).not.toHaveProperty('unknownNames');
    const state = await vi.waitFor(
      async () => {
        const current = await handlers.getTabState({ tabId: 7 }, {});
        if (!current?.analysis?.unknownNames) throw new Error('not yet');
        return current;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(state.analysis!.unknownNames!.map((n) => `${n.type}:${n.text}×${n.count}`)).toEqual(['person:Kwame Mensah×4', 'organisation:Zorblax Industries×1']);
    expect(state.analysis!.entities.map((e) => e.id)).toContain('donald-trump');
    const [mensah] = state.analysis!.unknownNames!;
    const added = await handlers.putUserEntity({ entity: { id: 'kwame-mensah', name: mensah!.text, type: 'person', aliases: [], description: mensah!.sentence, seenIn: { url: article.url, title: article.title, date: '2025-10-20' } } }, {});
    expect(added.seenIn).toEqual({ url: article.url, title: article.title, date: '2025-10-20' });
    await expect(handlers.putUserEntity({ entity: { ...added, seenIn: { url: 'javascript:alert(1)' } } }, {})).rejects.toThrow(/seenIn\.url/);
  });

  it('remembers an event the reader marked "not related" to an article, for that article only', async () => {
    await installPack(db, { manifest: { name: 't', version: '1.0.0', schemaVersion: 1, license: 'x', created: '2026-01-01', sources: [] }, entities: miniEntities, events: [...miniEvents, ...routineFiller()] });
    const first = await handlers.analyzeArticle(article, tabSender);
    const alaska = '2025-08-15-alaska-summit';
    expect(first.related.map((r) => r.id)).toContain(alaska);
    const state = await handlers.dismissEvent({ tabId: 7, eventId: alaska }, {});
    expect(state.analysis?.related.map((r) => r.id)).not.toContain(alaska);
    expect((await handlers.analyzeArticle(article, tabSender)).related.map((r) => r.id)).not.toContain(alaska);
    const other = { ...article, url: 'https://news.example/other' };
    expect((await handlers.analyzeArticle(other, { tab: { id: 8 }, url: other.url })).related.map((r) => r.id)).toContain(alaska);
  });

  it('refuses to analyse for a sender that is not a tab', async () => {
    await expect(handlers.analyzeArticle(article, {})).rejects.toThrow(/must come from a tab/);
  });

  it('saves an article, lists and searches it, finds it from its entities, and removes it', async () => {
    await handlers.analyzeArticle(article, tabSender);
    const saved = await handlers.saveArticle({ tabId: 7 }, {});
    expect(saved).toMatchObject({ url: article.url, savedAt: '2026-11-25T10:00:00.000Z', published: '2025-10-20' });
    expect((await handlers.getTabState({ tabId: 7 }, {}))?.saved).toBe(true);
    expect((await handlers.listArticles({}, {})).map((a) => a.url)).toEqual([article.url]);
    expect(await handlers.listArticles({ query: 'budapest' }, {})).toHaveLength(1);
    expect(await handlers.listArticles({ query: 'helsinki' }, {})).toHaveLength(0);
    const putin = await handlers.getEntity({ id: 'vladimir-putin' }, {});
    expect(putin?.savedArticles.map((a) => a.url)).toEqual([article.url]);
    expect(putin?.roles[0]).toMatchObject({ title: 'President of Russia', ofName: 'Russia' });
    await handlers.removeArticle({ url: article.url }, {});
    expect(await handlers.listArticles({}, {})).toEqual([]);
    expect((await handlers.getTabState({ tabId: 7 }, {}))?.saved).toBe(false);
  });

  it('will not save a tab that shows no article', async () => {
    await handlers.reportNotArticle({ url: 'https://shop.example/', title: 'Shop' }, { tab: { id: 7 }, url: 'https://shop.example/' });
    await expect(handlers.saveArticle({ tabId: 7 }, {})).rejects.toThrow(/no article/);
  });

  it('describes an event with its participants and links both ways', async () => {
    const call = await handlers.getEvent({ id: '2025-10-16-trump-putin-call' }, {});
    expect(call?.participants.map((p) => p.id)).toEqual(['donald-trump', 'vladimir-putin']);
    expect(call?.links).toContainEqual(expect.objectContaining({ type: 'prepares', direction: 'to' }));
    const summit = await handlers.getEvent({ id: '2025-10-budapest-summit' }, {});
    expect(summit?.links).toContainEqual(expect.objectContaining({ type: 'prepares', direction: 'from' }));
    expect(await handlers.getEvent({ id: 'no-such-event' }, {})).toBeNull();
  });

  it('searches entities by alias and events by title', async () => {
    const results = await handlers.searchKb({ query: 'lavrov' }, {});
    expect(results.entities.map((e) => e.id)).toEqual(['sergey-lavrov']);
    expect((await handlers.searchKb({ query: 'helsinki' }, {})).events.map((e) => e.id)).toEqual(['2018-07-16-helsinki-summit']);
  });

  it('turns highlighting off and on for one site', async () => {
    await handlers.setSiteHighlighting({ site: 'news.example', enabled: false }, {});
    expect(await handlers.getHighlightSettings({ url: 'https://news.example/a' }, {})).toEqual({ enabled: false, nominal: false, mode: 'all', groupsOff: [] });
    expect((await handlers.getHighlightSettings({ url: 'https://other.example/a' }, {})).enabled).toBe(true);
    await handlers.setSiteHighlighting({ site: 'news.example', enabled: true }, {});
    expect((await handlers.getHighlightSettings({ url: 'https://news.example/a' }, {})).enabled).toBe(true);
  });
});

describe('imports through the protocol', () => {
  const page: Sender = { url: 'chrome-extension://backstory/library.html' };
  const manifest = { name: 'p', version: '1.0.0', schemaVersion: 1, license: 'x', created: '2026-01-01', sources: [] };
  const person = (id: string) => ({ id, name: `Person ${id}`, type: 'person', aliases: [], description: 'Someone.' });

  let nextFile = 0;
  const handOver = (file: Blob | ReadableStream<Uint8Array>): string => {
    const url = `blob:chrome-extension://backstory/${(nextFile++).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    files.set(url, file);
    return url;
  };
  const packFile = (...ids: string[]) => new Blob([JSON.stringify({ manifest, entities: ids.map(person), events: [] })]);
  /** Asks how far the import is until it has all been read, as the library page does; returns the bytes read each time. */
  const readToEnd = async (importId: string): Promise<number[]> => {
    const seen: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const status = await handlers.importStatus({ importId }, page);
      seen.push(status.read);
      if (status.done) return seen;
      await new Promise((wake) => setTimeout(wake, 5));
    }
    throw new Error('the import never finished reading');
  };

  it('reads the file the page handed over, reports how far it is, then imports it', async () => {
    // Large enough to be read in several pieces: 3 MB of records.
    const ids = Array.from({ length: 20_000 }, (_, i) => `many-${i}`);
    const file = new Blob([JSON.stringify({ manifest, entities: ids.map((id) => ({ ...person(id), description: 'Someone of a long list. '.repeat(5) })), events: [] })]);
    const { importId } = await handlers.importBegin({ size: file.size, url: handOver(file) }, page);
    const seen = await readToEnd(importId);
    expect(seen.at(-1)).toBe(file.size);
    expect(await handlers.importFinish({ importId }, page)).toMatchObject({ added: 20_000, rejected: 0 });
    expect((await handlers.getEntity({ id: 'many-19999' }, page))?.entity.name).toBe('Person many-19999');
  });

  it('refuses a second import while one runs, and lets a new one replace one whose page went quiet', async () => {
    const first = await handlers.importBegin({ size: 1000, url: handOver(packFile('left-behind')) }, page);
    await readToEnd(first.importId);
    // While the first is at work, a second is refused.
    await expect(handlers.importBegin({ size: 1000, url: handOver(packFile('refused')) }, page)).rejects.toThrow(/another import is in progress/);
    // Its page closes; a few seconds later a new import takes its place.
    const realNow = Date.now;
    Date.now = () => realNow() + 6_000;
    try {
      const second = await handlers.importBegin({ size: 1000, url: handOver(packFile('kept')) }, page);
      await readToEnd(second.importId);
      expect(await handlers.importFinish({ importId: second.importId }, page)).toMatchObject({ added: 1, rejected: 0 });
      await expect(handlers.importStatus({ importId: first.importId }, page)).rejects.toThrow(/no longer running/);
      await expect(handlers.importFinish({ importId: first.importId }, page)).rejects.toThrow(/no longer running/);
    } finally {
      Date.now = realNow;
    }
    const found = await handlers.searchKb({ query: 'person' }, page);
    expect(found.entities.map((e) => e.id)).toEqual(['kept']);
  });

  it('starts one import of two asked at once, and one being made current can no longer be stopped or replaced', async () => {
    const started = await Promise.allSettled([handlers.importBegin({ size: 1000, url: handOver(packFile('one')) }, page), handlers.importBegin({ size: 1000, url: handOver(packFile('two')) }, page)]);
    expect(started.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((started.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/another import is in progress/);
    const { importId } = (started.find((s) => s.status === 'fulfilled') as PromiseFulfilledResult<{ importId: string }>).value;
    await readToEnd(importId);
    const finishing = handlers.importFinish({ importId }, page);
    await handlers.importAbort({ importId }, page);
    const realNow = Date.now;
    Date.now = () => realNow() + 6_000;
    try {
      await expect(handlers.importBegin({ size: 1000, url: handOver(packFile('three')) }, page)).rejects.toThrow(/another import is in progress/);
    } finally {
      Date.now = realNow;
    }
    expect(await finishing).toMatchObject({ added: 1, rejected: 0 });
    // The slot is free once it has landed.
    const next = await handlers.importBegin({ size: 1000, url: handOver(packFile('four')) }, page);
    await readToEnd(next.importId);
    expect(await handlers.importFinish({ importId: next.importId }, page)).toMatchObject({ added: 1 });
  });

  it('refuses a file that is not JSON, and changes nothing', async () => {
    const before = await handlers.getKbInfo({}, page);
    const { importId } = await handlers.importBegin({ size: 10, url: handOver(new Blob(['{"manifest": x}'])) }, page);
    await readToEnd(importId);
    const report = await handlers.importFinish({ importId }, page);
    expect(report.added).toBe(0);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.path).toBe('(file)');
    expect(await handlers.getKbInfo({}, page)).toEqual(before);
  });

  it('imports nothing from a file that cannot be read to its end, or an import stopped midway', async () => {
    const before = await handlers.getKbInfo({}, page);
    const head = new TextEncoder().encode(`{"manifest": ${JSON.stringify(manifest)}, "entities": [${JSON.stringify(person('half-read'))},`);
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(head.slice());
        controller.error(new Error('the file was removed'));
      },
    });
    const broken = await handlers.importBegin({ size: 1000, url: handOver(breaking) }, page);
    await readToEnd(broken.importId);
    await expect(handlers.importFinish({ importId: broken.importId }, page)).rejects.toThrow(/stopped before the end of the file \(the file was removed\); nothing was imported/);
    // A stream that fails with no Error at all is dropped the same way.
    const bare = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(head.slice());
        controller.error();
      },
    });
    const failed = await handlers.importBegin({ size: 1000, url: handOver(bare) }, page);
    await readToEnd(failed.importId);
    await expect(handlers.importFinish({ importId: failed.importId }, page)).rejects.toThrow(/stopped before the end of the file \(undefined\)/);

    // A file that never ends: stopped by the page once rows of it have been written (every 8M characters).
    let made = 0;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head.slice());
      },
      pull(controller) {
        const records = Array.from({ length: 500 }, () => JSON.stringify({ ...person(`p-${made++}`), description: 'Someone of an endless list. '.repeat(4) }));
        controller.enqueue(new TextEncoder().encode(`${records.join(',')},`));
      },
    });
    const stopped = await handlers.importBegin({ size: 1000, url: handOver(endless) }, page);
    const written = () => db.blocks.where('key').startsWith('user/').count();
    // Asked after, as the page does: an import whose page stops asking stops by itself.
    await expect.poll(async () => (await handlers.importStatus({ importId: stopped.importId }, page), written()), { timeout: 20_000 }).toBeGreaterThan(0);
    await handlers.importAbort({ importId: stopped.importId }, page);
    await expect(handlers.importFinish({ importId: stopped.importId }, page)).rejects.toThrow(/no longer running/);
    expect(await handlers.getKbInfo({}, page)).toEqual(before);
    expect(await written()).toBe(0);
  });

  it('reads only blob: URLs of the extension itself', async () => {
    const origin = 'chrome-extension://abcdefghijklmnop/';
    expect(ownBlobUrl('blob:chrome-extension://abcdefghijklmnop/2a506584-ab3c-426a-bd3c-2383be12579a', origin)).toBe(true);
    expect(ownBlobUrl('blob:chrome-extension://otherextensionid/2a506584-ab3c-426a-bd3c-2383be12579a', origin)).toBe(false);
    expect(ownBlobUrl('blob:https://news.example/2a506584-ab3c-426a-bd3c-2383be12579a', origin)).toBe(false);
    expect(ownBlobUrl('https://abcdefghijklmnop/2a506584-ab3c-426a-bd3c-2383be12579a', origin)).toBe(false);
    expect(ownBlobUrl('blob:chrome-extension://abcdefghijklmnop/../../etc/passwd', origin)).toBe(false);
  });
});

describe('exports through the protocol', () => {
  const page: Sender = { url: 'chrome-extension://backstory/library.html' };

  it('hands the file over chunk by chunk until done, then forgets the export', async () => {
    const { exportId, fileName } = await handlers.exportBegin({ scope: 'all' }, page);
    expect(fileName).toBe('backstory-knowledge-base-2026-11-25.json');
    const parts: string[] = [];
    for (;;) {
      const next = await handlers.exportNext({ exportId }, page);
      parts.push(next.text);
      if (next.done) break;
    }
    const pack = JSON.parse(parts.join('')) as { entities: { id: string }[]; events: unknown[] };
    expect(pack.entities.map((e) => e.id).sort()).toEqual(miniEntities.map((e) => e.id).sort());
    expect(pack.events).toHaveLength(miniEvents.length);
    await expect(handlers.exportNext({ exportId }, page)).rejects.toThrow(/no longer running/);
  });
});

describe('analysis under load (issue 19)', () => {
  /** Handlers over the test database that keep tab states in `tabStates`, with `more` in place of the defaults. */
  const handlersWith = (tabStates: Map<number, TabState>, more: Partial<Parameters<typeof createHandlers>[0]> = {}) =>
    createHandlers({
      db,
      kb: new KbReader(db),
      knowledgeChanged: () => {},
      tabs: { get: async (id) => tabStates.get(id) ?? null, set: async (s) => void tabStates.set(s.tabId, s), all: async () => [...tabStates.values()], forget: () => {} },
      settings: { get: async () => settings, set: async () => {} },
      notify: () => {},
      openFile: async () => new Blob([]).stream(),
      articleToSave: async () => null,
      sanitiseHtml: jsdomSanitiser,
      ...more,
    });

  it('keeps offsets and ids but no text or mentions in the tab state, and says it is analysing first', async () => {
    const states: TabState[] = [];
    const seen = handlersWith(new Map(), { tabs: { get: async () => null, set: async (s) => void states.push(s), all: async () => [], forget: () => {} } });
    const analysis = await seen.analyzeArticle(article, tabSender);
    expect(states.map((s) => s.status)).toEqual(['analysing', 'article']);
    const stored = states[1]!;
    expect(stored.analysis?.article).toEqual({ title: article.title, url: article.url, published: article.published, site: article.site, length: article.text.length });
    expect(JSON.stringify(stored)).not.toContain('They last met');
    expect(stored.analysis).not.toHaveProperty('mentions');
    expect(analysis.mentions.length).toBeGreaterThan(0);
  });

  it('answers the library while a long analysis runs', async () => {
    const text = nameDenseText(200_000);
    let analysed = 0;
    const analysis = Promise.resolve(handlers.analyzeArticle({ ...article, text }, tabSender)).then(() => (analysed = performance.now()));
    // Let the analysis start, then ask for the library in the middle of it.
    await new Promise((resume) => setTimeout(resume, 5));
    const asked = performance.now();
    await handlers.listArticles({}, {});
    const answered = performance.now();
    await analysis;
    console.log(`listArticles answered in ${(answered - asked).toFixed(0)} ms while a 200,000-character analysis ran (it ended ${(analysed - asked).toFixed(0)} ms after the question)`);
    expect(answered).toBeLessThan(analysed);
  });

  it('gives up an analysis past its time budget and tells the tab it could not be analysed', async () => {
    const tabStates = new Map<number, TabState>();
    const strict = handlersWith(tabStates, { analysisBudgetMs: 0 });
    await expect(strict.analyzeArticle(article, tabSender)).rejects.toThrow(/took longer than/);
    expect(tabStates.get(7)).toMatchObject({ status: 'failed', error: expect.stringMatching(/took longer than/), analysis: null });
  });

  it('stops an analysis when the same tab sends a newer page', async () => {
    const first = handlers.analyzeArticle({ ...article, text: nameDenseText(50_000) }, tabSender);
    const second = handlers.analyzeArticle({ ...article, url: 'https://news.example/next' }, tabSender);
    await expect(first).rejects.toThrow(/moved on/);
    await second;
    expect(await handlers.getTabState({ tabId: 7 }, {})).toMatchObject({ status: 'article', url: 'https://news.example/next' });
  });

  it('refuses a report about a page of another site than the sender', async () => {
    await expect(handlers.analyzeArticle({ ...article, url: 'https://other.example/' }, tabSender)).rejects.toThrow(/only itself/);
    await expect(handlers.reportNotArticle({ url: 'https://other.example/', title: '' }, tabSender)).rejects.toThrow(/only itself/);
  });

  it('records a page too large to read', async () => {
    const tooLarge = { limit: 'elements', measured: 50_000, max: 25_000 } as const;
    await handlers.reportTooLarge({ url: article.url, title: 'Big', tooLarge }, tabSender);
    expect(await handlers.getTabState({ tabId: 7 }, {})).toMatchObject({ status: 'too-large', tooLarge });
  });

  it('records that the content script stopped following a page that never settles, for that page only', async () => {
    await handlers.analyzeArticle(article, tabSender);
    await handlers.reportWatchStopped({ url: 'https://news.example/other-article', reason: 'unsettled' }, tabSender);
    expect((await handlers.getTabState({ tabId: 7 }, {}))?.watchStopped).toBeUndefined();
    await handlers.reportWatchStopped({ url: article.url, reason: 'unsettled' }, tabSender);
    expect(await handlers.getTabState({ tabId: 7 }, {})).toMatchObject({ status: 'article', watchStopped: 'unsettled' });
    // A new analysis of the tab starts afresh.
    await handlers.analyzeArticle(article, tabSender);
    expect((await handlers.getTabState({ tabId: 7 }, {}))?.watchStopped).toBeUndefined();
  });

  it('saves the text the content script holds, and refuses when its page changed since', async () => {
    await handlers.analyzeArticle(article, tabSender);
    await handlers.saveArticle({ tabId: 7 }, {});
    expect((await db.articleBodies.get(article.url))?.text).toBe(article.text);
    const moved = handlersWith(new Map(), { articleToSave: async () => captureOf({ ...article, url: 'https://news.example/elsewhere', text: 'Another page' }) });
    await moved.analyzeArticle(article, tabSender);
    await expect(moved.saveArticle({ tabId: 7 }, {})).rejects.toThrow(/reload it/);
  });

  it('names the site from the page\'s metadata facts the content script sends (issue 20), not from a section', async () => {
    const facts = { canonicalLink: null, ogUrl: null, ogSiteName: 'U.S.', applicationName: null, author: null, articleAuthor: null, jsonLd: ['{"publisher":{"name":"News Example"}}'] };
    const analysis = await handlers.analyzeArticle({ ...article, site: null, facts }, tabSender);
    expect(analysis.article.site).toBe('News Example');
    expect(analysis.article).not.toHaveProperty('facts');
    expect((await handlers.analyzeArticle({ ...article, site: 'Given' }, tabSender)).article.site).toBe('Given');
  });

  it('sanitises the HTML a page captured before storing it, and keeps the text when sanitising fails (issue 20)', async () => {
    const hostile = '<p>Trump said he would meet Putin.</p><img src=x onerror="alert(1)"><a href="javascript:alert(2)">more</a><script>alert(3)</script>';
    const page = { ...captureOf(article)!, html: hostile };
    const saving = handlersWith(new Map(), { articleToSave: async () => page });
    await saving.analyzeArticle(article, tabSender);
    expect(await saving.saveArticle({ tabId: 7 }, {})).toMatchObject({ url: article.url, copy: 'kept' });
    const body = await db.articleBodies.get(article.url);
    expect(body?.html).toContain('Trump said he would meet Putin.');
    expect(body?.html).not.toMatch(/onerror|javascript:|<script|alert/);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = handlersWith(new Map(), { articleToSave: async () => page, sanitiseHtml: async () => Promise.reject(new Error('no offscreen document')) });
    await failing.analyzeArticle(article, tabSender);
    expect(await failing.saveArticle({ tabId: 7 }, {})).toMatchObject({ url: article.url, copy: 'failed' });
    expect(await db.articleBodies.get(article.url)).toMatchObject({ text: article.text, html: null });
    warn.mockRestore();
  });

  it('refuses a capture whose HTML is past the bound, saving nothing', async () => {
    const page = { ...captureOf(article)!, html: 'x'.repeat(MAX_CAPTURED_HTML_CHARS + 1) };
    const saving = handlersWith(new Map(), { articleToSave: async () => page });
    await saving.analyzeArticle(article, tabSender);
    await expect(saving.saveArticle({ tabId: 7 }, {})).rejects.toThrow(/could not be saved/);
    expect(await db.articleBodies.count()).toBe(0);
  });
});

describe('the reader’s history (issue 18)', () => {
  const first = { ...article, url: 'https://news.example/alaska', title: 'Alaska summit ends', text: 'Alaska summit ends\n\nTrump and Putin met at the Alaska summit. Putin invited Trump to Moscow.', published: '2025-08-16' };
  const second = { ...article, url: 'https://news.example/budapest', title: 'Budapest summit called off', text: 'Budapest summit called off\n\nTrump called off the Budapest meeting with Putin. They last met at the Alaska summit.', published: '2025-10-22' };
  const at = (url: string): Sender => ({ tab: { id: 7, url }, url });
  /** The tab's state once the history has been read for it (or `settled` says it is as it will be). */
  const readBeforeOf = (settled: (state: TabState | null) => boolean = (s) => s?.analysis?.readBefore !== undefined) =>
    vi.waitFor(
      async () => {
        const state = await handlers.getTabState({ tabId: 7 }, {});
        if (!settled(state)) throw new Error('not yet');
        return state!.analysis!.readBefore;
      },
      { timeout: 15_000, interval: 50 },
    );
  const stored = async () => (await handlers.listHistory({}, {})).stories.map((s) => s.url);

  it('keeps each article read as a story and lists an earlier one on its topic, with reasons', async () => {
    await handlers.analyzeArticle(first, at(first.url));
    await vi.waitFor(async () => expect(await stored()).toEqual([first.url]), { timeout: 15_000 });
    await handlers.analyzeArticle(second, at(second.url));
    const found = await readBeforeOf((s) => s?.url === second.url && s.analysis?.readBefore !== undefined);
    expect(found?.map((s) => s.url)).toEqual([first.url]);
    expect(found?.[0]?.reasons[0]).toMatch(/^both are about “.*Alaska/);
    await vi.waitFor(async () => expect((await stored()).sort()).toEqual([second.url, first.url].sort()), { timeout: 15_000 });
  });

  it('clearing the history forgets every story and empties "You read about this" in the tabs', async () => {
    await handlers.analyzeArticle(first, at(first.url));
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1), { timeout: 15_000 });
    await handlers.analyzeArticle(second, at(second.url));
    await readBeforeOf((s) => s?.url === second.url && (s.analysis?.readBefore?.length ?? 0) > 0);
    await vi.waitFor(async () => expect(await stored()).toHaveLength(2), { timeout: 15_000 });
    expect(await handlers.clearHistory({}, {})).toEqual({ removed: 2 });
    expect(await stored()).toEqual([]);
    expect((await handlers.getTabState({ tabId: 7 }, {}))?.analysis?.readBefore).toEqual([]);
  });

  it('groups stories that keep coming back about one matter into a thread, which becomes an event of the reader\'s own', async () => {
    const day = (n: number, title: string) => ({ ...first, url: `https://news.example/alaska-${n}`, title, text: `${title}\n\nTrump and Putin met at the Alaska summit. Putin invited Trump to Moscow.`, published: `2025-08-${n}` });
    const reads = [day(16, 'Alaska summit ends'), day(18, 'After the Alaska summit'), day(25, 'What the Alaska summit left')];
    for (const [i, read] of reads.entries()) {
      await handlers.analyzeArticle(read, at(read.url));
      await vi.waitFor(async () => expect(await stored()).toHaveLength(i + 1), { timeout: 15_000 });
    }
    const { threads } = await handlers.listHistoryThreads({}, {});
    expect(threads.map((t) => t.stories.map((s) => s.url))).toEqual([reads.map((r) => r.url)]);
    expect(threads[0]!.name).toMatch(/Alaska/);
    const event = await handlers.threadToEvent({ threadId: threads[0]!.id, title: 'My Alaska follow-ups', type: 'summit' }, {});
    expect(event).toMatchObject({ title: 'My Alaska follow-ups', date: '2025-08-16', end: '2025-08-25', type: 'summit' });
    expect(event.participants.map((p) => p.entity).sort()).toEqual(['donald-trump', 'vladimir-putin']);
    expect((await handlers.listUserRecords({}, {})).records).toContainEqual(expect.objectContaining({ kind: 'event', id: event.id, change: 'added' }));
    await expect(handlers.threadToEvent({ threadId: 'https://news.example/gone', title: '' }, {})).rejects.toThrow(/no longer in your history/);
  });

  it('keeps nothing and lists nothing when the history is off', async () => {
    await handlers.setHistory({ enabled: false }, {});
    await handlers.analyzeArticle(first, at(first.url));
    await handlers.analyzeArticle(second, at(second.url));
    // The unknown names come after the history: once they are in, the history had its turn.
    await readBeforeOf((s) => s?.url === second.url && s.analysis?.unknownNames !== undefined);
    expect((await handlers.getTabState({ tabId: 7 }, {}))?.analysis?.readBefore).toBeUndefined();
    expect(await stored()).toEqual([]);
  });

  it('does not keep the articles of a paused site', async () => {
    expect((await handlers.setSiteHistory({ site: 'news.example', paused: true }, {})).historyPausedSites).toEqual(['news.example']);
    await handlers.analyzeArticle(first, at(first.url));
    await readBeforeOf((s) => s?.analysis?.unknownNames !== undefined);
    expect(await stored()).toEqual([]);
    expect((await handlers.setSiteHistory({ site: 'news.example', paused: false }, {})).historyPausedSites).toEqual([]);
  });
});

describe('reading with Backstory (issue 20)', () => {
  it('keeps a "this link is wrong" mark for the sender’s article, and the next analysis leaves the name unlinked until it is undone', async () => {
    const linked = (await handlers.analyzeArticle(article, tabSender)).mentions.filter((m) => m.text === 'Budapest');
    expect(linked.length).toBe(2);
    await handlers.setWrongLink({ url: article.url, entityId: 'budapest', text: 'Budapest', wrong: true }, tabSender);
    const marked = await handlers.analyzeArticle(article, tabSender);
    expect(marked.mentions.filter((m) => m.text === 'Budapest')).toEqual([]);
    expect(marked.entities.some((e) => e.id === 'budapest')).toBe(false);
    // Another article keeps its links.
    const other = { ...article, url: 'https://news.example/other' };
    expect((await handlers.analyzeArticle(other, { tab: { id: 8, url: other.url }, url: other.url })).mentions.some((m) => m.text === 'Budapest')).toBe(true);
    await handlers.setWrongLink({ url: article.url, entityId: 'budapest', text: 'Budapest', wrong: false }, tabSender);
    expect((await handlers.analyzeArticle(article, tabSender)).mentions.filter((m) => m.text === 'Budapest').length).toBe(2);
  });

  it('lists the marks for the library, newest first with the entity\'s name, and forgets one on request', async () => {
    await handlers.setWrongLink({ url: article.url, entityId: 'budapest', text: 'Budapest', wrong: true }, tabSender);
    await handlers.setWrongLink({ url: article.url, entityId: 'vladimir-putin', text: 'Putin', wrong: true }, tabSender);
    const { links, total } = await handlers.listWrongLinks({}, {});
    expect(total).toBe(2);
    expect(links.map((l) => [l.text, l.entityName, l.url])).toEqual(
      expect.arrayContaining([
        // (a mark keeps the name as it compares names: in lower case)
        ['budapest', 'Budapest', article.url],
        ['putin', 'Vladimir Putin', article.url],
      ]),
    );
    await handlers.removeWrongLink({ id: links.find((l) => l.text === 'budapest')!.id }, {});
    expect((await handlers.listWrongLinks({}, {})).links.map((l) => l.text)).toEqual(['putin']);
    expect((await handlers.analyzeArticle(article, tabSender)).mentions.filter((m) => m.text === 'Budapest').length).toBe(2);
  });

  it('refuses a mark about another site than the sender’s', async () => {
    await expect(handlers.setWrongLink({ url: 'https://elsewhere.example/a', entityId: 'budapest', text: 'Budapest', wrong: true }, tabSender)).rejects.toThrow(/only itself/);
    expect(await db.wrongLinks.count()).toBe(0);
  });

  it('changes how highlights are drawn, tells the tabs, and gives each page its settings', async () => {
    let told = 0;
    const changed = createHandlers({
      db,
      kb: new KbReader(db),
      knowledgeChanged: () => {},
      tabs: { get: async () => null, set: async () => {}, all: async () => [], forget: () => {} },
      settings: { get: async () => settings, set: async (s) => void (settings = s) },
      notify: () => {},
      openFile: async () => new Blob([]).stream(),
      articleToSave: async () => null,
      sanitiseHtml: jsdomSanitiser,
      highlightSettingsChanged: () => void told++,
    });
    await changed.setHighlighting({ highlightMode: 'first', highlightGroupsOff: ['person'] }, {});
    expect(await changed.getHighlightSettings({ url: article.url }, tabSender)).toEqual({ enabled: true, mode: 'first', groupsOff: ['person'], nominal: false });
    await changed.setHighlighting({ highlightNominal: true }, {});
    await changed.setSiteHighlighting({ site: 'news.example', enabled: false }, {});
    expect(await changed.getHighlightSettings({ url: article.url }, tabSender)).toEqual({ enabled: false, mode: 'first', groupsOff: ['person'], nominal: true });
    expect(told).toBe(3);
  });

  it('reads settings stored before issue 20 as every mention of every group', async () => {
    const { highlightMode: _m, highlightGroupsOff: _g, ...old } = settings;
    settings = old as Settings;
    expect(await handlers.getHighlightSettings({ url: article.url }, tabSender)).toEqual({ enabled: true, mode: 'all', groupsOff: [], nominal: false });
  });

  it('opens the side panel for the sender’s own tab only', async () => {
    const opened: number[] = [];
    const withPanel = createHandlers({
      db,
      kb: new KbReader(db),
      knowledgeChanged: () => {},
      tabs: { get: async () => null, set: async () => {}, all: async () => [], forget: () => {} },
      settings: { get: async () => settings, set: async () => {} },
      notify: () => {},
      openFile: async () => new Blob([]).stream(),
      articleToSave: async () => null,
      sanitiseHtml: jsdomSanitiser,
      openSidePanel: async (tabId) => void opened.push(tabId),
    });
    await withPanel.openSidePanel({}, tabSender);
    expect(opened).toEqual([7]);
    expect(() => withPanel.openSidePanel({}, { url: 'https://news.example/story' })).toThrow(/from a tab/);
  });
});

describe('a saved article and the events of the knowledge base (issue 21)', () => {
  const saveStory = async () => {
    await handlers.analyzeArticle(article, tabSender);
    return handlers.saveArticle({ tabId: 7 }, {});
  };

  it('attaches a saved article to an event, which then lists it on its page; the link survives saving again, and can be undone', async () => {
    await saveStory();
    expect((await handlers.queryLibrary({ eventId: '2018-07-16-helsinki-summit' }, {})).articles).toEqual([]);

    const linked = await handlers.linkArticleEvent({ url: article.url, eventId: '2018-07-16-helsinki-summit', attach: true }, {});
    expect(linked.attachedEvents).toEqual([{ id: '2018-07-16-helsinki-summit', title: 'Trump–Putin summit in Helsinki', date: '2018-07-16' }]);
    expect((await handlers.getEvent({ id: '2018-07-16-helsinki-summit' }, {}))!.savedArticles.map((a) => a.url)).toEqual([article.url]);
    expect((await handlers.queryLibrary({ eventId: '2018-07-16-helsinki-summit' }, {})).articles.map((a) => a.url)).toEqual([article.url]);

    await handlers.analyzeArticle(article, tabSender);
    await handlers.saveArticle({ tabId: 7 }, {});
    expect((await handlers.getArticle({ url: article.url }, {}))!.attachedEvents?.map((e) => e.id)).toEqual(['2018-07-16-helsinki-summit']);

    await handlers.linkArticleEvent({ url: article.url, eventId: '2018-07-16-helsinki-summit', attach: false }, {});
    expect((await handlers.getArticle({ url: article.url }, {}))!.attachedEvents).toEqual([]);
    expect((await handlers.queryLibrary({ eventId: '2018-07-16-helsinki-summit' }, {})).articles).toEqual([]);
  });

  it('refuses an event the knowledge base does not hold, and an article not saved, changing nothing', async () => {
    await saveStory();
    await expect(handlers.linkArticleEvent({ url: article.url, eventId: 'no-such-event', attach: true }, {})).rejects.toThrow(/no event "no-such-event"/);
    await expect(handlers.linkArticleEvent({ url: 'https://news.example/other', eventId: '2018-07-16-helsinki-summit', attach: true }, {})).rejects.toThrow(/no longer in your library/);
    expect((await handlers.getArticle({ url: article.url }, {}))!.attachedEvents).toBeUndefined();
  });

  it('makes a new event of the reader’s own from the article, in their layer, with the article attached and listed on its page', async () => {
    await saveStory();
    const event = await handlers.makeEventOfArticle({ url: article.url, title: 'Budapest summit announced', date: '2025-10-20', type: 'summit' }, {});
    expect(event).toMatchObject({ id: 'reader-2025-10-20-budapest-summit-announced', title: 'Budapest summit announced', sources: [{ url: article.url }] });
    expect(event.participants.map((p) => p.entity)).toEqual(expect.arrayContaining(['donald-trump', 'vladimir-putin']));
    const details = await handlers.getEvent({ id: event.id }, {});
    expect(details!.event.title).toBe('Budapest summit announced');
    expect(details!.savedArticles.map((a) => a.url)).toEqual([article.url]);
    expect((await handlers.listUserRecords({}, {})).records).toEqual([expect.objectContaining({ kind: 'event', id: event.id, change: 'added' })]);
    expect((await handlers.searchKb({ query: 'budapest summit announced' }, {})).events.map((e) => e.id)).toContain(event.id);
  });

  it('keeps the links in the backup, and puts them back on import', async () => {
    await saveStory();
    await handlers.linkArticleEvent({ url: article.url, eventId: '2025-08-15-alaska-summit', attach: true }, {});
    const { exportId } = await handlers.exportLibraryBegin({}, {});
    let text = '';
    for (let step = await handlers.exportNext({ exportId }, {}); ; step = await handlers.exportNext({ exportId }, {})) {
      text += step.text;
      if (step.done) break;
    }
    await handlers.removeArticles({ urls: [article.url] }, {});
    const blobUrl = 'blob:chrome-extension://abcdefghijklmnop/00000000-0000-4000-8000-000000000021';
    files.set(blobUrl, new Blob([text]));
    expect(await handlers.importLibrary({ url: blobUrl }, {})).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect((await handlers.getArticle({ url: article.url }, {}))!.attachedEvents?.map((e) => e.id)).toEqual(['2025-08-15-alaska-summit']);
    expect((await handlers.getEvent({ id: '2025-08-15-alaska-summit' }, {}))!.savedArticles.map((a) => a.url)).toContain(article.url);
  });
});
