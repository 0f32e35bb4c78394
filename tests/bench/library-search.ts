/**
 * Library search (part of `npm run bench`): the knowledge-base search the library page runs
 * (searchEntities and searchEvents, as the background's searchKb), over a synthetic pack in
 * fake-indexeddb under Node, beside the naive baseline measured in the same run: a scan of
 * every record's names in memory. Absolute times under fake-indexeddb are not Chromium's;
 * the ratio to the scan is what compares from run to run. Prints figures; asserts nothing.
 * LIB_ENTITIES and LIB_EVENTS set the pack's size.
 */
import 'fake-indexeddb/auto';
import { BackstoryDb } from '../../utils/db';
import { currentDerived, installPack } from '../../utils/derived';
import { searchEntities, searchEvents } from '../../utils/background/kb-store';
import { record } from './figures';
import { seeded, syntheticPack } from './synthetic-pack';

const size = { entities: Number(process.env.LIB_ENTITIES ?? 20_000), aliasesPerEntity: 3, events: Number(process.env.LIB_EVENTS ?? 5_000) };
const QUERIES = 200;
const LIMIT = 20;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function main(): Promise<void> {
  const pack = syntheticPack(size);
  const db = new BackstoryDb(`bench-search-${process.pid}`);
  let start = performance.now();
  await installPack(db, pack);
  await currentDerived(db);
  const installed = performance.now() - start;
  console.log(`synthetic pack: ${pack.entities.length} entities, ${pack.events.length} events, installed in fake-indexeddb in ${(installed / 1000).toFixed(1)} s`);

  // Queries as a reader types them: whole names, surnames, the start of a name, an event's words.
  const rand = seeded(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const e = pick(pack.entities);
    if (i % 4 === 0) return e.name.toLowerCase();
    if (i % 4 === 1) return (e.aliases[0] ?? e.name).toLowerCase();
    if (i % 4 === 2) return e.name.toLowerCase().slice(0, 4);
    return pick(pack.events).title.toLowerCase().split(' ').slice(0, 2).join(' ');
  });

  for (const q of queries.slice(0, 10)) await searchEntities(db, q, LIMIT); // first reads of the search lists
  const searched: number[] = [];
  let found = 0;
  for (const q of queries) {
    start = performance.now();
    const [entities, events] = await Promise.all([searchEntities(db, q, LIMIT), searchEvents(db, q, LIMIT)]);
    searched.push(performance.now() - start);
    found += entities.length + events.length;
  }

  // The naive baseline: every record's names, lower-cased once, scanned for each query.
  const names = pack.entities.map((e) => [e.name, ...e.aliases].join('\n').toLowerCase());
  const titles = pack.events.map((e) => [e.title, ...e.aliases].join('\n').toLowerCase());
  const scanned: number[] = [];
  for (const q of queries) {
    start = performance.now();
    let n = 0;
    for (const text of names) if (text.includes(q) && n < LIMIT) n++;
    for (const text of titles) if (text.includes(q) && n < 2 * LIMIT) n++;
    scanned.push(performance.now() - start);
  }
  console.log(`search (entities + events, ${QUERIES} queries, ${found} results): median ${fmt(percentile(searched, 50))}, p95 ${fmt(percentile(searched, 95))}`);
  console.log(`baseline, a scan of every record's names in memory: median ${fmt(percentile(scanned, 50))}, p95 ${fmt(percentile(scanned, 95))}`);
  const area = 'library search';
  record({ area, name: `search ${size.entities / 1000}k entities + ${size.events / 1000}k events, median`, value: percentile(searched, 50), unit: 'ms', baseline: { name: 'scan of names in memory, median', value: percentile(scanned, 50) } });
  record({ area, name: `search ${size.entities / 1000}k entities + ${size.events / 1000}k events, p95`, value: percentile(searched, 95), unit: 'ms', baseline: { name: 'scan of names in memory, p95', value: percentile(scanned, 95) } });
  db.close();
  await db.delete();
}

await main();
