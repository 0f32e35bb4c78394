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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Texts appended in order and kept as UTF-8 bytes, off the JS heap; read back as one string.
 * What an import gathers for seconds (rows to write, search lines) then stays out of V8's old
 * generation, whose size sets when the next collection comes: held as strings, they took the
 * worker's heap peak from about 40 MB of live data to 140–160 MB. Appends are joined and
 * encoded a chunk at a time into one buffer, kept across `clear` (a TextEncoder call costs
 * microseconds in Chromium, and fresh memory costs more than encoding into it). Texts must
 * be well formed, as JSON.stringify's are: a lone surrogate comes back as U+FFFD.
 */
export class TextChunks {
  private data: Uint8Array;
  private bytes = 0;
  private parts: string[] = [];
  private partChars = 0;
  /** Characters appended so far. */
  length = 0;

  constructor(capacity = 1 << 16, private readonly chunkChars = 1 << 16) {
    this.data = new Uint8Array(capacity);
  }

  append(text: string): void {
    this.parts.push(text);
    this.partChars += text.length;
    this.length += text.length;
    if (this.partChars >= this.chunkChars) this.seal();
  }

  /** Everything appended, as one string. */
  text(): string {
    this.seal();
    return decoder.decode(this.data.subarray(0, this.bytes));
  }

  /** Empties it, keeping its buffer for what comes next. */
  clear(): void {
    this.bytes = this.length = this.partChars = 0;
    this.parts = [];
  }

  private seal(): void {
    if (!this.parts.length) return;
    let text = this.parts.join('');
    this.parts = [];
    this.partChars = 0;
    for (;;) {
      const { read, written } = encoder.encodeInto(text, this.data.subarray(this.bytes));
      this.bytes += written;
      if (read === text.length) return;
      // Out of room: grow (UTF-8 takes at most three bytes a UTF-16 code unit) and go on.
      text = text.slice(read);
      const grown = new Uint8Array(Math.max(this.data.length * 2, this.bytes + text.length * 3));
      grown.set(this.data.subarray(0, this.bytes));
      this.data = grown;
    }
  }
}
