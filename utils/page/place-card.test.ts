import { describe, expect, it } from 'vitest';
import { CARD_GAP, VIEWPORT_MARGIN, overlaps, placeCard, type Box } from './place-card';

const view = { width: 1000, height: 800 };
const card = { width: 300, height: 150 };
const word = (left: number, top: number, width = 60, height = 20): Box => ({ left, top, right: left + width, bottom: top + height });
const boxOf = (spot: { left: number; top: number }, size = card): Box => ({ left: spot.left, top: spot.top, right: spot.left + size.width, bottom: spot.top + size.height });

describe('placeCard', () => {
  it('puts the card below the word, aligned with its start, when there is room', () => {
    const spot = placeCard(word(100, 200), card, view);
    expect(spot).toMatchObject({ side: 'below', left: 100, top: 220 + CARD_GAP });
  });

  it('puts it above a word near the bottom of the viewport', () => {
    const spot = placeCard(word(100, 700), card, view);
    expect(spot.side).toBe('above');
    expect(spot.top + card.height).toBe(700 - CARD_GAP);
  });

  it.each([
    ['top', word(100, 10)],
    ['bottom', word(100, 770)],
    ['left edge', word(0, 400)],
    ['right edge', word(960, 400, 40)],
    ['middle of a short viewport', word(500, 90)],
  ])('never covers the word (%s)', (_, anchor) => {
    for (const v of [view, { width: 400, height: 200 }]) {
      const spot = placeCard(anchor, card, v);
      const height = Math.min(card.height, spot.maxHeight);
      expect(overlaps(boxOf(spot, { width: card.width, height }), anchor)).toBe(false);
    }
  });

  it('caps the height to the larger side when the card fits on neither', () => {
    const spot = placeCard(word(100, 100), { width: 300, height: 400 }, { width: 1000, height: 200 });
    expect(spot.side).toBe('above');
    expect(spot.maxHeight).toBe(100 - CARD_GAP - VIEWPORT_MARGIN);
    expect(spot.top).toBe(VIEWPORT_MARGIN);
  });

  it('keeps the card inside the viewport sideways', () => {
    const spot = placeCard(word(950, 200, 40), card, view);
    expect(spot.left + card.width).toBe(view.width - VIEWPORT_MARGIN);
    expect(placeCard(word(2, 200), card, view, 'rtl').left).toBe(VIEWPORT_MARGIN);
  });

  it('aligns with the word’s right edge in right-to-left text', () => {
    const spot = placeCard(word(600, 200, 80), card, view, 'rtl');
    expect(spot.left + card.width).toBe(680);
  });

  it('narrows to a viewport smaller than the card', () => {
    const spot = placeCard(word(10, 100), card, { width: 200, height: 800 });
    expect(spot.left).toBe(VIEWPORT_MARGIN);
  });
});
