/**
 * Pages a careless or hostile site could serve, generated in the test (issue 19, "Large
 * pages freeze"): many elements, megabytes of text, a huge real-looking article. Each is a
 * dated NewsArticle, so detection says "article" and the extension has to read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { sharedDir } from './browser';

const head = (title: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2025-10-22"}</script>
<meta property="article:published_time" content="2025-10-22"></head><body><article><h1>${title}</h1>`;
const tail = '</article></body></html>';

/** The seed article's paragraphs: real news text, naming real actors. */
function seedParagraphs(): string[] {
  return readFileSync(join(sharedDir, 'fixtures/seed/article.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 40);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `count` elements: paragraphs of a few words, each with inline children. */
export function manyElementsPage(count = 50_000): string {
  const paragraphs = seedParagraphs();
  const parts: string[] = [head('Many elements')];
  // Each block is five elements: div, p, b, a, span.
  for (let i = 0; i < count / 5; i++) {
    const words = paragraphs[i % paragraphs.length]!.split(' ').slice(0, 8).join(' ');
    parts.push(`<div><p><b>${i}</b> ${escapeHtml(words)} <a href="#a${i}">more</a> <span>on this</span>.</p></div>`);
  }
  parts.push(tail);
  return parts.join('\n');
}

/** About `chars` characters of real news text in paragraphs: a huge article. */
export function hugeArticlePage(chars: number, title = 'A very long article'): string {
  const paragraphs = seedParagraphs();
  const parts: string[] = [head(title)];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    parts.push(`<p>${escapeHtml(p)}</p>`);
    length += p.length + 2;
  }
  parts.push(tail);
  return parts.join('\n');
}

/** About `chars` characters of text in a few very long paragraphs. */
export function megabytesOfTextPage(chars = 5_000_000): string {
  const paragraphs = seedParagraphs().join(' ');
  const block = paragraphs.repeat(Math.ceil(100_000 / paragraphs.length)).slice(0, 100_000);
  const parts: string[] = [head('Megabytes of text')];
  for (let n = 0; n < chars; n += block.length) parts.push(`<p>${escapeHtml(block)}</p>`);
  parts.push(tail);
  return parts.join('\n');
}

/** Serves generated pages (path → html) on 127.0.0.1. */
export async function serveGenerated(pages: Record<string, string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

