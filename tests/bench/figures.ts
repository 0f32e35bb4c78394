/**
 * The figures a benchmark reports, for `npm run bench` (tests/bench/run-bench.ts) to gather
 * into one table and one JSON file. A benchmark run alone prints its own lines as before;
 * run by `npm run bench`, it also appends each figure as a line of JSON to the file named by
 * BENCH_FIGURES. A figure may name a baseline measured in the same run (the floor any
 * matcher pays, a naive method, the same work warm): the table gives the ratio to it, which
 * says more from run to run than a time on a shared machine.
 */
import { appendFileSync } from 'node:fs';

export interface Figure {
  /** The area, as the table groups figures: matching, page cost, kb import, cold start, ranking, library search, memory. */
  area: string;
  name: string;
  value: number;
  unit: 'ms' | 's' | 'KB' | 'MB' | 'MB/s' | 'count';
  /** What the value is compared with, measured in the same run. */
  baseline?: { name: string; value: number };
}

/** Records a figure (for `npm run bench`); returns its value, so a line can print it too. */
export function record(figure: Figure): number {
  const file = process.env.BENCH_FIGURES;
  if (file && Number.isFinite(figure.value)) appendFileSync(file, `${JSON.stringify(figure)}\n`);
  return figure.value;
}
