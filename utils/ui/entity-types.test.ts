import { describe, expect, it } from 'vitest';
import { accentOf, groupByType } from './entity-types';

describe('entity types', () => {
  it('colours regions like countries and cities like places', () => {
    expect(accentOf('region')).toBe('country');
    expect(accentOf('city')).toBe('place');
    expect(accentOf('person')).toBe('person');
  });

  it('groups people, countries, places, organisations in that order, leaving out empty groups', () => {
    const entities = [
      { id: 'un', type: 'organisation' },
      { id: 'ru', type: 'country' },
      { id: 'putin', type: 'person' },
      { id: 'eu', type: 'region' },
    ];
    const groups = groupByType(entities);
    expect(groups.map((g) => g.key)).toEqual(['people', 'countries', 'organisations']);
    expect(groups[1]?.items.map((e) => e.id)).toEqual(['ru', 'eu']);
  });
});
