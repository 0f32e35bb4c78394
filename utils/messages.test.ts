import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageBudget } from './article/page-budget';
import { PackChecker } from './kb/schema';
import * as v from 'valibot';
import { backgroundRequests, contentScriptMessages, describeSendError, dispatch, offscreenRefusal, offscreenRequests, refusal, unknownNamesSchema, type BackgroundProtocol, type Sender } from './messages';
import { MAX_CAPTURED_HTML_CHARS } from './library/article-html';
import { isWebUrl, safeHref } from './web-url';

const handlers = new Proxy({}, { get: (_, name) => async (data: unknown) => ({ name, data }) }) as never;

describe('dispatch', () => {
  it('ignores messages that are not ours', async () => {
    expect(await dispatch({ type: 'other' }, {}, backgroundRequests, handlers)).toBeUndefined();
    expect(await dispatch({ backstory: 'toString' }, {}, backgroundRequests, handlers)).toBeUndefined();
  });

  it('rejects an invalid request with the path of every problem', async () => {
    const reply = await dispatch({ backstory: 'getTabState', data: { tabId: 'seven' } }, {}, backgroundRequests, handlers);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('tabId') });
  });

  it('refuses what the allow rule refuses, before running the handler', async () => {
    const allow = (name: string) => (name === 'removeArticle' ? `${name} refused` : null);
    expect(await dispatch({ backstory: 'removeArticle', data: { url: 'https://a.example/' } }, {}, backgroundRequests, handlers, allow)).toEqual({ ok: false, error: 'removeArticle refused' });
  });

  it('wraps a handler result or error in a Result', async () => {
    expect(await dispatch({ backstory: 'getTabState', data: { tabId: 3 } }, {}, backgroundRequests, handlers)).toEqual({ ok: true, value: { name: 'getTabState', data: { tabId: 3 } } });
    const failing = { getTabState: async () => { throw new Error('boom'); } } as never;
    expect(await dispatch({ backstory: 'getTabState', data: { tabId: 3 } }, {}, backgroundRequests, failing)).toEqual({ ok: false, error: 'boom' });
  });
});

const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const names = Object.keys(backgroundRequests) as (keyof BackgroundProtocol)[];
const pageSender = fc.record({ tab: fc.record({ id: fc.nat(), url: fc.webUrl() }), url: fc.webUrl() });
const anySender: fc.Arbitrary<Sender> = fc.oneof(
  pageSender,
  fc.record({ url: fc.constantFrom(`${origin}library.html`, `${origin}popup.html?tabId=3`, `${origin}sidepanel.html`) }),
  fc.record({ tab: fc.record({ id: fc.nat() }), url: fc.constantFrom(`${origin}popup.html`) }),
  fc.record({ tab: fc.option(fc.record({ id: fc.option(fc.nat(), { nil: undefined }) }), { nil: undefined }), url: fc.option(fc.string(), { nil: undefined }) }),
);
const fromExtension = (sender: Sender) => typeof sender.url === 'string' && sender.url.startsWith(origin);

describe('who may send what (issue 19)', () => {
  it('answers content scripts only what their own tab needs, and everything else only for the extension’s pages', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), anySender, (name, sender) => {
        const refused = refusal(name, sender, origin) !== null;
        if (contentScriptMessages.has(name)) expect(refused).toBe(fromExtension(sender) || sender.tab?.id === undefined);
        else expect(refused).toBe(!fromExtension(sender));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses a content script the library, the history and other tabs’ state', () => {
    fc.assert(
      fc.property(pageSender, fc.constantFrom<keyof BackgroundProtocol>('listArticles', 'getTabState', 'saveArticle', 'getEntity', 'searchKb', 'getSettings', 'listHistory', 'clearHistory', 'setSiteHistory'), (sender, name) => {
        expect(refusal(name, sender, origin)).toMatch(/only from Backstory's own pages/);
      }),
    );
  });
});

describe('the offscreen document answers only the background (issue 20)', () => {
  const id = 'abcdefghijklmnop';
  const worker = `chrome-extension://${id}/background.js`;
  const sanitize = { backstory: 'sanitizeArticleHtml', data: { html: '<p>Hello</p><img src=x onerror=alert(1)>' } };
  const handlers = { sanitizeArticleHtml: ({ html }: { html: string }) => ({ html: html.replace(/<img[^>]*>/, ''), tooLarge: false }) };
  const allow = (_name: unknown, sender: Sender & { id?: string }) => offscreenRefusal(sender, id, worker);

  it('answers the extension’s own background', async () => {
    expect(await dispatch(sanitize, { id, url: worker }, offscreenRequests, handlers, allow)).toEqual({ ok: true, value: { html: '<p>Hello</p>', tooLarge: false } });
  });

  it.each([
    ['a content script (its messages reach every extension page)', { id, tab: { id: 3, url: 'https://news.example/' }, url: 'https://news.example/' }],
    ['an extension page', { id, url: `chrome-extension://${id}/library.html` }],
    ['another extension', { id: 'zyxwvutsrqponmlk', url: `chrome-extension://zyxwvutsrqponmlk/background.js` }],
    ['a sender without an id', { url: worker }],
  ])('refuses %s', async (_who, sender) => {
    expect(await dispatch(sanitize, sender, offscreenRequests, handlers, allow)).toEqual({ ok: false, error: "accepted only from Backstory's background" });
  });

  it('refuses HTML past the capture bound, and anything but a string', async () => {
    const long = { backstory: 'sanitizeArticleHtml', data: { html: 'x'.repeat(MAX_CAPTURED_HTML_CHARS + 1) } };
    expect(await dispatch(long, { id, url: worker }, offscreenRequests, handlers, allow)).toMatchObject({ ok: false, error: expect.stringMatching(/invalid sanitizeArticleHtml request: html/) });
    expect(await dispatch({ backstory: 'sanitizeArticleHtml', data: { html: 42 } }, { id, url: worker }, offscreenRequests, handlers, allow)).toMatchObject({ ok: false });
  });
});

describe('message validators (property-based)', () => {
  const handlers = new Proxy({}, { get: () => async () => null }) as never;

  it('never throw, and answer every message of ours with a Result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names, 'toString', '__proto__', 'other'), fc.anything(), async (name, data) => {
        const reply = await dispatch({ backstory: name, data }, {}, backgroundRequests, handlers);
        if (Object.hasOwn(backgroundRequests, name)) expect(reply).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
        else expect(reply).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  const article = (url: string, text = 'Text') => ({ backstory: 'analyzeArticle', data: { url, title: 'T', text, published: null, site: null } });

  it('accept a reported page URL only when it is http(s)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT://x/%0aalert(1)', 'data:text/html,x', 'chrome://settings', ' https://a.example/', 'https:/a', 'file:///etc/passwd')), async (url) => {
        const reply = await dispatch(article(url), {}, backgroundRequests, handlers);
        expect(reply?.ok).toBe(isWebUrl(url));
        if (reply?.ok) expect(new URL(url).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse a javascript: page URL however it is written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('javascript:', 'JavaScript:', ' javascript:', 'java\tscript:'), fc.string(), async (scheme, rest) => {
        for (const name of ['analyzeArticle', 'reportNotArticle', 'getHighlightSettings'] as const) {
          const data = name === 'analyzeArticle' ? article(scheme + rest).data : { url: scheme + rest, title: '' };
          expect((await dispatch({ backstory: name, data }, {}, backgroundRequests, handlers))?.ok).toBe(false);
        }
      }),
    );
  });

  it('hand handlers page text without bidi controls, offsets unchanged (issue 19)', async () => {
    const seen: unknown[] = [];
    const record = new Proxy({}, { get: () => async (data: unknown) => void seen.push(data) }) as never;
    const control = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
    const pageString = fc.array(fc.oneof(control, fc.string()), { maxLength: 8 }).map((parts) => parts.join('').slice(0, 500));
    await fc.assert(
      fc.asyncProperty(pageString, pageString, pageString, async (title, text, site) => {
        seen.length = 0;
        const url = 'https://a.example/';
        await dispatch({ backstory: 'analyzeArticle', data: { url, title, text, published: null, site } }, {}, backgroundRequests, record);
        await dispatch({ backstory: 'reportNotArticle', data: { url, title } }, {}, backgroundRequests, record);
        await dispatch({ backstory: 'reportTooLarge', data: { url, title, tooLarge: { limit: 'elements', measured: 2, max: 1 } } }, {}, backgroundRequests, record);
        expect(seen).toHaveLength(3);
        const [article, notArticle, tooLarge] = seen as { title: string; text?: string; site?: string }[];
        for (const [got, sent] of [[article!.title, title], [article!.text!, text], [article!.site!, site], [notArticle!.title, title], [tooLarge!.title, title]] as const) {
          expect(got).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
          expect(got.length).toBe(sent.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accept article text up to what extraction sends, and no more', async () => {
    const at = pageBudget.maxArticleChars;
    expect((await dispatch(article('https://a.example/', 'x'.repeat(at)), {}, backgroundRequests, handlers))?.ok).toBe(true);
    expect(await dispatch(article('https://a.example/', 'x'.repeat(at + 1)), {}, backgroundRequests, handlers)).toEqual({ ok: false, error: expect.stringContaining('text') });
  });
});

describe('safeHref', () => {
  it('lets through http(s) URLs only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('javascript:alert(1)', 'data:,x', 'vbscript:x', '//evil.example/')), (url) => {
        const href = safeHref(url);
        if (href !== undefined) expect(['http:', 'https:']).toContain(new URL(href).protocol);
        if (/^\s*(javascript|data|vbscript):/i.test(url)) expect(href).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    expect(safeHref(null)).toBeUndefined();
  });
});

describe('describeSendError (issue 19, failure 5)', () => {
  const closed = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

  it('says what happened and what to do when the worker stopped mid-import', () => {
    const text = describeSendError('importStatus', closed);
    expect(text).toMatch(/stopped during the import/);
    expect(text).toMatch(/Import the file again/);
    expect(text).not.toMatch(/listener|channel/);
  });

  it('says to try again for any other message, and keeps other errors as they are', () => {
    expect(describeSendError('saveArticle', closed)).toMatch(/try again/);
    expect(describeSendError('saveArticle', 'Could not establish connection')).toBe('saveArticle failed: Could not establish connection');
  });
});

describe('names the knowledge base does not hold (issue 17)', () => {
  const name = { text: 'Kwame Mensah', type: 'person', count: 1, offsets: [{ start: 0, end: 12 }], sentence: 'Kwame Mensah spoke.' };

  it('accepts a well-formed list and refuses what a hostile page could make of one', () => {
    expect(v.is(unknownNamesSchema, [name])).toBe(true);
    expect(v.is(unknownNamesSchema, [{ ...name, text: '' }])).toBe(false);
    expect(v.is(unknownNamesSchema, [{ ...name, text: 'x'.repeat(201) }])).toBe(false);
    expect(v.is(unknownNamesSchema, [{ ...name, type: 'city' }])).toBe(false);
    expect(v.is(unknownNamesSchema, [{ ...name, count: 1.5 }])).toBe(false);
    expect(v.is(unknownNamesSchema, [{ ...name, sentence: '<img onerror>'.repeat(40) }])).toBe(false);
    expect(v.is(unknownNamesSchema, Array(31).fill(name))).toBe(false);
  });

  it('any value: the schema answers without throwing', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof v.is(unknownNamesSchema, value) === 'boolean'));
  });

  it('an entity added from an article keeps it as its source only with an http(s) URL', async () => {
    const entity = { id: 'kwame-mensah', name: 'Kwame Mensah', type: 'person', aliases: [], description: 'Kwame Mensah spoke.' };
    const put = (seenIn: unknown) => dispatch({ backstory: 'putUserEntity', data: { entity: { ...entity, seenIn } } }, {}, backgroundRequests, handlers);
    // The request validator passes the record on; the pack schema (kb-store, handlers.test) checks it.
    expect(await put({ url: 'https://news.example/a', title: 'A story', date: '2025-10-20' })).toMatchObject({ ok: true });
    const check = (seenIn: unknown) => {
      const checker = new PackChecker();
      checker.entity({ ...entity, seenIn });
      return checker.problems.map((p) => p.path);
    };
    expect(check({ url: 'https://news.example/a', title: 'A story', date: '2025-10-20' })).toEqual([]);
    expect(check({ url: 'javascript:alert(1)' })).toEqual(['entities.0.seenIn.url']);
    expect(check({ url: 'https://news.example/a', date: 'yesterday' })).toEqual(['entities.0.seenIn.date']);
  });
});
