/**
 * What the content script costs the page's main thread (issue 20, "Measured"): the time of
 * each stretch of its work (detect, extract, highlight, watch), measured with the clock it is
 * given (performance.now() in the page), summed per phase and kept as spans so that a
 * benchmark can tell which long tasks of the page were ours. Nothing leaves the content
 * script unless asked (watchState); no mark is left on the page's performance timeline.
 */

export type CostPhase = 'detect' | 'extract' | 'highlight' | 'watch';

/** Spans kept at most: enough for a page read a few times, bounded on a page that is not. */
const MAX_SPANS = 200;

export interface MainThreadCost {
  /** Milliseconds of main-thread work per phase, since the page was loaded. */
  phases: Record<CostPhase, number>;
  /** The stretches of work, [start, end] in the page's clock (ms since its navigation began), the first MAX_SPANS. */
  spans: [number, number][];
  /** When the first highlight was painted (ms since navigation began); null before. */
  firstHighlightAt: number | null;
}

export class MainThreadMeter {
  private readonly phases: Record<CostPhase, number> = { detect: 0, extract: 0, highlight: 0, watch: 0 };
  private readonly spans: [number, number][] = [];
  private firstHighlightAt: number | null = null;

  constructor(readonly now: () => number) {}

  /** Counts the work from `start` to `end` (ms, this meter's clock) for `phase`. */
  add(phase: CostPhase, start: number, end: number): void {
    if (!(end >= start)) return;
    this.phases[phase] += end - start;
    if (this.spans.length < MAX_SPANS) this.spans.push([start, end]);
  }

  /** Runs `work` and counts its time for `phase`; returns what it returns. */
  time<T>(phase: CostPhase, work: () => T): T {
    const start = this.now();
    try {
      return work();
    } finally {
      this.add(phase, start, this.now());
    }
  }

  /** Counts painting highlights from `start` to now; `any` when some were painted (the first time is kept). */
  highlighted(start: number, any: boolean): void {
    const end = this.now();
    this.add('highlight', start, end);
    if (any) this.firstHighlightAt ??= end;
  }

  get cost(): MainThreadCost {
    return { phases: { ...this.phases }, spans: this.spans.map((s) => [s[0], s[1]]), firstHighlightAt: this.firstHighlightAt };
  }
}

/** The content script's meter: one per page (a content script runs once per document). */
export const pageMeter = new MainThreadMeter(() => performance.now());
