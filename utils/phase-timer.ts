/**
 * Times the phases of a long operation and logs them once, for `npm run bench:kb` and for
 * anyone reading the service worker's console. A phase seen twice adds up.
 */
export class PhaseTimer {
  private last = performance.now();
  private readonly laps = new Map<string, number>();

  constructor(private readonly name: string) {}

  /** Starts timing anew without counting the time since the last lap (waiting for input). */
  resume(): void {
    this.last = performance.now();
  }

  lap(phase: string): void {
    const now = performance.now();
    this.laps.set(phase, (this.laps.get(phase) ?? 0) + now - this.last);
    this.last = now;
  }

  report(): void {
    console.info(`[backstory] ${this.name}: ${[...this.laps].map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(', ')}`);
  }
}
