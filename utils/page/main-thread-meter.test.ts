import { describe, expect, it } from 'vitest';
import { MainThreadMeter } from './main-thread-meter';

describe('MainThreadMeter', () => {
  it('sums the work per phase, keeps its spans, and the time of the first highlight only', () => {
    let clock = 100;
    const meter = new MainThreadMeter(() => clock);
    meter.add('detect', 100, 101.5);
    meter.time('extract', () => (clock += 12));
    meter.add('extract', 140, 143);
    clock = 200;
    meter.highlighted(198, false);
    clock = 300;
    meter.highlighted(297, true);
    clock = 400;
    meter.highlighted(399, true);
    const { phases, spans, firstHighlightAt } = meter.cost;
    expect(phases).toEqual({ detect: 1.5, extract: 15, highlight: 6, watch: 0 });
    expect(spans).toEqual([[100, 101.5], [100, 112], [140, 143], [198, 200], [297, 300], [399, 400]]);
    expect(firstHighlightAt).toBe(300);
  });

  it('counts time even when the work throws, and ignores a span that ends before it starts', () => {
    let clock = 0;
    const meter = new MainThreadMeter(() => clock);
    expect(() =>
      meter.time('watch', () => {
        clock = 4;
        throw new Error('page changed under us');
      }),
    ).toThrow('page changed');
    meter.add('watch', 10, 5);
    expect(meter.cost.phases.watch).toBe(4);
    expect(meter.cost.spans).toHaveLength(1);
  });
});
