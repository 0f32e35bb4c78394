/**
 * How the UI groups and colours entity types. The accents match the in-page highlight
 * colours: person amber, country/region blue, city/place green, organisation purple.
 */
import type { EntityType } from '@/utils/kb/schema';

export type Accent = 'person' | 'country' | 'place' | 'organisation';

export type EntityGroupKey = 'people' | 'countries' | 'places' | 'organisations';

const accents: Record<EntityType, Accent> = {
  person: 'person',
  country: 'country',
  region: 'country',
  city: 'place',
  place: 'place',
  organisation: 'organisation',
};

const groupOfAccent: Record<Accent, EntityGroupKey> = {
  person: 'people',
  country: 'countries',
  place: 'places',
  organisation: 'organisations',
};

/** The order the side panel lists actor groups in. */
export const GROUP_ORDER: readonly EntityGroupKey[] = ['people', 'countries', 'places', 'organisations'];

/** The colour accent of an entity type; 'organisation' for a type this UI does not know. */
export function accentOf(type: string): Accent {
  return accents[type as EntityType] ?? 'organisation';
}

export interface EntityGroup<T> {
  key: EntityGroupKey;
  items: T[];
}

/** Groups entities by kind in GROUP_ORDER, keeping their order; empty groups are left out. */
export function groupByType<T extends { type: string }>(entities: readonly T[]): EntityGroup<T>[] {
  return GROUP_ORDER.map((key) => ({
    key,
    items: entities.filter((e) => groupOfAccent[accentOf(e.type)] === key),
  })).filter((group) => group.items.length > 0);
}
