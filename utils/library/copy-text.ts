/**
 * The text of a rendered saved copy, with a map back to its text nodes (issue 21): what a
 * reader's highlight is anchored in (anchor.ts), and the Ranges that paint it. Pure: the copy
 * comes in as an element.
 */

export interface CopyText {
  text: string;
  /** Each text node with where its text starts in `text`, in document order. */
  nodes: { node: Text; start: number }[];
}

/** The text of every text node under `root`, in document order. */
export function copyTextOf(root: Element): CopyText {
  const nodes: CopyText['nodes'] = [];
  const parts: string[] = [];
  let at = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, start: at });
    parts.push(node.data);
    at += node.data.length;
  }
  return { text: parts.join(''), nodes };
}

/** The text node and offset in it of a text offset; null before the first node. */
function locate(copy: CopyText, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  let low = 0;
  let high = copy.nodes.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = copy.nodes[mid]!.start;
    // An end at a node boundary stays in the node before; a start goes to the node after.
    if (isEnd ? start < offset : start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0) return null;
  const { node, start } = copy.nodes[found]!;
  return { node, offset: Math.min(offset - start, node.data.length) };
}

/** A Range over `[start, end)` of the copy's text; null when the offsets are outside it. */
export function rangeOf(copy: CopyText, start: number, end: number): Range | null {
  if (start < 0 || end > copy.text.length || start >= end) return null;
  const from = locate(copy, start, false);
  const to = locate(copy, end, true);
  const first = copy.nodes[0];
  if (!from || !to || !first) return null;
  const range = first.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text offsets of a Range inside the copy; null when it starts or ends outside it. */
export function offsetsOf(copy: CopyText, range: Range): { start: number; end: number } | null {
  const at = (container: Node, offset: number) => {
    const entry = copy.nodes.find((n) => n.node === container);
    if (entry) return entry.start + offset;
    // An element boundary: the text before its child at `offset`.
    const child = container.childNodes[offset];
    const next = child ? copy.nodes.find((n) => child === n.node || child.contains(n.node)) : undefined;
    return next ? next.start : null;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}
