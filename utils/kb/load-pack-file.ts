/**
 * Loads a pack from a file under Node (command line, tests, benchmarks). The extension
 * reads the same JSON through the background's import path instead.
 */
import { readFileSync } from 'node:fs';
import { KnowledgeBase } from './knowledge-base';
import { validatePack, type Pack } from './schema';

/** The default pack shipped in assets/. */
export const DEFAULT_PACK_URL = new URL('../../assets/kb/default-pack.json', import.meta.url);

/** Reads and validates a pack file; throws with every problem listed when it is invalid. */
export function readPackFile(path: string | URL = DEFAULT_PACK_URL): Pack {
  const result = validatePack(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) {
    const list = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new Error(`invalid knowledge-base pack ${String(path)}:\n${list}`);
  }
  return result.pack;
}

/** The knowledge base of a pack file (the default pack when no path is given). */
export function loadKnowledgeBase(path?: string | URL): KnowledgeBase {
  const pack = readPackFile(path);
  return new KnowledgeBase(pack.entities, pack.events);
}
