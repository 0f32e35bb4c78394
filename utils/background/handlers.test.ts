import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { miniEntities, miniEvents } from '../../tests/fixtures/mini-kb';
import { BackstoryDb, installPack } from '../db';
import type { Settings, TabState } from '../messages';
import { createHandlers, type Sender } from './handlers';
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

beforeEach(async () => {
  db = new BackstoryDb(`test-${Math.random()}`);
  await installPack(db, { manifest: { name: 't', version: '1.0.0', schemaVersion: 1, license: 'x', created: '2026-01-01', sources: [] }, entities: miniEntities, events: miniEvents });
  const tabs = new Map<number, TabState>();
  notified = [];
  settings = { highlightOffSites: [], highlightNominal: false };
  handlers = createHandlers({
    db,
    kb: new KbReader(db),
    knowledgeChanged: () => {},
    tabs: { get: async (id) => tabs.get(id) ?? null, set: async (s) => void tabs.set(s.tabId, s), all: async () => [...tabs.values()], forget: (id) => void tabs.delete(id) },
    settings: { get: async () => settings, set: async (s) => void (settings = s) },
    notify: (id) => notified.push(id),
    now: () => new Date('2026-11-25T10:00:00Z'),
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('background handlers', () => {
  it('analyses an article for its tab, remembers it and tells open pages', async () => {
    const analysis = await handlers.analyzeArticle(article, tabSender);
    expect(analysis.mentions.map((m) => m.entity.id)).toContain('vladimir-putin');
    expect(analysis.related[0]?.id).toBeDefined();
    const state = await handlers.getTabState({ tabId: 7 }, {});
    expect(state).toMatchObject({ status: 'article', saved: false, url: article.url });
    expect(notified).toEqual([7]);
  });

  it('lifts related events about what the reader saved, counting other saved articles only', async () => {
    await handlers.analyzeArticle(article, tabSender);
    await handlers.saveArticle({ tabId: 7 }, {});
    const again = await handlers.analyzeArticle(article, tabSender);
    expect(again.related.flatMap((r) => r.reasons).some((r) => /saved articles?$/.test(r))).toBe(false);
    const other = { ...article, url: 'https://news.example/other', text: `${article.text} Lavrov said so.` };
    const analysis = await handlers.analyzeArticle(other, { tab: { id: 8 }, url: other.url });
    expect(analysis.related.flatMap((r) => r.reasons)).toContain('its people appear in one of your saved articles');
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
    await handlers.reportNotArticle({ url: 'https://shop.example/', title: 'Shop' }, tabSender);
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
    expect(await handlers.getHighlightSettings({ url: 'https://news.example/a' }, {})).toEqual({ enabled: false, nominal: false });
    expect((await handlers.getHighlightSettings({ url: 'https://other.example/a' }, {})).enabled).toBe(true);
    await handlers.setSiteHighlighting({ site: 'news.example', enabled: true }, {});
    expect((await handlers.getHighlightSettings({ url: 'https://news.example/a' }, {})).enabled).toBe(true);
  });
});

describe('imports through the protocol', () => {
  const page: Sender = { url: 'chrome-extension://backstory/library.html' };
  const manifest = { name: 'p', version: '1.0.0', schemaVersion: 1, license: 'x', created: '2026-01-01', sources: [] };
  const person = (id: string) => ({ id, name: `Person ${id}`, type: 'person', aliases: [], description: 'Someone.' });

  it('imports piece by piece, and a new import replaces one whose page went quiet', async () => {
    const first = await handlers.importBegin({ size: 1000 }, page);
    await handlers.importPiece({ importId: first.importId, piece: { manifest, entities: [person('left-behind')], events: [] } }, page);
    // While the first is at work, a second is refused.
    await expect(handlers.importBegin({ size: 1000 }, page)).rejects.toThrow(/another import is in progress/);
    // Its page closes; a few seconds later a new import takes its place.
    const realNow = Date.now;
    Date.now = () => realNow() + 6_000;
    try {
      const second = await handlers.importBegin({ size: 1000 }, page);
      await handlers.importPiece({ importId: second.importId, piece: { manifest, entities: [person('kept')], events: [] } }, page);
      expect(await handlers.importFinish({ importId: second.importId }, page)).toMatchObject({ added: 1, rejected: 0 });
      await expect(handlers.importPiece({ importId: first.importId, piece: { entities: [], events: [] } }, page)).rejects.toThrow(/no longer running/);
    } finally {
      Date.now = realNow;
    }
    const found = await handlers.searchKb({ query: 'person' }, page);
    expect(found.entities.map((e) => e.id)).toEqual(['kept']);
  });

  it('refuses a file the page could not parse, and changes nothing', async () => {
    const { importId } = await handlers.importBegin({ size: 10 }, page);
    await handlers.importPiece({ importId, piece: { entities: [], events: [] }, error: 'not valid JSON: unexpected "x" at character 3' }, page);
    const report = await handlers.importFinish({ importId }, page);
    expect(report.problems).toEqual([{ path: '(file)', message: 'not valid JSON: unexpected "x" at character 3' }]);
    expect(report.added).toBe(0);
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
