/**
 * A typed array that grows as numbers are pushed: a builder holding hundreds of thousands of
 * numbers keeps them off the JS heap (a plain array costs 8 bytes or more a number, and a
 * boxed number above 2^31 another 16).
 */
type Typed = Int32Array | Uint32Array | Uint8Array | Float64Array;

export class Column<A extends Typed> {
  private data: A;
  length = 0;

  constructor(private readonly make: (size: number) => A, capacity = 1024) {
    this.data = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data as never);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Replaces number i (one already pushed). */
  set(i: number, value: number): void {
    this.data[i] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** The numbers pushed so far (a view: it changes if more are pushed). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}
