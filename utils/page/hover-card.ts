/**
 * The small card shown when the reader points at a highlight: name, role on the article's
 * date, one line of description. It lives in a closed shadow root, so the page's CSS cannot
 * reach it, ours cannot leak, and page scripts cannot read what it says. Text is set with
 * textContent only: nothing from the knowledge base is parsed as HTML.
 */

export interface CardContent {
  name: string;
  type: string;
  role: string | null;
  description: string;
}

const CSS_TEXT = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 320px; box-sizing: border-box;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933;
  background: #fff; border: 1px solid #d5dbe3; border-radius: 8px; padding: 10px 12px;
  box-shadow: 0 6px 24px rgba(15, 23, 42, 0.18); pointer-events: none; }
.name { font-weight: 600; font-size: 14px; }
.type { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #667085; margin-left: 6px; }
.role { margin-top: 2px; color: #334155; }
.desc { margin-top: 4px; color: #475467; }
.brand { margin-top: 6px; font-size: 11px; color: #98a2b3; }
@media (prefers-color-scheme: dark) {
  .card { background: #1e232b; color: #e6e9ee; border-color: #3a4350; }
  .role { color: #cbd5e1; } .desc { color: #aab4c3; } .type, .brand { color: #8a94a6; }
}`;

export class HoverCard {
  private readonly host: HTMLElement;
  private readonly card: HTMLDivElement;
  private readonly parts: Record<'name' | 'type' | 'role' | 'desc', HTMLElement>;
  /** What the card shows now; null when hidden. */
  current: CardContent | null = null;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('backstory-card');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS_TEXT;
    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.setAttribute('role', 'tooltip');
    this.card.hidden = true;
    const make = (tag: string, cls: string, parent: HTMLElement) => {
      const el = doc.createElement(tag);
      el.className = cls;
      parent.append(el);
      return el;
    };
    const head = make('div', 'head', this.card);
    this.parts = { name: make('span', 'name', head), type: make('span', 'type', head), role: make('div', 'role', this.card), desc: make('div', 'desc', this.card) };
    make('div', 'brand', this.card).textContent = 'Backstory';
    shadow.append(style, this.card);
  }

  /** Shows the card below (or above) a rect in viewport coordinates. */
  show(content: CardContent, anchor: DOMRect): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.parts.name.textContent = content.name;
    this.parts.type.textContent = content.type;
    this.parts.role.textContent = content.role ?? '';
    this.parts.role.hidden = !content.role;
    this.parts.desc.textContent = content.description;
    this.card.hidden = false;
    const view = this.doc.defaultView!;
    const width = Math.min(320, view.innerWidth - 16);
    const left = Math.max(8, Math.min(anchor.left, view.innerWidth - width - 8));
    const below = anchor.bottom + 8;
    const height = this.card.getBoundingClientRect().height;
    const top = below + height > view.innerHeight ? Math.max(8, anchor.top - height - 8) : below;
    this.card.style.left = `${left}px`;
    this.card.style.top = `${top}px`;
    this.current = content;
  }

  hide(): void {
    this.card.hidden = true;
    this.current = null;
  }

  remove(): void {
    this.host.remove();
    this.current = null;
  }
}
