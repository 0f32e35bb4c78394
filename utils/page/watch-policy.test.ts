import { describe, expect, it } from 'vitest';
import { fingerprintText, maxReadsWhileBusy, stillShowsMention, WatchPlan, watchLimits, type WatchStep } from './watch-policy';

const L = watchLimits;

/**
 * Drives a plan as the watcher does, with a simulated clock: `changes` are the times (ms) the
 * page changed; every due check reads again when `textChanged(at)` says so. Returns the times
 * of the reads again and why the plan stopped.
 */
function simulate(changes: number[], textChanged: (at: number) => boolean = () => true, until = Math.max(...changes, 0) + 60_000) {
  const plan = new WatchPlan(0);
  const reads: number[] = [];
  let timer: number | null = null;
  const follow = (step: WatchStep) => {
    if (step.kind === 'check') timer = step.at;
    if (step.kind === 'stop') timer = null;
  };
  let i = 0;
  for (let now = 0; now <= until && !plan.stop; now += 10) {
    while (i < changes.length && changes[i]! <= now) {
      follow(plan.changed(now));
      i++;
    }
    if (timer !== null && timer <= now) {
      timer = null;
      const step = plan.due(now);
      if (step.kind === 'check' && step.at <= now) {
        const reread = textChanged(now);
        if (reread) reads.push(now);
        follow(plan.checked(now, reread));
      } else follow(step);
    }
  }
  return { reads, stop: plan.stop, plan };
}

describe('WatchPlan', () => {
  it('reads a late article once, after the page has been quiet for a moment', () => {
    // Hydration: a burst of changes at 2 s.
    const { reads, stop } = simulate([2000, 2010, 2030, 2100]);
    expect(reads).toEqual([2100 + L.quietMs]);
    expect(stop).toBeNull();
  });

  it('does not read again when the text is the same', () => {
    const { reads } = simulate([2000, 5000], () => false);
    expect(reads).toEqual([]);
  });

  it('reads a live blog after each update while the reads last', () => {
    const updates = Array.from({ length: 8 }, (_, k) => 2000 + k * 3000);
    const { reads, stop } = simulate(updates);
    expect(reads).toHaveLength(8);
    reads.forEach((at, k) => expect(at).toBe(updates[k]! + L.quietMs));
    expect(stop).toBeNull();
  });

  it('stops after maxRereads on a page that keeps changing its article', () => {
    const updates = Array.from({ length: 40 }, (_, k) => 1000 + k * 2000);
    const { reads, stop } = simulate(updates);
    expect(reads).toHaveLength(L.maxRereads);
    expect(stop).toBe('rereads');
  });

  it('reads a page that never pauses by the latest delay, ever less often, then stops it as unsettled', () => {
    const busy = Array.from({ length: 3000 }, (_, k) => 500 + k * 50);
    const { reads, stop } = simulate(busy);
    expect(stop).toBe('unsettled');
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.length).toBeLessThanOrEqual(maxReadsWhileBusy());
    expect(reads[0]).toBe(500 + L.maxDelayMs);
    const gaps = reads.slice(1).map((at, k) => at - reads[k]!);
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]).toBeGreaterThan(gaps[k - 1]!);
    expect(Math.max(...reads)).toBeLessThanOrEqual(500 + L.maxBusyMs + L.maxDelayMs);
  });

  it('stops watching after maxWatchMs', () => {
    const { reads, stop } = simulate([L.maxWatchMs + 1000]);
    expect(reads).toEqual([]);
    expect(stop).toBe('time');
  });

  it('counts a page that changes every second as settled (the pauses are long enough)', () => {
    const updates = Array.from({ length: 30 }, (_, k) => 1000 + k * 1000);
    const { stop, reads } = simulate(updates, () => true);
    expect(stop).toBe('rereads');
    // Never two reads closer than the gap.
    for (let k = 1; k < reads.length; k++) expect(reads[k]! - reads[k - 1]!).toBeGreaterThanOrEqual(L.minGapMs);
  });
});

describe('maxReadsWhileBusy', () => {
  it('is a few reads for the default limits and never more than maxRereads', () => {
    expect(maxReadsWhileBusy()).toBeGreaterThanOrEqual(2);
    expect(maxReadsWhileBusy()).toBeLessThanOrEqual(5);
    expect(maxReadsWhileBusy({ ...L, maxBusyMs: 24 * 3_600_000 })).toBe(L.maxRereads);
  });
});

describe('fingerprintText', () => {
  it('is the same for the same text and differs for a changed one', () => {
    expect(fingerprintText('Donald Trump met Vladimir Putin')).toBe(fingerprintText('Donald Trump met Vladimir Putin'));
    expect(fingerprintText('Donald Trump met Vladimir Putin')).not.toBe(fingerprintText('Donald Trump met Vladimir Putim'));
    expect(fingerprintText('')).toBe('0:811c9dc5');
  });
});

describe('stillShowsMention', () => {
  it.each([
    ['Sergei Lavrov', 'Sergei Lavrov', true],
    ['Sergei\n   Lavrov', 'Sergei Lavrov', true],
    ['', 'Sergei Lavrov', false],
    ['Sergei Lav', 'Sergei Lavrov', false],
  ])('%j shows %j: %s', (live, mention, expected) => {
    expect(stillShowsMention(live, mention)).toBe(expected);
  });
});
