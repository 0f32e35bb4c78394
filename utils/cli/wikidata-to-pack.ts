/**
 * `npm run -s kb:from-wikidata -- INPUT.json[.gz] --out PACK.json [--name NAME]
 *   [--languages en,de,fr] [--pack-version 1.0.0] [--created YYYY-MM-DD]`
 * Converts Wikidata entities into a knowledge-base pack (see utils/kb/wikidata.ts). INPUT is a
 * JSON dump (one entity per line, read as a stream, gzipped or not) or a saved
 * `wbgetentities` answer. Counts go to stderr; unreadable input exits with status 1.
 */
import { accessSync, constants, createReadStream, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { validatePack } from '../kb/schema';
import { createPackBuilder, entitiesOfResponse, parseDumpLine, type WikidataEntity } from '../kb/wikidata';

const USAGE = 'usage: wikidata-to-pack INPUT.json[.gz] --out PACK.json [--name NAME] [--languages en,de,fr] [--pack-version 1.0.0] [--created YYYY-MM-DD]';
/** A line of progress on stderr every this many input lines: a full dump takes hours. */
const PROGRESS_EVERY = 1_000_000;

function fail(message: string): never {
  process.stderr.write(`wikidata-to-pack: ${message}\n`);
  process.exit(1);
}

/** The input as a stream of text; a read or gunzip error rejects the lines read from it. */
function openInput(path: string): Readable {
  const file = createReadStream(path);
  if (!path.endsWith('.gz')) return file;
  return pipeline(file, createGunzip(), () => {
    // pipeline passes the error to the gunzip stream, where the line reader sees it.
  });
}

const isEntity = (value: unknown): value is WikidataEntity =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/**
 * Every entity of the input. A first line "[" or a first line holding one entity means a dump,
 * read line by line; anything else is read whole as a `wbgetentities` answer.
 */
async function* readEntities(path: string): AsyncGenerator<WikidataEntity> {
  let mode: 'dump' | 'document' | undefined;
  const document: string[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: openInput(path), crlfDelay: Infinity })) {
    lineNumber++;
    if (lineNumber % PROGRESS_EVERY === 0) process.stderr.write(`… ${lineNumber} lines\n`);
    if (mode === 'document') {
      document.push(line);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseDumpLine(line);
    } catch (error) {
      if (mode === undefined) {
        mode = 'document';
        document.push(line);
        continue;
      }
      fail(`${path}:${lineNumber}: not one JSON entity on the line (${(error as Error).message})`);
    }
    if (parsed === null) {
      if (mode === undefined && line.trim().startsWith('[')) mode = 'dump';
      continue;
    }
    if (mode === undefined && !isEntity(parsed)) {
      mode = 'document';
      document.push(line);
      continue;
    }
    if (!isEntity(parsed)) fail(`${path}:${lineNumber}: not a Wikidata entity (no "id")`);
    mode = 'dump';
    yield parsed;
  }
  if (mode !== 'document') return;
  let response: unknown;
  try {
    response = JSON.parse(document.join('\n'));
  } catch (error) {
    fail(`${path}: neither a Wikidata JSON dump nor a wbgetentities answer (${(error as Error).message})`);
  }
  const entities = entitiesOfResponse(response);
  if (!entities.length) fail(`${path}: JSON without Wikidata entities (expected a dump or {"entities": {...}})`);
  yield* entities;
}

async function main(): Promise<void> {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        name: { type: 'string' },
        languages: { type: 'string' },
        'pack-version': { type: 'string', default: '1.0.0' },
        created: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsedArgs;
  const [input] = positionals;
  if (!input || !values.out || positionals.length > 1) fail(USAGE);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.created)) fail(`--created must be YYYY-MM-DD, not "${values.created}"`);
  if (!/^\d+\.\d+\.\d+$/.test(values['pack-version'])) fail(`--pack-version must be a version such as 1.0.0, not "${values['pack-version']}"`);
  const languages = values.languages?.split(',').map((l) => l.trim()).filter(Boolean);
  if (languages && (!languages.length || languages.some((l) => !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(l)))) {
    fail(`--languages must be Wikidata language codes separated by commas (en,de,fr), not "${values.languages}"`);
  }

  try {
    // Checked before the input is read: a full dump takes hours to convert.
    accessSync(dirname(values.out), constants.W_OK);
  } catch (error) {
    fail(`cannot write ${values.out}: ${(error as Error).message}`);
  }

  const builder = createPackBuilder({
    name: values.name ?? `Wikidata: ${basename(input)}`,
    version: values['pack-version'],
    created: values.created,
    ...(languages ? { languages } : {}),
  });
  let read = 0;
  try {
    for await (const entity of readEntities(input)) {
      builder.add(entity);
      read++;
    }
  } catch (error) {
    fail(`cannot read ${input}: ${(error as Error).message}`);
  }
  if (read === 0) fail(`${input}: no Wikidata entities found`);

  const { pack, skipped } = builder.finish();
  const result = validatePack(pack);
  if (!result.ok) fail(`the converted pack is invalid:\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  try {
    writeFileSync(values.out, `${JSON.stringify(pack, null, 1)}\n`);
  } catch (error) {
    fail(`cannot write ${values.out}: ${(error as Error).message}`);
  }

  const byReason = new Map<string, number>();
  for (const { reason } of skipped) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  const lines = [
    `read ${read} entities from ${input}`,
    `converted ${pack.entities.length} entities, ${pack.events.length} events`,
    `skipped ${skipped.length}`,
    ...[...byReason].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `  ${count} ${reason}`),
    `wrote ${values.out}`,
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

await main();
