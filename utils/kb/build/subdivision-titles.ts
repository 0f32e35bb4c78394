/**
 * Checked English Wikipedia titles for first-level subdivisions whose title is not their name
 * ("Neuquén Province" for the province the Countries States Cities Database calls "Neuquén",
 * Q44800), read from assets/kb/sources/subdivision-titles.json (build-time code).
 *
 * No source gives subdivisions a title, and gold files and the hover card's Wikipedia link
 * need one. A title is never guessed: each row was checked against a stored copy of the
 * article, and its `evidence` says where. Only records without a title of their own get one.
 */
import { readFileSync } from 'node:fs';
import type { Entity } from '../schema';

/** The file's name in assets/kb/sources/. */
export const SUBDIVISION_TITLES_FILE = 'subdivision-titles.json';

export interface SubdivisionTitle {
  wikidata: string;
  title: string;
  /** ISO 3166-1 alpha-2 code of the subdivision's country, for the reader of the file. */
  country?: string;
  /** Where the title was seen (a stored copy of the article, its address). */
  evidence: string;
}

interface SubdivisionTitlesFile {
  about: Record<string, string>;
  titles: SubdivisionTitle[];
}

/** Every problem of the rows, as `titles[i]: reason`; [] when they are all well-formed and unique. */
export function checkSubdivisionTitles(rows: readonly SubdivisionTitle[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!/^Q[1-9]\d*$/.test(row.wikidata ?? '')) problems.push(`titles[${i}]: "${row.wikidata}" is not a Wikidata id`);
    else if (seen.has(row.wikidata)) problems.push(`titles[${i}]: ${row.wikidata} appears twice`);
    seen.add(row.wikidata);
    if (!row.title?.trim() || row.title !== row.title.trim()) problems.push(`titles[${i}]: the title of ${row.wikidata} is empty or padded`);
    if (!row.evidence?.trim()) problems.push(`titles[${i}]: ${row.wikidata} has no evidence`);
  });
  return problems;
}

/** The titles of the file by Wikidata id; throws listing every problem when a row is malformed. */
export function readSubdivisionTitles(path: string): Map<string, string> {
  const file = JSON.parse(readFileSync(path, 'utf8')) as SubdivisionTitlesFile;
  const problems = checkSubdivisionTitles(file.titles ?? []);
  if (problems.length) throw new Error(`${SUBDIVISION_TITLES_FILE}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return new Map(file.titles.map((row) => [row.wikidata, row.title]));
}

/**
 * Gives each entity whose Wikidata id has a checked title, and that has no title from a
 * source, that title. Returns the entities (unchanged ones as they were) and the ids of the
 * titles no entity bears (none when every title found its record).
 */
export function withCheckedTitles(entities: Entity[], titles: ReadonlyMap<string, string>): { entities: Entity[]; given: number; unmatched: string[] } {
  const found = new Set<string>();
  let given = 0;
  const out = entities.map((e) => {
    const title = e.wikidata ? titles.get(e.wikidata) : undefined;
    if (!title) return e;
    found.add(e.wikidata!);
    if (e.wikipedia) return e;
    given++;
    // In the place buildEntity gives it, after the names.
    const { id, name, type, aliases, ...rest } = e;
    return { id, name, type, aliases, wikipedia: title, ...rest };
  });
  return { entities: out, given, unmatched: [...titles.keys()].filter((q) => !found.has(q)) };
}
