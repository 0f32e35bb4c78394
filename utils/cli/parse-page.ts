/**
 * Parses a saved page under Node the way a browser would (encoding sniffed from the bytes
 * and the meta charset), without running its scripts or loading anything.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/** The document of a saved page; `url` sets its address (for relative links). */
export function parsePage(html: Buffer | string, url?: string): Document {
  const dom = new JSDOM(html, { url: url ?? 'https://example.invalid/', contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return dom.window.document;
}
