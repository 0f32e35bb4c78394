import { describe, expect, it, vi } from 'vitest';
import { OffscreenDocument, type OffscreenApi } from './offscreen-document';

/** A browser with at most one offscreen document, as Chrome allows: creating a second one fails as Chrome does. */
function fakeBrowser() {
  const calls: string[] = [];
  let open = false;
  // A few microtasks: each call answers later, as the browser's do, whatever the timers.
  const tick = async () => {
    for (let i = 0; i < 3; i++) await Promise.resolve();
  };
  const api: OffscreenApi = {
    hasDocument: async () => {
      await tick();
      return open;
    },
    create: async () => {
      calls.push('create');
      await tick();
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
    },
    close: async () => {
      calls.push('close');
      await tick();
      if (!open) throw new Error('No current offscreen document.');
      open = false;
    },
  };
  return { api, calls, isOpen: () => open, openElsewhere: () => void (open = true) };
}

const IDLE_MS = 1000;

describe('OffscreenDocument (Chrome: a DOM for the service worker)', () => {
  it('creates the document on first use, once for uses that start together, and reuses it', async () => {
    const browser = fakeBrowser();
    const doc = new OffscreenDocument(browser.api, IDLE_MS);
    const results = await Promise.all([1, 2, 3].map((n) => doc.use(async () => (browser.isOpen() ? n : -1))));
    expect(results).toEqual([1, 2, 3]);
    await doc.use(async () => null);
    expect(browser.calls).toEqual(['create']);
  });

  it('uses a document found open (a previous worker left it, or it was created meanwhile)', async () => {
    const browser = fakeBrowser();
    browser.openElsewhere();
    const doc = new OffscreenDocument(browser.api, IDLE_MS);
    expect(await doc.use(async () => 'done')).toBe('done');
    expect(browser.calls).toEqual([]);
  });

  it('takes "only a single offscreen document" as the document being there', async () => {
    const browser = fakeBrowser();
    // Another creation wins the race between the check and the create.
    const racing: OffscreenApi = { ...browser.api, hasDocument: async () => false, create: async () => (browser.openElsewhere(), browser.api.create()) };
    const doc = new OffscreenDocument(racing, IDLE_MS);
    expect(await doc.use(async () => 'done')).toBe('done');
  });

  it('passes on any other failure to create it', async () => {
    const browser = fakeBrowser();
    const broken: OffscreenApi = { ...browser.api, create: async () => Promise.reject(new Error('offscreen permission missing')) };
    const doc = new OffscreenDocument(broken, IDLE_MS);
    const work = vi.fn(async () => 'done');
    await expect(doc.use(work)).rejects.toThrow(/permission missing/);
    expect(work).not.toHaveBeenCalled();
  });

  it('closes the document once idle, not while in use, and opens it again when needed', async () => {
    vi.useFakeTimers();
    try {
      const browser = fakeBrowser();
      const doc = new OffscreenDocument(browser.api, IDLE_MS);
      let finish = () => {};
      const long = doc.use(() => new Promise<void>((resume) => (finish = resume)));
      await vi.advanceTimersByTimeAsync(5 * IDLE_MS);
      expect(browser.isOpen()).toBe(true);
      finish();
      await long;
      await vi.advanceTimersByTimeAsync(IDLE_MS / 2);
      // A use within the idle time keeps it open, and starts the idle time again.
      await doc.use(async () => null);
      await vi.advanceTimersByTimeAsync(IDLE_MS / 2 + 10);
      expect(browser.isOpen()).toBe(true);
      await vi.advanceTimersByTimeAsync(IDLE_MS);
      expect(browser.isOpen()).toBe(false);
      expect(browser.calls).toEqual(['create', 'close']);
      await doc.use(async () => null);
      expect(browser.calls).toEqual(['create', 'close', 'create']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for a close under way before it opens the document again', async () => {
    vi.useFakeTimers();
    try {
      const browser = fakeBrowser();
      let closed = () => {};
      const slowClose: OffscreenApi = { ...browser.api, close: () => new Promise<void>((resume) => (closed = resume)).then(browser.api.close) };
      const doc = new OffscreenDocument(slowClose, IDLE_MS);
      await doc.use(async () => null);
      // The idle timer fires and starts closing; a use arrives before the close is done.
      await vi.advanceTimersByTimeAsync(IDLE_MS);
      const seen = doc.use(async () => browser.isOpen());
      await vi.advanceTimersByTimeAsync(10);
      expect(browser.calls).toEqual(['create']);
      closed();
      expect(await seen).toBe(true);
      expect(browser.calls).toEqual(['create', 'close', 'create']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes, once idle, a document an earlier worker left open, unless it is used meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const browser = fakeBrowser();
      browser.openElsewhere();
      const doc = new OffscreenDocument(browser.api, IDLE_MS);
      await doc.closeLeftOver();
      await vi.advanceTimersByTimeAsync(IDLE_MS + 10);
      expect(browser.isOpen()).toBe(false);

      browser.openElsewhere();
      const again = new OffscreenDocument(browser.api, IDLE_MS);
      await again.closeLeftOver();
      await vi.advanceTimersByTimeAsync(IDLE_MS / 2);
      await again.use(async () => null);
      await vi.advanceTimersByTimeAsync(IDLE_MS / 2 + 10);
      expect(browser.isOpen()).toBe(true);
      await vi.advanceTimersByTimeAsync(IDLE_MS);
      expect(browser.isOpen()).toBe(false);
      expect(browser.calls).toEqual(['close', 'close']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a close that finds no document (the browser closed it)', async () => {
    vi.useFakeTimers();
    try {
      const browser = fakeBrowser();
      const gone: OffscreenApi = { ...browser.api, close: async () => Promise.reject(new Error('No current offscreen document.')) };
      const doc = new OffscreenDocument(gone, IDLE_MS);
      expect(await doc.use(async () => 1)).toBe(1);
      await vi.advanceTimersByTimeAsync(IDLE_MS + 10);
      expect(await doc.use(async () => 2)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
