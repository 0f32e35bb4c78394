/**
 * The offscreen document that holds the automatic backup's file while Chrome downloads it
 * (issue 21): it keeps the parts the background sends and makes them one blob: URL
 * (BackupFileProtocol). It answers only the background, never a page or a content script.
 */
import type { Browser } from 'wxt/browser';
import { backupFileRequests, dispatch, type BackupFileProtocol, type Handlers, type Sender } from '@/utils/messages';

export function answerBackupFile(onMessage: typeof Browser.runtime.onMessage, extensionOrigin: string): void {
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
  // The background's messages come from its own script (no tab); everything else is refused.
  const allow = (name: keyof BackupFileProtocol, sender: Sender) =>
    sender.tab === undefined && sender.url === new URL('background.js', extensionOrigin).href ? null : `${name} is accepted only from Backstory's background`;
  onMessage.addListener((message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    const reply = dispatch(message, sender, backupFileRequests, handlers, allow);
    void reply.then((answer) => answer !== undefined && sendResponse(answer));
    // Only our own requests are answered; others are left to the other listeners.
    return (message as { backstory?: string } | null)?.backstory !== undefined && Object.hasOwn(backupFileRequests, (message as { backstory: string }).backstory);
  });
}
