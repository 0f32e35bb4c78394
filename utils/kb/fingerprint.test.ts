import { describe, expect, it } from 'vitest';
import { userItemJson } from '../db';
import { fingerprint } from './fingerprint';
import { readPackFile } from './load-pack-file';
import { PackChecker, type Entity, type KbEvent } from './schema';

const pack = readPackFile();
const richEntity: Entity = {
  ...pack.entities.find((e) => e.id === 'russia')!,
  roles: [{ title: 'Test office', of: 'russia', start: '2001-02-03', end: '2004', phrases: ['the test officer'] }],
  prominence: 0.5,
};
const richEvent = pack.events.find((e) => e.links?.length && e.place && e.participants.some((p) => p.role))!;

/** Every path to a leaf value of a record. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function changed<T>(record: T, path: (string | number)[]): T {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let at = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const old = at[last];
  at[last] = typeof old === 'number' ? old + 0.5 : typeof old === 'boolean' ? !old : `${String(old)}x`;
  return copy as T;
}

/** The same record with the keys of every object in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
  return value;
}

describe('fingerprint', () => {
  it.each([
    ['an entity', richEntity],
    ['an event', richEvent],
  ])('changes with any value of %s, and not with the order of its keys once the schema has read it', (_what, record: Entity | KbEvent) => {
    const print = fingerprint(record);
    // Records are stored as the schema outputs them: keys in the schema's order.
    const checker = new PackChecker();
    const read = (value: unknown) => ('title' in record ? checker.event(value) : checker.entity(value))!;
    expect(fingerprint(read(reordered(record)))).toEqual(fingerprint(read(record)));
    const paths = leaves(record);
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) expect(fingerprint(changed(record, path)), path.join('.')).not.toEqual(print);
  });

  it('tells apart every record of the default pack', () => {
    const prints = new Set([...pack.entities, ...pack.events].map((r) => fingerprint(r).join(':')));
    // Also records that differ by one character at the end of a long text, or by two swapped characters.
    const [a, b] = [{ ...richEntity, description: 'ab' }, { ...richEntity, description: 'ba' }];
    expect(fingerprint(a)).not.toEqual(fingerprint(b));
    expect(prints.size).toBe(pack.entities.length + pack.events.length);
  });

  it('is taken from the same JSON the import writes', () => {
    const item = { id: richEntity.id, record: richEntity, overridesPack: true, updatedAt: '2026-11-25T12:00:00.000Z' };
    expect(userItemJson(item, JSON.stringify(richEntity))).toBe(JSON.stringify(item));
  });
});
