/**
 * Parses a saved page under Node the way a browser would, without running its scripts or
 * loading anything. Bytes are decoded by their BOM or declared charset; a page that declares
 * none is read as UTF-8 when it is valid UTF-8 (saved pages nearly always are), else as
 * windows-1252, the web's legacy default.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Decodes a saved page's bytes to text. */
export function decodePage(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  const declared = DECLARED.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1]?.toLowerCase();
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown charset name: fall through to sniffing.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The document of a saved page; `url` sets its address (for relative links). */
export function parsePage(html: Buffer | string, url?: string): Document {
  const text = typeof html === 'string' ? html : decodePage(html);
  const dom = new JSDOM(text, { url: url ?? 'https://example.invalid/', contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return dom.window.document;
}
