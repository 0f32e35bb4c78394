/**
 * Opens the extension's side panel: Chrome's `sidePanel` or Firefox's `sidebarAction`.
 * Both only work inside a user gesture, so call this synchronously at the start of a click
 * handler, before any `await`. WXT's `browser` types know neither API, hence the narrow casts.
 */
import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
}

interface FirefoxSidebarAction {
  open(): Promise<void>;
}

type PanelApis = { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction };

/** Resolves once the panel is open; rejects when the browser has no side panel. */
export function openSidePanel(tabId: number): Promise<void> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidePanel?.open) return apis.sidePanel.open({ tabId });
  if (apis.sidebarAction?.open) return apis.sidebarAction.open();
  return Promise.reject(new Error('this browser has no side panel API'));
}
