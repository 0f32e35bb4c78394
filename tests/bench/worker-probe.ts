/**
 * The extension's service worker seen through the DevTools protocol: its heap now, and its
 * peak while some work runs. Shared by the benchmarks.
 */
import type { CDPSession } from 'playwright-core';

/** The extension's service worker through the DevTools protocol, for its heap. */
export class WorkerProbe {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private sessionId = '';

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result);
    });
  }

  static async attach(cdp: CDPSession, extensionId: string): Promise<WorkerProbe> {
    const probe = new WorkerProbe(cdp);
    for (let i = 0; i < 100; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (worker) {
        probe.sessionId = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })).sessionId;
        return probe;
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error('no service worker to attach to');
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`${method}: no answer`)), 30_000);
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        ok(result as T);
      });
      void this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    });
  }

  /** Used JS heap in bytes, after a garbage collection when `collect` is set. */
  async heap(collect = false): Promise<number> {
    if (collect) await this.send('HeapProfiler.collectGarbage');
    return (await this.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  async detach(): Promise<void> {
    await this.cdp.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => {});
  }
}

/** Samples the worker's heap every 250 ms until stopped: the peak, and a reading every half second. */
export function sampleHeap(probe: WorkerProbe): { stop(): Promise<{ peak: number; timeline: string }> } {
  let peak = 0;
  let sampling = true;
  const samples: number[] = [];
  const sampler = (async () => {
    for (let i = 0; sampling; i++) {
      // KB_LIVE=1: collect garbage before each reading, so they show live data (and slow the work).
      const used = await probe.heap(Boolean(process.env.KB_LIVE)).catch(() => 0);
      peak = Math.max(peak, used);
      if (i % 2 === 0) samples.push(Math.round(used / 2 ** 20));
      await new Promise((ok) => setTimeout(ok, 250));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      return { peak, timeline: samples.join(' ') };
    },
  };
}

