/**
 * Unicode bidi controls in page text (issue 19): the embeddings and overrides U+202A–U+202E
 * and the isolates U+2066–U+2069 reorder what follows them on screen, so a page could make a
 * name, a title or a sentence the extension shows read as something else ("Trojan Source").
 * Page text enters the extension through the background's message validators
 * (utils/messages.ts), which pass every page string through {@link neutralizeBidiControls}.
 */

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** What a bidi control becomes: the replacement character, visible and without direction. */
export const BIDI_REPLACEMENT = '\uFFFD';

/**
 * `text` with every bidi embedding, override and isolate control replaced by U+FFFD, one
 * character for one, so that offsets into the text (highlights) still point where they did;
 * `text` itself when it holds none.
 */
export function neutralizeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, BIDI_REPLACEMENT);
}
