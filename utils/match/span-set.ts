/**
 * A set of text spans (end exclusive), merged and sorted once, that answers "does this span
 * touch any of them" by binary search: the unknown-name finder asks it once per candidate.
 */
import type { Span } from '../text/sentences';

export class SpanSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
    for (const { start, end } of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end);
      else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  /** True when [start, end) shares at least one character with a span of the set; false for an empty span. */
  overlaps(start: number, end: number): boolean {
    if (end <= start) return false;
    // The last span that starts before `end`: only it can reach into [start, end).
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && this.ends[found]! > start;
  }
}
