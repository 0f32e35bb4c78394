import { describe, expect, it } from 'vitest';
import { entityFromDraft, fieldsInError, parseAliases, slugify } from './kb-form';

describe('slugify', () => {
  it.each([
    ['Sergey Lavrov', 'sergey-lavrov'],
    ['  Washington, D.C. ', 'washington-d-c'],
    ['Zürich Ōsaka', 'zurich-osaka'],
    ['!!!', ''],
  ])('makes %j the id %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('parseAliases', () => {
  it('splits on commas, trims, and drops empties, repeats and the name', () => {
    expect(parseAliases(' Lavrov, ,Sergei Lavrov,Lavrov, Sergey Lavrov', 'Sergey Lavrov')).toEqual(['Lavrov', 'Sergei Lavrov']);
  });

  it('gives no aliases for an empty field', () => {
    expect(parseAliases('  ')).toEqual([]);
  });
});

describe('entityFromDraft', () => {
  it('builds the record with the slug as id and leaves out an empty Wikipedia title', () => {
    expect(entityFromDraft({ name: ' Ada Lovelace ', type: 'person', aliases: 'Lovelace', wikipedia: ' ', description: ' Mathematician. ' })).toEqual({
      id: 'ada-lovelace',
      name: 'Ada Lovelace',
      type: 'person',
      aliases: ['Lovelace'],
      description: 'Mathematician.',
    });
  });

  it('keeps a given Wikipedia title', () => {
    expect(entityFromDraft({ name: 'Ada Lovelace', type: 'person', aliases: '', wikipedia: 'Ada Lovelace', description: 'x' }).wikipedia).toBe('Ada Lovelace');
  });
});

describe('fieldsInError', () => {
  it('names the fields a validation error points at', () => {
    expect(fieldsInError('description: must be at most 500 characters; aliases.1: must not be empty')).toEqual(['aliases', 'description']);
  });

  it('names none for an error about no field', () => {
    expect(fieldsInError('putUserEntity failed: no reply')).toEqual([]);
  });
});
