/**
 * Reads a pack's JSON text piece by piece and hands out its manifest and records as they
 * complete, so a file of any size is parsed without being held whole. Used by the library
 * page, which parses while the background checks and writes what it sent before, and by
 * the background itself for a file given as text.
 *
 * Only the pack's two outer levels are scanned here — the top object, its keys, and the
 * elements of `entities` and `events` — each complete value is then handed to the native
 * `JSON.parse`, which checks it. A general streaming parser (@streamparser/json) took 2–4 s
 * for a 26 MB pack in Chromium, on the critical path of an import; this takes a tenth.
 */

/** What a piece of text completed: the manifest (once) and whole records, unchecked. */
export interface PackPiece {
  manifest?: unknown;
  entities: unknown[];
  events: unknown[];
}

type State = 'start' | 'key-or-end' | 'key' | 'colon' | 'value' | 'after-value' | 'element-or-end' | 'element' | 'after-element' | 'capture' | 'done';

/** True when the character at `at` follows an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  while (text.charCodeAt(at - 1 - slashes) === 0x5c) slashes++;
  return slashes % 2 === 1;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class PackStream {
  private buffer = '';
  /** Characters of the text dropped from the front of `buffer`, for positions in messages. */
  private dropped = 0;
  private pos = 0;
  private state: State = 'start';
  private key = '';
  /** The value being captured: where it starts, and the scan's progress through it. */
  private capture = { start: 0, depth: 0, inString: false, escaped: false, primitive: false, element: false };
  private piece: PackPiece = { entities: [], events: [] };
  /** Records scanned and not yet parsed: [start, end) offsets in `buffer`, parsed together in one call. */
  private batch: number[] = [];
  /** The record lists the text has opened so far: a file without one of them is no pack. */
  readonly lists = new Set<'entities' | 'events'>();
  private sawManifest = false;

  /**
   * A second "manifest", "entities" or "events": JSON.parse keeps the last one and a stream
   * would read both, so such a file is refused rather than read either way (found by
   * fuzzing the importer, issue 19).
   */
  private once(key: string): void {
    const seen = key === 'manifest' ? this.sawManifest : (key === 'entities' || key === 'events') && this.lists.has(key);
    if (seen) throw new Error(`"${key}" appears twice in the file, at character ${this.dropped + this.pos}: a pack has one`);
    if (key === 'manifest') this.sawManifest = true;
  }

  private fail(message: string): never {
    throw new Error(`not valid JSON: ${message} at character ${this.dropped + this.pos}`);
  }

  private unexpected(): never {
    const c = this.buffer[this.pos];
    return this.fail(`unexpected ${c === undefined ? 'end of the file' : JSON.stringify(c)}`);
  }

  /** Moves past white space; false when the buffer ran out. */
  private skipSpace(): boolean {
    while (this.pos < this.buffer.length && isSpace(this.buffer.charCodeAt(this.pos))) this.pos++;
    return this.pos < this.buffer.length;
  }

  private beginCapture(element: boolean): void {
    const c = this.buffer.charCodeAt(this.pos);
    this.capture = { start: this.pos, depth: 0, inString: false, escaped: false, primitive: c !== 0x7b && c !== 0x5b && c !== 0x22, element };
    this.state = 'capture';
  }

  /** Scans the captured value to its end; false when the buffer ran out first. */
  private scanCapture(atEnd: boolean): boolean {
    const cap = this.capture;
    const text = this.buffer;
    if (cap.primitive) {
      while (this.pos < text.length) {
        const c = text.charCodeAt(this.pos);
        if (c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c)) return true;
        this.pos++;
      }
      return atEnd;
    }
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos++);
      if (cap.inString) {
        if (cap.escaped) cap.escaped = false;
        else if (c === 0x5c) cap.escaped = true;
        else if (c === 0x22) {
          cap.inString = false;
          if (cap.depth === 0) return true;
        }
      } else if (c === 0x22) cap.inString = true;
      else if (c === 0x7b || c === 0x5b) cap.depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--cap.depth === 0) return true;
      }
    }
    return false;
  }

  private parseAt(start: number, end: number): unknown {
    try {
      return JSON.parse(this.buffer.slice(start, end));
    } catch (error) {
      this.pos = start;
      return this.fail((error as Error).message);
    }
  }

  private finishCapture(): void {
    if (this.capture.element) {
      this.batch.push(this.capture.start, this.pos);
      this.state = 'after-element';
    } else {
      const value = this.parseAt(this.capture.start, this.pos);
      if (this.key === 'manifest') this.piece.manifest = value;
      this.state = 'after-value';
    }
  }

  /**
   * Parses the records scanned since the last call with one JSON.parse over the text from
   * the first to the last (the commas between them are checked by the scan), which is
   * several times faster than a call per record; a record that is not JSON is then found alone.
   */
  private parseBatch(): void {
    if (!this.batch.length) return;
    const first = this.batch[0]!;
    const last = this.batch[this.batch.length - 1]!;
    const target = this.key === 'events' ? this.piece.events : this.piece.entities;
    let values: unknown[];
    try {
      values = JSON.parse(`[${this.buffer.slice(first, last)}]`) as unknown[];
    } catch {
      values = [];
      for (let i = 0; i < this.batch.length; i += 2) values.push(this.parseAt(this.batch[i]!, this.batch[i + 1]!));
    }
    for (const value of values) target.push(value);
    this.batch = [];
  }

  private run(atEnd: boolean): void {
    const text = this.buffer;
    for (;;) {
      if (this.state === 'capture') {
        if (!this.scanCapture(atEnd)) return;
        this.finishCapture();
        continue;
      }
      if (!this.skipSpace()) return;
      const c = text.charCodeAt(this.pos);
      switch (this.state) {
        case 'start':
          if (c !== 0x7b) this.unexpected();
          this.pos++;
          this.state = 'key-or-end';
          break;
        case 'key-or-end':
        case 'key': {
          if (c === 0x7d && this.state === 'key-or-end') {
            this.pos++;
            this.state = 'done';
            break;
          }
          if (c !== 0x22) this.unexpected();
          let close = text.indexOf('"', this.pos + 1);
          while (close > 0 && isEscaped(text, close)) close = text.indexOf('"', close + 1);
          if (close < 0) return; // the key goes on in the next piece
          this.key = JSON.parse(text.slice(this.pos, close + 1)) as string;
          this.pos = close + 1;
          this.state = 'colon';
          break;
        }
        case 'colon':
          if (c !== 0x3a) this.unexpected();
          this.pos++;
          this.state = 'value';
          break;
        case 'value':
          this.once(this.key);
          if (this.key === 'entities' || this.key === 'events') {
            // Valid JSON of the wrong shape: saying "not valid JSON" would send the reader looking for a typo.
            if (c !== 0x5b) throw new Error(`"${this.key}" must be an array of records, at character ${this.dropped + this.pos}`);
            this.lists.add(this.key);
            this.pos++;
            this.state = 'element-or-end';
          } else this.beginCapture(false);
          break;
        case 'after-value':
          if (c === 0x2c) this.state = 'key';
          else if (c === 0x7d) this.state = 'done';
          else this.unexpected();
          this.pos++;
          break;
        case 'element-or-end':
          if (c === 0x5d) {
            this.pos++;
            this.state = 'after-value';
          } else this.beginCapture(true);
          break;
        case 'element':
          this.beginCapture(true);
          break;
        case 'after-element':
          if (c === 0x2c) this.state = 'element';
          else if (c === 0x5d) {
            this.parseBatch();
            this.state = 'after-value';
          } else this.unexpected();
          this.pos++;
          break;
        case 'done':
          this.unexpected();
      }
    }
  }

  private take(): PackPiece {
    this.parseBatch();
    // Keep only what is not consumed yet: the value being captured, or nothing.
    const keep = this.state === 'capture' ? this.capture.start : this.pos;
    if (keep > 0) {
      this.buffer = this.buffer.slice(keep);
      this.dropped += keep;
      this.pos -= keep;
      this.capture.start -= keep;
    }
    const piece = this.piece;
    this.piece = { entities: [], events: [] };
    return piece;
  }

  /** The records the text completes; throws "not valid JSON: …" on a syntax error. */
  write(text: string): PackPiece {
    this.buffer += text;
    this.run(false);
    return this.take();
  }

  /** The end of the text: throws "not valid JSON: …" when it stops short. */
  end(): PackPiece {
    this.run(true);
    if (this.state !== 'done') this.unexpected();
    return this.take();
  }
}
