/**
 * Full-text search over the saved articles (issue 21): titles, text, notes, highlights, tags
 * and site, with MiniSearch. The index is kept in shards, by a hash of the article's address,
 * so that saving one article re-serialises one shard (a sixteenth of the index) rather than
 * all of it: 10,000 articles make ~30 MB of index JSON, seconds to write whole. Searching asks
 * every shard and merges by score (documents are spread evenly, so their statistics agree).
 * Pure: the caller stores each shard's JSON (see utils/background/library-store.ts).
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { hash } from '../match/compiled-index';

/** Shards of the index (a power of two). */
export const SEARCH_SHARDS = 16;

/** What the index reads of a saved article. */
export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  note: string;
  highlights: string;
  tags: string;
  site: string;
}

/** Lower case, accents dropped: "Zürich" finds "Zurich". Very short and very long tokens are not indexed. */
function processTerm(term: string): string | null {
  if (term.length < 2 || term.length > 40) return null;
  return term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'note', 'highlights', 'tags', 'site'],
  storeFields: [],
  processTerm,
};

/**
 * Every word must match; the last, being typed, also as a prefix once three letters long
 * (a prefix of every word expanded to hundreds of terms each and tripled the slowest searches).
 */
const SEARCH: SearchOptions = {
  combineWith: 'AND',
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  boost: { title: 3, note: 2, highlights: 2, tags: 2, site: 1.5 },
};

/** The shard an article's index entry lives in. */
export const shardOf = (id: string): number => hash(id) & (SEARCH_SHARDS - 1);

export class LibrarySearch {
  private readonly dirty = new Set<number>();

  private constructor(private readonly shards: MiniSearch<SearchDoc>[]) {}

  static empty(): LibrarySearch {
    return new LibrarySearch(Array.from({ length: SEARCH_SHARDS }, () => new MiniSearch(OPTIONS)));
  }

  /** The index from its stored shards' JSON, by shard number; a missing shard starts empty (and is marked changed). */
  static fromJson(shards: Map<number, string>): LibrarySearch {
    const index = new LibrarySearch(
      Array.from({ length: SEARCH_SHARDS }, (_, n) => {
        const json = shards.get(n);
        return json ? MiniSearch.loadJSON<SearchDoc>(json, OPTIONS) : new MiniSearch(OPTIONS);
      }),
    );
    for (let n = 0; n < SEARCH_SHARDS; n++) if (!shards.has(n)) index.dirty.add(n);
    return index;
  }

  /** Adds an article, or replaces what the index had of it. */
  put(doc: SearchDoc): void {
    const n = shardOf(doc.id);
    const shard = this.shards[n]!;
    if (shard.has(doc.id)) shard.replace(doc);
    else shard.add(doc);
    this.dirty.add(n);
  }

  /** Takes an article out; nothing happens when it is not in the index. */
  remove(id: string): void {
    const n = shardOf(id);
    const shard = this.shards[n]!;
    if (!shard.has(id)) return;
    shard.discard(id);
    this.dirty.add(n);
  }

  has(id: string): boolean {
    return this.shards[shardOf(id)]!.has(id);
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.documentCount, 0);
  }

  /** The ids of the articles that match every word of `query`, best first, with their scores; [] when none does. */
  search(query: string): { id: string; score: number }[] {
    if (!query.trim()) return [];
    return this.shards
      .flatMap((shard) => shard.search(query, SEARCH).map((r) => ({ id: String(r.id), score: r.score })))
      .sort((a, b) => b.score - a.score);
  }

  /** The shards changed since they were last taken, emptied. */
  takeChanged(): number[] {
    const changed = [...this.dirty];
    this.dirty.clear();
    return changed;
  }

  /** A shard as JSON, to store. */
  shardJson(n: number): string {
    return JSON.stringify(this.shards[n]);
  }
}

/** What the index reads of an article: its fields as text. */
export function searchDocOf(article: { url: string; title: string; site: string | null; note: string; tags: string[]; highlights: { quote: { exact: string }; note: string }[] }, text: string): SearchDoc {
  return {
    id: article.url,
    title: article.title,
    text,
    note: article.note,
    highlights: article.highlights.map((h) => `${h.quote.exact} ${h.note}`).join('\n'),
    tags: article.tags.join(' '),
    site: article.site ?? '',
  };
}
