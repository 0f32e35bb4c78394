/**
 * The tab a page shows when it was opened with `?tabId=N` (end-to-end tests open the popup
 * and side panel as ordinary tabs); null when absent or not a tab id.
 */
export function readTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
