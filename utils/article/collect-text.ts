/**
 * Turns live DOM text nodes into one string plus a map back from string offsets to
 * (node, offset), so that a mention found in the string becomes a DOM Range on the page.
 * Whitespace is collapsed as the browser renders it; blocks are separated by a blank line.
 */

/** One text node's share of the string. */
export interface TextSegment {
  /** Offset of the segment's first character in the composed string. */
  start: number;
  /** Length of the segment in the composed string. */
  length: number;
  node: Text;
  /** For each character of the segment, its offset in `node.data`. */
  offsets: number[];
}

/** Where a {@link TextBuilder} stood; see TextBuilder.mark. */
export interface TextMark {
  parts: number;
  segments: number;
  length: number;
  tail: string;
  pendingSpace: boolean;
}

/** True for the characters `\s` matches, without a regular expression per character. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Builds the composed string in parts, in time linear in its length: every decision looks
 * at the last characters written, never at the whole string (a regular expression anchored
 * at the end of a growing string made extraction quadratic; issue 19).
 */
export class TextBuilder {
  readonly segments: TextSegment[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  /** The last two characters written ('' before any). */
  private tail = '';
  private pendingSpace = false;

  /** The last character written ('' before any). */
  get lastChar(): string {
    return this.tail.slice(-1);
  }

  /** Characters written so far. */
  get size(): number {
    return this.length;
  }

  private write(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
    this.tail = (this.tail + s).slice(-2);
  }

  /** Appends a text node, collapsing runs of whitespace (also across node boundaries). */
  addNode(node: Text): void {
    const data = node.data;
    let out = '';
    const offsets: number[] = [];
    // Where the pending space came from in this node; -1 when from an earlier node.
    let spaceAt = -1;
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) {
        if (!this.pendingSpace) spaceAt = i;
        // `out` never holds a line break: only what was written before can end with one.
        this.pendingSpace = out.length > 0 || (this.length > 0 && !this.tail.endsWith('\n'));
        continue;
      }
      if (this.pendingSpace) {
        if (spaceAt === -1 && !out) this.write(' '); // a space between nodes belongs to neither
        else {
          out += ' ';
          offsets.push(spaceAt);
        }
        this.pendingSpace = false;
      }
      spaceAt = -1;
      out += data[i]!;
      offsets.push(i);
    }
    if (!out) return;
    this.segments.push({ start: this.length, length: out.length, node, offsets });
    this.write(out);
  }

  /** Ends a block: what follows starts after a blank line. */
  breakBlock(): void {
    this.pendingSpace = false;
    if (!this.length || this.tail === '\n\n') return;
    this.write(this.tail.endsWith('\n') ? '\n' : '\n\n');
  }

  /** A line break (`<br>`) inside a block. */
  breakLine(): void {
    this.pendingSpace = false;
    if (this.length && !this.tail.endsWith('\n')) this.write('\n');
  }

  /** A point to come back to with {@link rollback}. */
  mark(): TextMark {
    return { parts: this.parts.length, segments: this.segments.length, length: this.length, tail: this.tail, pendingSpace: this.pendingSpace };
  }

  /**
   * Forgets everything written since `mark` (a label that turned out to introduce only
   * links), in time proportional to what is forgotten.
   */
  rollback(mark: TextMark): void {
    this.parts.length = mark.parts;
    this.segments.length = mark.segments;
    this.length = mark.length;
    this.tail = mark.tail;
    this.pendingSpace = mark.pendingSpace;
  }

  /** Appends text that maps to no node (a headline taken from metadata). */
  addUnmapped(text: string): void {
    this.write(text);
  }

  /** The composed string without a trailing separator. */
  finish(): string {
    const text = this.parts.join('');
    let end = text.length;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    return text.slice(0, end);
  }
}

/**
 * The (node, offset) of a character offset of the composed string; null when the offset
 * falls outside every segment (a separator or unmapped text).
 */
export function locateOffset(segments: TextSegment[], offset: number, atEnd = false): { node: Text; offset: number } | null {
  const target = atEnd ? offset - 1 : offset;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    if (target < seg.start) hi = mid - 1;
    else if (target >= seg.start + seg.length) lo = mid + 1;
    else {
      const inNode = seg.offsets[target - seg.start]!;
      return { node: seg.node, offset: atEnd ? inNode + 1 : inNode };
    }
  }
  return null;
}
