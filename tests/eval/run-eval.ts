/**
 * `npm run eval`: analyses every page that has a gold file (../shared/gold and tests/gold)
 * with the same modules as `analyze --json` (the knowledge base loaded once, not once per
 * page), scores each with ../shared/tools/score.mjs and prints the figures per file and
 * overall. A report: it fails only when it cannot run.
 *
 * `--verbose` also prints what each file missed; `--only WORD` keeps the gold files whose
 * name holds WORD. Without `--only` it then prints the extraction figures of every corpus news
 * page (see extraction.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeDocument } from '../../utils/analysis/analyze-document';
import { parsePage } from '../../utils/cli/parse-page';
import { loadKnowledgeBase } from '../../utils/kb/load-pack-file';
import { formatExtraction, measureExtraction } from './extraction';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shared = resolve(root, '../shared');
const scorer = join(shared, 'tools/score.mjs');
const outDir = join(root, 'test-output/eval');

if (!existsSync(scorer)) {
  console.error(`eval: ${scorer} not found — the shared material must sit beside the project (../shared)`);
  process.exit(2);
}

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, only: { type: 'string' } } });
const goldDirs = [join(shared, 'gold'), join(root, 'tests/gold')].filter(existsSync);
const goldFiles = goldDirs
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)))
  .filter((f) => !values.only || f.includes(values.only));
mkdirSync(outDir, { recursive: true });

interface Score {
  articleOk: boolean;
  mentions: { f1: number; p: number; r: number; offsetErrors: number | null; missed: string[]; wrong: string[] };
  entities: { f1: number };
  events: { recall: number; precision: number; missed: string[] };
  related: {
    requiredAt5: { recall: number; missed: string[] };
    expectedAt10: { recall: number; missed: string[] };
    precisionAt5: { precision: number; filler: string[] } | null;
  };
}

const kb = loadKnowledgeBase();
const rows: { name: string; s: Score }[] = [];
for (const goldPath of goldFiles) {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { page: string; article_date?: string };
  const name = gold.page.split('/').pop()!.replace(/\.html$/, '');
  const analysis = analyzeDocument(parsePage(readFileSync(join(shared, gold.page))), kb, gold.article_date ? { date: gold.article_date } : {});
  const analysisPath = join(outDir, `${name}.analysis.json`);
  writeFileSync(analysisPath, `${JSON.stringify(analysis)}\n`);
  const s = JSON.parse(execFileSync('node', [scorer, goldPath, analysisPath, '--json'], { encoding: 'utf8' })) as Score;
  rows.push({ name, s });
  if (values.verbose) {
    console.log(name);
    const show = (label: string, list: string[] | undefined) => list?.length && console.log(`  ${label}: ${list.join('; ')}`);
    show('missed mentions', s.mentions.missed);
    show('wrong mentions', s.mentions.wrong);
    show('missed event mentions', s.events.missed);
    show('event mentions found', analysis.eventMentions.map((m) => `“${m.text}” → ${m.event.date} ${m.event.title}`));
    show('required not in top 5', s.related.requiredAt5.missed);
    show('expected not in top 10', s.related.expectedAt10.missed);
    show('top 5 not accepted', s.related.precisionAt5?.filler);
  }
}

const f = (x: number | undefined) => (x === undefined ? '   - ' : x.toFixed(2).padStart(5));
console.log(`${'page'.padEnd(44)} art  menF1  P     R     entF1 evR   evP   R@5   R@10  P@5   offErr`);
for (const { name, s } of rows) {
  console.log(
    `${name.padEnd(44)} ${s.articleOk ? 'ok ' : 'BAD'} ${f(s.mentions.f1)} ${f(s.mentions.p)} ${f(s.mentions.r)} ${f(s.entities.f1)} ${f(s.events.recall)} ${f(s.events.precision)} ` +
      `${f(s.related.requiredAt5.recall)} ${f(s.related.expectedAt10.recall)} ${f(s.related.precisionAt5?.precision)} ${String(s.mentions.offsetErrors).padStart(5)}`,
  );
}
const mean = (pick: (s: Score) => number | undefined) => {
  const xs = rows.map((r) => pick(r.s)).filter((x): x is number => x !== undefined);
  return xs.length ? (xs.reduce((a, x) => a + x, 0) / xs.length).toFixed(3) : '-';
};
const withP5 = rows.filter((r) => r.s.related.precisionAt5).length;
console.log(
  `summary over ${rows.length} gold files: mention F1 ${mean((s) => s.mentions.f1)}, entity F1 ${mean((s) => s.entities.f1)}, ` +
    `event mentions R ${mean((s) => s.events.recall)} P ${mean((s) => s.events.precision)}, ` +
    `related R@5 ${mean((s) => s.related.requiredAt5.recall)} R@10 ${mean((s) => s.related.expectedAt10.recall)} P@5 ${mean((s) => s.related.precisionAt5?.precision)} (over ${withP5} files with related_acceptable), ` +
    `offset errors ${rows.reduce((a, r) => a + (r.s.mentions.offsetErrors ?? 0), 0)}, article verdicts wrong ${rows.filter((r) => !r.s.articleOk).length}`,
);

// The text the mentions are found in: word F1 of each corpus news page's extracted body against
// its reference, beside Readability's own output (issue 17; `npm run eval:extraction` alone).
if (!values.only) {
  console.log('\nextraction (word-level F1 of the article body against the corpus reference texts):');
  console.log(formatExtraction(measureExtraction()));
}
