/**
 * `npm run bench`: every benchmark of the project, one after the other, each in a process of
 * its own (so one's heap does not weigh on the next): matching, page cost (in Chromium), ranking, unknown
 * names, library search (under Node), then the knowledge-base import, cold start and the
 * worker's memory in Chromium with the built extension. Each prints its own lines as it runs;
 * at the end one table gathers the figures, each with its ratio to a baseline measured in the
 * same run where it has one, and bench-results.json keeps them (with the machine, its load and
 * the commit) to compare from run to run. Sizes are set to run in a few minutes on a 2-core
 * machine; the benchmarks alone (`npm run bench:kb`, …) keep their larger defaults.
 * BENCH_ONLY=matching,ranking runs only the named steps. Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'bench-results.json');

interface Step {
  name: string;
  script: string;
  env?: Record<string, string>;
}

const steps: Step[] = [
  { name: 'matching', script: 'tests/bench/matching.ts' },
  // Every third corpus page (23 of 69), in Chromium with the built extension (npm run bench:page reads all).
  { name: 'page-cost', script: 'tests/bench/page-cost.ts', env: { PAGE_COST_EVERY: '3' } },
  { name: 'ranking', script: 'tests/bench/rank-bench.ts', env: { BENCH_RUNS: '5' } },
  { name: 'history', script: 'tests/bench/history-bench.ts', env: { BENCH_RUNS: '5' } },
  { name: 'unknown-names', script: 'tests/bench/unknown-names.ts' },
  { name: 'library-search', script: 'tests/bench/library-search.ts' },
  // Chromium, with the built extension (.output/chrome-mv3).
  // The synthetic import exported back (the reader's layer), as its baseline.
  { name: 'kb-import', script: 'tests/bench/kb-scale.ts', env: { KB_ENTITIES: '10000', KB_EVENTS: '5000', KB_EXPORT: 'user' } },
  // The default pack's first install; the upgrade (as long again) only with npm run bench:pack.
  { name: 'pack-install', script: 'tests/bench/pack-install.ts', env: { PACK_UPGRADE: '0' } },
];

const fmtValue = (f: Figure) => {
  const v = f.value;
  const digits = f.unit === 'count' ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} ${f.unit === 'count' ? '' : f.unit}`.trim();
};
const ratioOf = (f: Figure) => (f.baseline && f.baseline.value > 0 ? f.value / f.baseline.value : null);

function table(figures: Figure[], failed: string[]): string {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    return [f.area, f.name, fmtValue(f), f.baseline ? `${f.baseline.name}: ${fmtValue({ ...f, value: f.baseline.value })}` : '', ratio === null ? '' : `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`];
  });
  const head = ['area', 'figure', 'value', 'baseline (same run)', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const lines = [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
  if (failed.length) lines.push('', `failed (no figures): ${failed.join(', ')}`);
  return lines.join('\n');
}

function main(): void {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const chosen = only ? steps.filter((s) => only.includes(s.name)) : steps;
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const file = join(dir, 'figures.jsonl');
  writeFileSync(file, '');
  const started = Date.now();
  const load = loadavg();
  const failed: string[] = [];
  const seconds: Record<string, number> = {};
  for (const step of chosen) {
    console.log(`\n━━ ${step.name} (${step.script}) ━━`);
    const t = Date.now();
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', step.script], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...step.env, BENCH_FIGURES: file },
    });
    seconds[step.name] = (Date.now() - t) / 1000;
    if (run.status !== 0) failed.push(`${step.name} (exit ${run.status ?? run.signal})`);
  }
  const figures = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Figure);
  rmSync(dir, { recursive: true, force: true });
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim() !== '';
  console.log(`\n━━ all benchmarks: ${((Date.now() - started) / 1000).toFixed(0)} s on ${cpus().length} cores, load average at the start ${load.map((x) => x.toFixed(1)).join(' ')}, commit ${commit}${dirty ? ' (with changes)' : ''} ━━\n`);
  console.log(table(figures, failed));
  const results = {
    date: new Date().toISOString(),
    commit,
    dirty,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', loadAverageAtStart: load, node: process.version },
    seconds,
    failed,
    figures: figures.map((f) => ({ ...f, ratio: ratioOf(f) })),
  };
  if (existsSync(out)) console.log(`\n(replacing the previous ${out.replace(root, '')})`);
  writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
  console.log(`\nfigures written to ${out.replace(root, '')}`);
  if (failed.length) process.exitCode = 1;
}

main();
