/**
 * The card shown for a highlight (issue 20): name, kind, the role held on the article's date,
 * a short description, and what the reader can do: open the side panel, read the Wikipedia
 * article (an ordinary link, opened in a new tab only on the reader's click), or say that
 * the link is wrong. It lives in a closed shadow root, so the page's CSS cannot reach it,
 * ours cannot leak, and page scripts cannot read or press it. Text is set with textContent
 * only: nothing from the knowledge base or the page is parsed as HTML. Its actions run only
 * for the reader's own (trusted) clicks and keys.
 */
import { placeCard, type Box } from './place-card';

export interface CardContent {
  name: string;
  type: string;
  role: string | null;
  description: string;
  /** The entity's Wikipedia article URL, when it has a title. */
  wikipedia: string | null;
}

export interface CardActions {
  openPanel(): void;
  markWrong(): void;
  undoWrong(): void;
  /** The pointer entered or left the card. */
  pointer(inside: boolean): void;
  /** Escape inside the card. */
  close(): void;
}

/** The card's words, from the browser's catalogue (public/_locales) with these as the fallback. */
export const CARD_WORDS = {
  cardOpenPanel: 'Open in side panel',
  cardWikipedia: 'Wikipedia',
  cardWrongLink: 'This link is wrong',
  cardUnlinked: 'No longer linked in this article.',
  cardUndo: 'Undo',
  cardHint: 'Alt+Shift+N: next name · Esc: close',
  cardPanelFailed: 'The side panel did not open from the page: use Backstory’s toolbar button or Alt+Shift+B.',
} as const;
export type CardWord = keyof typeof CARD_WORDS;

const CARD_WIDTH = 320;

const CSS_TEXT = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; width: max-content; max-width: ${CARD_WIDTH}px; box-sizing: border-box; overflow: auto;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; text-align: start;
  background: #fff; border: 1px solid #8a94a6; border-radius: 8px; padding: 10px 12px;
  box-shadow: 0 6px 24px rgba(15, 23, 42, 0.18); }
.card:focus { outline: 2px solid #2563eb; outline-offset: 1px; }
.name { font-weight: 600; font-size: 14px; }
.type { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #4b5563; margin-inline-start: 6px; }
.role { margin-top: 2px; color: #334155; }
.desc { margin-top: 4px; color: #475467; }
.actions { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin-top: 8px; }
button, a { font: inherit; font-size: 12.5px; color: #1d4ed8; background: none; border: 0; padding: 2px 0; cursor: pointer; text-decoration: underline; }
button.open { color: #fff; background: #1d4ed8; border-radius: 4px; padding: 3px 8px; text-decoration: none; }
button.wrong { color: #9f1239; }
button:focus-visible, a:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.status { margin-top: 6px; color: #065f46; }
.hint { margin-top: 6px; font-size: 11px; color: #4b5563; }
@media (prefers-color-scheme: dark) {
  .card { background: #1e232b; color: #e6e9ee; border-color: #5b6575; }
  .role { color: #cbd5e1; } .desc { color: #c0c8d4; } .type, .hint { color: #aab4c3; }
  button, a { color: #93c5fd; } button.open { background: #3b82f6; color: #0b1120; } button.wrong { color: #fda4af; } .status { color: #86efac; }
}`;

type Part = 'name' | 'type' | 'role' | 'desc' | 'status' | 'hint';

export class HoverCard {
  private readonly host: HTMLElement;
  private readonly card: HTMLDivElement;
  private readonly parts: Record<Part, HTMLElement>;
  private readonly buttons: { open: HTMLButtonElement; wiki: HTMLAnchorElement; wrong: HTMLButtonElement; undo: HTMLButtonElement };
  private anchor: Box | null = null;
  private readonly shadow: ShadowRoot;
  /** What the card shows now; null when hidden. */
  current: CardContent | null = null;

  constructor(
    private readonly doc: Document,
    actions: CardActions,
    word: (key: CardWord) => string = (key) => CARD_WORDS[key],
  ) {
    this.host = doc.createElement('backstory-card');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    this.shadow = shadow;
    const style = doc.createElement('style');
    style.textContent = CSS_TEXT;
    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.setAttribute('role', 'dialog');
    this.card.tabIndex = -1;
    this.card.hidden = true;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, parent: HTMLElement): HTMLElementTagNameMap[K] => {
      const el = doc.createElement(tag);
      el.className = cls;
      parent.append(el);
      return el;
    };
    const head = make('div', 'head', this.card);
    const name = make('span', 'name', head);
    name.id = 'backstory-card-name';
    this.card.setAttribute('aria-labelledby', name.id);
    this.parts = { name, type: make('span', 'type', head), role: make('div', 'role', this.card), desc: make('div', 'desc', this.card), status: make('div', 'status', this.card), hint: doc.createElement('div') };
    this.parts.status.setAttribute('role', 'status');
    const row = make('div', 'actions', this.card);
    const button = (cls: string, key: CardWord, run: () => void) => {
      const b = make('button', cls, row);
      b.type = 'button';
      b.textContent = word(key);
      // Only the reader's own clicks and keys: a page script cannot reach into the closed root,
      // and a synthetic event would not be trusted anyway.
      b.addEventListener('click', (event) => event.isTrusted && run());
      return b;
    };
    const open = button('open', 'cardOpenPanel', () => actions.openPanel());
    const wiki = make('a', 'wiki', row);
    wiki.textContent = word('cardWikipedia');
    wiki.target = '_blank';
    wiki.rel = 'noopener noreferrer';
    const wrong = button('wrong', 'cardWrongLink', () => actions.markWrong());
    const undo = button('undo', 'cardUndo', () => actions.undoWrong());
    this.buttons = { open, wiki, wrong, undo };
    this.parts.hint = make('div', 'hint', this.card);
    this.parts.hint.textContent = word('cardHint');
    this.card.addEventListener('pointerenter', () => actions.pointer(true));
    this.card.addEventListener('pointerleave', () => actions.pointer(false));
    this.card.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !event.isTrusted) return;
      event.stopPropagation();
      actions.close();
    });
    shadow.append(style, this.card);
  }

  /**
   * Shows the card for a word at `anchor` (viewport coordinates), below or above it, never
   * over it; with `focus`, keyboard focus moves into the card (the keyboard path).
   */
  show(content: CardContent, anchor: Box, { focus = false, direction = 'ltr' as 'ltr' | 'rtl' } = {}): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.parts.name.textContent = content.name;
    this.parts.type.textContent = content.type;
    this.parts.role.textContent = content.role ?? '';
    this.parts.role.hidden = !content.role;
    this.parts.desc.textContent = content.description;
    this.parts.desc.hidden = !content.description;
    this.buttons.wiki.hidden = !content.wikipedia;
    if (content.wikipedia) this.buttons.wiki.href = content.wikipedia;
    else this.buttons.wiki.removeAttribute('href');
    this.setUnlinked(false);
    this.parts.hint.hidden = !focus;
    this.card.dir = direction;
    this.card.hidden = false;
    this.current = content;
    this.place(anchor, direction);
    if (focus) this.card.focus({ preventScroll: true });
  }

  /** After "This link is wrong": says the name is no longer linked here, and offers Undo (or the reverse). */
  setUnlinked(unlinked: boolean, message = ''): void {
    this.say(message);
    // Keyboard focus on the button that goes away moves to the one that takes its place.
    const focused = this.shadow.activeElement;
    this.buttons.wrong.hidden = unlinked;
    this.buttons.undo.hidden = !unlinked;
    if (focused === this.buttons.wrong && unlinked) this.buttons.undo.focus();
    if (focused === this.buttons.undo && !unlinked) this.buttons.wrong.focus();
  }

  /** Says something in the card's status line (read out by screen readers). */
  say(message: string): void {
    this.parts.status.textContent = message;
    this.parts.status.hidden = !message;
  }

  /** Moves the card with its word (after a scroll); the word's new box in viewport coordinates. */
  place(anchor: Box, direction: 'ltr' | 'rtl' = this.card.dir === 'rtl' ? 'rtl' : 'ltr'): void {
    this.anchor = anchor;
    const view = this.doc.defaultView!;
    // A page that zooms its root (CSS zoom) scales our fixed card too: place it in its own pixels.
    const zoom = (this.host as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    const scaled = (b: Box): Box => ({ left: b.left / zoom, top: b.top / zoom, right: b.right / zoom, bottom: b.bottom / zoom });
    this.card.style.maxHeight = '';
    const size = this.card.getBoundingClientRect();
    const spot = placeCard(scaled(anchor), { width: size.width / zoom, height: size.height / zoom }, { width: view.innerWidth / zoom, height: view.innerHeight / zoom }, direction);
    this.card.style.left = `${spot.left}px`;
    this.card.style.top = `${spot.top}px`;
    this.card.style.maxHeight = `${spot.maxHeight}px`;
  }

  /** The word the card explains, as last placed; null when hidden. */
  get anchorBox(): Box | null {
    return this.current ? this.anchor : null;
  }

  /** True for the card's own element as the page sees it (events from inside the card are retargeted to it). */
  isHost(target: EventTarget | null): boolean {
    return target === this.host;
  }

  /** True when focus is inside the card. */
  get hasFocus(): boolean {
    return this.doc.activeElement === this.host;
  }

  /** Where the card and its visible actions are, in viewport coordinates (for the end-to-end tests and the side panel's checks). */
  layout(): { rect: Box; actions: { label: string; rect: Box; href?: string }[] } | null {
    if (!this.current) return null;
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const actions = Object.values(this.buttons)
      .filter((el) => !el.hidden)
      .map((el) => ({ label: el.textContent ?? '', rect: box(el), ...(el instanceof HTMLAnchorElement ? { href: el.href } : {}) }));
    return { rect: box(this.card), actions };
  }

  hide(): void {
    const hadFocus = this.hasFocus;
    this.card.hidden = true;
    this.current = null;
    this.anchor = null;
    if (hadFocus) (this.host as HTMLElement).blur();
  }

  remove(): void {
    this.host.remove();
    this.current = null;
    this.anchor = null;
  }
}
