import { describe, expect, it } from 'vitest';
import { dateFromUrl } from './dates';

describe('dateFromUrl', () => {
  it('reads the date news sites write into an article address', () => {
    expect(dateFromUrl('http://www.washingtonpost.com/world/gunmen-storm-museum/2015/03/18/00202e76-cd73-11e4_story.html')).toBe('2015-03-18');
    expect(dateFromUrl('https://www.nytimes.com/2016/07/30/business/dealbook/yahoo.html')).toBe('2016-07-30');
    expect(dateFromUrl('https://example.org/news/2019-11-20-impeachment-hearing')).toBe('2019-11-20');
    expect(dateFromUrl('https://example.org/politik/20170314/bericht.html')).toBe('2017-03-14');
  });

  it('finds no date where the path has none, or a day that does not exist', () => {
    expect(dateFromUrl('http://www.heraldsun.com.au/news/opinion/story-fni0fha6-1227261886014')).toBeNull();
    expect(dateFromUrl('https://example.org/2015/02/30/title')).toBeNull();
    expect(dateFromUrl('https://example.org/item?date=2015/03/18')).toBeNull();
    expect(dateFromUrl('https://example.org/id/1201503181234')).toBeNull();
    expect(dateFromUrl('not a url')).toBeNull();
    expect(dateFromUrl(null)).toBeNull();
  });
});
