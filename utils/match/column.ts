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
// A text may begin with U+FEFF: it is a character here, not a byte-order mark to drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of UTF-8 bytes. */
export const decodeUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/**
 * Texts appended in order and kept as UTF-8 bytes, off the JS heap; text i is
 * `bytes.subarray(ends[i - 1] ?? 0, ends[i])` of `view()`. What an import gathers for seconds
 * (rows to write, search lines) then stays out of V8's old generation, whose size sets when
 * the next collection comes: held as strings, they took the worker's heap peak from about
 * 40 MB of live data to 140–160 MB. Texts are joined and encoded a chunk at a time into one
 * buffer kept across `clear` (a TextEncoder call costs microseconds in Chromium, and fresh
 * memory costs more than encoding into it). A lone surrogate comes back as U+FFFD (one UTF-16
 * unit, as it was); a text must not end in half of a pair that the next text completes.
 */
export class TextList {
  private data: Uint8Array;
  private bytes = 0;
  private readonly ends = new Column((n) => new Int32Array(n));
  private parts: string[] = [];
  private partChars = 0;

  constructor(capacity = 1 << 16, private readonly chunkChars = 1 << 16) {
    this.data = new Uint8Array(capacity);
  }

  /** How many texts were appended. */
  get count(): number {
    return this.ends.length + this.parts.length;
  }

  append(text: string): void {
    this.parts.push(text);
    this.partChars += text.length;
    if (this.partChars >= this.chunkChars) this.seal();
  }

  /** The bytes of all the texts, and where each ends (views: appending more changes them). */
  view(): { bytes: Uint8Array; ends: Int32Array } {
    this.seal();
    return { bytes: this.data.subarray(0, this.bytes), ends: this.ends.view() };
  }

  /** Empties it, keeping its buffers for what comes next. */
  clear(): void {
    this.bytes = this.ends.length = this.partChars = 0;
    this.parts = [];
  }

  private seal(): void {
    if (!this.parts.length) return;
    const { parts } = this;
    const start = this.bytes;
    let text = parts.join('');
    const chars = text.length;
    this.parts = [];
    this.partChars = 0;
    for (;;) {
      const { read, written } = encoder.encodeInto(text, this.data.subarray(this.bytes));
      this.bytes += written;
      if (read === text.length) break;
      // Out of room: grow (UTF-8 takes at most three bytes a UTF-16 code unit) and go on.
      text = text.slice(read);
      const grown = new Uint8Array(Math.max(this.data.length * 2, this.bytes + text.length * 3));
      grown.set(this.data.subarray(0, this.bytes));
      this.data = grown;
    }
    let at = start;
    if (this.bytes - start === chars) {
      // All ASCII: a byte a character.
      for (const part of parts) this.ends.push((at += part.length));
      return;
    }
    // Else each text's end is found by walking its code points: a lead byte says how many
    // bytes follow, and four-byte ones are two UTF-16 units.
    const { data } = this;
    for (const part of parts) {
      for (let units = part.length; units > 0; ) {
        const lead = data[at]!;
        const size = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        at += size;
        units -= size === 4 ? 2 : 1;
      }
      this.ends.push(at);
    }
  }
}
