/**
 * Paints mentions on the live page with the CSS Custom Highlight API: Ranges over the
 * page's own text nodes, no node added, moved or changed (../shared/DESIGN.md). Hit testing
 * for the hover card uses the Ranges' rects. The colours follow the page's own background
 * (light or dark, see highlight-colours.ts); one highlight at a time can be the focused one,
 * reached by the keyboard (issue 20).
 */
import { locateOffset, type TextSegment } from '../article/collect-text';
import { accentOf, type Accent } from '../ui/entity-types';
import { highlightStyle, isDark, parseCssColour } from './highlight-colours';

export interface PaintedMention {
  range: Range;
  text: string;
  entityId: string;
  entityType: string;
  kind: string;
}

interface MentionLike {
  start: number;
  end: number;
  text: string;
  kind: string;
  entity: { id: string; type: string };
}

const GROUPS: readonly Accent[] = ['person', 'country', 'place', 'organisation'];
const highlightName = (group: Accent) => `backstory-${group}`;
const FOCUS = 'backstory-focus';
const FLASH_MS = 1600;

/** True when the browser can paint highlights without touching the DOM. */
export function canHighlight(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

/** The first opaque background behind `node`, walking up to the root; white when none is set. */
function backgroundBehind(node: Node | null): readonly [number, number, number] {
  for (let el = node instanceof Element ? node : (node?.parentElement ?? null); el; el = el.parentElement) {
    const colour = parseCssColour(el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor);
    if (colour) return colour;
  }
  return [255, 255, 255];
}

export class PageHighlighter {
  /** The painted mentions, in the order of the text. */
  readonly painted: PaintedMention[] = [];
  private sheet: CSSStyleSheet | null = null;
  private dark: boolean | null = null;
  private flashTimer = 0;

  constructor(private readonly doc: Document) {}

  /** The live Range of a mention; null when its offsets do not map into live text nodes (a headline from metadata) or the text there differs. */
  private rangeOf(segments: TextSegment[], m: MentionLike): Range | null {
    const from = locateOffset(segments, m.start);
    const to = locateOffset(segments, m.end, true);
    if (!from || !to) return null;
    const range = this.doc.createRange();
    try {
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
    } catch {
      return null; // The page changed under us; leave this mention unpainted.
    }
    return range.toString().replace(/\s+/g, ' ') === m.text.replace(/\s+/g, ' ') ? range : null;
  }

  /** The mentions that can be painted, in the order given; [] when none maps into the page. */
  paintable<M extends MentionLike>(segments: TextSegment[], mentions: readonly M[]): M[] {
    return mentions.filter((m) => this.rangeOf(segments, m) !== null);
  }

  /** Builds a Range for every mention that maps into live text nodes and paints them; the others are skipped. */
  paint(segments: TextSegment[], mentions: readonly MentionLike[]): void {
    this.clear();
    for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
      const range = this.rangeOf(segments, m);
      if (range) this.painted.push({ range, text: m.text, entityId: m.entity.id, entityType: m.entity.type, kind: m.kind });
    }
    this.ensureStyle(segments[0]?.node ?? null);
    const registry = CSS.highlights;
    for (const group of GROUPS) {
      const ranges = this.painted.filter((p) => accentOf(p.entityType) === group).map((p) => p.range);
      if (ranges.length) registry.set(highlightName(group), new Highlight(...ranges));
    }
  }

  /** The painted mention under a viewport point; null when there is none. */
  mentionAt(x: number, y: number): PaintedMention | null {
    for (const p of this.painted) {
      for (const rect of p.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return p;
      }
    }
    return null;
  }

  /** Marks one mention as the focused one (null: none), scrolling it into view when asked. */
  focus(mention: PaintedMention | null, scroll = false): void {
    this.doc.defaultView?.clearTimeout(this.flashTimer);
    if (!mention) return void CSS.highlights.delete(FOCUS);
    CSS.highlights.set(FOCUS, new Highlight(mention.range));
    if (!scroll) return;
    const rect = mention.range.getBoundingClientRect();
    const view = this.doc.defaultView!;
    if (rect.top < 0 || rect.bottom > view.innerHeight) mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }

  /** Scrolls to the first mention of an entity and flashes it; false when it has none. */
  reveal(entityId: string): boolean {
    const first = this.painted.find((p) => p.entityId === entityId);
    if (!first) return false;
    first.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.focus(first);
    this.flashTimer = this.doc.defaultView!.setTimeout(() => CSS.highlights.delete(FOCUS), FLASH_MS);
    return true;
  }

  clear(): void {
    for (const group of GROUPS) CSS.highlights.delete(highlightName(group));
    CSS.highlights.delete(FOCUS);
    this.painted.length = 0;
  }

  /**
   * Adds our ::highlight rules as an adopted stylesheet (no <style> node in the page), in
   * the shades for the page's background behind the article.
   */
  private ensureStyle(sample: Node | null): void {
    const dark = isDark(backgroundBehind(sample));
    if (this.sheet && this.dark === dark) return;
    this.dark = dark;
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    }
    this.sheet.replaceSync(highlightStyle(dark, highlightName, FOCUS));
  }

  dispose(): void {
    this.clear();
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.sheet = null;
  }
}
