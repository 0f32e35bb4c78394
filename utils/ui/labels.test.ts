import { describe, expect, it } from 'vitest';
import { linkLabel, roleSpanLabel, roleTitle, typeLabel } from './labels';

describe('labels', () => {
  it.each([
    ['2025-01-20', '2026-03-03', '20 Jan 2025 – 3 Mar 2026'],
    ['2025-01-20', undefined, 'since 20 Jan 2025'],
    [undefined, '2019', 'until 2019'],
    [undefined, undefined, ''],
  ])('shows a role held from %s to %s as "%s"', (start, end, shown) => {
    expect(roleSpanLabel(start, end)).toBe(shown);
  });

  it('names what an office belongs to unless its title already does', () => {
    expect(roleTitle('President', 'United States')).toBe('President, United States');
    expect(roleTitle('President of Russia', 'Russia')).toBe('President of Russia');
    expect(roleTitle('Spokesman')).toBe('Spokesman');
  });

  it('reads a link from either end', () => {
    expect(linkLabel('follows', 'to')).toBe('Follows');
    expect(linkLabel('follows', 'from')).toBe('Followed by');
    expect(linkLabel('responds-to', 'to')).toBe('Responds to');
  });

  it('shows an unknown type as it is', () => {
    expect(typeLabel('person')).toBe('Person');
    expect(typeLabel('planet')).toBe('planet');
    expect(linkLabel('mirrors', 'to')).toBe('mirrors');
  });
});
