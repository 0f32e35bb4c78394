import { browser } from 'wxt/browser';
import { sendToTab } from '@/utils/messages';

/** Has the tab's page read again (the reader's Retry); reloads the tab when its content script does not answer. */
export async function retryTab(tabId: number): Promise<void> {
  const reply = await sendToTab(tabId, 'readAgain', {});
  if (!reply.ok) await browser.tabs.reload(tabId);
}
