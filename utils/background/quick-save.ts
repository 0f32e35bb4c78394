/**
 * Saving the article in front of the reader without opening the popup (issue 21): from the
 * page's context menu and from a keyboard shortcut. Both take the popup's path (the
 * background's `saveArticle`, which asks the tab's content script for the article) and tell
 * the reader the outcome on the toolbar button: a mark on the badge for a few seconds and a
 * title that says what was saved or why nothing was. No browser API here: the runtime wires
 * the menu, the command and the badge (utils/background/runtime.ts).
 */
import type { SavedArticleSummary, TabState } from '../messages';
import type { MessageKey } from '../ui/i18n';
import { isWebUrl } from '../web-url';

/** The manifest command (wxt.config.ts) and the context menu item that save the tab's article. */
export const SAVE_ARTICLE_COMMAND = 'save-article';
export const SAVE_ARTICLE_MENU = 'save-article';

/** What a save from the menu or the shortcut did; a refusal names its reason as a catalogue key. */
export type QuickSaveOutcome =
  | { ok: true; title: string; again: boolean }
  | { ok: false; reason: MessageKey; detail: string };

/** What the toolbar button shows of an outcome, and for how long (ms) before it is cleared. */
export interface BadgeFeedback {
  text: string;
  color: string;
  title: { key: MessageKey; subs: string[] };
  clearAfterMs: number;
}

/** How long the badge says "saved"; a refusal stays longer, so that its title can be read. */
export const feedbackMs = { saved: 4000, refused: 12_000 };

/**
 * Why the tab's page cannot be saved now, from its URL and what the background knows of it;
 * null when it shows an analysed article (the save itself may still fail, and says why).
 */
export function refusalOf(url: string | undefined, state: TabState | null): { reason: MessageKey; detail: string } | null {
  const refuse = (reason: MessageKey, detail = '') => ({ reason, detail });
  if (!url || !isWebUrl(url)) return refuse('quickSaveNotWebPage');
  if (!state) return refuse('quickSaveNotRead');
  switch (state.status) {
    case 'analysing':
      return refuse('quickSaveAnalysing');
    case 'not-article':
      return refuse('quickSaveNotArticle');
    case 'too-large':
      return refuse('quickSaveTooLarge');
    case 'failed':
      return refuse('quickSaveNotAnalysed', state.error ?? '');
    case 'article':
      return state.analysis?.isArticle === false ? refuse('quickSaveNotArticle') : null;
  }
}

export interface QuickSaveDeps {
  /** What the background knows of a tab (its analysis), null when nothing. */
  tabState(tabId: number): Promise<TabState | null>;
  /** The popup's save: the background's `saveArticle` handler for the tab. */
  save(tabId: number): Promise<SavedArticleSummary>;
}

/** Saves the article of `tab` as the popup's Save does; never throws, every failure is an outcome that says why. */
export async function quickSave(tab: { id?: number; url?: string } | undefined, deps: QuickSaveDeps): Promise<QuickSaveOutcome> {
  if (tab?.id === undefined) return { ok: false, reason: 'quickSaveNotWebPage', detail: '' };
  try {
    const state = await deps.tabState(tab.id);
    const refusal = refusalOf(tab.url ?? state?.url, state);
    if (refusal) return { ok: false, ...refusal };
    const saved = await deps.save(tab.id);
    return { ok: true, title: saved.title, again: state?.saved === true };
  } catch (error) {
    return { ok: false, reason: 'quickSaveError', detail: (error as Error).message || String(error) };
  }
}

/** A title cut to what a tooltip shows well. */
const TITLE_CHARS = 120;
const cut = (text: string) => (text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1)}…` : text);

/** The toolbar button's badge and title for an outcome. */
export function badgeFeedback(outcome: QuickSaveOutcome): BadgeFeedback {
  if (outcome.ok) {
    return { text: '✓', color: '#1a7f37', title: { key: outcome.again ? 'quickSaveUpdated' : 'quickSaveDone', subs: [cut(outcome.title)] }, clearAfterMs: feedbackMs.saved };
  }
  return { text: '!', color: '#b3261e', title: { key: outcome.reason, subs: [cut(outcome.detail)] }, clearAfterMs: feedbackMs.refused };
}
