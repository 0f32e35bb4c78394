/**
 * IfG Ministers Database (ifg-ministers/data/*.csv, Institute for Government): every UK
 * government minister since 1979 with dated appointments (`appointment.csv` → `post.csv` →
 * `organisation.csv`, cabinet status in `appointment_characteristics.csv`), and their terms in
 * Parliament (`representation.csv` → `constituency.csv`). The files give no Wikidata id and
 * no Wikipedia title.
 *
 * Ranks: 1 the Prime Minister; 2 a post of Secretary of State rank (Chancellor, Lord
 * Chancellor, First Secretary of State, Deputy Prime Minister…) or any appointment held as a
 * full member of the cabinet; 3 other ministers, whips and terms in Parliament.
 *
 * `skipped` counts the rows dropped: appointments or terms whose person, post or dates are
 * missing or impossible (two appointments in the snapshot end before they start).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Converter, EntityKind, SourceEntity, SourceOutput, SourceRole } from '../types';
import { addAlias, isoDate, joinTerms } from './congress-legislators';

const FOLDER = 'ifg-ministers/data/';

type Row = Record<string, string | undefined>;

function readCsv(path: string): Row[] {
  return parse<Row>(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

/** Names that are a peerage title rather than the person's own name. */
const PEERAGE = /^(?:Lord|Lady|Baroness|Viscount|Viscountess|Earl|Countess|Marquess|Marchioness|Duke|Duchess)\b/;

/** Posts whose name says nothing without its department ("Minister of State" → "Minister of State, Home Office"). */
const GENERIC_POST = /^(?:(?:Senior )?Minister of State|Parliamentary Under-Secretary of State|Parliamentary Secretary)$/;

/** The Treasury's junior secretaries, whom the files name without "to the Treasury". */
const TREASURY_SECRETARY = /^(?:Commercial|Economic|Exchequer|Financial|Financial Services) Secretary\b/;

const v = (row: Row, column: string) => row[column]?.trim() || undefined;

export const converter: Converter = {
  id: 'ifg-ministers',
  title: 'IfG Ministers Database',
  origin: 'github.com/instituteforgov/ifg-ministers-database-public (data/*.csv)',
  licence: 'CC-BY-4.0',
  attribution:
    'UK ministers from the Institute for Government, "IfG Ministers Database" (https://www.instituteforgovernment.org.uk/ministers-database), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changed: posts, appointments and terms in Parliament reshaped into dated roles, consecutive terms joined.',

  read(root: string): SourceOutput {
    const dir = join(root, FOLDER);
    let skipped = 0;

    // People: one id, one or more names with the dates they were used (peerages, marriages).
    const names = new Map<string, Row[]>();
    for (const row of readCsv(join(dir, 'person.csv'))) {
      const id = v(row, 'id');
      if (!id || !v(row, 'name')) {
        skipped++;
        continue;
      }
      names.set(id, [...(names.get(id) ?? []), row]);
    }

    const organisations = new Map(readCsv(join(dir, 'organisation.csv')).map((o) => [v(o, 'id') ?? '', o]));
    const posts = new Map(readCsv(join(dir, 'post.csv')).map((p) => [v(p, 'id') ?? '', p]));
    const characteristics = new Map<string, Row[]>();
    for (const c of readCsv(join(dir, 'appointment_characteristics.csv'))) {
      const a = v(c, 'appointment_id');
      if (a) characteristics.set(a, [...(characteristics.get(a) ?? []), c]);
    }
    const constituencies = new Map(readCsv(join(dir, 'constituency.csv')).map((c) => [v(c, 'id') ?? '', v(c, 'name')]));

    const roles = new Map<string, SourceRole[]>();
    const bestPost = new Map<string, number>();
    const addRole = (person: string, role: SourceRole) => roles.set(person, [...(roles.get(person) ?? []), role]);

    for (const a of readCsv(join(dir, 'appointment.csv'))) {
      const person = v(a, 'person_id') ?? '';
      const post = posts.get(v(a, 'post_id') ?? '');
      const name = post && v(post, 'name');
      const start = isoDate(v(a, 'start_date'));
      const end = isoDate(v(a, 'end_date'));
      if (!names.has(person) || !post || !name || !start || (end && end < start)) {
        skipped++;
        continue;
      }
      const org = organisations.get(v(post, 'organisation_id') ?? '');
      const orgName = org && v(org, 'name');
      let title = GENERIC_POST.test(name) && orgName ? `${name}, ${orgName}` : name;
      if (v(org ?? {}, 'short_name') === 'HMT') title = title.replace(TREASURY_SECRETARY, '$& to the Treasury');
      if (title === 'Prime Minister') title = 'Prime Minister of the United Kingdom';
      const chars = characteristics.get(v(a, 'id') ?? '') ?? [];
      if (chars.length && chars.every((c) => v(c, 'is_acting') === 'True')) title = `Acting ${title}`;
      const level = Number(v(post, 'rank_equivalence_value'));
      const equivalence = v(post, 'rank_equivalence');
      const rank: SourceRole['rank'] =
        equivalence === 'PM' ? 1 : equivalence === 'SoS' || equivalence === 'DPM' || chars.some((c) => v(c, 'cabinet_status') === 'Full cabinet') ? 2 : 3;
      addRole(person, { title, country: 'GB', start, ...(end ? { end } : {}), rank });
      if (Number.isFinite(level)) bestPost.set(person, Math.min(bestPost.get(person) ?? Infinity, level));
    }

    for (const r of readCsv(join(dir, 'representation.csv'))) {
      const person = v(r, 'person_id') ?? '';
      const house = v(r, 'house');
      const start = isoDate(v(r, 'start_date'));
      const end = isoDate(v(r, 'end_date'));
      const seat = constituencies.get(v(r, 'constituency_id') ?? '');
      const title = house === 'Commons' && seat ? `Member of Parliament for ${seat}` : house === 'Lords' ? 'Member of the House of Lords' : undefined;
      if (!names.has(person) || !title || !start || (end && end < start)) {
        skipped++;
        continue;
      }
      addRole(person, { title, country: 'GB', start, ...(end ? { end } : {}), rank: 3 });
    }

    const entities: SourceEntity[] = [];
    for (const [key, rows] of names) {
      const personRoles = roles.get(key);
      if (!personRoles?.length) {
        skipped++;
        continue;
      }
      // The name in use last, preferring the person's own name to a peerage ("Peter Mandelson", not "Lord Mandelson").
      const byDate = [...rows].sort((x, y) => (v(x, 'end_date') ?? '9999').localeCompare(v(y, 'end_date') ?? '9999') || (v(x, 'start_date') ?? '').localeCompare(v(y, 'start_date') ?? ''));
      const own = byDate.filter((r) => !PEERAGE.test(v(r, 'name')!));
      const name = v((own.length ? own : byDate).at(-1)!, 'name')!;
      const aliases: { name: string }[] = [];
      for (const r of byDate.slice().reverse()) for (const column of ['name', 'display_name', 'normalized_name']) addAlias(aliases, name, v(r, column));
      const level = bestPost.get(key) ?? Infinity;
      const kind: EntityKind = level <= 1 ? 'head-of-government' : level <= 5 ? 'minister' : 'office-holder';
      entities.push({
        key,
        type: 'person',
        kind,
        name,
        ...(aliases.length ? { aliases } : {}),
        country: 'GB',
        roles: joinTerms(personRoles),
      });
    }
    return { entities, events: [], skipped };
  },
};
