/**
 * How often the news is likely to name a record, from its facts alone (0..1). The linker
 * weighs it against what the article says; curated records carry hand-set values up to 0.95,
 * and records built from open data stay below 0.6 so that a curated namesake wins a tie.
 */
import type { EntityType } from '../schema';
import type { EntityKind } from './types';

export interface ProminenceFacts {
  type: EntityType;
  kind: EntityKind;
  population?: number | undefined;
  capital?: boolean;
  /** The highest office held: 1 head of state or government … 4 sub-national. */
  bestRank?: number | undefined;
  /** The year the last office ended (9999 while held). */
  lastRoleYear?: number | undefined;
  sources: number;
  wikipedia: boolean;
  wikidata: boolean;
}

const ORGANISATION: Partial<Record<EntityKind, number>> = {
  'international-organisation': 0.3,
  'armed-group': 0.25,
  company: 0.22,
  'news-outlet': 0.18,
  party: 0.16,
  'government-body': 0.14,
  ngo: 0.14,
  'football-club': 0.12,
  university: 0.1,
};

export const MAX_GENERATED_PROMINENCE = 0.58;

export function prominenceOf(f: ProminenceFacts): number {
  let p: number;
  if (f.type === 'person') {
    p = f.bestRank === 1 ? 0.45 : f.bestRank === 2 ? 0.3 : f.bestRank === 3 ? 0.15 : 0.08;
    if (f.lastRoleYear !== undefined && f.lastRoleYear < 1990) p -= 0.05;
  } else if (f.type === 'city' || f.type === 'region') {
    const pop = f.population ?? 0;
    // 15,000 → 0.05, 150,000 → 0.13, 1.5 million → 0.21, 15 million → 0.29.
    p = (f.type === 'region' ? 0.12 : 0.05) + (pop > 15_000 ? 0.08 * Math.log10(pop / 15_000) : 0);
    if (f.capital) p += 0.15;
  } else {
    p = ORGANISATION[f.kind] ?? 0.1;
  }
  if (f.wikipedia) p += 0.04;
  else if (f.wikidata) p += 0.02;
  p += Math.min(0.06, 0.02 * (f.sources - 1));
  return Math.round(Math.min(MAX_GENERATED_PROMINENCE, Math.max(0.01, p)) * 1000) / 1000;
}
