/**
 * Reads what a tab's page watcher did (issue 20) through the content protocol's watchState:
 * how many times the page was read, whether it is still watched, and each highlight's live
 * text beside its mention's.
 */
import type { ExtensionBrowser } from './browser';

export interface WatchReport {
  reads: number;
  watching: boolean;
  stopped: 'rereads' | 'time' | 'unsettled' | null;
  highlights: { mention: string; live: string; block: string }[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The watcher's report for a tab; throws when the content script does not answer. */
export async function watchState(ext: ExtensionBrowser, tabId: number): Promise<WatchReport> {
  const reply = (await ext.worker.evaluate(async (id) => chrome.tabs.sendMessage(id, { backstory: 'watchState', data: {} }), tabId)) as {
    ok: boolean;
    value?: WatchReport;
    error?: string;
  };
  if (!reply?.ok || !reply.value) throw new Error(`watchState failed: ${reply?.error ?? 'no reply'}`);
  return reply.value;
}

/** Polls the report until `done` says so; returns the last report, or throws with it after `timeoutMs`. */
export async function waitForWatch(ext: ExtensionBrowser, tabId: number, done: (r: WatchReport) => boolean, timeoutMs = 30_000): Promise<WatchReport> {
  const until = Date.now() + timeoutMs;
  let last: WatchReport | null = null;
  for (;;) {
    last = await watchState(ext, tabId).catch(() => last);
    if (last && done(last)) return last;
    if (Date.now() > until) throw new Error(`the page watcher never got there; last report: ${JSON.stringify({ ...last, highlights: last?.highlights.length })}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** Highlights whose live text is not their mention's (whitespace aside): none on a page read right. */
export const staleHighlights = (r: WatchReport) => r.highlights.filter((h) => squash(h.live) !== squash(h.mention));
