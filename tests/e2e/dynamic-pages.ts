/**
 * Pages whose article comes late or changes (issue 20), generated at test time from real news
 * text read from ../shared (the seed article and a CBS News article of the corpus), never
 * copied into the project: late hydration, a body swapped by a script, a live blog, a
 * single-page app moving to a second article, a page that never stops changing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from './browser';

export interface ArticleText {
  title: string;
  paragraphs: string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** JSON for an inline script: no "</script>" can end it early. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The seed article (2025): its headline and paragraphs. */
export function seedArticle(): ArticleText {
  const lines = readFileSync(join(sharedDir, 'fixtures/seed/article.txt'), 'utf8').split(/\n\s*\n/).map(squash).filter(Boolean);
  const title = lines[0]!.replace(/^date \d{4}-\d{2}-\d{2} /, '');
  return { title, paragraphs: lines.slice(1).filter((p) => p.length > 80) };
}

/** A CBS News article of the corpus (November 2019, the impeachment hearings). */
export function cbsArticle(): ArticleText {
  const text = readFileSync(join(sharedDir, 'corpus/pages/scrapinghub-cbsnews-com-7a664e40d256.expected.txt'), 'utf8');
  return { title: 'Volker and Morrison testify before the House Intelligence Committee', paragraphs: text.split(/\n\s*\n|\n/).map(squash).filter((p) => p.length > 80) };
}

/** The whole text of an article as one squashed string (headline, then paragraphs). */
export const textOf = (a: ArticleText) => squash([a.title, ...a.paragraphs].join(' '));

const head = (title: string, date: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="${date}"></head>`;
const nav = '<header><nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/politics">Politics</a></nav></header>';
export const articleHtml = (a: ArticleText, extra = '') => `<article><h1>${escapeHtml(a.title)}</h1>${a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${extra}</article>`;

/** A shell that inserts the article `delayMs` after load, as a client-rendered site hydrates. */
export function latePage(a: ArticleText, delayMs: number): string {
  return `${head(a.title, '2025-10-22')}<body>${nav}<main id="app"><p>Loading…</p></main>
<script>setTimeout(() => { document.getElementById('app').innerHTML = ${inlineJson(articleHtml(a))}; }, ${delayMs});</script></body></html>`;
}

/** A teaser of the first `teaser` paragraphs whose body a script replaces with the whole article after `delayMs` (a paywall's swap). */
export function swappedBodyPage(a: ArticleText, teaser: number, delayMs: number): string {
  const short = { ...a, paragraphs: a.paragraphs.slice(0, teaser) };
  return `${head(a.title, '2025-10-22')}<body>${nav}<main>${articleHtml(short, '<div class="paywall">Subscribe to read the whole story.</div>')}</main>
<script>setTimeout(() => { const body = document.createElement('body'); body.innerHTML = ${inlineJson(`${nav}<main>${articleHtml(a)}</main>`)}; document.body.replaceWith(body); }, ${delayMs});</script></html>`;
}

/** A live blog: `a`, then one paragraph of `updates` appended to the article every `everyMs`. */
export function liveBlogPage(a: ArticleText, updates: string[], everyMs: number): string {
  return `${head(a.title, '2025-10-22')}<body>${nav}<main>${articleHtml(a)}</main>
<script>const updates = ${inlineJson(updates)}; let n = 0;
const timer = setInterval(() => { const p = document.createElement('p'); p.textContent = updates[n++]; document.querySelector('article').append(p); if (n >= updates.length) clearInterval(timer); }, ${everyMs});</script></body></html>`;
}

/** A single-page app: `first`, then after `delayMs` pushState to `nextPath` and `second` in its place. */
export function singlePageApp(first: ArticleText, second: ArticleText, nextPath: string, delayMs: number): string {
  return `${head(first.title, '2025-10-22')}<body>${nav}<main id="app">${articleHtml(first)}</main>
<script>setTimeout(() => { history.pushState({}, '', ${inlineJson(nextPath)}); document.title = ${inlineJson(second.title)}; document.getElementById('app').innerHTML = ${inlineJson(articleHtml(second))}; }, ${delayMs});</script></body></html>`;
}

/**
 * A page that never stops changing: a counter inside the article every `everyMs` (its text
 * changes, so each change is a change of the article) and a clock in the header.
 */
export function neverSettlingPage(a: ArticleText, everyMs: number): string {
  return `${head(a.title, '2025-10-22')}<body>${nav}<p>Now: <span id="clock"></span></p><main>${articleHtml(a, '<p>This story was updated <span id="count">0</span> times.</p>')}</main>
<script>let n = 0; setInterval(() => { document.getElementById('count').textContent = String(++n); document.getElementById('clock').textContent = String(Date.now()); }, ${everyMs});</script></body></html>`;
}

/** A quiet article with a clock outside it that ticks every `everyMs`. */
export function tickingClockPage(a: ArticleText, everyMs: number): string {
  return `${head(a.title, '2025-10-22')}<body>${nav}<p>Now: <span id="clock"></span></p><main>${articleHtml(a)}</main>
<script>setInterval(() => { document.getElementById('clock').textContent = new Date().toISOString(); }, ${everyMs});</script></body></html>`;
}
