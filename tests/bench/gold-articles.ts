/**
 * The gold pages (../shared/gold and tests/gold) as the benchmarks rank them: each page
 * extracted, dated by its gold file (else its own date), tokenised, with its mentions and event
 * mentions found against `kb`. Pages that cannot be read or dated are left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../utils/article/extract-article';
import { parsePage } from '../../utils/cli/parse-page';
import type { KnowledgeBase } from '../../utils/kb/knowledge-base';
import { findMentions, type Mention } from '../../utils/match/find-mentions';
import { findEventMentions, type EventMention } from '../../utils/related/find-event-mentions';
import { headlineEndOf, type RankedArticle } from '../../utils/related/rank-related';
import { tokenize } from '../../utils/text/tokenize';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const sharedDir = join(root, '../shared');

export interface GoldArticle {
  /** The page's path in ../shared. */
  page: string;
  title: string;
  date: string;
  /** What rankRelated takes. */
  article: RankedArticle;
  mentions: Mention[];
  eventMentions: EventMention[];
}

export function* goldArticles(kb: KnowledgeBase): Generator<GoldArticle> {
  const files = [join(sharedDir, 'gold'), join(root, 'tests/gold')].filter(existsSync).flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));
  for (const file of files) {
    const gold = JSON.parse(readFileSync(file, 'utf8')) as { page: string; article_date?: string };
    const extracted = extractArticle(parsePage(readFileSync(join(sharedDir, gold.page))));
    if (!extracted) continue;
    const date = gold.article_date ?? extracted.published ?? undefined;
    if (!date) continue;
    const { text } = extracted;
    const tokens = tokenize(text);
    const mentions = findMentions(text, tokens, kb, date);
    yield { page: gold.page, title: extracted.title, date, article: { text, tokens, date, headlineEnd: headlineEndOf(text) }, mentions, eventMentions: findEventMentions(text, tokens, mentions, kb, date) };
  }
}
