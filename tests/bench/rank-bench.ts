/**
 * `npm run bench:rank`: the cost of ranking one article's related events against the whole
 * default pack (issue 18, target p95 ≤ 20 ms in Node), for every page that has a gold file.
 * Tokens, mentions and event mentions are found first and not timed; what is timed is
 * rankRelated alone, in two cases:
 * - cold: the knowledge-base view is new for each article, as the extension's slice is, so
 *   every candidate event's topic words are counted anew (the pack's word statistics are
 *   counted once, as the extension stores them);
 * - warm: the same view again, its events' topic words already counted.
 * Also how long counting the pack's word statistics takes (once per pack). Prints figures;
 * asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { KnowledgeBase } from '../../utils/kb/knowledge-base';
import { readPackFile } from '../../utils/kb/load-pack-file';
import { rankRelated } from '../../utils/related/rank-related';
import { TopicStats } from '../../utils/related/topic';
import { record } from './figures';
import { goldArticles } from './gold-articles';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

function main(): void {
  // Figures from a shared machine are only as good as its load: say what it was.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const pack = readPackFile();
  const kb = new KnowledgeBase(pack.entities, pack.events);
  let start = performance.now();
  const stats = TopicStats.of(pack.events);
  console.log(`pack: ${pack.entities.length} entities, ${pack.events.length} events; word statistics counted in ${fmt(performance.now() - start)} (${stats.data.terms.start.length - 1} words), once per pack`);

  const cold: number[] = [];
  const warm: number[] = [];
  const rows: string[] = [];
  for (const { page, article, mentions, eventMentions } of goldArticles(kb)) {
    const { text } = article;
    const mine: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A new view over the same records, index and word statistics: no event's words counted yet.
      const view = new KnowledgeBase(pack.entities, pack.events, kb.index, { topic: stats });
      start = performance.now();
      rankRelated(view, article, mentions, eventMentions);
      mine.push(performance.now() - start);
      start = performance.now();
      rankRelated(view, article, mentions, eventMentions);
      warm.push(performance.now() - start);
    }
    cold.push(...mine);
    rows.push(`  ${page.split('/').pop()!.padEnd(44)} ${String(text.length).padStart(6)} chars  cold median ${fmt(percentile(mine, 50))}  p95 ${fmt(percentile(mine, 95))}`);
  }
  console.log(`ranking one article against the whole pack, ${RUNS} runs per page:`);
  for (const row of rows) console.log(row);
  console.log(`all pages, cold (new view, as the extension's slice): median ${fmt(percentile(cold, 50))}, p95 ${fmt(percentile(cold, 95))}, max ${fmt(Math.max(...cold))}`);
  console.log(`all pages, warm (events' words counted):            median ${fmt(percentile(warm, 50))}, p95 ${fmt(percentile(warm, 95))}, max ${fmt(Math.max(...warm))}`);
  const area = 'ranking';
  const warmBase = (p: number) => ({ name: `warm p${p} (words counted)`, value: percentile(warm, p) });
  record({ area, name: 'rank one article, cold, median', value: percentile(cold, 50), unit: 'ms', baseline: warmBase(50) });
  record({ area, name: 'rank one article, cold, p95', value: percentile(cold, 95), unit: 'ms', baseline: warmBase(95) });
  record({ area, name: 'rank one article, warm, p95', value: percentile(warm, 95), unit: 'ms' });
}

main();
