import { describe, expect, it } from 'vitest';
import { wikipediaUrl } from './wikipedia';

describe('wikipediaUrl', () => {
  it('links an article title', () => {
    expect(wikipediaUrl('Vladimir Putin')).toBe('https://en.wikipedia.org/wiki/Vladimir_Putin');
  });
});
