/**
 * `npm run bench:history`: the cost of "You read about this" (issue 18, target p95 ≤ 20 ms in
 * Node): for every page with a gold file, ranking the article against the whole default pack
 * (rankRelated, on a new view as the extension's slice) and then against 10,000 stories of
 * history: storyOf, the stories that share a rare word or an event with it (StoryIndex, as the
 * database's index on `keys` finds them) and rankStories over those; and, for the worst case,
 * rankStories over every story.
 *
 * The stories are synthetic but made of the pack's own records: each is "an article about"
 * a pack event (its people, place, words, a few related events of the same people, a date
 * near it), so they share famous actors and common words as real reading does. Also prints a
 * story's size as JSON. Figures only; asserts nothing. HISTORY_STORIES and BENCH_RUNS change
 * the sizes.
 */
import { cpus, loadavg } from 'node:os';
import { analyzeText } from '../../utils/analysis/analyze-text';
import { rankStories, StoryIndex } from '../../utils/history/rank-stories';
import { storyKeys, storyLimits, storyOf, type Story, type StoryTerm } from '../../utils/history/story';
import { KnowledgeBase, ROUTINE_EVENT_TYPES } from '../../utils/kb/knowledge-base';
import { readPackFile } from '../../utils/kb/load-pack-file';
import type { KbEvent } from '../../utils/kb/schema';
import { rankRelated } from '../../utils/related/rank-related';
import { eventTerms, TopicStats } from '../../utils/related/topic';
import { record } from './figures';
import { goldArticles } from './gold-articles';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const STORIES = Number(process.env.HISTORY_STORIES ?? 10_000);

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** A small seeded generator (mulberry32): the same stories on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `count` stories, each about a news event of the pack (see the header). */
function syntheticStories(kb: KnowledgeBase, stats: TopicStats, count: number): Story[] {
  const rand = random(18);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const news = [...kb.events.values()].filter((e) => !ROUTINE_EVENT_TYPES.has(e.type) && e.participants.length > 0);
  return Array.from({ length: count }, (_, i): Story => {
    const event = pick(news);
    const date = shiftDay(event.date, Math.floor(rand() * 30));
    const ids = [...event.participants.map((p) => p.entity), ...(event.place ? [event.place] : [])];
    const entities = ids.flatMap((id) => {
      const e = kb.entities.get(id);
      return e ? [{ id, name: e.name, type: e.type, count: 1 + Math.floor(rand() * 8) }] : [];
    });
    const { counts } = eventTerms(event);
    const terms: StoryTerm[] = [...counts]
      .map(([term, n]) => ({ term, text: term, weight: Math.round((2 * n) / (1 + n) * 100) / 100, idf: Math.round(stats.idf(term) * 100) / 100 }))
      .filter((t) => t.idf >= storyLimits.minIdf)
      .sort((a, b) => b.weight * b.idf - a.weight * a.idf)
      .slice(0, storyLimits.terms);
    const around = ids.flatMap((id) => kb.eventsOf(id)).filter((e: KbEvent) => e.date < event.date && e.id !== event.id);
    const backstory = Array.from({ length: Math.min(storyLimits.backstory, around.length) }, () => pick(around)).map((e) => ({ id: e.id, title: e.title }));
    const events = [{ id: event.id, title: event.title }];
    return {
      url: `https://news.example/story/${i}`,
      title: event.title,
      site: 'news.example',
      date,
      readAt: `${shiftDay(date, 1)}T08:00:00.000Z`,
      entities: entities.slice(0, storyLimits.entities),
      events,
      backstory,
      terms,
      keys: storyKeys(events, terms),
    };
  });
}

function main(): void {
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const pack = readPackFile();
  const kb = new KnowledgeBase(pack.entities, pack.events);
  const stats = TopicStats.of(pack.events);
  let start = performance.now();
  const stories = syntheticStories(kb, stats, STORIES);
  const index = new StoryIndex();
  for (const s of stories) index.add(s);
  const sizes = stories.map((s) => JSON.stringify(s).length);
  console.log(`history: ${stories.length} synthetic stories made in ${fmt(performance.now() - start)}; a story as JSON: median ${percentile(sizes, 50)} B, p95 ${percentile(sizes, 95)} B, all ${(sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB`);

  const pack_: number[] = [];
  const history: number[] = [];
  const both: number[] = [];
  const scanAll: number[] = [];
  const candidates: number[] = [];
  const listed: number[] = [];
  const storyBytes: number[] = [];
  for (const { page, title, date, article: ranked, mentions, eventMentions } of goldArticles(kb)) {
    const { text } = ranked;
    // The analysis a story is made from (not timed: the extension has it already).
    const analysis = analyzeText({ title, text, published: date, url: `https://news.example/${page}` }, kb);
    for (let i = 0; i < RUNS; i++) {
      const view = new KnowledgeBase(pack.entities, pack.events, kb.index, { topic: stats });
      start = performance.now();
      rankRelated(view, ranked, mentions, eventMentions);
      const mid = performance.now();
      const story = storyOf(analysis, stats, new Date());
      const near = index.candidates(story);
      const found = rankStories(story, near);
      const end = performance.now();
      rankStories(story, stories);
      scanAll.push(performance.now() - end);
      pack_.push(mid - start);
      history.push(end - mid);
      both.push(end - start);
      if (i === 0) {
        listed.push(found.length);
        candidates.push(near.length);
        storyBytes.push(JSON.stringify(story).length);
      }
    }
  }
  console.log(`${listed.length} gold pages, ${RUNS} runs each:`);
  console.log(`  pack events (rankRelated, cold view):        median ${fmt(percentile(pack_, 50))}, p95 ${fmt(percentile(pack_, 95))}`);
  console.log(`  ${stories.length} stories (storyOf, index, rank):  median ${fmt(percentile(history, 50))}, p95 ${fmt(percentile(history, 95))}, max ${fmt(Math.max(...history))}`);
  console.log(`  both, one article:                           median ${fmt(percentile(both, 50))}, p95 ${fmt(percentile(both, 95))}, max ${fmt(Math.max(...both))}`);
  console.log(`  worst case, every story ranked (no index):   median ${fmt(percentile(scanAll, 50))}, p95 ${fmt(percentile(scanAll, 95))}`);
  const area = 'history';
  record({ area, name: `rank one article with ${stories.length} stories, median`, value: percentile(both, 50), unit: 'ms', baseline: { name: 'pack events alone', value: percentile(pack_, 50) } });
  record({ area, name: `rank one article with ${stories.length} stories, p95`, value: percentile(both, 95), unit: 'ms', baseline: { name: 'pack events alone, p95', value: percentile(pack_, 95) } });
  record({ area, name: 'every story ranked, no index, p95', value: percentile(scanAll, 95), unit: 'ms', baseline: { name: 'with the index, p95', value: percentile(history, 95) } });
  console.log(`  stories found by the index per article: median ${percentile(candidates, 50)}, max ${Math.max(...candidates)}`);
  console.log(`  stories listed per article: ${listed.join(' ')}; a real article's story as JSON: median ${percentile(storyBytes, 50)} B, max ${Math.max(...storyBytes)} B`);
}

main();
