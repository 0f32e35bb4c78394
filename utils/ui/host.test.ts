import { describe, expect, it } from 'vitest';
import { hostOf } from './host';

describe('hostOf', () => {
  it('returns the host of a web page', () => {
    expect(hostOf('https://www.bbc.com/news/world-123')).toBe('www.bbc.com');
  });

  it.each([null, undefined, '', 'chrome://newtab/', 'about:blank', 'not a url'])('returns null for %s', (url) => {
    expect(hostOf(url)).toBeNull();
  });
});
