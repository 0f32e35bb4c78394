import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { substitute, t } from './i18n';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('t', () => {
  it('falls back to English when getMessage throws (not mocked)', () => {
    expect(t('openPanel')).toBe('Open side panel');
  });

  it('falls back to English when getMessage answers an empty string', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(t('statusError', 'timeout')).toBe('Something went wrong: timeout');
  });

  it("prefers the browser's message", () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Seitenleiste öffnen');
    expect(t('openPanel')).toBe('Seitenleiste öffnen');
    expect(getMessage).toHaveBeenCalledWith('openPanel', []);
  });

  it('passes substitutions as strings', () => {
    expect(t('moreRelated', 4)).toBe('4 more related events');
  });
});

describe('substitute', () => {
  it('replaces numbered substitutions and unescapes dollars', () => {
    expect(substitute('$1 – $2 costs $$5', ['a', 'b'])).toBe('a – b costs $5');
  });

  it('leaves a missing substitution empty', () => {
    expect(substitute('since $1', [])).toBe('since ');
  });
});

describe('the English catalogue', () => {
  it('has the keys the manifest uses', () => {
    expect(english.extName.message).toBe('Backstory');
    expect(english.extDescription.message).toContain('backstory');
    expect(english.commandOpenPanel.message).toBe('Open the Backstory side panel');
  });

  it.each(Object.entries(english))('%s is a valid Chrome message', (key, entry) => {
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(entry.message.length).toBeGreaterThan(0);
    expect(entry.description.length).toBeGreaterThan(0);
  });
});
