import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileKnowledgeIndex, entityAliasEntries, eventAliasEntries } from '../kb/knowledge-base';
import { readPackFile } from '../kb/load-pack-file';
import { tokenize } from '../text/tokenize';
import { compileAliasIndex, CompiledAliasIndex, OverlaidIndex, ShardedAliasIndex, ShardedIndexBuilder, type CompiledIndexData } from './compiled-index';

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

  it('numbers each ref once in each shard, however its aliases come', () => {
    // One dictionary serves all shards, and a ref met again after another gets a new number
    // there: each shard's index must still list it once and keep one target per alias.
    const entries = ['Kaja Kallas', 'Kallas', 'Estonia', 'Kaja Kallas', 'Kallas'].map((alias, i) => ({ alias, ref: i === 2 ? 'estonia' : 'kaja-kallas', kind: 'name' as const }));
    for (const parts of [[compileAliasIndex(entries)], (() => {
      const builder = new ShardedIndexBuilder(4);
      entries.forEach((e) => builder.add(e));
      return [...builder.build()];
    })()]) {
      const refs = parts.flatMap((p) => Array.from({ length: p.refs.start.length - 1 }, (_, i) => p.refs.blob.slice(p.refs.start[i], p.refs.start[i + 1])));
      expect(refs.filter((r) => r === 'kaja-kallas').length).toBe(new Set(parts.filter((p) => p.refs.blob.includes('kaja-kallas'))).size);
      expect(parts.reduce((n, p) => n + p.targetRef.length, 0)).toBe(3);
    }
    const tokens = tokenize('Kaja Kallas of Estonia');
    expect(new CompiledAliasIndex(compileAliasIndex(entries)).findAll('Kaja Kallas of Estonia', tokens).map((m) => m.targets.map((t) => t.ref))).toEqual([['kaja-kallas'], ['estonia']]);
  });

  it('keeps its numbers in 16 bits when they fit, and in 32 when they do not', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => ({ alias: `Name${i} Surname${i % 7}`, ref: `person-${i}`, kind: 'name' as const }));
    const small = compileAliasIndex(names(1000));
    expect([small.edgeChild, small.targetRef, small.tokenSlots].map((a) => a.constructor)).toEqual([Uint16Array, Uint16Array, Uint16Array]);
    const large = compileAliasIndex(names(70_000));
    expect([large.edgeChild, large.targetRef, large.tokenSlots].map((a) => a.constructor)).toEqual([Int32Array, Int32Array, Int32Array]);
    for (const [data, i] of [[small, 999], [large, 69_999]] as const) {
      const text = `Name${i} Surname${i % 7} spoke.`;
      expect(new CompiledAliasIndex(data).findAll(text, tokenize(text)).map((m) => m.targets.map((t) => t.ref))).toEqual([[`person-${i}`]]);
    }
  });

  it('refuses to match a text whose shard was not read', () => {
    const parts = inShards(16);
    const tokens = tokenize('Sergei Lavrov');
    expect(() => new ShardedAliasIndex(16, new Map([[99, new CompiledAliasIndex(parts[0]!)]])).findAll('Sergei Lavrov', tokens)).toThrow(/was not read/);
  });
});

describe('OverlaidIndex', () => {
  it('matches as one index compiled from the records now, the reader’s records first', () => {
    const orban = pack.entities.find((e) => e.id === 'viktor-orban')!;
    // A changed record, and a new one that shares a name with a record left as it was.
    const changed = [
      { ...orban, aliases: [...orban.aliases, 'the Hungarian host'] },
      { id: 'lavrov-namesake', name: 'Lavrov', type: 'person' as const, aliases: ['Sergey Lavrov junior'], description: 'A namesake.' },
    ];
    const ids = new Set(changed.map((e) => e.id));
    const others = pack.entities.filter((e) => !ids.has(e.id));
    const now = new CompiledAliasIndex(compileKnowledgeIndex([...changed, ...others], pack.events));
    const overlaid = new OverlaidIndex(whole, new CompiledAliasIndex(compileKnowledgeIndex(changed, [])), (t) => t.kind !== 'event' && ids.has(t.ref), () => true);
    let matched = 0;
    for (const text of [...texts, 'Lavrov met the Hungarian host, Sergey Lavrov junior and Sergei Lavrov; Orban agreed.']) {
      const tokens = tokenize(text);
      const expected = now.findAll(text, tokens);
      expect(overlaid.findAll(text, tokens)).toEqual(expected);
      matched += expected.length;
    }
    expect(matched).toBeGreaterThan(200);
  });
});
