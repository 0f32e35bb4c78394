/**
 * A 64-bit fingerprint of a record (two 32-bit hashes of its JSON with keys in one order),
 * stored beside the ids of each layer so that an import tells an unchanged record from an
 * updated one without reading it. Two different records share one with a chance of about
 * 2^-64; [0, 0] is never returned (it marks a deletion).
 */
import { RECORD_KEYS, type Entity, type KbEvent } from './schema';

export function fingerprint(record: Entity | KbEvent): [number, number] {
  const text = JSON.stringify(record, RECORD_KEYS as string[]);
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a >>>= 0;
  b >>>= 0;
  return a === 0 && b === 0 ? [0, 1] : [a, b];
}
