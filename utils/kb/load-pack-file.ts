/**
 * Loads a pack from a file under Node (command line, tests, benchmarks). The extension
 * reads the same JSON through the background's import path instead.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { KnowledgeBase } from './knowledge-base';
import { validatePack, type Pack } from './schema';

/** The default pack built by `npm run kb:build` into public/kb/, and its ODbL part. */
export const DEFAULT_PACK_URL = new URL('../../public/kb/default-pack.json.gz', import.meta.url);
export const DEFAULT_PACK_PART_URLS = [new URL('../../public/kb/places-odbl.json.gz', import.meta.url)];

/** A pack file's text; a `.gz` file is unzipped. */
function packText(path: string | URL): string {
  const bytes = readFileSync(path);
  return (String(path).endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The default pack with its parts joined: the manifest of the first file, every record of all. */
export function readDefaultPack(): Pack {
  const main = JSON.parse(packText(DEFAULT_PACK_URL)) as Pack;
  for (const url of DEFAULT_PACK_PART_URLS) {
    const part = JSON.parse(packText(url)) as Pack;
    main.entities.push(...part.entities);
    main.events.push(...part.events);
  }
  return checked(main, String(DEFAULT_PACK_URL));
}

function checked(input: unknown, path: string): Pack {
  const result = validatePack(input);
  if (!result.ok) {
    const list = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new Error(`invalid knowledge-base pack ${path}:\n${list}`);
  }
  return result.pack;
}

/** Reads and validates a pack file; throws with every problem listed when it is invalid. */
export function readPackFile(path?: string | URL): Pack {
  if (path === undefined) return readDefaultPack();
  return checked(JSON.parse(packText(path)), String(path));
}

/** The knowledge base of a pack file (the default pack when no path is given). */
export function loadKnowledgeBase(path?: string | URL): KnowledgeBase {
  const pack = readPackFile(path);
  return new KnowledgeBase(pack.entities, pack.events);
}
