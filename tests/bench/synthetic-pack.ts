/**
 * A synthetic knowledge base at scale, for benchmarks: entities with made-up but name-like
 * aliases, events with participants. Deterministic (seeded), so runs compare.
 */
import type { Entity, KbEvent, Pack } from '../../utils/kb/schema';

/** A small seeded pseudo-random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'va', 'sho', 'ri', 'dan', 'el', 'gor', 'ba', 'zu', 'nik', 'pe', 'tra', 'ol', 'sen', 'mar', 'i', 'vos', 'lu', 'che', 'an', 'dro', 'fe', 'yu', 'ham', 'set', 'qui', 'ro'];

function word(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export interface SyntheticSize {
  entities: number;
  aliasesPerEntity: number;
  events: number;
}

/** A pack of `size.entities` entities with `aliasesPerEntity` aliases each, and `size.events` events; ids start with `prefix`. */
export function syntheticPack(size: SyntheticSize, seed = 42, prefix = ''): Pack {
  const rand = seeded(seed);
  const types = ['person', 'organisation', 'city', 'place'] as const;
  const entities: Entity[] = [];
  for (let i = 0; i < size.entities; i++) {
    const first = word(rand);
    const last = word(rand);
    const aliases = [last, `${first.charAt(0)}. ${last}`, `${first} ${word(rand)} ${last}`].slice(0, size.aliasesPerEntity - 1);
    entities.push({
      id: `${prefix}e${i}`,
      name: `${first} ${last}`,
      type: types[i % types.length]!,
      aliases,
      description: `Synthetic entity ${i}.`,
      prominence: rand(),
    });
  }
  const events: KbEvent[] = [];
  for (let i = 0; i < size.events; i++) {
    const year = 2009 + Math.floor(rand() * 17);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    events.push({
      id: `${prefix}v${i}`,
      title: `${word(rand)} ${['summit', 'talks', 'call', 'meeting'][i % 4]}`,
      aliases: [],
      date: `${year}-${month}-${day}`,
      participants: [{ entity: `${prefix}e${Math.floor(rand() * size.entities)}` }, { entity: `${prefix}e${Math.floor(rand() * size.entities)}` }],
      type: (['summit', 'talks', 'call', 'meeting'] as const)[i % 4]!,
      summary: `Synthetic event ${i}.`,
      sources: [{ url: `https://example.org/event/${i}` }],
    });
  }
  return { manifest: { name: 'Synthetic pack', version: '1.0.0', schemaVersion: 1, license: 'CC0-1.0', created: '2026-11-25', sources: ['generated'] }, entities, events };
}
