/**
 * When to read a page again after it changed (issue 20, "pages that load or change their
 * article late"): the pure decisions of the page watcher (watch-page.ts), free of the DOM so
 * they are tested in Node. Late hydration, a script that swaps the body, a "read more"
 * expander, a live blog, a single-page app's next article: each ends in a change of the
 * article's text, which is read again once the page has been quiet for a moment. A page that
 * never stops changing is read a bounded number of times, then left alone.
 */

/** The watcher's bounds, per article (a page load or a move to another address). */
export const watchLimits = {
  /** Read again once changes have paused this long (ms)… */
  quietMs: 600,
  /** …or at the latest this long after the first change not yet read, however busy the page (ms). */
  maxDelayMs: 3000,
  /** At least this long between two reads of a busy page (ms); doubles with each read while it stays busy. */
  minGapMs: 1500,
  /** Reads after the first one, per article. */
  maxRereads: 12,
  /** Watch an article this long at most (ms). */
  maxWatchMs: 5 * 60_000,
  /** A page whose changes never pause for quietMs during this long is left alone: it never settles (ms). */
  maxBusyMs: 15_000,
  /** Mutation records looked at per batch; past it the batch counts as a change without a closer look. */
  maxRecordsPerBatch: 200,
  /** Text of an article-less page must grow by this many characters before detection runs again. */
  minGrowthChars: 400,
};

export type WatchLimits = typeof watchLimits;

/** Why the watcher stopped: too many reads, watched long enough, the page never settles. */
export type WatchStop = 'rereads' | 'time' | 'unsettled';

/** What to do next: look at the text at `at` (ms), nothing until the next change, or stop. */
export type WatchStep = { kind: 'check'; at: number } | { kind: 'idle' } | { kind: 'stop'; reason: WatchStop };

/**
 * The decisions for one article, driven by the times (ms) at which the page changed, a
 * check came due and a check found the text changed or not. Holds no timers: the caller
 * arms one for each 'check' step.
 */
export class WatchPlan {
  /** Reads after the first one. */
  rereads = 0;
  private firstUnread: number | null = null;
  private lastChange = -Infinity;
  private busySince: number;
  private lastRead: number;
  /** Reads while the page stayed busy: each doubles the gap before the next one. */
  private busyReads = 0;
  private stopped: WatchStop | null = null;

  constructor(
    private readonly startedAt: number,
    private readonly limits: WatchLimits = watchLimits,
  ) {
    this.busySince = startedAt;
    this.lastRead = startedAt;
  }

  /** Why the plan stopped; null while it goes on. */
  get stop(): WatchStop | null {
    return this.stopped;
  }

  private halt(reason: WatchStop): WatchStep {
    this.stopped ??= reason;
    return { kind: 'stop', reason: this.stopped };
  }

  /** The page changed where it matters at `now`; returns when to look at its text. */
  changed(now: number): WatchStep {
    if (this.stopped) return { kind: 'stop', reason: this.stopped };
    if (now - this.startedAt > this.limits.maxWatchMs) return this.halt('time');
    if (now - this.lastChange >= this.limits.quietMs) {
      this.busySince = now;
      this.busyReads = 0;
    } else if (now - this.busySince > this.limits.maxBusyMs) return this.halt('unsettled');
    this.lastChange = now;
    this.firstUnread ??= now;
    return { kind: 'check', at: this.dueAt() };
  }

  /** When the pending change should be looked at: after a quiet pause, by the latest delay, never before the gap. */
  private dueAt(): number {
    const quiet = this.lastChange + this.limits.quietMs;
    const latest = (this.firstUnread ?? this.lastChange) + this.limits.maxDelayMs;
    const gap = this.lastRead + this.limits.minGapMs * 2 ** this.busyReads;
    return Math.max(Math.min(quiet, latest), gap);
  }

  /**
   * A check came due at `now` (a timer the caller armed): 'check' with `at <= now` when the
   * text should be looked at now, a later 'check' when the page changed since (re-arm), or
   * idle when nothing is pending.
   */
  due(now: number): WatchStep {
    if (this.stopped) return { kind: 'stop', reason: this.stopped };
    if (this.firstUnread === null) return { kind: 'idle' };
    if (now - this.startedAt > this.limits.maxWatchMs) return this.halt('time');
    if (now - this.busySince > this.limits.maxBusyMs && now - this.lastChange < this.limits.quietMs) return this.halt('unsettled');
    const at = this.dueAt();
    return { kind: 'check', at: at <= now ? now : at };
  }

  /**
   * The text was looked at, at `now`: `reread` when it had changed and the page is read
   * again. Returns a stop when that read was the last one allowed, else idle.
   */
  checked(now: number, reread: boolean): WatchStep {
    this.firstUnread = null;
    if (!reread) return this.stopped ? { kind: 'stop', reason: this.stopped } : { kind: 'idle' };
    this.rereads++;
    this.lastRead = now;
    if (now - this.lastChange < this.limits.quietMs) this.busyReads++;
    if (this.rereads >= this.limits.maxRereads) return this.halt('rereads');
    return { kind: 'idle' };
  }
}

/** Reads a busy page can cost at most under `limits` after its first one: the bound the end-to-end test asserts. */
export function maxReadsWhileBusy(limits: WatchLimits = watchLimits): number {
  // The gap doubles with each read while the page stays busy: 1.5 s, 3 s, 6 s, … within maxBusyMs.
  let reads = 0;
  for (let t = limits.minGapMs; t <= limits.maxBusyMs + limits.maxDelayMs; t += limits.minGapMs * 2 ** reads) reads++;
  return Math.min(reads, limits.maxRereads);
}

/**
 * A cheap fingerprint of a text: its length and a 32-bit FNV-1a hash of it. Two texts with
 * the same fingerprint are taken as the same text; "" gives "0:811c9dc5".
 */
export function fingerprintText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

/** Text as the watcher compares it: runs of whitespace as one space, trimmed (layout-only whitespace changes are not changes). */
export function squashText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a highlight still shows its mention: its live text, whitespace squashed, equals the
 * mention's text. False for a Range emptied or cut by a change of the page.
 */
export function stillShowsMention(liveText: string, mentionText: string): boolean {
  return squashText(liveText) === squashText(mentionText);
}
