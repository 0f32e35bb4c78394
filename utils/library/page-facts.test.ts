import { describe, expect, it } from 'vitest';
import { parsePage } from '../cli/parse-page';
import { collectPageFacts, pageFactLimits } from './page-facts';
import { metadataFromFacts } from './page-metadata';

describe('collectPageFacts (what the content script reads of a page\'s metadata)', () => {
  it('reads the canonical link, og: and author values and the JSON-LD texts as the page gives them', () => {
    const doc = parsePage(
      `<html><head><link rel="Canonical" href="/2026/story"><meta property="og:url" content="https://news.example/og">
      <meta property="og:site_name" content="U.S."><meta name="Author" content="  Ada   Lovelace ">
      <script type="application/ld+json">{"publisher":{"name":"News Example"}}</script></head><body><p>Text</p></body></html>`,
      'https://news.example/2026/story?utm_source=x',
    );
    expect(collectPageFacts(doc)).toEqual({
      canonicalLink: '/2026/story',
      ogUrl: 'https://news.example/og',
      ogSiteName: 'U.S.',
      applicationName: null,
      author: '  Ada   Lovelace ',
      articleAuthor: null,
      jsonLd: ['{"publisher":{"name":"News Example"}}'],
    });
  });

  it('bounds what a hostile page gives, and still names its site from a cut block', () => {
    const huge = `{"publisher":{"name":"News Example"},"articleBody":"${'word '.repeat(20_000)}"}`;
    const blocks = Array.from({ length: 12 }, () => `<script type="application/ld+json">${huge}</script>`).join('');
    const doc = parsePage(`<html><head><meta property="og:site_name" content="${'x'.repeat(10_000)}">${blocks}</head><body></body></html>`, 'https://news.example/a');
    const facts = collectPageFacts(doc);
    expect(facts.jsonLd).toHaveLength(pageFactLimits.jsonLdBlocks);
    expect(facts.jsonLd.every((text) => text.length === pageFactLimits.jsonLdChars)).toBe(true);
    expect(facts.ogSiteName).toHaveLength(pageFactLimits.valueChars);
    expect(metadataFromFacts(facts, 'https://news.example/a').site).toBe('News Example');
  });

  it('finds nothing on a page without metadata', () => {
    expect(collectPageFacts(parsePage('<html><body><p>Text</p></body></html>', 'https://news.example/a'))).toEqual({
      canonicalLink: null,
      ogUrl: null,
      ogSiteName: null,
      applicationName: null,
      author: null,
      articleAuthor: null,
      jsonLd: [],
    });
  });
});
