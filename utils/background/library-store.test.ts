import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractArticle } from '../article/extract-article';
import { parsePage } from '../cli/parse-page';
import { BackstoryDb } from '../db';
import { captureArticle, type SavedCapture } from '../library/capture-article';
import { prepareCapture } from '../library/prepare-capture';
import { jsdomSanitiser } from '../../tests/fixtures/jsdom-sanitiser';
import { LibraryStore, QUOTA_MESSAGE } from './library-store';

const corpus = new URL('../../../shared/corpus/pages/', import.meta.url);

/** A corpus page captured as the content script would, served from 127.0.0.1 with `query` on its address, and sanitised as the background does. */
async function capturePage(name: string, query = ''): Promise<SavedCapture> {
  const url = `http://127.0.0.1:8123/${name}${query}`;
  const doc = parsePage(readFileSync(new URL(name, corpus)), url);
  const extracted = extractArticle(doc)!;
  return (await prepareCapture(captureArticle(doc, { ...extracted, url, eventMentions: [] }), jsdomSanitiser)).capture;
}

const analysis = {
  entities: [
    { id: 'opec', name: 'OPEC', type: 'organisation' },
    { id: 'united-states', name: 'United States', type: 'country' },
  ],
  events: [{ id: '2019-11-19-oil-drop', title: 'Oil falls on oversupply', date: '2019-11-19' }],
};

let reuters: SavedCapture;
let bbc: SavedCapture;
beforeAll(async () => {
  reuters = await capturePage('scrapinghub-reuters-com-57d46c9d751e.html');
  bbc = await capturePage('readability-bbc-1.html');
}, 60_000);

let db: BackstoryDb;
let clock: number;
const now = () => new Date(Date.UTC(2026, 11, 7, 10, 0, clock++));
let store: LibraryStore;

beforeEach(async () => {
  db = new BackstoryDb(`library-${Math.random()}`);
  await db.open();
  clock = 0;
  store = new LibraryStore(db, now);
});

afterEach(async () => {
  await store.persistIndex();
  db.close();
  await db.delete();
});

describe('saving', () => {
  it('keeps the canonical address, metadata, text, sanitised HTML, actors and events', async () => {
    await store.save(reuters, analysis);
    const saved = await store.get('https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W');
    expect(saved).toMatchObject({
      title: reuters.title,
      site: 'Reuters',
      byline: 'Rodrigo Campos',
      published: '2019-11-19',
      savedAt: '2026-12-07T10:00:00.000Z',
      entityIds: ['opec', 'united-states'],
      eventIds: ['2019-11-19-oil-drop'],
      tags: [],
      note: '',
      addresses: ['https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W', 'http://127.0.0.1:8123/scrapinghub-reuters-com-57d46c9d751e.html'],
    });
    expect(saved!.text).toBe(reuters.text);
    expect(saved!.html).toContain('Oil prices fell sharply');
  });

  it('updates the article saved again from its page with tracking parameters, keeping its tags, note and first save date', async () => {
    await store.save(reuters, analysis);
    await store.update('https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W', { tags: ['oil'], note: 'Read for the OPEC angle.' });
    const again = await capturePage('scrapinghub-reuters-com-57d46c9d751e.html', '?utm_source=twitter&utm_medium=social&fbclid=abc');
    await store.save({ ...again, canonicalUrl: again.url.replace(/\?.*/, '') }, analysis);
    const all = await db.articles.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ tags: ['oil'], note: 'Read for the OPEC angle.', savedAt: '2026-12-07T10:00:00.000Z', updatedAt: '2026-12-07T10:00:02.000Z' });
    expect(await store.find('http://127.0.0.1:8123/scrapinghub-reuters-com-57d46c9d751e.html?gclid=x')).toBeDefined();
  }, 60_000);

  it('reports a quota error clearly and leaves what was saved as it was', async () => {
    await store.save(reuters, analysis);
    const before = await store.get(reuters.canonicalUrl);
    const spy = vi.spyOn(db.articleBodies, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(store.save(bbc, analysis)).rejects.toThrow(QUOTA_MESSAGE);
    await expect(store.save({ ...reuters, text: 'overwritten' }, analysis)).rejects.toThrow(QUOTA_MESSAGE);
    spy.mockRestore();
    expect(await db.articles.count()).toBe(1);
    expect(await store.get(reuters.canonicalUrl)).toEqual(before);
    expect(await store.find(bbc.canonicalUrl)).toBeUndefined();
  });
});

describe('listing and search', () => {
  beforeEach(async () => {
    await store.save(reuters, analysis);
    await store.save(bbc, { entities: [{ id: 'barack-obama', name: 'Barack Obama', type: 'person' }], events: [] });
    await store.update(bbc.canonicalUrl, { tags: ['africa'], note: 'Kenya trip, compare with the 2009 visit' });
  });

  it('finds articles by words of their text, title and note, and filters by site, actor, tag and date', async () => {
    const ids = async (query: Parameters<LibraryStore['query']>[0]) => (await store.query(query)).articles.map((a) => a.site);
    expect(await ids({ text: 'oversupply' })).toEqual(['Reuters']);
    expect(await ids({ text: 'obama kenya' })).toEqual(['BBC News']);
    expect(await ids({ text: 'compare visit' })).toEqual(['BBC News']);
    expect(await ids({ text: 'nothing-like-this' })).toEqual([]);
    expect(await ids({ site: 'Reuters' })).toEqual(['Reuters']);
    expect(await ids({ entityId: 'barack-obama' })).toEqual(['BBC News']);
    expect(await ids({ tag: 'africa' })).toEqual(['BBC News']);
    expect(await ids({ from: '2019-01-01' })).toEqual(['Reuters']);
    expect(await ids({ sort: 'title' })).toEqual(['BBC News', 'Reuters']);
    const page = await store.query({});
    expect(page).toMatchObject({ total: 2, sites: ['BBC News', 'Reuters'], tags: ['africa'] });
  });

  it('keeps its index in the database: a new worker loads it, catching up with changes it missed', async () => {
    await store.query({ text: 'oil' });
    await store.persistIndex();
    expect(await db.searchShards.count()).toBe(16);
    // A worker that never loaded the index saves and removes (as after a restart): the next one catches up.
    const other = new LibraryStore(db, now);
    await other.update(reuters.canonicalUrl, { note: 'zeppelin' });
    await other.remove([bbc.canonicalUrl]);
    const fresh = new LibraryStore(db, now);
    expect((await fresh.query({ text: 'zeppelin' })).articles.map((a) => a.site)).toEqual(['Reuters']);
    expect((await fresh.query({ text: 'obama' })).articles).toEqual([]);
    await fresh.persistIndex();
  });

  it('removes articles with undo', async () => {
    const { undoToken, removed } = await store.remove([reuters.canonicalUrl, bbc.canonicalUrl]);
    expect(removed).toBe(2);
    expect((await store.query({})).total).toBe(0);
    expect((await store.query({ text: 'oil' })).total).toBe(0);
    expect(await db.articleTombstones.count()).toBe(2);
    expect(await store.undoRemove(undoToken)).toEqual({ restored: 2 });
    expect((await store.get(bbc.canonicalUrl))?.note).toBe('Kenya trip, compare with the 2009 visit');
    expect((await store.query({ text: 'oil' })).total).toBe(1);
    expect(await db.articleTombstones.count()).toBe(0);
  });
});

describe('backup', () => {
  const exportAll = async (from: LibraryStore) => {
    let text = '';
    for await (const chunk of from.exportBackup()) text += chunk;
    return text;
  };

  it('round-trips every article without loss, and a second import adds nothing', async () => {
    await store.save(reuters, analysis);
    await store.save(bbc, analysis);
    await store.update(bbc.canonicalUrl, {
      tags: ['africa', 'visits'],
      note: 'A note\nwith lines',
      highlights: [{ id: 'h1', quote: { exact: 'Kenya', prefix: 'in ', suffix: ' on' }, position: { start: 10, end: 15 }, note: 'first visit', createdAt: '2026-12-07T10:00:00.000Z' }],
    });
    const backup = await exportAll(store);
    const originals = await Promise.all([reuters.canonicalUrl, bbc.canonicalUrl].map((u) => store.get(u)));

    const target = new BackstoryDb(`restore-${Math.random()}`);
    const restored = new LibraryStore(target, now);
    expect(await restored.importBackup(backup)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    for (const original of originals) {
      const copy = await restored.get(original!.url);
      expect({ ...copy, seq: 0 }).toEqual({ ...original, seq: 0 });
    }
    expect(await restored.importBackup(backup)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await target.articles.count()).toBe(2);
    expect((await restored.query({ text: 'visits' })).total).toBe(1);
    await restored.persistIndex();
    target.close();
    await target.delete();
  });

  it('merges an imported article into the one saved from the same page, keeping both sides’ tags', async () => {
    await store.save(reuters, analysis);
    const backup = JSON.parse(await exportAll(store));
    backup.articles[0].tags = ['markets'];
    backup.articles[0].updatedAt = '2027-01-01T00:00:00.000Z';
    await store.update(reuters.canonicalUrl, { tags: ['oil'] });
    expect(await store.importBackup(JSON.stringify(backup))).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect((await store.get(reuters.canonicalUrl))?.tags).toEqual(['oil', 'markets']);
    expect(await db.articles.count()).toBe(1);
  });

  it.each([
    ['not JSON', '{"format": "backstory-library", ', /not JSON/],
    ['another file', JSON.stringify({ format: 'backstory-pack', version: 1 }), /format is not "backstory-library"/],
    ['a newer version', JSON.stringify({ format: 'backstory-library', version: 99, exportedAt: '2026-01-01', articles: [] }), /newer than this Backstory reads/],
    ['a javascript: address', JSON.stringify({ format: 'backstory-library', version: 1, exportedAt: '2026-01-01', articles: [{ url: 'javascript:alert(1)' }] }), /articles\.0\.url must be an http\(s\) URL/],
  ])('rejects %s with a clear message and changes nothing', async (_, text, message) => {
    await store.save(reuters, analysis);
    const before = await store.get(reuters.canonicalUrl);
    await expect(store.importBackup(text)).rejects.toThrow(message);
    await expect(store.importBackup(text)).rejects.toThrow(/Nothing was imported/);
    expect(await db.articles.count()).toBe(1);
    expect(await store.get(reuters.canonicalUrl)).toEqual(before);
  });

  it('imports nothing of a file with one bad article among good ones', async () => {
    await store.save(reuters, analysis);
    const backup = JSON.parse(await exportAll(store));
    await store.remove([reuters.canonicalUrl]);
    backup.articles.push({ ...backup.articles[0], url: 'https://b.example/x', tags: [''] });
    await expect(store.importBackup(JSON.stringify(backup))).rejects.toThrow(/articles\.1\.tags\.0/);
    expect(await db.articles.count()).toBe(0);
  });
});
