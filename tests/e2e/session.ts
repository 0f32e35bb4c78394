/**
 * The setup most end-to-end files share: the page server on their folders, Chromium with the
 * extension, a driver for it, and the screenshot folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, projectRoot, requireInputs, servePages, type ExtensionBrowser, type PageServer } from './browser';
import { ExtensionDriver } from './extension';

export const shots = join(projectRoot, 'test-output/screenshots');

export interface Session {
  server: PageServer;
  ext: ExtensionBrowser;
  driver: ExtensionDriver;
}

/**
 * Serves `mounts` (URL prefix → folder) on 127.0.0.1 and opens Chromium with the built
 * extension; with `warmUpPath`, waits until that page is analysed (the bundled pack installed).
 */
export async function startSession(mounts: Record<string, string>, warmUpPath?: string): Promise<Session> {
  requireInputs();
  mkdirSync(shots, { recursive: true });
  const server = await servePages(mounts);
  const ext = await launchWithExtension();
  const driver = new ExtensionDriver(ext);
  // BACKSTORY_INSTALL_MS: a longer wait for the pack's first install on a loaded machine (with vitest's --hookTimeout above it).
  if (warmUpPath) await driver.warmUp(`${server.origin}${warmUpPath}`, Number(process.env.BACKSTORY_INSTALL_MS) || undefined);
  return { server, ext, driver };
}

/** Closes what startSession opened; a session that failed half-way is closed as far as it got. */
export async function endSession(session: Partial<Session> | undefined): Promise<void> {
  await session?.ext?.close();
  await session?.server?.close();
}
