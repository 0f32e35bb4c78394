/**
 * Long tasks caused by the extension on a page, from a DevTools trace: every top-level task
 * of the page's main thread that lasted over 50 ms and ran the content script's code (a
 * script evaluation or function call from a chrome-extension:// URL). The page's own
 * parsing, layout and scripts are left out, so pages that are slow on their own can be used.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; stackTrace?: { url?: string }[] } };
}

/** The long-task threshold of the web platform (ms). */
const LONG_TASK_MS = 50;

export interface ExtensionLongTasks {
  /** Durations (ms) of the long tasks that ran the extension's code, longest first. */
  durations: number[];
  /** The longest, 0 when there was none. */
  worst: number;
  /**
   * Every long task (ms) of the main thread the content script ran on, whoever caused it: a
   * task resumed after a pause (a timer, a message reply) does not always name its script.
   * On a page without scripts of its own, these are the extension's, the page's parsing and
   * its rendering.
   */
  thread: number[];
}

export class LongTaskTrace {
  private readonly events: TraceEvent[] = [];
  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Tracing.dataCollected', (e) => {
      for (const event of e.value as unknown as TraceEvent[]) if (event.ph === 'X' || event.ph === 'B' || event.ph === 'E') this.events.push(event);
    });
  }

  /** Starts tracing `page` (before it navigates, so that the content script's start is seen). */
  static async start(context: BrowserContext, page: Page): Promise<LongTaskTrace> {
    const cdp = await context.newCDPSession(page);
    const trace = new LongTaskTrace(cdp);
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8.execute', transferMode: 'ReportEvents' } as never);
    return trace;
  }

  /** Stops tracing and finds the long tasks that ran the extension's code. */
  async stop(): Promise<ExtensionLongTasks> {
    const complete = new Promise<void>((ok) => this.cdp.once('Tracing.tracingComplete', () => ok()));
    await this.cdp.send('Tracing.end');
    await complete;
    await this.cdp.detach().catch(() => {});
    const ours = (e: TraceEvent) => [e.args?.data?.url, e.args?.data?.stackTrace?.[0]?.url].some((u) => u?.startsWith('chrome-extension://'));
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of this.events) {
      const key = `${e.pid}:${e.tid}`;
      (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
    }
    const durations: number[] = [];
    const thread: number[] = [];
    for (const events of byThread.values()) {
      const marks = events.filter(ours).map((e) => e.ts);
      if (!marks.length) continue;
      const tasks = events.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) / 1000 > LONG_TASK_MS);
      for (const task of tasks) {
        thread.push(task.dur! / 1000);
        if (marks.some((ts) => ts >= task.ts && ts <= task.ts + task.dur!)) durations.push(task.dur! / 1000);
      }
    }
    durations.sort((a, b) => b - a);
    thread.sort((a, b) => b - a);
    return { durations, worst: durations[0] ?? 0, thread };
  }
}
