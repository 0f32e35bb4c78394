import { describe, expect, it } from 'vitest';
import { readTabId } from './tab-id';

describe('readTabId', () => {
  it.each([
    ['?tabId=42', 42],
    ['?x=1&tabId=0', 0],
    ['', null],
    ['?tabId=', null],
    ['?tabId=-3', null],
    ['?tabId=4.5', null],
    ['?tabId=abc', null],
  ])('reads %s as %s', (search, id) => {
    expect(readTabId(search)).toBe(id);
  });
});
