/**
 * The reader's history on real articles (issue 18): three articles on the Russia–Ukraine
 * peace talks of 2025 (two demo pages of ours, tests/fixtures/demo, and the seed article of
 * ../shared) and unrelated real pages of the shared corpus, read against the default pack.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../utils/analysis/analyze-document';
import { parsePage } from '../../utils/cli/parse-page';
import { rankStories } from '../../utils/history/rank-stories';
import { storyOf, type Story } from '../../utils/history/story';
import { loadKnowledgeBase } from '../../utils/kb/load-pack-file';

const pages = {
  istanbul: new URL('../fixtures/demo/istanbul-talks.html', import.meta.url),
  alaska: new URL('../fixtures/demo/alaska-summit.html', import.meta.url),
  seed: new URL('../../../shared/fixtures/seed/index.html', import.meta.url),
  whales: new URL('../../../shared/corpus/pages/readability-guardian-1.html', import.meta.url),
  nepal: new URL('../../../shared/corpus/pages/readability-liberation-1.html', import.meta.url),
  israel: new URL('../../../shared/corpus/pages/readability-wapo-2.html', import.meta.url),
};
type Page = keyof typeof pages;
const stories = new Map<Page, Story>();

beforeAll(() => {
  const kb = loadKnowledgeBase();
  Object.entries(pages).forEach(([name, file], i) => {
    const url = `https://news.example/${name}`;
    const analysis = analyzeDocument(parsePage(readFileSync(file), url), kb, { url });
    stories.set(name as Page, storyOf(analysis, kb.topicStats, new Date(Date.UTC(2026, 0, 1 + i))));
  });
}, 180_000);

const story = (name: Page) => stories.get(name)!;
const others = (name: Page) => [...stories].filter(([n]) => n !== name).map(([, s]) => s);
const titleOf = (name: Page) => story(name).title;

describe('history on real articles', () => {
  it('lists the two earlier articles on the peace talks for the third, with reasons', () => {
    const ranked = rankStories(story('seed'), others('seed'));
    expect(ranked.map((r) => r.title)).toEqual([titleOf('alaska'), titleOf('istanbul')]);
    const [alaska, istanbul] = ranked;
    expect(alaska!.reasons).toContain('both are about “Trump–Putin summit in Alaska (Anchorage)”');
    expect(istanbul!.reasons.some((r) => r.startsWith('both speak of') && r.includes('ceasefire'))).toBe(true);
    expect(istanbul!.reasons).toContain('5 months before the article you are reading');
  });

  it.each(['whales', 'nepal', 'israel'] as const)('lists none of the peace-talks articles for an unrelated one (%s)', (name) => {
    const talks = new Set([titleOf('istanbul'), titleOf('alaska'), titleOf('seed')]);
    expect(rankStories(story(name), others(name)).filter((r) => talks.has(r.title))).toEqual([]);
  });

  it('keeps a story small: dated, titled, with its key words and no text', () => {
    const seed = story('seed');
    expect(seed.date).toBe('2025-10-22');
    expect(seed.terms.map((t) => t.text)).toContain('ceasefire');
    expect(seed.events.map((e) => e.id)).toContain('2025-08-15-alaska-summit');
    for (const s of stories.values()) expect(JSON.stringify(s).length).toBeLessThan(6000);
  });
});
