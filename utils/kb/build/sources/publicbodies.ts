/**
 * Government bodies from the Open Knowledge Foundation's Database of Public Bodies
 * (datasets/publicbodies; data ODC-PDDL-1.0, repository MIT): one CSV per jurisdiction under
 * `data/` (BR, CH, DE, EU, GB, GR, NP, NZ, SE, US; Italy's file is missing), columns id, name,
 * abbreviation, parent_id, url, jurisdiction_code, tags, ... No Wikidata ids or titles.
 *
 * Names are written as the source gives them, in the jurisdiction's language (Portuguese,
 * German, Greek, Swedish, Nepali, English). What the converter changes:
 * - a trailing abbreviation in brackets leaves the name and becomes an alias ("Central
 *   Intelligence Agency (CIA)"); the abbreviation column becomes an alias when it is an
 *   upper-case abbreviation of two letters or more ("BNDES", "CNPq", "DG TRADE"; not "ypes",
 *   "presidency", nor fragments such as "rechtliche Abteilung");
 * - bilingual names ("Sports Council for Wales / Cyngor Chwaraeon Cymru", "Te Taura Whiri i Te
 *   Reo Māori (Māori Language Commission)") keep the English name and give the other as an alias
 *   with its language; Greek names lose their legal citations ("(Ν.2932/01)");
 * - Switzerland's rows are paths of the federal staff directory ("Bundesrat - Eidgenössisches
 *   Departement des Innern - Bundesamt für Kultur - Direktion - ..."): only the bodies are kept
 *   (the federal authorities, departments and their offices, and anything named as a federal
 *   office or institution at any depth), named by the last part of the path; their sections,
 *   secretariats and desks are skipped;
 * - EU directorates-general named by their policy area ("Trade (TRADE)") become
 *   "Directorate-General for Trade" with the alias "DG TRADE"; EU bodies have no country and
 *   the detail "European Union body";
 * - skipped as not names of a body: empty or truncated names ("..."), a category with a count
 *   ("Σχολές Γενικής Εκπαιδεύσεως (2)"), a few generic rows ("Account Section");
 * - a row that repeats a body of the same jurisdiction (same name once folded, or the same id
 *   with the same abbreviation, as "Energy Department" and "Department of Energy") is merged
 *   into it: its name becomes an alias;
 * - kind 'government-body', but 'university' for universities and colleges of higher education,
 *   'company' for the state-owned companies and 'other' for the schools that the British and
 *   Brazilian files list (by their tags, or for universities by their name);
 * - detail "part of <parent>" where the parent is in the same file, "defunct" where tagged so; website from `url`
 *   (Switzerland's point to the staff directory, not to the body, and are left out).
 * Keys are the source's ids ("us/the-white-house"); an id the file gives to several bodies
 * (Greece's file reuses some) gets `|<name>` added.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../read';
import type { Converter, EntityKind, SourceEntity, SourceOutput } from '../types';

type Row = Record<string, string | undefined>;

/** Invisible characters some rows carry (left-to-right marks in Greek URLs, no-break spaces). */
const clean = (s: string | undefined) => (s ?? '').replace(/[\u200b-\u200f\u202a-\u202e\ufeff]/g, '').replace(/\s+/g, ' ').trim();
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** People ("Hon Bill English") and ministers' offices ("Associate Minister of Conservation"): not bodies. */
const PERSON_OR_OFFICE = /^((Rt\.? )?Hon\.? |(Associate |Prime )?Minister\b)/;

/** Swedish names written in title case by the source: "Förvaltningsrätten I Malmö Och Migrationsdomstol". */
const SWEDISH_SMALL_WORDS = / (I|Och|För|Till|Med|Av|På|Om|Vid|Över|Inom|Utan|Mot)(?= )/g;

/** Rows that name no body. */
const GENERIC = new Set(['account section', 'administrartion', 'administration', 'internal admin authority']);

/** Upper-case abbreviation: at least two capitals, at least half the letters capitals, three words at most ("BNDES", "CNPq", "DG TRADE", "Κ.Ε.Δ.Ε."). */
function isAbbreviation(text: string): boolean {
  if (!text || text.length > 24 || text.split(/\s+/).length > 3) return false;
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper >= 2 && upper * 2 >= letters.length && /^\p{Lu}/u.test(text) && !/^\p{Lu}\p{Ll}+$/u.test(text);
}

/** A dotted abbreviation also without its dots ("Α.Δ.Α.Ε." → "ΑΔΑΕ"). */
function abbreviationForms(text: string): string[] {
  const forms = [text];
  const bare = text.replace(/\.(?=\S|$)/g, '').replace(/\s+/g, ' ').trim();
  if (/\.\S/.test(text) && bare !== text && /\p{L}{2}/u.test(bare)) forms.push(bare);
  return forms;
}

/** Words that mark the non-English half of a bilingual British or New Zealand name. */
const OTHER_LANGUAGE: [RegExp, string][] = [
  [/\b(Cyngor|Cymru|Cymreig|Swyddfa|Llyfrgell|Cynulliad|Bwrdd|Sianel|Gwasanaeth|Comisiynydd|Prif Arolygydd|Cymraeg|Llywodraeth|Dwr)\b/u, 'cy'],
  [/\b(Comhairle|Foras|Gaeilge|Gaelscolaíochta|Chláir)\b/u, 'ga'],
  [/\b(Seirbheis|Meadhanan|Gaidhlig)\b/u, 'gd'],
  [/\bTha Boord\b/u, 'sco'],
  [/\b(Te Taura Whiri|Te Reo Whakapuaki|Pouhere Taonga)\b/u, 'mi'],
];
const ENGLISH = /\b(the|of|for|and|Council|Office|Agency|Board|Service|Library|Assembly|Government|Commissioner|Commission|Channel|Inspectorate|Water|Body|Trust)\b/;

function otherLanguage(text: string): string | undefined {
  for (const [re, lang] of OTHER_LANGUAGE) if (re.test(text)) return lang;
  return undefined;
}

interface Names {
  name: string;
  aliases: { name: string; lang?: string }[];
}

/** Splits "English / Welsh" and "Māori (English)" names. */
function bilingual(name: string): Names | undefined {
  const parts = name.split(/\s*\/\s*/);
  if (parts.length === 2 && parts.every((p) => p.split(' ').length >= 2)) {
    const [a, b] = parts as [string, string];
    const langA = otherLanguage(a);
    const langB = otherLanguage(b);
    if (langB && !langA && ENGLISH.test(a)) return { name: a, aliases: [{ name: b, lang: langB }] };
    if (langA && !langB && ENGLISH.test(b)) return { name: b, aliases: [{ name: a, lang: langA }] };
  }
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
  if (m) {
    const [, outer, inner] = m as unknown as [string, string, string];
    const langOuter = otherLanguage(outer);
    const langInner = otherLanguage(inner);
    if (langInner && !langOuter && inner.split(' ').length >= 2) return { name: outer, aliases: [{ name: inner, lang: langInner }] };
    if (langInner && !langOuter && ENGLISH.test(outer)) return { name: outer, aliases: [{ name: inner, lang: langInner }] };
    if (langOuter && !langInner && ENGLISH.test(inner)) return { name: inner, aliases: [{ name: outer, lang: langOuter }] };
  }
  return undefined;
}

// --- Switzerland: bodies among the paths of the federal staff directory

const CH_GROUP = 'SNB/Suva/Post/SBB/Fachdienste';
/** Path parts that list other bodies' services rather than being a body the rows below belong to. */
const CH_LISTINGS = new Set([CH_GROUP, 'Bibliotheken und Dokumentationsstellen', 'Informationsdienste']);
/** A federal office or institution, whatever its depth. */
const CH_INSTITUTION = /^(Bundesamt für|Bundesanwaltschaft|Bundeskanzlei|Bundes\p{L}*gericht|Eidgenössische[rs]? |Schweizerische[rs]? |Staatssekretariat für|Swissmedic|Nachrichtendienst des Bundes)/u;
/** Sections, secretariats and desks of a body. */
const CH_SECTION = /^(Generalsekret|Stv\. |Vizedirektion|Direktionsbereich|Kommunikation|Bereich |Direktionsstab|Vertrauensstelle|Repräsentationsräume|Bibliotheken|Informationsdienste|Verteidigung$|Staatssekretariat$|Sekretariat|Büro|Präsidium|Kanzlei|Dienste|Mitglieder|Informatik|Verwaltungskommission|Präsidentenkonferenz|Gerichtsschreiber|Rekurskommission|Abteilung|Kammern|Direktion$|Schweizerische Arbeitskräfteerhebung)/u;

interface SwissBody {
  name: string;
  /** A short form the path part ends with ("... Klimatologie MeteoSchweiz", "... Metrologie METAS") or starts with ("Swissmedic, ..."). */
  short: string | undefined;
  parent: string | undefined;
  /** Lower sorts first: the path that names a body at its home in the directory wins over listings. */
  rank: number;
}

/** Brand names the directory appends to a body's name. */
const CH_BRANDS = new Set(['Suva', 'Empa', 'Eawag', 'Swissmint']);

function swissName(part: string): { name: string; short: string | undefined } {
  const lead = /^(\p{L}+), (.+)$/u.exec(part);
  if (lead) return { name: lead[1]!, short: undefined };
  const m = /^(.+\S)\s+(\S+)$/u.exec(part);
  if (m && m[1]!.split(' ').length >= 2) {
    const t = m[2]!;
    if (isAbbreviation(t) || /^\p{Ll}/u.test(t) || /\p{Ll}\p{Lu}/u.test(t) || CH_BRANDS.has(t)) return { name: m[1]!, short: t };
  }
  return { name: part, short: undefined };
}

/** Whether a path of the directory names a body (and not a section, secretariat or desk of one). */
function isSwissBody(path: string[]): boolean {
  const last = path[path.length - 1]!;
  const top = path[0]!;
  if (!last || CH_SECTION.test(last) || CH_LISTINGS.has(last)) return false;
  const shallow =
    path.length === 1 ||
    (top === 'Bundesrat' && path.length <= 3) ||
    ((top === CH_GROUP || top === 'Bundesversammlung') && path.length === 2);
  // "Schweizerische Ausgleichskasse SAK, AHV-Leistungen" is a section; "Eidgenössisches Departement für Umwelt, Verkehr, ..." is not.
  return shallow || (CH_INSTITUTION.test(last) && (!last.includes(', ') || /departement/i.test(last)));
}

function swissBody(path: string[]): SwissBody | undefined {
  if (!isSwissBody(path)) return undefined;
  const { name, short } = swissName(path[path.length - 1]!);
  // The parent is the nearest part of the path above that is a body itself.
  let parent: string | undefined;
  for (let n = path.length - 1; n >= 1 && !parent; n--) if (isSwissBody(path.slice(0, n))) parent = swissName(path[n - 1]!).name;
  return { name, short, parent, rank: (path[0] === CH_GROUP ? 100 : 0) + path.length };
}

// --- the EU's directorates-general

/** "Trade (TRADE)" → "Directorate-General for Trade"; DGs with a name of their own keep it. */
function directorateGeneral(name: string): string {
  const base = name.replace(/\s*\([^()]*\)$/, '').trim();
  if (/^(Eurostat|Joint Research Centre|Secretariat General)$/.test(base) || /\bService$/.test(base)) return base;
  return `Directorate-General for ${base}`;
}

// --- names in general

/** Greek legal citations and supervision notes in brackets: "(Ν.2932/01)", "(αρ. 74 του Α.Ν. 1324/1949)", "(υπό την εποπτεία ...)". */
const CITATION = /\s*\((?=[^()]*(?:\d\s*\/|\/\s*\d)|\s*(?:υπό|όσα|αρ\.)\s)[^()]*\)/gu;

const TRAILING_BRACKET = /^(.*\S)\s*\(([^()]+)\)$/;
/** Greek legal forms in brackets, not names: private-law and public-law legal entity, société anonyme. */
const LEGAL_FORM = /^(Ν\.?Π\.?Ι\.?Δ\.?|Ν\.?Π\.?Δ\.?Δ\.?|Α\.?Ε\.?)$/u;

/** A parent's name as the bodies' names are written: without its trailing abbreviation. */
function parentDisplay(name: string): string {
  const n = clean(name.replace(CITATION, ''));
  const m = TRAILING_BRACKET.exec(n);
  return m && isAbbreviation(m[2]!) ? m[1]! : n;
}

/** The database lists universities, schools and state-owned companies too; they keep their own kind. */
const UNIVERSITY_NAME = /\b(University|Universidade|Universität|Universitet|Université|Universiteit|Universidad)\b/u;
const NOT_UNIVERSITY = /\b(Commission|Council|Board|Committee|Company|Limited|Ltd|Trust|Association|Press|Hospital|Grants|Industry|Health)\b/;
const UNIVERSITY_TAGS = new Set(['university', 'hei', 'oxford_college', 'cambridge_college', 'durham_college', 'university_college', 'autarquia-ifes', 'fundacao-publica-ifes', 'autarquia-ife']);
const SCHOOL_TAGS = new Set(['fei', 'school', 'academies', 'grammar']);
const COMPANY_TAGS = new Set(['company', 'limited', 'plc', 'companyinscotland']);

function kindOf(tags: string, name: string): EntityKind {
  const t = tags.split(/[\s,]+/);
  if (t.some((x) => UNIVERSITY_TAGS.has(x)) || (UNIVERSITY_NAME.test(name) && !NOT_UNIVERSITY.test(name))) return 'university';
  if (t.some((x) => SCHOOL_TAGS.has(x))) return 'other';
  if (t.some((x) => COMPANY_TAGS.has(x))) return 'company';
  return 'government-body';
}

interface Candidate {
  kind: EntityKind;
  defunct: boolean;
  file: string;
  id: string;
  country: string | undefined;
  names: Names;
  abbreviation: string | undefined;
  parentName: string | undefined;
  website: string | undefined;
  rank: number;
  order: number;
}

function website(url: string): string | undefined {
  const u = clean(url);
  if (!/^https?:\/\/[^\s/]+\.[^\s/]+/i.test(u) || /staatskalender\.admin\.ch/i.test(u)) return undefined;
  return u;
}

export const converter: Converter = {
  id: 'publicbodies',
  title: 'Database of Public Bodies (Open Knowledge Foundation)',
  origin: 'github.com/datasets/publicbodies (data/*.csv)',
  licence: 'ODC-PDDL-1.0 (data); repository MIT',
  attribution: 'Public bodies from the Database of Public Bodies (publicbodies.org) by the Open Knowledge Foundation: data under the Open Data Commons Public Domain Dedication and License; repository MIT licence, Copyright (c) 2021 Open Knowledge Foundation.',

  read(root: string): SourceOutput {
    const dir = join(root, 'publicbodies', 'data');
    const files = readdirSync(dir).filter((f) => /^[a-z]{2}\.csv$/.test(f)).sort();
    let skipped = 0;
    const candidates: Candidate[] = [];
    let order = 0;

    for (const file of files) {
      const code = file.slice(0, 2);
      const country = code === 'eu' ? undefined : code.toUpperCase();
      const rows: Row[] = readCsv(join(dir, file));
      // Each id's first name, for the parents.
      const nameOfId = new Map<string, string>();
      for (const r of rows) {
        const id = clean(r['id']);
        if (id && !nameOfId.has(id)) nameOfId.set(id, clean(r['name']));
      }
      for (const r of rows) {
        order++;
        const id = clean(r['id']);
        let name = clean(r['name']).replace(/^[.,;:\-–\s]+/, '');
        const abbrColumn = clean(r['abbreviation']);
        let abbreviation: string | undefined;
        let parentName: string | undefined;
        let rank = 0;
        let chShort: string | undefined;
        if (!name || !/\p{L}{2}/u.test(name) || /(\.\.\.|…)\)?$/.test(name) || GENERIC.has(name.toLowerCase()) || /\(\s*\d+\s*\)/.test(name) || PERSON_OR_OFFICE.test(name)) {
          skipped++;
          continue;
        }
        if (code === 'ch') {
          const body = swissBody(name.split(' - ').map((p) => p.trim()));
          if (!body) {
            skipped++;
            continue;
          }
          name = body.name;
          if (body.short) chShort = body.short;
          parentName = body.parent;
          rank = body.rank;
        }
        name = name.replace(CITATION, '').trim();
        // "Land Management, Bureau of" → "Bureau of Land Management".
        name = name.replace(/^(.+), (Office|Bureau|Department|Division|Agency|Administration) of$/, '$2 of $1');
        if (code === 'se') name = name.replace(SWEDISH_SMALL_WORDS, (w) => w.toLowerCase());
        // EU: "European Asylum Support Office (at planning stage)", "European Railway Agency – promoting safe ...".
        name = name.replace(/\s*\(at planning stage\)$/i, '').replace(/\s+[–—]\s+\p{Ll}.*$/u, '').trim();

        const tags = clean(r['tags']);
        let names: Names = bilingual(name) ?? { name, aliases: [] };
        if (code === 'eu' && tags === 'ec_dg') {
          names = { name: directorateGeneral(name), aliases: [] };
          if (isAbbreviation(abbrColumn)) abbreviation = abbrColumn;
        } else {
          const m = TRAILING_BRACKET.exec(names.name);
          if (m) {
            const [, outer, inner] = m as unknown as [string, string, string];
            const sameAsColumn = abbrColumn && fold(inner) === fold(abbrColumn);
            if (LEGAL_FORM.test(inner)) {
              names = { name: outer, aliases: names.aliases };
            } else if (sameAsColumn || isAbbreviation(inner)) {
              names = { name: outer, aliases: [...names.aliases, ...abbreviationForms(inner).map((n) => ({ name: n }))] };
            }
          }
          if (abbrColumn && (isAbbreviation(abbrColumn) || names.aliases.some((a) => a.name === abbrColumn))) abbreviation = abbrColumn;
        }
        if (chShort && !names.aliases.some((a) => a.name === chShort)) names.aliases.push({ name: chShort });
        if (abbreviation) for (const n of abbreviationForms(abbreviation)) if (!names.aliases.some((a) => a.name === n)) names.aliases.push({ name: n });
        names.aliases = names.aliases.filter((a) => a.name !== names.name);
        if (!/\p{L}{2}/u.test(names.name)) {
          skipped++;
          continue;
        }

        const parentId = clean(r['parent_id']);
        if (code !== 'ch' && parentId && parentId !== id) parentName = nameOfId.get(parentId);
        candidates.push({
          kind: kindOf(tags, names.name),
          defunct: /\bdefunct\b/.test(tags),
          file: code,
          id,
          country,
          names,
          abbreviation,
          parentName: parentName ? parentDisplay(parentName) : undefined,
          website: code === 'ch' ? undefined : website(r['url'] ?? ''),
          rank,
          order,
        });
      }
    }

    // Switzerland: a body at its home in the directory wins over the listings that name it again.
    // (Rows are numbered file by file, so this keeps the files in order.)
    candidates.sort((a, b) => (a.file !== b.file ? a.order - b.order : a.rank - b.rank || a.order - b.order));

    // Merge repeats within a jurisdiction.
    const kept: Candidate[] = [];
    const byName = new Map<string, Candidate>();
    const byId = new Map<string, Candidate>();
    for (const c of candidates) {
      const nameKey = `${c.file}/${fold(c.names.name).replace(/^the /, '')}`;
      const sameName = byName.get(nameKey);
      const sameId = c.id ? byId.get(c.id) : undefined;
      const target =
        sameName ??
        (sameId && ((c.abbreviation && c.abbreviation === sameId.abbreviation) || (sameId.abbreviation && fold(c.names.name).replace(/ /g, '') === fold(sameId.abbreviation).replace(/ /g, '')))
          ? sameId
          : undefined);
      if (target) {
        skipped++;
        // "FOREIGN EMPLOYMENT PROMOTION BOARD" and "Foreign Employment Promotion Board": the one not in capitals wins.
        const capitals = (n: string) => n === n.toUpperCase();
        if (fold(c.names.name) === fold(target.names.name) && capitals(target.names.name) && !capitals(c.names.name)) target.names.name = c.names.name;
        for (const a of [{ name: c.names.name }, ...c.names.aliases]) {
          if (fold(a.name) !== fold(target.names.name) && !target.names.aliases.some((x) => x.name === a.name)) target.names.aliases.push(a);
        }
        target.website ??= c.website;
        continue;
      }
      kept.push(c);
      byName.set(nameKey, c);
      if (c.id && !byId.has(c.id)) byId.set(c.id, c);
    }

    const idCount = new Map<string, number>();
    for (const c of kept) idCount.set(c.id, (idCount.get(c.id) ?? 0) + 1);
    const entities: SourceEntity[] = [];
    const keys = new Set<string>();
    for (const c of kept) {
      const key = c.id && idCount.get(c.id) === 1 ? c.id : `${c.id || c.file}|${c.names.name}`;
      if (keys.has(key)) {
        skipped++;
        continue;
      }
      keys.add(key);
      const partOf = c.parentName && fold(c.parentName) !== fold(c.names.name) ? `part of ${c.parentName}` : undefined;
      const detail = [c.country ? undefined : 'European Union body', c.defunct ? 'defunct' : undefined, partOf].filter(Boolean).join('; ');
      entities.push({
        key,
        type: 'organisation',
        kind: c.kind,
        name: c.names.name,
        ...(c.names.aliases.length ? { aliases: c.names.aliases } : {}),
        ...(c.country ? { country: c.country } : {}),
        ...(detail ? { detail } : {}),
        ...(c.website ? { website: c.website } : {}),
      });
    }
    return { entities, events: [], skipped };
  },
};
