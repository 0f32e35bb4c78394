/**
 * `npm run kb:build`: builds assets/kb/default-pack.json from the curated sources in
 * assets/kb/sources/ and the countries of the world-countries data package, validates it and
 * writes it. `--check` only reports whether the committed pack is up to date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { countryEntities, type CountryRecord } from '../kb/country-entities';
import { mergeGenerated } from '../kb/merge-records';
import { validatePack, type Entity, type KbEvent, type Pack, type PackManifest } from '../kb/schema';

const sourcesDir = fileURLToPath(new URL('../../assets/kb/sources/', import.meta.url));
const packPath = fileURLToPath(new URL('../../assets/kb/default-pack.json', import.meta.url));

/** Reads every source file; throws naming the file when one is not JSON or a duplicate id appears. */
/** Extra names for an entity defined elsewhere (names in other languages, say). */
interface NamePatch {
  id: string;
  aliases?: string[];
  demonyms?: string[];
}

function readSources(): { manifest: PackManifest; entities: Entity[]; events: KbEvent[]; patches: NamePatch[] } {
  const manifest = JSON.parse(readFileSync(`${sourcesDir}manifest.json`, 'utf8')) as PackManifest;
  const entities: Entity[] = [];
  const events: KbEvent[] = [];
  const patches: NamePatch[] = [];
  const seen = new Map<string, string>();
  for (const file of readdirSync(sourcesDir).filter((f) => f.endsWith('.json') && f !== 'manifest.json').sort()) {
    let part: { entities?: Entity[]; events?: KbEvent[]; addNames?: NamePatch[] };
    try {
      part = JSON.parse(readFileSync(`${sourcesDir}${file}`, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    for (const record of [...(part.entities ?? []), ...(part.events ?? [])]) {
      const other = seen.get(record.id);
      if (other) throw new Error(`${file}: id "${record.id}" is already defined in ${other}`);
      seen.set(record.id, file);
    }
    entities.push(...(part.entities ?? []));
    events.push(...(part.events ?? []));
    patches.push(...(part.addNames ?? []));
  }
  return { manifest, entities, events, patches };
}

/** The default pack, built from the sources; throws with every problem when it is invalid. */
export function buildDefaultPack(): Pack {
  const { manifest, entities, events, patches } = readSources();
  const require = createRequire(import.meta.url);
  const records = require('world-countries') as CountryRecord[];
  const cityByName = new Map<string, string>();
  for (const e of entities) if (e.type === 'city') for (const n of [e.name, ...e.aliases]) cityByName.set(n, e.id);
  const { countries, capitals } = countryEntities(records, (name) => cityByName.get(name) ?? null);
  const { entities: generatedToo } = mergeGenerated(entities, [...capitals, ...countries]);
  const merged = applyNamePatches(generatedToo, patches);
  const pack = { manifest, entities: merged, events: [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)) };
  const result = validatePack(pack);
  if (!result.ok) throw new Error(`the built pack is invalid:\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return result.pack;
}

/** Adds patched names to their entities; throws naming a patch whose id is unknown. */
function applyNamePatches(entities: Entity[], patches: NamePatch[]): Entity[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const patch of patches) {
    const entity = byId.get(patch.id);
    if (!entity) throw new Error(`addNames: no entity "${patch.id}"`);
    const unite = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])].filter((n) => n !== entity.name);
    byId.set(patch.id, {
      ...entity,
      aliases: unite(entity.aliases, patch.aliases),
      ...(patch.demonyms || entity.demonyms ? { demonyms: unite(entity.demonyms, patch.demonyms) } : {}),
    });
  }
  return entities.map((e) => byId.get(e.id)!);
}

function main(): void {
  const pack = buildDefaultPack();
  const json = `${JSON.stringify(pack, null, 1)}\n`;
  if (process.argv.includes('--check')) {
    const current = readFileSync(packPath, 'utf8');
    if (current !== json) {
      console.error('assets/kb/default-pack.json is out of date: run npm run kb:build');
      process.exit(1);
    }
    console.log('default pack is up to date');
    return;
  }
  writeFileSync(packPath, json);
  console.log(`wrote ${packPath}: ${pack.entities.length} entities, ${pack.events.length} events (version ${pack.manifest.version})`);
}

main();
