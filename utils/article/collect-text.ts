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

export class TextBuilder {
  text = '';
  readonly segments: TextSegment[] = [];
  private pendingSpace = false;

  /** Appends a text node, collapsing runs of whitespace (also across node boundaries). */
  addNode(node: Text): void {
    const data = node.data;
    let out = '';
    const offsets: number[] = [];
    // Where the pending space came from in this node; -1 when from an earlier node.
    let spaceAt = -1;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (/\s/.test(ch)) {
        if (!this.pendingSpace) spaceAt = i;
        this.pendingSpace = this.text.length + out.length > 0 && !/\n$/.test(out || this.text);
        continue;
      }
      if (this.pendingSpace) {
        if (spaceAt === -1 && !out) this.text += ' '; // a space between nodes belongs to neither
        else {
          out += ' ';
          offsets.push(spaceAt);
        }
        this.pendingSpace = false;
      }
      spaceAt = -1;
      out += ch;
      offsets.push(i);
    }
    if (!out) return;
    this.segments.push({ start: this.text.length, length: out.length, node, offsets });
    this.text += out;
  }

  /** Ends a block: what follows starts after a blank line. */
  breakBlock(): void {
    this.pendingSpace = false;
    if (this.text && !this.text.endsWith('\n\n')) this.text = this.text.replace(/\n?$/, '\n\n');
  }

  /** A line break (`<br>`) inside a block. */
  breakLine(): void {
    this.pendingSpace = false;
    if (this.text && !this.text.endsWith('\n')) this.text += '\n';
  }

  /** Appends text that maps to no node (a headline taken from metadata). */
  addUnmapped(text: string): void {
    this.text += text;
  }

  /** The composed string without a trailing separator. */
  finish(): string {
    this.text = this.text.replace(/\s+$/, '');
    return this.text;
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
