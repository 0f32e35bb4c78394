/**
 * `npm run kb:build`: builds the default pack from the curated files in assets/kb/sources/,
 * the countries of the world-countries package and the open data in ../shared/kb-sources/
 * (converters in utils/kb/build/sources/), with no network. Writes (none of it committed)
 * public/kb/default-pack.json.gz and public/kb/places-odbl.json.gz (the records derived from the
 * ODbL-licensed Countries States Cities Database, which its licence asks to keep as a database
 * of its own), served by the extension as files, and assets/kb/generated/pack-info.json (the
 * build id and the files) and attribution.json, which the code imports. The extension installs
 * both pack files as one pack.
 *
 * `--if-stale` builds only when an input changed since the last build (npm run build, the
 * demo and the tests call it); `--check` only reports whether the built files are current.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { withGermanGenitives } from '../kb/build/inflections';
import { mergeSources, type SourceRun } from '../kb/build/merge';
import { CONVERTERS, SEPARATE_FILE_SOURCES } from '../kb/build/sources';
import { readSubdivisionTitles, SUBDIVISION_TITLES_FILE } from '../kb/build/subdivision-titles';
import { englishWords } from '../kb/build/weak-names';
import { resolveWikidataParticipants, setAsideWikidataParticipants, type WikidataParticipant } from '../kb/build/wikidata-participants';
import { commonWords } from '../kb/build/common-words';
import { countryEntities, type CountryRecord } from '../kb/country-entities';
import { mergeGenerated } from '../kb/merge-records';
import { validatePack, type Entity, type KbEvent, type Pack, type PackManifest } from '../kb/schema';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const sourcesDir = `${projectDir}assets/kb/sources/`;
const outDir = `${projectDir}assets/kb/generated/`;
/** The pack files themselves go where the extension serves them as they are (WXT copies public/). */
export const PACK_DIR = `${projectDir}public/kb/`;
export const KB_SOURCES_DIR = process.env.BACKSTORY_KB_SOURCES ?? fileURLToPath(new URL('../../../shared/kb-sources/', import.meta.url));
// Gzipped: 95 MB of JSON is 14 MB so, and Firefox's linter refuses to parse text files over 5 MB.
const PACK_FILE = 'default-pack.json.gz';
const ODBL_FILE = 'places-odbl.json.gz';
const STAMP_FILE = 'inputs.sha256';
const INFO_FILE = 'pack-info.json';
const ATTRIBUTION_FILE = 'attribution.json';
const COMMON_WORDS_FILE = 'common-words.json';

/** Extra names for an entity defined elsewhere (names in other languages, say). */
interface NamePatch {
  id: string;
  aliases?: string[];
  demonyms?: string[];
  partOf?: string[];
}

/** Reads every curated source file; throws naming the file when one is not JSON or a duplicate id appears. */
function readCurated(): { manifest: PackManifest; entities: Entity[]; events: KbEvent[]; patches: NamePatch[]; wikidataParticipants: WikidataParticipant[] } {
  const manifest = JSON.parse(readFileSync(`${sourcesDir}manifest.json`, 'utf8')) as PackManifest;
  const entities: Entity[] = [];
  const events: KbEvent[] = [];
  const patches: NamePatch[] = [];
  const seen = new Map<string, string>();
  for (const file of readdirSync(sourcesDir).filter((f) => f.endsWith('.json') && f !== 'manifest.json' && f !== SUBDIVISION_TITLES_FILE).sort()) {
    let part: { entities?: Entity[]; events?: KbEvent[]; addNames?: NamePatch[]; addPartOf?: NamePatch[] };
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
    patches.push(...(part.addNames ?? []), ...(part.addPartOf ?? []));
  }
  const { events: written, pending } = setAsideWikidataParticipants(events);
  return { manifest, entities, events: written, patches, wikidataParticipants: pending };
}

/** The curated part: the hand-written records and every country of world-countries. */
export function buildCuratedPack(): Pack {
  return curatedParts().pack;
}

/** The curated pack, and the participants of its events named by Wikidata id (resolved after the merge). */
function curatedParts(): { pack: Pack; wikidataParticipants: WikidataParticipant[] } {
  const { manifest, entities, events, patches, wikidataParticipants } = readCurated();
  const require = createRequire(import.meta.url);
  const records = require('world-countries') as CountryRecord[];
  const cityByName = new Map<string, string>();
  for (const e of entities) if (e.type === 'city') for (const n of [e.name, ...e.aliases]) cityByName.set(n, e.id);
  const { countries, capitals } = countryEntities(records, (name) => cityByName.get(name) ?? null);
  const { entities: generatedToo } = mergeGenerated(entities, [...capitals, ...countries]);
  const merged = applyNamePatches(generatedToo, patches);
  const pack = { manifest, entities: merged, events: [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)) };
  const result = validatePack(pack);
  if (!result.ok) throw new Error(`the curated pack is invalid:\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return { pack: result.pack, wikidataParticipants };
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
      ...(patch.partOf || entity.partOf ? { partOf: unite(entity.partOf, patch.partOf) } : {}),
    });
  }
  return entities.map((e) => byId.get(e.id)!);
}

export interface BuiltPacks {
  /** Everything but the ODbL-derived records. */
  main: Pack;
  /** The records derived from the ODbL source. */
  odbl: Pack;
  report: string[];
  /** Names of the records built from open data, by language (`en` their main name, `und` when the source says none). */
  namesByLanguage: Record<string, number>;
}

/** The default pack from all inputs; throws with every problem when the result is invalid. */
export function buildDefaultPacks(root = KB_SOURCES_DIR): BuiltPacks {
  const { pack: curated, wikidataParticipants } = curatedParts();
  const report: string[] = [];
  const runs: SourceRun[] = CONVERTERS.map((c) => {
    const t = performance.now();
    const output = c.read(root);
    report.push(`${c.id}: ${output.entities.length} entities, ${output.events.length} events, ${output.skipped} rows skipped (${Math.round(performance.now() - t)} ms)`);
    return { id: c.id, output };
  });
  const titles = readSubdivisionTitles(`${sourcesDir}${SUBDIVISION_TITLES_FILE}`);
  const merged = mergeSources(curated.entities, curated.events, runs, englishWords(), SEPARATE_FILE_SOURCES, titles);
  report.push(`merged ${merged.stats.records} records into ${merged.stats.groups} (${merged.stats.curatedTwins} matched curated records, ${merged.stats.uncorroborated} people left out as uncorroborated); ${merged.stats.eventsDropped} events dropped for unknown participants`);
  const inflected = withGermanGenitives(merged.entities);
  merged.entities = inflected.entities;
  report.push(`inflections: ${inflected.added} German genitives of countries, curated people and places, and office holders with role phrases`);
  const { titlesGiven, titlesUnmatched } = merged.stats;
  report.push(`${SUBDIVISION_TITLES_FILE}: ${titlesGiven} of ${titles.size} checked titles given${titlesUnmatched.length ? `; warning: ${titlesUnmatched.length} name a Wikidata id no record has (${titlesUnmatched.slice(0, 10).join(', ')})` : ''}`);
  const separate = (e: Entity) => !e.sources?.includes('curated') && e.sources?.some((s) => SEPARATE_FILE_SOURCES.has(s));
  const manifest: PackManifest = {
    ...curated.manifest,
    sources: [...curated.manifest.sources, ...CONVERTERS.map((c) => `${c.title} (${c.origin}), ${c.licence}`)],
  };
  const mainEntities = merged.entities.filter((e) => !separate(e));
  const main: Pack = { manifest, entities: mainEntities, events: resolveWikidataParticipants(merged.events, mainEntities, wikidataParticipants) };
  report.push(`curated events: ${wikidataParticipants.length} participants named by Wikidata id resolved`);
  const odbl: Pack = {
    manifest: { ...manifest, name: `${manifest.name}: places (ODbL)`, license: 'ODbL-1.0 (Countries States Cities Database)', sources: CONVERTERS.filter((c) => SEPARATE_FILE_SOURCES.has(c.id)).map((c) => `${c.title} (${c.origin}), ${c.licence}`) },
    entities: merged.entities.filter(separate),
    events: [],
  };
  const whole = validatePack({ manifest, entities: [...main.entities, ...odbl.entities], events: main.events });
  if (!whole.ok) throw new Error(`the built pack is invalid:\n${whole.problems.slice(0, 50).map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return { main, odbl, report, namesByLanguage: merged.stats.namesByLanguage };
}

/** A hash of every input of the build: curated files, source files, converter code, data packages. */
export function inputsStamp(root = KB_SOURCES_DIR): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = `${dir}${name}`;
      const st = statSync(path);
      if (st.isDirectory()) walk(`${path}/`);
      else hash.update(`${path.slice(projectDir.length)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  walk(sourcesDir);
  walk(`${projectDir}utils/kb/`);
  walk(`${projectDir}utils/cli/`);
  if (existsSync(root)) walk(root);
  hash.update(readFileSync(`${projectDir}package-lock.json`));
  return hash.digest('hex');
}

const serialise = (pack: Pack) => `${JSON.stringify(pack, null, 0)}\n`;

function main(): void {
  const args = process.argv.slice(2);
  if (!existsSync(KB_SOURCES_DIR)) {
    console.error(`kb:build: the open data is missing at ${KB_SOURCES_DIR} (../shared/kb-sources beside the project; BACKSTORY_KB_SOURCES names another place)`);
    process.exit(1);
  }
  const stamp = inputsStamp();
  const stampPath = `${outDir}${STAMP_FILE}`;
  const current = existsSync(stampPath) && [PACK_FILE, ODBL_FILE].every((f) => existsSync(`${PACK_DIR}${f}`)) && [INFO_FILE, ATTRIBUTION_FILE, COMMON_WORDS_FILE].every((f) => existsSync(`${outDir}${f}`)) && readFileSync(stampPath, 'utf8') === stamp;
  if (args.includes('--check')) {
    console.log(current ? 'the built pack is up to date' : 'the built pack is out of date: run npm run kb:build');
    process.exit(current ? 0 : 1);
  }
  if (args.includes('--if-stale') && current) return;
  const t = performance.now();
  console.error('kb:build: building the default pack from assets/kb/sources and ../shared/kb-sources (about 2 minutes)…');
  const { main, odbl, report, namesByLanguage } = buildDefaultPacks();
  mkdirSync(outDir, { recursive: true });
  mkdirSync(PACK_DIR, { recursive: true });
  const files = [serialise(main), serialise(odbl)];
  // gzip with no file name and time in its header: the same text gives the same bytes.
  writeFileSync(`${PACK_DIR}${PACK_FILE}`, gzipSync(files[0]!, { level: 9 }));
  writeFileSync(`${PACK_DIR}${ODBL_FILE}`, gzipSync(files[1]!, { level: 9 }));
  // The build id tells the extension that the bundled pack changed (its manifest version is
  // the curated files' and does not change with the open data or the converters).
  const digest = createHash('sha256');
  for (const f of files) digest.update(f);
  const info = { build: `${main.manifest.version}+${digest.digest('hex').slice(0, 12)}`, entities: main.entities.length + odbl.entities.length, events: main.events.length, files: [`/kb/${PACK_FILE}`, `/kb/${ODBL_FILE}`], namesByLanguage };
  // Shown in the library (components/DataSources.tsx), as the sources' licences ask.
  const attribution = [
    { id: 'curated', title: 'Backstory curated records', origin: 'assets/kb/sources/ (written by the Backstory team, each event with its sources)', licence: main.manifest.license, attribution: 'Curated people, places, organisations and events, checked against the sources each record cites.' },
    { id: 'world-countries', title: 'world-countries', origin: 'npm package world-countries (mledoze/countries)', licence: 'ODbL-1.0', attribution: 'Country names, codes, demonyms and capitals from world-countries by Mohammed Le Doze, Open Database License.' },
    { id: 'popular-english-words', title: 'popular-english-words', origin: 'npm package popular-english-words (tkoop/popular-english-words)', licence: 'ISC', attribution: 'The most common English words, by Tim Koop, from word counts of English Wikipedia: how much a shared word says of an article\'s topic.' },
    ...CONVERTERS.map(({ id, title, origin, licence, attribution }) => ({ id, title, origin, licence, attribution })),
  ];
  writeFileSync(`${outDir}${ATTRIBUTION_FILE}`, `${JSON.stringify(attribution, null, 1)}\n`);
  writeFileSync(`${outDir}${INFO_FILE}`, `${JSON.stringify(info, null, 1)}\n`);
  writeFileSync(`${outDir}${COMMON_WORDS_FILE}`, `${JSON.stringify(commonWords())}\n`);
  writeFileSync(stampPath, stamp);
  // Reports go to stderr: `npm run -s analyze` builds first and prints only JSON on stdout.
  for (const line of report) console.error(`  ${line}`);
  console.error(`kb:build: ${main.entities.length + odbl.entities.length} entities (${odbl.entities.length} in ${ODBL_FILE}), ${main.events.length} events, version ${main.manifest.version}, in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
