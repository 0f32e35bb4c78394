/**
 * When the card shows, and for which highlight (issue 20). Hover intent: the pointer rests on
 * a highlight for a moment before its card shows, and the card stays while the pointer moves
 * from the word onto it (a short grace delay), hiding once the pointer has left both. A click
 * on a highlight pins its card; Alt+Shift+N / Alt+Shift+P move through the highlights in
 * order, scroll each into view and open its card with keyboard focus in it. Escape, a click
 * elsewhere, or scrolling the word out of view hides it. Keys are taken only when the page
 * did not use them and the reader is not typing in a field.
 */
import type { PageHighlighter, PaintedMention } from './highlighter';
import type { CardContent, HoverCard } from './hover-card';
import type { Box } from './place-card';

/** How long the pointer rests on a highlight before its card shows (ms). */
export const SHOW_DELAY_MS = 120;
/** How long the card stays after the pointer left the word and the card (ms): time to reach it. */
export const HIDE_GRACE_MS = 350;

/** True for a key event meant for a field the reader is typing in (never taken from the page). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.closest !== 'function') return false;
  return Boolean(el.isContentEditable) || el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** The step through highlights a key asks for: 1 (next), -1 (previous) or 0 (not ours). */
export function highlightStep(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): -1 | 0 | 1 {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  return event.code === 'KeyN' ? 1 : event.code === 'KeyP' ? -1 : 0;
}

/** The index of the next highlight from `current` (-1: none yet) by `step`, wrapping around; -1 when there are none. */
export function nextIndex(current: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

type Win = Window & typeof globalThis;

export class CardController {
  /** The mention whose card shows; null when hidden. */
  shown: PaintedMention | null = null;
  private pinned = false;
  private overCard = false;
  private showTimer = 0;
  private hideTimer = 0;
  private pending: PaintedMention | null = null;
  private focusIndex = -1;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly win: Win,
    private readonly highlighter: PageHighlighter,
    private readonly card: HoverCard,
    private readonly contentOf: (mention: PaintedMention) => CardContent | null,
    signal: AbortSignal,
  ) {
    const doc = win.document;
    let frame = 0;
    doc.addEventListener(
      'mousemove',
      (event) => {
        if (frame) return;
        frame = win.requestAnimationFrame(() => {
          frame = 0;
          this.pointerAt(event.clientX, event.clientY);
        });
      },
      { passive: true, signal },
    );
    doc.addEventListener('click', (event) => this.clicked(event), { signal });
    win.addEventListener('keydown', (event) => this.keyed(event), { signal });
    win.addEventListener('scroll', () => this.follow(), { passive: true, signal, capture: true });
    win.addEventListener('resize', () => this.follow(), { passive: true, signal });
    signal.addEventListener('abort', () => this.clearTimers());
  }

  /** The card's own pointer: entering it keeps it, leaving it starts the grace delay. */
  pointer(inside: boolean): void {
    this.overCard = inside;
    if (inside) this.win.clearTimeout(this.hideTimer);
    else this.hideSoon();
  }

  /** Shows the card of `mention`; pinned cards stay until Escape, a click elsewhere or a scroll away. */
  open(mention: PaintedMention, { pinned = false, focus = false } = {}): void {
    const content = this.contentOf(mention);
    if (!content) return;
    this.clearTimers();
    this.pinned = pinned || focus;
    this.shown = mention;
    const direction = this.win.getComputedStyle(mention.range.startContainer.parentElement ?? this.win.document.documentElement).direction === 'rtl' ? 'rtl' : 'ltr';
    this.card.show(content, this.anchorOf(mention), { focus, direction });
  }

  hide(): void {
    this.clearTimers();
    const hadFocus = this.card.hasFocus;
    this.card.hide();
    this.highlighter.focus(null);
    this.shown = null;
    this.pinned = false;
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** After a repaint: the card's mention, found again among the new highlights, or the card hides. */
  repainted(): void {
    this.focusIndex = -1;
    if (!this.shown) return;
    const same = this.highlighter.painted.find((p) => p.range.compareBoundaryPoints(Range.START_TO_START, this.shown!.range) === 0 && p.entityId === this.shown!.entityId);
    if (same) this.shown = same;
  }

  /** Moves through the highlights in order (the keyboard path). */
  step(step: 1 | -1): void {
    const painted = this.highlighter.painted;
    const at = this.shown ? painted.indexOf(this.shown) : -1;
    this.focusIndex = nextIndex(at >= 0 ? at : this.focusIndex, step, painted.length);
    const mention = painted[this.focusIndex];
    if (!mention) return;
    if (!this.card.hasFocus) this.returnFocus = this.win.document.activeElement instanceof HTMLElement ? this.win.document.activeElement : null;
    this.highlighter.focus(mention, true);
    this.open(mention, { focus: true });
  }

  private anchorOf(mention: PaintedMention): Box {
    const rects = [...mention.range.getClientRects()];
    const r = rects[0] ?? mention.range.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }

  private pointerAt(x: number, y: number): void {
    const hit = this.highlighter.mentionAt(x, y);
    if (hit && hit === this.shown) return void this.win.clearTimeout(this.hideTimer);
    if (hit) {
      if (this.pinned && this.shown) return;
      if (this.pending === hit) return;
      this.pending = hit;
      this.win.clearTimeout(this.showTimer);
      this.showTimer = this.win.setTimeout(() => {
        this.pending = null;
        this.open(hit);
      }, SHOW_DELAY_MS);
      return;
    }
    this.pending = null;
    this.win.clearTimeout(this.showTimer);
    this.hideSoon();
  }

  private hideSoon(): void {
    if (!this.shown || this.pinned || this.overCard) return;
    this.win.clearTimeout(this.hideTimer);
    this.hideTimer = this.win.setTimeout(() => {
      if (!this.overCard && !this.pinned) this.hide();
    }, HIDE_GRACE_MS);
  }

  private clicked(event: MouseEvent): void {
    if (!event.isTrusted || event.button !== 0) return;
    // A click inside the card (or Enter on one of its buttons) lands on its host: the card handles it.
    if (this.overCard || this.card.isHost(event.target)) return;
    const hit = this.highlighter.mentionAt(event.clientX, event.clientY);
    if (hit) return this.open(hit, { pinned: true });
    if (this.shown) this.hide();
  }

  private keyed(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      if (this.shown) this.hide();
      return;
    }
    if (event.defaultPrevented || isTypingTarget(event.target)) return;
    const step = highlightStep(event);
    if (!step || !this.highlighter.painted.length) return;
    event.preventDefault();
    this.step(step);
  }

  /** Keeps the card beside its word while the page scrolls; hides it once the word has left the view. */
  private follow(): void {
    if (!this.shown) return;
    const box = this.anchorOf(this.shown);
    if (box.bottom < 0 || box.top > this.win.innerHeight || (box.left === 0 && box.right === 0 && box.top === 0)) return this.hide();
    this.card.place(box);
  }

  private clearTimers(): void {
    this.win.clearTimeout(this.showTimer);
    this.win.clearTimeout(this.hideTimer);
    this.pending = null;
  }
}
