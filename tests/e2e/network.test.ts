/**
 * Issue 19: the extension sends no request anywhere. The browser runs with every request
 * (loopback too) sent through a recording proxy of our own on 127.0.0.1, which forwards only
 * the test's page server and refuses anything else; the pages are served with a CSP that keeps
 * them from loading anything of their own from elsewhere. The same session — several real pages,
 * popup, side panel, library, save, search — runs twice: in Chromium without the extension (what
 * the browser itself asks for at start, e.g. its account service) and with it, from install on.
 * Every host the second run reached must be the page server, one the first run reached too, or
 * one of the Google services Chromium itself calls at start at times of its own (in one run and
 * not the other: they cannot be a baseline), listed below.
 * Requests inside the extension (chrome-extension://, blob:) never reach a network.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, requireInputs, servePages, sharedDir, type PageServer } from './browser';
import { ExtensionDriver } from './extension';

let pages: PageServer;
let proxy: Server;
let seen: string[] = [];
let proxyOrigin = '';

/** An HTTP proxy on 127.0.0.1 that records every request and forwards only those to `allowed`. */
async function recordingProxy(allowed: string): Promise<{ server: Server; origin: string }> {
  const target = new URL(allowed);
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://unknown');
    if (url.host !== target.host) {
      res.writeHead(403).end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: url.pathname + url.search, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // HTTPS and WebSocket requests come as CONNECT: recorded and refused.
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return { server, origin: `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

beforeAll(async () => {
  requireInputs();
  pages = await servePages({ '/seed/': join(sharedDir, 'fixtures/seed'), '/corpus/': join(sharedDir, 'corpus/pages') }, { 'content-security-policy': "default-src 'self' 'unsafe-inline'; img-src 'self' data:" });
  const recorder = await recordingProxy(pages.origin);
  proxy = recorder.server;
  proxyOrigin = recorder.origin;
}, 120_000);

afterAll(async () => {
  await pages?.close();
  await new Promise((ok) => proxy?.close(ok));
});

/** Services Chromium itself reaches whatever is loaded, when it chooses to (account, GCM, autofill, updates). */
const CHROMIUM_SERVICES = new Set(['accounts.google.com', 'android.clients.google.com', 'clients2.google.com', 'content-autofill.googleapis.com', 'update.googleapis.com', 'optimizationguide-pa.googleapis.com', 'safebrowsingohttpgateway.googleapis.com']);

/** The hosts a session reached through the proxy. */
const hostsOf = (lines: string[]) => new Set(lines.map((line) => (line.startsWith('CONNECT ') ? line.slice(8).replace(/:\d+$/, '') : new URL(line.split(' ')[1]!).hostname)));

// "<-loopback>" takes 127.0.0.1 off Chromium's default bypass list: the pages go through the proxy too.
const proxied = () => [`--proxy-server=http://${proxyOrigin}`, '--proxy-bypass-list=<-loopback>'];
const ARTICLES = ['/seed/index.html', '/corpus/scrapinghub-cbsnews-com-7a664e40d256.html', '/corpus/readability-bbc-1.html', '/corpus/readability-heise.html'];

describe('a reading session', () => {
  it('sends no request anywhere but to the pages the reader opens', async () => {
    // Without the extension: what Chromium itself and the pages ask for.
    const plain = await launchWithExtension(undefined, true, proxied(), false);
    for (const path of ARTICLES) {
      const page = await plain.context.newPage();
      await page.goto(`${pages.origin}${path}`);
      await page.waitForTimeout(500);
    }
    await plain.context.newPage().then((p) => p.waitForTimeout(2000));
    await plain.close();
    const baseline = hostsOf(seen);
    seen = [];

    const ext = await launchWithExtension(undefined, true, proxied());
    const driver = new ExtensionDriver(ext);
    // The first article waits for the bundled pack to install; its requests are recorded too.
    await driver.warmUp(`${pages.origin}${ARTICLES[0]}`);
    const { tabId } = await driver.openArticle(`${pages.origin}${ARTICLES[0]}`);
    for (const path of ARTICLES.slice(1)) await driver.openArticle(`${pages.origin}${path}`);
    const popup = await driver.openExtensionPage('popup', tabId);
    await popup.getByRole('button', { name: /save/i }).first().click();
    await popup.waitForTimeout(500);
    const panel = await driver.openExtensionPage('sidepanel', tabId);
    await panel.waitForTimeout(1000);
    const library = await driver.openExtensionPage('library');
    await library.waitForSelector('[data-testid="kb-info"]', { timeout: 30_000 });
    const search = library.getByRole('searchbox').first();
    if (await search.count()) await search.fill('Putin');
    await library.waitForTimeout(1000);

    await ext.close();

    const pagesHost = new URL(pages.origin).hostname;
    const reached = hostsOf(seen);
    const extra = [...reached].filter((host) => host !== pagesHost && !baseline.has(host) && !CHROMIUM_SERVICES.has(host));
    console.log(`without the extension: ${[...baseline].join(', ') || 'nothing'} beside the page server; with it: ${seen.length} requests through the proxy, hosts ${[...reached].join(', ')}; beyond those: ${extra.length ? extra.join(', ') : 'none'}`);
    // The proxy saw the pages themselves: it was in the way.
    expect(seen.some((line) => line.includes('/seed/index.html'))).toBe(true);
    expect(extra).toEqual([]);
  }, 300_000);
});
