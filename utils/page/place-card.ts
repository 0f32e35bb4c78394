/**
 * Where the hover card goes (issue 20): below the word it explains, or above it when there is
 * more room there, never over it; aligned with the word's start edge (left in left-to-right
 * text, right in right-to-left), kept inside the viewport sideways. Pure arithmetic on
 * viewport rectangles, in the card's own CSS pixels.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  /** The card's height may not exceed this (it scrolls inside), so that it never covers the word. */
  maxHeight: number;
  side: 'below' | 'above';
}

/** Space kept between the word and the card, and between the card and the viewport's edges. */
export const CARD_GAP = 6;
export const VIEWPORT_MARGIN = 8;

/**
 * Places a card of `size` next to `anchor` within a viewport of `view`. Below the anchor when
 * it fits there, else above when it fits there, else on the side with more room, its height
 * capped to that room. The card never overlaps the anchor's box.
 */
export function placeCard(anchor: Box, size: { width: number; height: number }, view: { width: number; height: number }, direction: 'ltr' | 'rtl' = 'ltr'): CardPlacement {
  const roomBelow = view.height - VIEWPORT_MARGIN - (anchor.bottom + CARD_GAP);
  const roomAbove = anchor.top - CARD_GAP - VIEWPORT_MARGIN;
  const side = size.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(size.height, room);
  const top = side === 'below' ? anchor.bottom + CARD_GAP : anchor.top - CARD_GAP - height;
  const width = Math.min(size.width, view.width - 2 * VIEWPORT_MARGIN);
  const preferred = direction === 'rtl' ? anchor.right - width : anchor.left;
  const left = Math.max(VIEWPORT_MARGIN, Math.min(preferred, view.width - VIEWPORT_MARGIN - width));
  return { left, top, maxHeight: room, side };
}

/** True when two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
