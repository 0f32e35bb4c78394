/**
 * The offscreen document that holds the automatic backup's file while Chrome downloads it
 * (issue 21): it keeps the parts the background sends and makes them one blob: URL
 * (BackupFileProtocol). `allow` refuses every sender but the background (offscreenRefusal), never a page or a content script.
 */
import type { Browser } from 'wxt/browser';
import { backupFileRequests, dispatch, isRequestOf, type BackupFileProtocol, type Handlers, type Sender } from '@/utils/messages';

export function answerBackupFile(onMessage: typeof Browser.runtime.onMessage, allow: (name: keyof BackupFileProtocol, sender: Sender) => string | null): void {
  let parts: string[] = [];
  let url: string | null = null;
  const handlers: Handlers<BackupFileProtocol, Sender> = {
    backupFilePart({ text, first }) {
      if (first) parts = [];
      parts.push(text);
      return null;
    },
    backupFileUrl() {
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
      parts = [];
      return { url };
    },
  };
  onMessage.addListener((message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    // Only our own requests are answered; others are left to the other listeners.
    if (!isRequestOf(message, backupFileRequests)) return false;
    void dispatch(message, sender, backupFileRequests, handlers, allow).then(sendResponse);
    return true;
  });
}
