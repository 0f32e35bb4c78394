/**
 * Launches a real Chromium with the built extension loaded, and serves test pages on
 * 127.0.0.1. Flags and pitfalls: ../shared/TOOLCHAIN.md, "Chromium end-to-end".
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const sharedDir = resolve(projectRoot, '../shared');
export const extensionDir = join(projectRoot, '.output/chrome-mv3');

/** The Chromium to drive: $CHROME_PATH, or the usual install paths. Throws when none exists. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('no Chromium found: install it (apt-get install chromium) or set CHROME_PATH');
  return found;
}

/** Fails clearly when the shared material or the build is missing. */
export function requireInputs(): void {
  if (!existsSync(join(sharedDir, 'fixtures/seed/index.html'))) throw new Error(`../shared not found at ${sharedDir}: the end-to-end tests read the seed page from it`);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension at ${extensionDir}: run npm run build first`);
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profile: string;
  close(keepProfile?: boolean): Promise<void>;
}

/** Starts Chromium with the extension, in a given or new profile folder. */
export async function launchWithExtension(profile = mkdtempSync(join(tmpdir(), 'backstory-profile-')), headless = true, extraArgs: string[] = [], withExtension = true): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...extraArgs,
    ],
  });
  if (!withExtension) return { context, extensionId: '', worker: undefined as never, profile, close: async () => void (await context.close(), rmSync(profile, { recursive: true, force: true })) };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    profile,
    async close(keepProfile = false) {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves folders on 127.0.0.1 under URL prefixes, e.g. { '/seed/': sharedDir + '/fixtures/seed' }.
 * Nothing outside the given folders is reachable.
 */
export async function servePages(mounts: Record<string, string>, headers: Record<string, string> = {}): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(resolve(dir)) || !existsSync(file)) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
