/**
 * Errors the extension's code throws or logs on a page (issue 20: "no exception from the
 * extension"), seen through the DevTools protocol: exceptions and console errors from the
 * content script's isolated world, or whose stack names a chrome-extension:// URL.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface ErrorWatch {
  /** What was thrown or logged as an error so far. */
  errors: string[];
  stop(): Promise<void>;
}

/** Starts watching `page` (before it navigates, so that the content script's start is seen). */
export async function watchExtensionErrors(context: BrowserContext, page: Page): Promise<ErrorWatch> {
  const cdp = await context.newCDPSession(page);
  const errors: string[] = [];
  const ours = new Set<number>();
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string } }) => {
    if (e.context.origin.startsWith('chrome-extension://')) ours.add(e.context.id);
  });
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { executionContextId?: number; url?: string; text: string; exception?: { description?: string } } }) => {
    const d = e.exceptionDetails;
    const fromUs = (d.executionContextId !== undefined && ours.has(d.executionContextId)) || !!d.url?.startsWith('chrome-extension://') || /chrome-extension:\/\//.test(d.exception?.description ?? '');
    if (fromUs) errors.push(`${d.text} ${d.exception?.description ?? ''}`.trim());
  });
  cdp.on('Runtime.consoleAPICalled', (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
    if ((e.type === 'error' || e.type === 'assert') && ours.has(e.executionContextId)) errors.push(e.args.map((a) => String(a.value ?? a.description)).join(' '));
  });
  await cdp.send('Runtime.enable');
  return { errors, stop: () => cdp.detach().catch(() => {}) };
}
