/**
 * The one way UI code gets a user-facing string: the browser's i18n catalogue, falling back to
 * the English catalogue bundled with the code when `getMessage` is missing or answers '' (in
 * Vitest under node, or for a key the browser does not know yet).
 */
import { browser } from 'wxt/browser';
import english from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** WXT types getMessage with one overload per key; a key union needs the plain signature. */
type I18nApi = { getMessage?: (name: string, substitutions?: string[]) => string };

/** Replaces `$1`…`$9` with the substitutions and `$$` with `$`, as Chrome and Firefox do. */
export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, ref: string) => (ref === '$' ? '$' : (subs[Number(ref) - 1] ?? '')));
}

function askBrowser(key: string, subs: string[]): string {
  try {
    const i18n = browser?.i18n as I18nApi | undefined;
    return i18n?.getMessage?.(key, subs) ?? '';
  } catch {
    // fakeBrowser and some test shims throw "not implemented": fall back to English.
    return '';
  }
}

/** The localised string for `key`; never empty for a key of the English catalogue. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  return askBrowser(key, strings) || substitute(english[key].message, strings);
}
