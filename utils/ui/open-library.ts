import { browser } from 'wxt/browser';

/** The URL of the library page. */
export const libraryUrl = (): string => browser.runtime.getURL('/library.html');

/** Opens the library in a new tab, whichever page (popup, side panel) the link is in. */
export function openLibrary(event: MouseEvent): void {
  event.preventDefault();
  void browser.tabs.create({ url: libraryUrl() });
}
