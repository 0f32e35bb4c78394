/**
 * `npm run eval`: runs `analyze --json` on every page that has a gold file (../shared/gold
 * and tests/gold), scores each with ../shared/tools/score.mjs and prints the figures per file
 * and a summary. A report: it fails only when it cannot run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shared = resolve(root, '../shared');
const scorer = join(shared, 'tools/score.mjs');
const outDir = join(root, 'test-output/eval');

if (!existsSync(scorer)) {
  console.error(`eval: ${scorer} not found — the shared material must sit beside the project (../shared)`);
  process.exit(2);
}

const goldDirs = [join(shared, 'gold'), join(root, 'tests/gold')].filter(existsSync);
const goldFiles = goldDirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));
mkdirSync(outDir, { recursive: true });

interface Score {
  articleOk: boolean;
  mentions: { f1: number; p: number; r: number; offsetErrors: number | null; missed: string[]; wrong: string[] };
  entities: { f1: number };
  events: { recall: number; precision: number };
  related: { requiredAt5: { recall: number }; expectedAt10: { recall: number } };
}

const rows: { name: string; s: Score }[] = [];
for (const goldPath of goldFiles) {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { page: string; article_date?: string };
  const page = join(shared, gold.page);
  const name = gold.page.split('/').pop()!.replace(/\.html$/, '');
  const args = ['tsx', join(root, 'utils/cli/analyze.ts'), page, '--json', ...(gold.article_date ? ['--date', gold.article_date] : [])];
  const analysis = execFileSync('npx', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const analysisPath = join(outDir, `${name}.analysis.json`);
  writeFileSync(analysisPath, analysis);
  const s = JSON.parse(execFileSync('node', [scorer, goldPath, analysisPath, '--json'], { encoding: 'utf8' })) as Score;
  rows.push({ name, s });
  if (process.argv.includes('--verbose')) {
    if (s.mentions.missed.length) console.log(`  missed: ${s.mentions.missed.join('; ')}`);
    if (s.mentions.wrong.length) console.log(`  wrong: ${s.mentions.wrong.join('; ')}`);
  }
}

const f = (x: number) => x.toFixed(2).padStart(5);
console.log(`${'page'.padEnd(44)} art  menF1  P     R     entF1 evR   evP   R@5   R@10  offErr`);
for (const { name, s } of rows) {
  console.log(
    `${name.padEnd(44)} ${s.articleOk ? 'ok ' : 'BAD'} ${f(s.mentions.f1)} ${f(s.mentions.p)} ${f(s.mentions.r)} ${f(s.entities.f1)} ${f(s.events.recall)} ${f(s.events.precision)} ${f(s.related.requiredAt5.recall)} ${f(s.related.expectedAt10.recall)} ${String(s.mentions.offsetErrors).padStart(5)}`,
  );
}
const mean = (pick: (s: Score) => number) => rows.reduce((a, r) => a + pick(r.s), 0) / Math.max(1, rows.length);
console.log(
  `summary over ${rows.length} gold files: mention F1 ${mean((s) => s.mentions.f1).toFixed(3)}, entity F1 ${mean((s) => s.entities.f1).toFixed(3)}, ` +
    `event R ${mean((s) => s.events.recall).toFixed(3)} P ${mean((s) => s.events.precision).toFixed(3)}, related R@5 ${mean((s) => s.related.requiredAt5.recall).toFixed(3)} R@10 ${mean((s) => s.related.expectedAt10.recall).toFixed(3)}, ` +
    `offset errors ${rows.reduce((a, r) => a + (r.s.mentions.offsetErrors ?? 0), 0)}, article verdicts wrong ${rows.filter((r) => !r.s.articleOk).length}`,
);
