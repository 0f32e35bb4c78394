import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropStaleHighlights, PageWatcher, type WatchedReading } from './watch-page';
import { maxReadsWhileBusy, watchLimits } from './watch-policy';

/** Short bounds so that the tests run in real time, in a few hundred ms. */
const limits = { ...watchLimits, quietMs: 30, maxDelayMs: 120, minGapMs: 40, maxBusyMs: 400, maxRereads: 10 };
const settle = (ms = 150) => new Promise((ok) => setTimeout(ok, ms));

type Win = Window & typeof globalThis;

function pageWith(html: string) {
  const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, { pretendToBeVisual: true });
  const win = dom.window as unknown as Win;
  const reading: WatchedReading = { root: null, painted: [] };
  let rereads = 0;
  const stops: string[] = [];
  const watcher = new PageWatcher(win, {
    reading: () => reading,
    reread: async () => {
      rereads++;
      // As the content script does: the read finds the article's root again.
      watcher.readStarted();
      reading.root = win.document.querySelector('article');
      watcher.readFinished();
    },
    isOurs: (node) => node.nodeName.toLowerCase().startsWith('backstory-'),
    onStop: (reason) => stops.push(reason),
    limits,
  });
  // The first read, as the content script starts.
  watcher.readStarted();
  reading.root = win.document.querySelector('article');
  watcher.readFinished();
  return { win, doc: win.document, watcher, reading, rereads: () => rereads, stops, close: () => (watcher.dispose(), dom.window.close()) };
}

let open: ReturnType<typeof pageWith> | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('PageWatcher', () => {
  it('reads again when the article text changes, once the page is quiet', async () => {
    open = pageWith('<article><p>Donald Trump spoke.</p></article>');
    const p = open.doc.createElement('p');
    p.textContent = 'Vladimir Putin answered.';
    open.doc.querySelector('article')!.append(p);
    await vi.waitFor(() => expect(open!.rereads()).toBe(1), { timeout: 5000 });
    await settle();
    expect(open.rereads()).toBe(1);
    expect(open.watcher.status).toMatchObject({ reads: 2, watching: true, stopped: null });
  });

  it('does not read again for changes outside the article or to our own shadow host', async () => {
    open = pageWith('<header><span id="clock">1</span></header><article><p>Donald Trump spoke.</p></article>');
    open.doc.getElementById('clock')!.textContent = '2';
    open.doc.documentElement.append(open.doc.createElement('backstory-card'));
    await settle();
    expect(open.rereads()).toBe(0);
  });

  it('does not read again when the article is changed back to the same text', async () => {
    open = pageWith('<article><p id="p">Donald Trump spoke.</p></article>');
    const p = open.doc.getElementById('p')!;
    p.textContent = 'Someone else spoke.';
    p.textContent = 'Donald Trump spoke.';
    await settle();
    expect(open.rereads()).toBe(0);
  });

  it('reads a page whose article arrives late (no article at first)', async () => {
    open = pageWith('<main id="app"><p>Loading…</p></main>');
    expect(open.reading.root).toBeNull();
    open.doc.getElementById('app')!.innerHTML = `<article>${'<p>Donald Trump met Vladimir Putin in Alaska, and the talks went on for hours.</p>'.repeat(8)}</article>`;
    await vi.waitFor(() => expect(open!.rereads()).toBe(1), { timeout: 5000 });
    expect(open.reading.root?.tagName).toBe('ARTICLE');
  });

  it('reads again when the body is replaced', async () => {
    open = pageWith('<article><p>Donald Trump spoke.</p></article>');
    const body = open.doc.createElement('body');
    body.innerHTML = '<article><p>Donald Trump spoke, and Vladimir Putin answered.</p></article>';
    open.doc.body.replaceWith(body);
    await vi.waitFor(() => expect(open!.rereads()).toBe(1), { timeout: 5000 });
    expect(open.reading.root?.isConnected).toBe(true);
  });

  it('stops for good on a page that never settles, and says why', async () => {
    open = pageWith('<article><p>Updated <span id="n">0</span> times.</p></article>');
    const n = open.doc.getElementById('n')!;
    const timer = setInterval(() => (n.textContent = String(Number(n.textContent) + 1)), 5);
    await vi.waitFor(() => expect(open!.stops).toEqual(['unsettled']), { timeout: 10_000 });
    clearInterval(timer);
    expect(open.watcher.status.watching).toBe(false);
    expect(open.rereads()).toBeLessThanOrEqual(maxReadsWhileBusy(limits));
    const after = open.rereads();
    n.textContent = 'again';
    await settle();
    expect(open.rereads()).toBe(after);
  });

  it('looks at nothing while the tab is hidden, and once when it is shown again', async () => {
    open = pageWith('<article><p>Donald Trump spoke.</p></article>');
    let state: DocumentVisibilityState = 'hidden';
    Object.defineProperty(open.doc, 'visibilityState', { get: () => state, configurable: true });
    open.doc.dispatchEvent(new open.win.Event('visibilitychange'));
    expect(open.watcher.status.watching).toBe(false);
    open.doc.querySelector('p')!.textContent = 'Vladimir Putin answered.';
    await settle();
    expect(open.rereads()).toBe(0);
    state = 'visible';
    open.doc.dispatchEvent(new open.win.Event('visibilitychange'));
    await vi.waitFor(() => expect(open!.rereads()).toBe(1), { timeout: 5000 });
    expect(open.watcher.status.watching).toBe(true);
  });
});

describe('dropStaleHighlights', () => {
  it('drops the highlights whose text the page changed and keeps the others', () => {
    const dom = new JSDOM('<p id="a">Donald Trump met Vladimir Putin.</p>');
    const doc = dom.window.document;
    const text = doc.getElementById('a')!.firstChild as Text;
    const range = (start: number, end: number) => {
      const r = doc.createRange();
      r.setStart(text, start);
      r.setEnd(text, end);
      return r;
    };
    const painted = [
      { range: range(0, 12), text: 'Donald Trump' },
      { range: range(17, 31), text: 'Vladimir Putin' },
    ];
    expect(dropStaleHighlights(painted, undefined)).toBe(0);
    text.replaceData(17, 8, 'V.'); // "Vladimir Putin" → "V. Putin": the Range now shows other text
    expect(dropStaleHighlights(painted, undefined)).toBe(1);
    expect(painted.map((p) => p.text)).toEqual(['Donald Trump']);
  });
});
