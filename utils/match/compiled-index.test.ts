import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileKnowledgeIndex, entityAliasEntries, eventAliasEntries } from '../kb/knowledge-base';
import { readPackFile } from '../kb/load-pack-file';
import { tokenize } from '../text/tokenize';
import { CompiledAliasIndex, ShardedAliasIndex, ShardedIndexBuilder, type CompiledIndexData } from './compiled-index';

const pack = readPackFile();
const data = compileKnowledgeIndex(pack.entities, pack.events);
const whole = new CompiledAliasIndex(data);
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const texts = [
  readFileSync(`${shared}fixtures/seed/article.txt`, 'utf8'),
  // Reference texts of real pages in the corpus (news in several languages).
  ...readdirSync(`${shared}corpus/pages`)
    .filter((f) => f.endsWith('.expected.txt'))
    .slice(0, 30)
    .map((f) => readFileSync(`${shared}corpus/pages/${f}`, 'utf8')),
];

/** The default pack's index built in `shards` shards. */
function inShards(shards: number): CompiledIndexData[] {
  const builder = new ShardedIndexBuilder(shards);
  for (const entity of pack.entities) for (const entry of entityAliasEntries(entity)) builder.add(entry);
  for (const event of pack.events) for (const entry of eventAliasEntries(event)) builder.add(entry);
  return [...builder.build()];
}

describe('ShardedIndexBuilder', () => {
  it.each([1, 2, 16, 64])('gives the same matches from %i shards as the whole index, reading only the shards a text needs', (shards) => {
    const parts = inShards(shards);
    expect(parts).toHaveLength(shards);
    // Every target lands in exactly one shard.
    expect(parts.reduce((n, p) => n + p.targetRef.length, 0)).toBe(data.targetRef.length);
    let matched = 0;
    for (const text of texts) {
      const tokens = tokenize(text);
      const needed = ShardedAliasIndex.shardsOf(tokens, shards);
      const sharded = new ShardedAliasIndex(shards, new Map([...needed].map((n) => [n, new CompiledAliasIndex(parts[n]!)])));
      for (const accept of [undefined, (t: { kind: string }) => t.kind === 'nominal', (t: { kind: string }) => t.kind === 'event']) {
        const expected = whole.findAll(text, tokens, accept);
        expect(sharded.findAll(text, tokens, accept)).toEqual(expected);
        matched += expected.length;
      }
    }
    expect(matched).toBeGreaterThan(200);
  });

  it('refuses to match a text whose shard was not read', () => {
    const parts = inShards(16);
    const tokens = tokenize('Sergei Lavrov');
    expect(() => new ShardedAliasIndex(16, new Map([[99, new CompiledAliasIndex(parts[0]!)]])).findAll('Sergei Lavrov', tokens)).toThrow(/was not read/);
  });
});
