/**
 * Matching (part of `npm run bench`; alone: `node --expose-gc --import tsx tests/bench/matching.ts`): the cost of linking a 10k-word article against the default pack built from
 * open data (200k entities, 400k names; BENCH_SYNTHETIC=N adds N synthetic entities), beside
 * the floor any matcher pays (one pass that normalises and tokenises) and two baselines: one
 * regular expression per alias, and one giant alternation of every alias. Prints figures; it
 * asserts nothing (see the issues for the targets).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KnowledgeBase } from '../../utils/kb/knowledge-base';
import { readPackFile } from '../../utils/kb/load-pack-file';
import type { CompiledAliasIndex } from '../../utils/match/compiled-index';
import { findMentions } from '../../utils/match/find-mentions';
import { tokenize } from '../../utils/text/tokenize';
import { record } from './figures';
import { syntheticPack } from './synthetic-pack';

const WORDS = 10_000;
const shared = fileURLToPath(new URL('../../../shared/corpus/pages/', import.meta.url));

/** About 10k words of real English news text from the corpus reference texts. */
function articleText(): string {
  const parts: string[] = [];
  let words = 0;
  for (const file of readdirSync(shared).filter((f) => f.endsWith('.expected.txt')).sort()) {
    const text = readFileSync(shared + file, 'utf8');
    if (!/\b(the|and|of)\b/.test(text)) continue; // English pages only
    parts.push(text);
    words += text.split(/\s+/).length;
    if (words >= WORDS) break;
  }
  return parts.join('\n\n').split(/(\s+)/).slice(0, WORDS * 2).join('');
}

function time<T>(fn: () => T, runs = 1): { ms: number; value: T } {
  let value!: T;
  const start = performance.now();
  for (let i = 0; i < runs; i++) value = fn();
  return { ms: (performance.now() - start) / runs, value };
}

/** The median time of `runs` runs, one by one: a collection that lands in one run does not skew it. */
function median<T>(fn: () => T, runs = 31): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[runs >> 1]!, value };
}

const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fmt = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);

function main(): void {
  const text = articleText();
  const mb = Buffer.byteLength(text) / 2 ** 20;
  console.log(`article: ${text.split(/\s+/).length} words, ${(mb * 1024).toFixed(0)} KB`);

  const real = readPackFile();
  const synthetic = syntheticPack({ entities: Number(process.env.BENCH_SYNTHETIC ?? 0), aliasesPerEntity: 3, events: 0 });
  const entities = [...real.entities, ...synthetic.entities];
  const before = heapMb();
  const build = time(() => new KnowledgeBase(entities, real.events));
  const kb = build.value;
  const indexHeap = heapMb() - before;
  console.log(`index: ${(kb.index as CompiledAliasIndex).size} aliases, built in ${fmt(build.ms)}, heap ${indexHeap.toFixed(1)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for an exact figure)'}`);

  for (let i = 0; i < 5; i++) tokenize(text); // let the JIT see the tokeniser first, as it has in a running extension
  const floor = median(() => tokenize(text));
  const first = time(() => findMentions(text, tokenize(text), kb, '2025-10-22'));
  for (let i = 0; i < 10; i++) findMentions(text, tokenize(text), kb, '2025-10-22'); // and the matcher: a worker links many articles
  const warm = median(() => findMentions(text, tokenize(text), kb, '2025-10-22'));
  console.log(`floor (normalise + tokenise, median): ${fmt(floor.ms)}, ${(mb / (floor.ms / 1000)).toFixed(1)} MB/s`);
  const area = 'matching';
  const floorBase = { name: 'floor: normalise + tokenise', value: floor.ms };
  record({ area, name: 'floor: normalise + tokenise 10k words', value: floor.ms, unit: 'ms' });
  record({ area, name: 'linking 10k words, first', value: first.ms, unit: 'ms', baseline: floorBase });
  record({ area, name: 'linking 10k words, warm', value: warm.ms, unit: 'ms', baseline: floorBase });
  record({ area, name: 'mentions found', value: warm.value.length, unit: 'count' });
  record({ area, name: 'alias index built', value: build.ms, unit: 'ms' });
  if ((globalThis as { gc?: unknown }).gc) record({ area: 'memory', name: 'alias index heap (Node)', value: indexHeap, unit: 'MB' });
  console.log(`linking (tokenise + match + resolve): first ${fmt(first.ms)}, warm median ${fmt(warm.ms)}, ${(mb / (warm.ms / 1000)).toFixed(1)} MB/s, ${warm.value.length} mentions, ${(warm.ms / floor.ms).toFixed(2)}× the floor`);

  const aliases = [...new Set(entities.flatMap((e) => [e.name, ...e.aliases]))];
  const sample = aliases.slice(0, 10_000);
  const perAlias = time(() => {
    let hits = 0;
    for (const alias of sample) hits += text.match(new RegExp(`\\b${escape(alias)}\\b`, 'g'))?.length ?? 0;
    return hits;
  });
  const perAliasAll = (perAlias.ms * aliases.length) / sample.length;
  console.log(`baseline, one regex per alias: ${fmt(perAlias.ms)} for 10k aliases → ${fmt(perAliasAll)} for ${aliases.length} (extrapolated), ${(perAliasAll / warm.ms).toFixed(0)}× linking`);
  record({ area: 'matching', name: 'baseline: one regex per alias (extrapolated)', value: perAliasAll, unit: 'ms', baseline: { name: 'linking, warm', value: warm.ms } });

  const sorted = [...aliases].sort((a, b) => b.length - a.length);
  const giantFirst = time(() => {
    const re = new RegExp(`\\b(?:${sorted.map(escape).join('|')})\\b`, 'g');
    return { re, n: text.match(re)?.length ?? 0 };
  });
  const re = giantFirst.value.re;
  const giantWarm = time(() => text.match(re)?.length ?? 0, 5);
  console.log(`baseline, giant alternation: first use ${fmt(giantFirst.ms)}, warm ${fmt(giantWarm.ms)}; linking is ${(giantWarm.ms / warm.ms).toFixed(1)}× faster than warm`);
  record({ area: 'matching', name: 'baseline: giant alternation, warm', value: giantWarm.ms, unit: 'ms', baseline: { name: 'linking, warm', value: warm.ms } });
}

main();
