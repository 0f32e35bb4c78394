import { describe, expect, it } from 'vitest';
import { draftFromUnknownName, entityFromDraft, fieldsInError, parseAliases, slugify, sourceOfArticle } from './kb-form';

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

describe('a name of the article, for the form (issue 17)', () => {
  it('fills in the name, its type and the sentence it came from', () => {
    const draft = draftFromUnknownName({ text: 'Zorblax Industries', type: 'organisation', sentence: 'Zorblax Industries said no.' });
    expect(draft).toEqual({ name: 'Zorblax Industries', type: 'organisation', aliases: '', wikipedia: '', description: 'Zorblax Industries said no.' });
    expect(entityFromDraft(draft)).toMatchObject({ id: 'zorblax-industries', type: 'organisation', description: 'Zorblax Industries said no.' });
  });

  it('takes the article as the source, and none without an http(s) URL', () => {
    expect(sourceOfArticle({ url: 'https://news.example/a', title: ' A story ', published: '2025-10-20' })).toEqual({ url: 'https://news.example/a', title: 'A story', date: '2025-10-20' });
    expect(sourceOfArticle({ url: 'https://news.example/a', title: '', published: null })).toEqual({ url: 'https://news.example/a' });
    expect(sourceOfArticle({ url: 'file:///tmp/a.html', title: 'A', published: null })).toBeNull();
    expect(sourceOfArticle({ title: 'A', published: null })).toBeNull();
  });
});
