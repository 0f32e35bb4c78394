/**
 * `npm run -s analyze -- PAGE [--date YYYY-MM-DD] [--url URL] [--json]`
 * Runs the extension's pure modules on a saved page. With --json it prints exactly the
 * analysis JSON on stdout (format: ../shared/gold/README.md); without, a readable report.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeDocument } from '../analysis/analyze-document';
import type { Analysis } from '../analysis/analyze-text';
import { unknownNamesOf } from '../analysis/unknown-names-of';
import { loadKnowledgeBase } from '../kb/load-pack-file';
import { parsePage } from './parse-page';

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(1);
}

function report(a: Analysis): string {
  const lines = [`${a.article.title || '(untitled)'}`, `article: ${a.isArticle ? 'yes' : 'no'}, published: ${a.article.published ?? 'unknown'}`];
  if (!a.isArticle) return lines.join('\n');
  lines.push('', `actors (${a.entities.length}):`);
  for (const e of a.entities) lines.push(`  ${e.name} ×${e.count}${e.role ? ` — ${e.role}` : ''}`);
  lines.push('', `event mentions (${a.eventMentions.length}):`);
  for (const m of a.eventMentions) lines.push(`  “${m.text}” → ${m.event.date} ${m.event.title}`);
  lines.push('', 'related prior events:');
  a.related.slice(0, 10).forEach((r, i) => lines.push(`  ${i + 1}. ${r.date} ${r.title} (${r.score.toFixed(2)}): ${r.reasons.join('; ')}`));
  if (a.unknownNames?.length) {
    lines.push('', `not in the knowledge base (${a.unknownNames.length}):`);
    for (const n of a.unknownNames) lines.push(`  ${n.text} ×${n.count} (${n.type})`);
  }
  if (a.later.length) {
    lines.push('', 'what happened next:');
    for (const r of a.later.slice(0, 5)) lines.push(`  ${r.date} ${r.title}`);
  }
  return lines.join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { date: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [page] = positionals;
  if (!page) fail('usage: analyze PAGE [--date YYYY-MM-DD] [--url URL] [--json]');
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fail(`--date must be YYYY-MM-DD, not "${values.date}"`);
  let html: Buffer;
  try {
    html = readFileSync(page);
  } catch (error) {
    fail(`cannot read ${page}: ${(error as Error).message}`);
  }
  const kb = loadKnowledgeBase();
  const read = analyzeDocument(parsePage(html, values.url), kb, { ...(values.date ? { date: values.date } : {}), ...(values.url ? { url: values.url } : {}) });
  // An extra field of the analysis JSON (issue 17): the gold format allows extra fields.
  const analysis: Analysis = { ...read, unknownNames: unknownNamesOf(read, kb) };
  process.stdout.write(values.json ? `${JSON.stringify(analysis)}\n` : `${report(analysis)}\n`);
}

main();
