/**
 * What the converter tests share: the kb-sources folder (../shared/kb-sources next to the
 * project) and a converter's output read from it once, with finders that throw on a missing key.
 * Only the *.test.ts files of this folder import it.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Converter, SourceEntity, SourceEvent, SourceOutput } from '../types';

export const KB_SOURCES = fileURLToPath(new URL('../../../../../shared/kb-sources/', import.meta.url));

export function cachedReader(converter: Converter) {
  let cached: SourceOutput | undefined;
  const read = (): SourceOutput => (cached ??= converter.read(KB_SOURCES));
  return {
    read,
    entity(key: string): SourceEntity {
      const e = read().entities.find((x) => x.key === key);
      if (!e) throw new Error(`no record ${key}`);
      return e;
    },
    event(key: string): SourceEvent {
      const e = read().events.find((x) => x.key === key);
      if (!e) throw new Error(`no event ${key}`);
      return e;
    },
    /** A second read gives the same output, and no two entities share a key. */
    expectDeterministicWithUniqueKeys(): void {
      expect(converter.read(KB_SOURCES)).toEqual(read());
      const keys = read().entities.map((e) => e.key);
      expect(new Set(keys).size).toBe(keys.length);
    },
  };
}
