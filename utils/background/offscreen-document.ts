/**
 * The offscreen document Chrome's background uses for what needs a DOM (issue 20: sanitising a
 * saved article's HTML; a service worker has none). Created on demand, reused while it
 * exists, closed after OFFSCREEN_IDLE_MS without use. Chrome allows one offscreen document per
 * extension: concurrent first uses share one creation, and a document found open (left by an
 * earlier life of the worker, or created meanwhile: "Only a single offscreen document may be
 * created") is used as it is. The browser comes in as OffscreenApi, so that the races run
 * under Vitest.
 */

/** The chrome.offscreen calls this needs (see the Chrome reference of chrome.offscreen). */
export interface OffscreenApi {
  /** True when the extension's offscreen document is open (chrome.runtime.getContexts). */
  hasDocument(): Promise<boolean>;
  create(): Promise<void>;
  close(): Promise<void>;
}

/** How long the document stays open after its last use (ms): saves in a row reuse it, an idle one frees its memory. */
export const OFFSCREEN_IDLE_MS = 30_000;

/** What Chrome says when a second offscreen document is asked for. */
const ALREADY_OPEN = /single offscreen document/i;

interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export class OffscreenDocument {
  private users = 0;
  private opening: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private idleTimer: unknown = null;

  constructor(
    private readonly api: OffscreenApi,
    private readonly idleMs = OFFSCREEN_IDLE_MS,
    private readonly timers: Timers = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) },
  ) {}

  /** Runs `work` with the document open; it closes once idle for `idleMs` after the last use ends. */
  async use<T>(work: () => Promise<T>): Promise<T> {
    this.users++;
    this.cancelIdle();
    try {
      // A close already under way ends before the document is opened again.
      await this.closing;
      await this.open();
      return await work();
    } finally {
      this.users--;
      if (this.users === 0) this.closeWhenIdle();
    }
  }

  /**
   * Closes, once idle, a document an earlier life of the worker left open (its idle timer
   * stopped with it); nothing when there is none or it is in use.
   */
  async closeLeftOver(): Promise<void> {
    const open = await this.api.hasDocument();
    // In use, or used meanwhile: that use closes it once idle.
    if (open && this.users === 0 && this.idleTimer === null) this.closeWhenIdle();
  }

  /** Opens the document unless it is open; one creation at a time. */
  private open(): Promise<void> {
    this.opening ??= (async () => {
      if (await this.api.hasDocument()) return;
      try {
        await this.api.create();
      } catch (error) {
        if (!ALREADY_OPEN.test((error as Error).message ?? '')) throw error;
      }
    })().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private cancelIdle(): void {
    if (this.idleTimer === null) return;
    this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private closeWhenIdle(): void {
    this.cancelIdle();
    this.idleTimer = this.timers.setTimeout(() => {
      this.idleTimer = null;
      if (this.users > 0) return;
      this.closing = this.api
        .close()
        // Closed already (by the browser, or another close): nothing to do.
        .catch(() => {})
        .finally(() => {
          this.closing = null;
        });
    }, this.idleMs);
  }
}
