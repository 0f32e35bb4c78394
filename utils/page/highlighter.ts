/**
 * Paints mentions on the live page with the CSS Custom Highlight API: Ranges over the
 * page's own text nodes, no node added, moved or changed (../shared/DESIGN.md). Hit testing
 * for the hover card uses the caret position under the pointer and the Ranges' rects.
 */
import { locateOffset, type TextSegment } from '../article/collect-text';

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

const HIGHLIGHT_TYPES = ['person', 'country', 'region', 'city', 'organisation', 'place'] as const;
const highlightName = (type: string) => `backstory-${type}`;
const FLASH = 'backstory-flash';

const STYLE = `
::highlight(backstory-person) { background-color: rgba(245, 158, 11, 0.28); text-decoration: underline rgba(217, 119, 6, 0.9) 2px; }
::highlight(backstory-country), ::highlight(backstory-region) { background-color: rgba(59, 130, 246, 0.2); text-decoration: underline rgba(37, 99, 235, 0.85) 2px; }
::highlight(backstory-city), ::highlight(backstory-place) { background-color: rgba(16, 185, 129, 0.22); text-decoration: underline rgba(5, 150, 105, 0.85) 2px; }
::highlight(backstory-organisation) { background-color: rgba(168, 85, 247, 0.2); text-decoration: underline rgba(147, 51, 234, 0.85) 2px; }
::highlight(backstory-flash) { background-color: rgba(250, 204, 21, 0.85); color: #111; }
`;

/** True when the browser can paint highlights without touching the DOM. */
export function canHighlight(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

export class PageHighlighter {
  readonly painted: PaintedMention[] = [];
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly doc: Document) {}

  /**
   * Builds a Range for every mention whose offsets map into live text nodes and paints
   * them; mentions in unmapped text (a headline from metadata) are skipped.
   */
  paint(segments: TextSegment[], mentions: MentionLike[]): void {
    this.clear();
    for (const m of mentions) {
      const from = locateOffset(segments, m.start);
      const to = locateOffset(segments, m.end, true);
      if (!from || !to) continue;
      const range = this.doc.createRange();
      try {
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
      } catch {
        continue; // The page changed under us; leave this mention unpainted.
      }
      if (range.toString().replace(/\s+/g, ' ') !== m.text.replace(/\s+/g, ' ')) continue;
      this.painted.push({ range, text: m.text, entityId: m.entity.id, entityType: m.entity.type, kind: m.kind });
    }
    this.ensureStyle();
    const registry = CSS.highlights;
    for (const type of HIGHLIGHT_TYPES) {
      const ranges = this.painted.filter((p) => p.entityType === type).map((p) => p.range);
      if (ranges.length) registry.set(highlightName(type), new Highlight(...ranges));
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

  /** Scrolls to the first mention of an entity and flashes it; false when it has none. */
  reveal(entityId: string): boolean {
    const first = this.painted.find((p) => p.entityId === entityId);
    if (!first) return false;
    const target = first.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    CSS.highlights.set(FLASH, new Highlight(first.range));
    setTimeout(() => CSS.highlights.delete(FLASH), 1600);
    return true;
  }

  clear(): void {
    for (const type of HIGHLIGHT_TYPES) CSS.highlights.delete(highlightName(type));
    CSS.highlights.delete(FLASH);
    this.painted.length = 0;
  }

  /** Adds our ::highlight rules as an adopted stylesheet: no <style> node in the page. */
  private ensureStyle(): void {
    if (this.sheet) return;
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(STYLE);
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
  }

  dispose(): void {
    this.clear();
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.sheet = null;
  }
}
