/**
 * Parses a saved page under Node the way a browser would, without running its scripts or
 * loading anything. Bytes are decoded by their BOM; else as UTF-8 when they are valid UTF-8,
 * whatever the page declares (tools that save pages write them as UTF-8 and leave the old
 * `<meta charset>` in place: readability-qq declares gb2312 and holds UTF-8); else by the
 * declared charset; else as windows-1252, the web's legacy default.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

const DECLARED = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Decodes a saved page's bytes to text. */
export function decodePage(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  // Text in a legacy multi-byte charset is as good as never valid UTF-8, and ASCII reads the same in both.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the declared charset, else the legacy default.
  }
  const declared = DECLARED.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1]?.toLowerCase();
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown charset name: fall through to the default.
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

function build(text: string, url: string): Document {
  return new JSDOM(text, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() }).window.document;
}

// A style attribute in the page's source, with its quoted or bare value.
const STYLE_ATTRIBUTE = /(\sstyle\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/gi;

/**
 * The page's source with the style declarations that jsdom cannot parse taken out of every
 * style attribute. jsdom parses each style attribute as it builds the tree and throws on some
 * values (an unclosed `calc(` followed by more declarations), which would stop the whole page
 * from being read; a browser drops the broken declaration and what it swallows and applies
 * those before it, and so does this (a `display: none` before it still hides its element).
 * The text of the page is not touched.
 */
export function dropUnparsableStyles(html: string): string {
  const scratch = build('<!doctype html><body>', 'https://example.invalid/');
  const parses = (declarations: string) => {
    try {
      // A new element each time: one whose style threw never parses its style again.
      scratch.createElement('div').setAttribute('style', declarations);
      return true;
    } catch {
      return false;
    }
  };
  return html.replace(STYLE_ATTRIBUTE, (whole, name: string, quoted: string) => {
    const quote = quoted[0] === '"' || quoted[0] === "'" ? quoted[0] : '';
    const value = quote ? quoted.slice(1, -1) : quoted;
    if (parses(value)) return whole;
    // The declarations before the one that breaks it: an unclosed parenthesis swallows all that
    // follows it, so a browser drops those too.
    const kept: string[] = [];
    for (const declaration of value.split(';')) {
      if (!parses([...kept, declaration].join(';'))) break;
      kept.push(declaration);
    }
    return `${name}${quote || '"'}${kept.join(';')}${quote || '"'}`;
  });
}

/**
 * The document of a saved page; `url` sets its address (for relative links). A page that
 * jsdom cannot build as it is (a style it cannot parse) is built again without what it could
 * not parse (see dropUnparsableStyles), so that analysing it never stops there.
 */
export function parsePage(html: Buffer | string, url?: string): Document {
  const text = typeof html === 'string' ? html : decodePage(html);
  const address = url ?? 'https://example.invalid/';
  try {
    return build(text, address);
  } catch {
    return build(dropUnparsableStyles(text), address);
  }
}
