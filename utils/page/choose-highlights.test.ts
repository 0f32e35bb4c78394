import { describe, expect, it } from 'vitest';
import { chooseHighlights, DEFAULT_HIGHLIGHT_PREFS, type HighlightPrefs } from './choose-highlights';

const m = (start: number, id: string, type: string, kind = 'name') => ({ start, kind, text: id, entity: { id, type } });
const mentions = [
  m(40, 'putin', 'person'),
  m(0, 'trump', 'person'),
  m(10, 'russia', 'country'),
  m(20, 'trump', 'person'),
  m(30, 'kremlin', 'organisation'),
  m(35, 'putin', 'person', 'nominal'),
  m(50, 'russia', 'country', 'demonym'),
  m(60, 'budapest', 'city'),
  m(70, 'trump', 'person', 'nominal'),
];
const prefs = (change: Partial<HighlightPrefs>): HighlightPrefs => ({ ...DEFAULT_HIGHLIGHT_PREFS, ...change });
const ids = (list: { start: number; entity: { id: string } }[]) => list.map((x) => `${x.start}:${x.entity.id}`);

describe('chooseHighlights', () => {
  it('by default highlights every name, in text order, and no role phrase or demonym', () => {
    expect(ids(chooseHighlights(mentions, DEFAULT_HIGHLIGHT_PREFS))).toEqual(['0:trump', '10:russia', '20:trump', '30:kremlin', '40:putin', '60:budapest']);
  });

  it('highlights only the first mention of each actor', () => {
    expect(ids(chooseHighlights(mentions, prefs({ mode: 'first' })))).toEqual(['0:trump', '10:russia', '30:kremlin', '40:putin', '60:budapest']);
  });

  it('counts a role phrase as the first mention when role phrases are on', () => {
    expect(ids(chooseHighlights(mentions, prefs({ mode: 'first', nominal: true })))).toEqual(['0:trump', '10:russia', '30:kremlin', '35:putin', '60:budapest']);
  });

  it('highlights nothing in mode none, or on a site turned off', () => {
    expect(chooseHighlights(mentions, prefs({ mode: 'none' }))).toEqual([]);
    expect(chooseHighlights(mentions, prefs({ enabled: false }))).toEqual([]);
  });

  it('leaves out the colour groups turned off (countries and regions, cities and places share one)', () => {
    expect(ids(chooseHighlights(mentions, prefs({ groupsOff: ['person'] })))).toEqual(['10:russia', '30:kremlin', '60:budapest']);
    expect(ids(chooseHighlights(mentions, prefs({ groupsOff: ['place', 'country'] })))).toEqual(['0:trump', '20:trump', '30:kremlin', '40:putin']);
  });

  it('adds role phrases when they are on', () => {
    expect(ids(chooseHighlights(mentions, prefs({ nominal: true })))).toContain('70:trump');
  });
});
