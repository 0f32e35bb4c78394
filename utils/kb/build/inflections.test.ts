import { describe, expect, it } from 'vitest';
import type { Entity } from '../schema';
import { germanGenitiveOfName, withGermanGenitives } from './inflections';

const entity = (e: Partial<Entity> & Pick<Entity, 'id' | 'name' | 'type'>): Entity => ({ aliases: [], description: 'x', ...e });

describe('German genitives', () => {
  it('puts the -s on the last word of a name, and none on names ending in s, x, z or ß or not written as a name', () => {
    expect(germanGenitiveOfName('Putin')).toBe('Putins');
    expect(germanGenitiveOfName('Wladimir Putin')).toBe('Wladimir Putins');
    expect(germanGenitiveOfName('Russland')).toBe('Russlands');
    for (const n of ['Macron s', 'Paris', 'Felix', 'Merz', 'Kim Jong-un', 'NATO', 'Vereinigte Staaten von amerika']) expect(germanGenitiveOfName(n)).toBeNull();
  });

  it('adds them to countries (from the German name), curated people and places and office holders with role phrases only', () => {
    const { entities, added } = withGermanGenitives([
      entity({ id: 'russia', name: 'Russia', type: 'country', iso: { alpha2: 'RU', alpha3: 'RUS' } }),
      entity({ id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person', aliases: ['Wladimir Putin', 'Putin'] }),
      entity({ id: 'mp', name: 'Anna Muster', type: 'person', aliases: ['Muster'], weakNames: ['Muster'], sources: ['every-politician'], roles: [{ title: 'Member of the Bundestag', start: '2017-10-24' }] }),
      entity({ id: 'pm', name: 'Karl Beispiel', type: 'person', aliases: ['Beispiel'], weakNames: ['Beispiel'], sources: ['every-politician'], roles: [{ title: 'Chancellor of Germany', start: '2017-10-24', phrases: ['German chancellor'] }] }),
      entity({ id: 'town', name: 'Essen', type: 'city', sources: ['geonames'] }),
    ]);
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.get('russia')!.aliases).toEqual(['Russlands']);
    expect(byId.get('vladimir-putin')!.aliases).toEqual(['Wladimir Putin', 'Putin', 'Vladimir Putins', 'Wladimir Putins', 'Putins']);
    expect(byId.get('mp')!.aliases).toEqual(['Muster']);
    expect(byId.get('pm')).toMatchObject({ aliases: ['Beispiel', 'Karl Beispiels', 'Beispiels'], weakNames: ['Beispiel', 'Beispiels'] });
    expect(byId.get('town')!.aliases).toEqual([]);
    expect(added).toBe(6);
  });
});
