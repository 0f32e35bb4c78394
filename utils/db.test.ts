import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDb, GenerationWriter, type BlockRow } from './db';

let db: BackstoryDb;
beforeEach(async () => {
  db = new BackstoryDb(`writer-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The records of every row of a generation, by row key. */
async function rowsOf(gen: number): Promise<Map<string, { ids: string[]; records: unknown[] }>> {
  const rows = await db.blocks.where('key').startsWith(`user/${gen}/`).toArray();
  return new Map(rows.map((row: BlockRow) => [row.key, { ids: row.ids.split('\n'), records: row.ids.split('\n').map((_, i) => JSON.parse(row.json.slice(row.at[i], row.at[i + 1]! - 1))) }]));
}

describe('GenerationWriter', () => {
  const item = (i: number, name = `Name ${i}`) => ({ id: `id-${i}`, name });

  it('writes each flush as a row per bucket and kind, records in the order added, reusing its buffers', async () => {
    const writer = new GenerationWriter(db.blocks, 'user', 7, { entity: 4, event: 2 });
    const added: { kind: 'entity' | 'event'; item: { id: string; name: string } }[] = [];
    for (let flush = 0; flush < 4; flush++) {
      for (let i = flush * 30; i < flush * 30 + 30; i++) {
        const entry = { kind: i % 3 ? ('entity' as const) : ('event' as const), item: item(i, i % 5 ? `Name ${i}` : `Имя ${i} 😀`) };
        writer.add(entry.kind, entry.item);
        added.push(entry);
      }
      await writer.flush();
    }
    await writer.done();
    expect(writer.counts).toEqual({ entity: 80, event: 40 });
    const rows = await rowsOf(7);
    // Every record once, each in a row of its bucket for the flush it came in.
    const found = [...rows.values()].flatMap((row) => row.records);
    expect(found).toHaveLength(added.length);
    expect(new Set(found.map((r) => (r as { id: string }).id)).size).toBe(added.length);
    for (const [key, row] of rows) {
      const [, , kind, , seq] = key.split('/');
      const expected = added.filter((entry, n) => entry.kind === kind && Math.floor(n / 30) === parseInt(seq!, 36) && row.ids.includes(entry.item.id));
      expect(row.records).toEqual(expected.map((entry) => entry.item));
    }
  });

  it('stores an ASCII row as one-byte text even when its batch has text beyond Latin-1', async () => {
    const writer = new GenerationWriter(db.blocks, 'user', 3, { entity: 1, event: 1 });
    writer.add('entity', item(1, 'Plain'));
    writer.add('event', item(2, 'Зеленський'));
    await writer.flush();
    await writer.done();
    const [entityRow] = await db.blocks.where('key').startsWith('user/3/entity/').toArray();
    // V8 serialises a one-byte string in about a byte a character, a two-byte one in two.
    expect(serialize(entityRow!.json).length).toBeLessThan(entityRow!.json.length + 16);
  });

  it('reports a failed write at the next flush and at done, and two flushes at once lose nothing', async () => {
    const writer = new GenerationWriter(db.blocks, 'user', 5, { entity: 2, event: 1 });
    writer.add('entity', item(1));
    const first = writer.flush();
    writer.add('entity', item(2));
    const second = writer.flush();
    await Promise.all([first, second]);
    await writer.done();
    expect([...(await rowsOf(5)).values()].flatMap((row) => row.ids).sort()).toEqual(['id-1', 'id-2']);

    db.close();
    writer.add('entity', item(3));
    await writer.flush();
    await expect(writer.done()).rejects.toThrow();
    writer.add('entity', item(4));
    await expect(writer.flush()).rejects.toThrow();
  });
});
