import { describe, expect, it } from 'vitest';
import { highlightStep, isTypingTarget, nextIndex } from './card-controller';

const key = (code: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, code, ...mods });

describe('the keyboard path through highlights', () => {
  it('takes Alt+Shift+N and Alt+Shift+P only', () => {
    expect(highlightStep(key('KeyN', { altKey: true, shiftKey: true }))).toBe(1);
    expect(highlightStep(key('KeyP', { altKey: true, shiftKey: true }))).toBe(-1);
    expect(highlightStep(key('KeyN', { altKey: true }))).toBe(0);
    expect(highlightStep(key('KeyN', { altKey: true, shiftKey: true, ctrlKey: true }))).toBe(0);
    expect(highlightStep(key('KeyN'))).toBe(0);
    expect(highlightStep(key('KeyB', { altKey: true, shiftKey: true }))).toBe(0);
  });

  it('goes through the highlights in order, wrapping around, from the first or the last', () => {
    expect(nextIndex(-1, 1, 5)).toBe(0);
    expect(nextIndex(-1, -1, 5)).toBe(4);
    expect(nextIndex(2, 1, 5)).toBe(3);
    expect(nextIndex(4, 1, 5)).toBe(0);
    expect(nextIndex(0, -1, 5)).toBe(4);
    expect(nextIndex(-1, 1, 0)).toBe(-1);
  });

  it('never takes keys from a field the reader types in', () => {
    const element = (typing: boolean, editable = false) => ({ isContentEditable: editable, closest: (selector: string) => (typing && selector.includes('input') ? {} : null) });
    expect(isTypingTarget(element(true) as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element(false, true) as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element(false) as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
