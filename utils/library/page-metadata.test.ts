import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../cli/parse-page';
import { normalizeArticleUrl, readPageMetadata } from './page-metadata';

const corpus = new URL('../../../shared/corpus/pages/', import.meta.url);
/** A corpus page as the e2e server serves it: from a bare local address. */
const servedLocally = (name: string) => {
  const url = `http://127.0.0.1:8123/${name}`;
  return { doc: parsePage(readFileSync(new URL(name, corpus)), url), url };
};

describe('normalizeArticleUrl', () => {
  it.each([
    ['https://www.reuters.com/article/x?utm_source=twitter&utm_medium=social', 'https://www.reuters.com/article/x'],
    ['https://example.com/a?id=3&fbclid=abc&gclid=def#comments', 'https://example.com/a?id=3'],
    ['https://example.com/a?page=2&utm_campaign=x&q=b%20c', 'https://example.com/a?page=2&q=b+c'],
    ['https://example.com/a', 'https://example.com/a'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeArticleUrl(input)).toBe(expected);
  });
});

describe('readPageMetadata on corpus pages served from 127.0.0.1', () => {
  it.each([
    // og:site_name is Reuters's section "U.S."; the JSON-LD publisher names the site.
    ['scrapinghub-reuters-com-57d46c9d751e.html', 'Reuters', 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W', 'Rodrigo Campos'],
    ['readability-bbc-1.html', 'BBC News', 'http://www.bbc.com/news/world-us-canada-33646704', null],
    // A site name followed by its tagline keeps the name.
    ['readability-aktualne.html', 'Aktuálně.cz', expect.stringContaining('https://sport.aktualne.cz/fotbal/'), null],
    // The Houston Chronicle carries an AP story: the site is the Chronicle.
    ['scrapinghub-chron-com-db6b0816c612.html', 'Houston Chronicle', expect.stringContaining('https://www.chron.com/'), null],
    // No site metadata at all: the canonical address's domain, never 127.0.0.1.
    ['readability-nytimes-1.html', 'nytimes.com', 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html', null],
    // og:site_name is an address: application-name names it.
    ['readability-tmz-1.html', 'TMZ.COM', expect.stringContaining('http://www.tmz.com/2015/02/26/'), null],
  ])('%s: site %s', (name, site, canonical, byline) => {
    const { doc, url } = servedLocally(name);
    const metadata = readPageMetadata(doc, url);
    expect(metadata.site).toBe(site);
    expect(metadata.canonicalUrl).toEqual(canonical);
    if (byline) expect(metadata.byline).toBe(byline);
  }, 60_000);

  it('names no site for a page at a bare address with no metadata', () => {
    const { doc, url } = servedLocally('readability-qq.html');
    const metadata = readPageMetadata(doc, url);
    expect(metadata.site).toBeNull();
    expect(metadata.canonicalUrl).toBe(url);
  });

  it('never takes a dateline or section for the site', () => {
    const sites = ['readability-bbc-1.html', 'scrapinghub-reuters-com-57d46c9d751e.html', 'scrapinghub-cnn-com-ef4e67b66d63.html', 'scrapinghub-rt-com-4a44ab3e4c41.html', 'readability-guardian-1.html'].map((name) => {
      const { doc, url } = servedLocally(name);
      return readPageMetadata(doc, url).site;
    });
    expect(sites).toEqual(['BBC News', 'Reuters', 'CNN', 'RT International', 'the Guardian']);
  }, 120_000);

  it('ignores a canonical link to the front page and one that is not http(s)', () => {
    const url = 'https://news.example/2026/story?utm_source=x';
    const front = parsePage('<html><head><link rel="canonical" href="https://news.example/"></head><body></body></html>', url);
    expect(readPageMetadata(front, url).canonicalUrl).toBe('https://news.example/2026/story');
    const script = parsePage('<html><head><link rel="canonical" href="javascript:alert(1)"></head><body></body></html>', url);
    expect(readPageMetadata(script, url).canonicalUrl).toBe('https://news.example/2026/story');
    expect(readPageMetadata(script, url).site).toBe('news.example');
  });
});
