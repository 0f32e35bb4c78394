/**
 * The only URLs Backstory accepts from pages and renders as links: http(s) ones. A page
 * once reported `javascript:…` as its URL; it was stored and shown as a link in the library
 * (issue 19). Pure: used by the message validators and by every link the UI renders.
 */

/** True for an absolute http: or https: URL; false for anything else (javascript:, data:, relative, unparsable). */
export function isWebUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** `url` when it may be a link's href (an http(s) URL); undefined otherwise, so no link is made. */
export function safeHref(url: string | null | undefined): string | undefined {
  return typeof url === 'string' && isWebUrl(url) ? url : undefined;
}
