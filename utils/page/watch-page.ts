/**
 * Watches a page for an article that comes late or changes (issue 20): late hydration, a
 * script that swaps the body, a "read more" expander, a live blog, a single-page app's next
 * article. A MutationObserver notes changes; the pure WatchPlan (watch-policy.ts) says when to
 * look; the page is read again only when the article's text really changed. Highlights whose
 * text the page changed are dropped at once. The watcher stops while the tab is hidden, and for
 * good after a bounded number of reads or time, or on a page that never settles.
 */
import type { MainThreadMeter } from './main-thread-meter';
import { fingerprintText, stillShowsMention, WatchPlan, watchLimits, type WatchLimits, type WatchStep, type WatchStop } from './watch-policy';

/** What the watcher needs of the current reading of the page. */
export interface WatchedReading {
  /** The live element that holds the article; null when the page has none (yet). */
  root: Element | null;
  /** The highlights painted on the page. */
  painted: { range: Range; text: string }[];
}

export interface WatchOptions {
  /** The current reading (asked afresh at every check: a read replaces it). */
  reading(): WatchedReading;
  /** Reads the page again; resolves when the new reading is in place. */
  reread(): Promise<void>;
  /** True for the nodes of our own UI (the card's shadow host): their changes are not the page's. */
  isOurs(node: Node): boolean;
  /** Told once when the watcher gives up on the page for good. */
  onStop?(reason: WatchStop): void;
  limits?: WatchLimits;
  /** Counts the watcher's own main-thread time (its 'watch' phase). */
  meter?: MainThreadMeter;
}

/** What the watcher did: for the content protocol's watchState (tests and the tab state). */
export interface WatchStatus {
  /** Reads of the page: the first one and each read again, since the page (or address) was loaded. */
  reads: number;
  /** True while the page is watched (false while the tab is hidden and once stopped). */
  watching: boolean;
  stopped: WatchStop | null;
}

const ATTRIBUTES = ['hidden', 'aria-hidden', 'open'];
/** Of an added subtree, this many characters are counted at most (textContent of a big node is not free). */
const ADDED_TEXT_CAP = 10_000;

/**
 * Drops from `painted` and from the page's highlight registry every highlight whose live text
 * no longer equals its mention's text; returns how many were dropped (0 when all still hold).
 */
export function dropStaleHighlights(painted: WatchedReading['painted'], registry: HighlightRegistry | undefined): number {
  const stale = new Set<Range>();
  for (const p of painted) if (!stillShowsMention(p.range.toString(), p.text)) stale.add(p.range);
  if (!stale.size) return 0;
  for (let i = painted.length - 1; i >= 0; i--) if (stale.has(painted[i]!.range)) painted.splice(i, 1);
  registry?.forEach((highlight, name) => {
    if (!name.startsWith('backstory-')) return;
    for (const range of stale) highlight.delete(range);
  });
  return stale.size;
}

export class PageWatcher {
  private plan: WatchPlan;
  private readonly observer: MutationObserver;
  private timer = 0;
  private reads = 0;
  private observing = false;
  private reading = false;
  private disposed = false;
  private stopReported = false;
  /** Fingerprint of the article's text at the last read; of nothing when there is no article. */
  private baseline = '';
  /** Length of the body's text at the last read (for pages without an article). */
  private bodyLength = 0;
  /** Text added beside the article (not inside it) since the last read, in characters. */
  private addedBeside = 0;
  /** A change that always calls for a read: the article left the page, was shown, or the address changed. */
  private forced = false;
  private readonly limits: WatchLimits;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly options: WatchOptions,
  ) {
    this.limits = options.limits ?? watchLimits;
    this.plan = new WatchPlan(win.performance.now(), this.limits);
    this.observer = new win.MutationObserver((records) => this.measured(() => this.noteRecords(records)));
    this.takeBaseline();
    win.document.addEventListener('visibilitychange', this.onVisibility);
    if (win.document.visibilityState !== 'hidden') this.observe();
  }

  get status(): WatchStatus {
    return { reads: this.reads, watching: this.observing, stopped: this.plan.stop };
  }

  /** The page moved to another address (pushState): a new article, with bounds of its own. */
  addressChanged(): void {
    if (this.disposed) return;
    this.plan = new WatchPlan(this.win.performance.now(), this.limits);
    this.reads = 0;
    this.stopReported = false;
    this.forced = true;
    this.observe();
    this.follow(this.plan.changed(this.win.performance.now()));
  }

  dispose(): void {
    this.disposed = true;
    this.unobserve();
    this.win.document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onVisibility = () => {
    if (this.disposed || this.plan.stop) return;
    if (this.win.document.visibilityState === 'hidden') return this.unobserve();
    // The page may have changed while hidden: look once, then go on watching.
    this.observe();
    this.follow(this.plan.changed(this.win.performance.now()));
  };

  private observe(): void {
    if (this.observing || this.disposed || this.plan.stop) return;
    this.observer.observe(this.win.document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
    this.observing = true;
  }

  private unobserve(): void {
    this.observer.disconnect();
    this.observing = false;
    this.win.clearTimeout(this.timer);
    this.timer = 0;
  }

  private takeBaseline(): void {
    const { root } = this.options.reading();
    this.baseline = root?.isConnected ? fingerprintText(root.textContent ?? '') : '';
    this.bodyLength = this.win.document.body?.textContent?.length ?? 0;
    this.addedBeside = 0;
    this.forced = false;
  }

  private measured<T>(work: () => T): T {
    return this.options.meter ? this.options.meter.time('watch', work) : work();
  }

  /** Whether a batch of records touches the article (or, without one, the page's text). */
  private noteRecords(records: MutationRecord[]): void {
    if (this.disposed) return;
    const { root } = this.options.reading();
    let relevant = false;
    if (records.length > this.limits.maxRecordsPerBatch) relevant = true;
    else {
      for (const record of records) {
        if (this.isOursRecord(record)) continue;
        if (!root || !root.isConnected) {
          relevant = true;
          if (root) this.forced = true;
          break;
        }
        const target = record.target;
        if (root.contains(target)) {
          relevant = true;
          if (record.type === 'attributes') this.forced = true;
        } else if (record.type === 'childList' && target.contains(root)) {
          // Beside the article: a "read more" that adds the rest after it, a next article below it.
          relevant = true;
          for (const node of record.addedNodes) this.addedBeside += Math.min(node.textContent?.length ?? 0, ADDED_TEXT_CAP);
        }
      }
    }
    if (relevant) this.follow(this.plan.changed(this.win.performance.now()));
  }

  private isOursRecord(record: MutationRecord): boolean {
    if (this.options.isOurs(record.target)) return true;
    if (record.type !== 'childList') return false;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && nodes.every((n) => this.options.isOurs(n));
  }

  private follow(step: WatchStep): void {
    if (step.kind === 'stop') return this.halt(step.reason);
    // While hidden nothing is looked at: the change is looked at once the tab is shown again.
    if (step.kind === 'idle' || this.reading || !this.observing) return;
    this.win.clearTimeout(this.timer);
    this.timer = this.win.setTimeout(() => void this.onDue(), Math.max(0, step.at - this.win.performance.now()));
  }

  private halt(reason: WatchStop): void {
    this.unobserve();
    if (this.stopReported) return;
    this.stopReported = true;
    this.options.onStop?.(reason);
  }

  private async onDue(): Promise<void> {
    this.timer = 0;
    if (this.disposed) return;
    const now = this.win.performance.now();
    const step = this.plan.due(now);
    if (step.kind !== 'check' || step.at > now) return this.follow(step);
    const reading = this.options.reading();
    const reread = this.measured(() => {
      dropStaleHighlights(reading.painted, this.win.CSS?.highlights);
      return this.textChanged(reading.root);
    });
    const next = this.plan.checked(now, reread);
    if (reread) await this.options.reread();
    if (next.kind === 'stop') this.halt(next.reason);
    else if (!reread) this.follow(next);
  }

  /** A read of the page begins (the first one, one of ours, or the reader's Retry). */
  readStarted(): void {
    this.reading = true;
    this.reads++;
    this.win.clearTimeout(this.timer);
    this.timer = 0;
  }

  /** The read is done and its reading in place: what it read becomes the text to compare with. */
  readFinished(): void {
    this.reading = false;
    if (this.disposed) return;
    // Changes made while the page was being read may not be in what was read: read again (bounded by the plan).
    const pending = this.plan.due(this.win.performance.now());
    this.takeBaseline();
    if (pending.kind === 'check') this.forced = true;
    this.follow(pending);
  }

  /** Whether the article's text changed since the last read (or, without an article, the page's text grew). */
  private textChanged(root: Element | null): boolean {
    if (this.forced) return true;
    if (root) {
      if (!root.isConnected) return true;
      return fingerprintText(root.textContent ?? '') !== this.baseline || this.addedBeside >= this.limits.minGrowthChars;
    }
    const length = this.win.document.body?.textContent?.length ?? 0;
    return Math.abs(length - this.bodyLength) >= this.limits.minGrowthChars;
  }
}

const BLOCK_TAGS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH', 'DIV', 'SECTION', 'ARTICLE', 'FIGCAPTION']);
const BLOCK_TEXT_MAX = 600;

/** Each highlight's mention text, the text its Range shows now, and the text of the block it sits in (for watchState). */
export function describeHighlights(painted: WatchedReading['painted']): { mention: string; live: string; block: string }[] {
  return painted.map((p) => {
    let el: Element | null = p.range.startContainer.parentElement;
    while (el && !BLOCK_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
    return { mention: p.text, live: p.range.toString(), block: (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, BLOCK_TEXT_MAX) };
  });
}
