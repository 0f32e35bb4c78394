import { readFileSync } from 'node:fs';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../cli/parse-page';
import { extractArticle } from '../article/extract-article';
import { cleanArticleHtml, countImages, htmlForReading, IMAGE_SOURCE_ATTR, keepArticleHtml } from './article-html';
import { captureArticle } from './capture-article';
import { prepareCapture } from './prepare-capture';

const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
const corpus = new URL('../../../shared/corpus/pages/', import.meta.url);

describe('cleanArticleHtml', () => {
  const hostile = [
    '<p onclick="steal()">Text <a href="javascript:alert(1)">bad link</a> <a href="https://ok.example/x">good link</a></p>',
    '<script>alert(1)</script><style>body{display:none}</style>',
    '<img src="https://img.example/a.jpg" alt="A photo" onerror="steal()" srcset="https://img.example/b.jpg 2x">',
    '<img src="data:image/png;base64,AAAA" alt="inline"><a href="data:text/html,<script>x</script>">data link</a>',
    '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="x"></form>',
    '<p style="background:url(https://track.example/p.gif)">styled</p><svg><a href="javascript:x"><text>svg</text></a></svg>',
    '<a href="/relative">relative</a><a href="#note-1">note</a>',
  ].join('');
  const clean = cleanArticleHtml(purify, hostile)!;

  it('keeps no script, handler, style, frame, form, javascript: or data: URL', () => {
    expect(clean).not.toMatch(/<script|<style|onclick|onerror|javascript:|data:|<iframe|<form|<input|style=|<svg|srcset/i);
    expect(clean).toContain('Text ');
    expect(clean).toContain('<a href="https://ok.example/x" rel="noopener noreferrer" target="_blank">good link</a>');
    expect(clean).toContain('<a href="#note-1"');
    expect(clean).not.toContain('href="/relative"');
  });

  it('parks image addresses so that showing the copy fetches nothing, and drops data: images', () => {
    expect(clean).toContain(`<img alt="A photo" ${IMAGE_SOURCE_ATTR}="https://img.example/a.jpg">`);
    expect(clean).not.toMatch(/\ssrc=/);
    expect(countImages(clean)).toBe(1);
    expect(htmlForReading(purify, clean, false)).not.toMatch(/\ssrc=/);
    expect(htmlForReading(purify, clean, true)).toContain('src="https://img.example/a.jpg"');
  });

  it('sanitises again when shown: markup from an imported file is never trusted', () => {
    const shown = htmlForReading(purify, `<p>ok</p><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><img ${IMAGE_SOURCE_ATTR}="javascript:alert(1)">`, true);
    expect(shown).not.toMatch(/onerror|javascript:|\ssrc=/);
  });

  it('drops images to fit the bound, and keeps no HTML when even that does not fit', () => {
    const paragraph = `<p>${'word '.repeat(40)}</p>`;
    const big = `${paragraph.repeat(10)}<img src="https://img.example/${'x'.repeat(3000)}.jpg">`;
    expect(cleanArticleHtml(purify, big, 3000)).toBe(cleanArticleHtml(purify, paragraph.repeat(10), 3000));
    expect(cleanArticleHtml(purify, paragraph.repeat(100), 3000)).toBeNull();
  });
});

describe('captureArticle on a corpus page', () => {
  it('keeps the Reuters story with its metadata facts and Readability\'s HTML, bounded, for the background to name and sanitise', async () => {
    const url = 'http://127.0.0.1:8123/scrapinghub-reuters-com-57d46c9d751e.html?utm_source=feed';
    const doc = parsePage(readFileSync(new URL('scrapinghub-reuters-com-57d46c9d751e.html', corpus)), url);
    const extracted = extractArticle(doc)!;
    const read = { url, title: extracted.title, text: extracted.text, published: extracted.published, byline: extracted.byline, eventMentions: [] };
    const capture = captureArticle(doc, read);
    expect(capture).toMatchObject({ published: '2019-11-19', htmlTooLarge: false, facts: { ogSiteName: 'U.S.' } });
    expect(capture.html).toContain('Oil prices fell sharply');
    // Unsanitised: Readability's own attributes are still there until the background sanitises it.
    expect(capture.html).toMatch(/\sclass=|\sid=/);
    const { capture: saved, copy } = await prepareCapture(capture, async (html) => keepArticleHtml(purify, html));
    expect(copy).toBe('kept');
    // Named from the page's metadata in the background: its JSON-LD publisher, not its og:site_name section "U.S.".
    expect(saved).toMatchObject({ canonicalUrl: 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W', site: 'Reuters', byline: 'Rodrigo Campos' });
    expect(saved.html).toContain('Oil prices fell sharply');
    expect(saved.html!.length).toBeLessThan(400_000);
    expect(saved.html).not.toMatch(/<script|\son[a-z]+=|javascript:|\sclass=/i);
    // Past the bound the page sends no HTML at all, and says so.
    const bounded = captureArticle(doc, read, 1000);
    expect(bounded).toMatchObject({ html: null, htmlTooLarge: true, text: extracted.text });
  }, 60_000);
});
