/**
 * Football clubs from openfootball/clubs (CC0-1.0), football.db plain text. Per country a
 * `<code>.clubs.txt`: a "= Country" heading, "== Region" headings, one club per unindented
 * line ("Arsenal FC, 1886, @ Emirates Stadium, London (Highbury)  ## comment"), its other names
 * on the following lines that start with "|" ("[en]", "[de]" mark a language), indented lines
 * are addresses and "ii)" lines reserve teams. Beside it `<code>.clubs.props.txt` (name, web
 * site), `<code>.clubs.lang.<xx>.txt` (names in Arabic, Japanese, Korean script), and per
 * continent `clubs.wiki.txt`: English Wikipedia article titles of clubs under country headings.
 * No Wikidata ids.
 *
 * - country: the file's code as ISO 3166-1 alpha-2; England, Scotland, Wales and Northern
 *   Ireland (eng, sco, wal, nir) are GB with the nation as subdivision; Kosovo (kos) is XK;
 * - key `<code>/<name as written>`; reserve teams are skipped (counted);
 * - name: the club's English name where the file marks one that translates its name word for
 *   word ("Bayern Munich [en]" for "Bayern München", which becomes an alias), else its name;
 *   years in brackets leave the name ("Thames AFC (1928-1932)": founded 1928, defunct;
 *   "ASK Elektra Wien (-2021)": defunct);
 * - aliases: the "|" names, except names cut short for tables ("Tottenham H.", "Bayern Mün.",
 *   "Wacker Innsbr"), with sponsors' names unmarked ("$$Swarovski$$"); names in other scripts
 *   from the lang files (ja, ar, ko); not the club's town as a short name ("Innsbruck");
 * - city: the club line's place without its district ("London (Highbury)" → London);
 *   detail: the stadium ("stadium: Emirates Stadium");
 * - wikipedia: a title of clubs.wiki.txt (English Wikipedia; the .de and .es lists are other
 *   Wikipedias and are not used) where it names exactly one club of its country, by the club's
 *   name or one of its other names (ignoring case, full stops, spaces, underscores and
 *   a trailing "(football club)"), and that club gets no other title; website from the props
 *   files the same way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Converter, SourceEntity, SourceOutput } from '../types';

/** football.db codes that are not ISO 3166-1 alpha-2, and the subdivision they stand for. */
const COUNTRY_CODES: Record<string, { country: string; subdivision?: string }> = {
  eng: { country: 'GB', subdivision: 'England' },
  sco: { country: 'GB', subdivision: 'Scotland' },
  wal: { country: 'GB', subdivision: 'Wales' },
  nir: { country: 'GB', subdivision: 'Northern Ireland' },
  kos: { country: 'XK' },
};

/** Language codes of the lang files that are not ISO 639-1 ("jp" → Japanese, "ja"). */
const LANG_CODES: Record<string, string> = { jp: 'ja' };

/** A full stop that ends a cut word ("H.", "Ath.", "Mün."), unlike "St." or "1.". */
const CUT_WORD = /(^|[\s/])\p{L}{1,4}\.(?=\s|$)/u;
const KEPT_SHORT_WORDS = /(^|\s)(St|Ste|Sta|Sto|Sv|Dr|Mt|Ft|Jr|Sr)\.(?=\s|$)/gu;

const stripComment = (line: string) => line.replace(/\s#.*$/, '').replace(/^#.*$/, '');
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The form names are compared in: lower case, without full stops, underscores and spaces ("Arsenal F.C." = "Arsenal FC"). */
const norm = (s: string) => s.normalize('NFC').replace(/[._\s]+/g, '').toLowerCase();
/** Words of a name, for comparing names word by word. */
const words = (s: string) => clean(s.normalize('NFC').replace(/[._]/g, ' ').toLowerCase()).split(' ');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

const readLines = (path: string) => readFileSync(path, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);

interface Club {
  code: string;
  raw: string;
  name: string;
  aliases: { name: string; lang?: string }[];
  founded?: string;
  defunct: boolean;
  stadium?: string;
  city?: string;
  website?: string;
  wikipedia?: string;
}

/** "Arsenal FC, 1886, @ Emirates Stadium, London (Highbury)" → its parts. */
function parseClubLine(line: string, code: string): Club | undefined {
  const fields = line.split(',').map(clean).filter(Boolean);
  const raw = fields.shift();
  if (!raw || !/\p{L}/u.test(raw)) return undefined;
  let founded: string | undefined;
  let stadium: string | undefined;
  let city: string | undefined;
  for (const f of fields) {
    if (/^\d{4}$/.test(f)) founded ??= f;
    else if (f.startsWith('@')) stadium ??= clean(f.slice(1));
    else if (!city && !/^[a-z]+:/.test(f)) {
      // "Waregem › West-Vlaanderen › Vlaanderen", "London (Highbury)".
      const c = clean(f.split('›')[0]!.replace(/\([^()]*\)/g, ''));
      if (/\p{L}/u.test(c)) city = c;
    }
  }
  // Years in brackets: "(1928-1932)", "(-2021)", "(2002)".
  let name = raw;
  let defunct = false;
  const years = /^(.*\S)\s*\((\d{4})?\s*(-\s*(\d{4})?)?\)$/.exec(raw);
  if (years && (years[2] || years[4])) {
    name = years[1]!;
    founded ??= years[2];
    defunct = !!years[4];
  }
  return { code, raw, name, aliases: [], ...(founded ? { founded } : {}), defunct, ...(stadium ? { stadium } : {}), ...(city ? { city } : {}) };
}

/** The names of a "|" line: "Bayern Munich [en] | FC Bayern" → [{Bayern Munich, en}, {FC Bayern}]. */
function parseAliasLine(line: string): { name: string; lang?: string }[] {
  const out: { name: string; lang?: string }[] = [];
  for (const part of stripComment(line).split('|')) {
    // "$$Swarovski$$" marks a sponsor's name within a club's name.
    let name = clean(part.replace(/\$\$/g, ''));
    let lang: string | undefined;
    const m = /^(.*\S)\s*\[([a-z]{2})\]$/.exec(name);
    if (m) {
      name = m[1]!;
      lang = m[2]!;
    }
    if (!name || !/\p{L}/u.test(name)) continue;
    if (CUT_WORD.test(name.replace(KEPT_SHORT_WORDS, '$1$2'))) continue;
    out.push(lang ? { name, lang } : { name });
  }
  return out;
}

/** A name cut short for a table: "Wacker Innsbr" beside "Wacker Innsbruck". */
const isCut = (name: string, all: string[]) => all.some((n) => n.length > name.length && n.startsWith(name) && /\p{L}/u.test(n.charAt(name.length)));

/**
 * The English name the file marks for a club, when it is the club's name translated word for
 * word: as many words, at least half of them the same, the others whole words ("Bayern Munich"
 * for "Bayern München", "TSV 1860 Munich" for "TSV 1860 München"). Not an old name marked English
 * ("SK Admira Vienna" for FC Admira Wacker Mödling), a short form ("Ath Madrid", "Dynamo Mosc")
 * or a longer form ("Football Club LNZ Cherkasy").
 */
function englishName(club: Club): string | undefined {
  const own = words(club.name);
  const all = [club.name, ...club.aliases.map((a) => a.name)];
  let best: string | undefined;
  let bestScore = 0;
  for (const a of club.aliases) {
    if (a.lang !== 'en' || isCut(a.name, all)) continue;
    const w = words(a.name);
    const shared = w.filter((x) => own.includes(x)).length;
    const wholeWords = w.every((x) => own.includes(x) || x.replace(/[^\p{L}]/gu, '').length >= 4);
    if (w.length === own.length && shared * 2 >= w.length && wholeWords && shared > bestScore) {
      best = a.name;
      bestScore = shared;
    }
  }
  return best;
}

export const converter: Converter = {
  id: 'openfootball-clubs',
  title: 'football.db clubs (openfootball)',
  origin: 'github.com/openfootball/clubs',
  licence: 'CC0-1.0',
  attribution: 'Football clubs from openfootball/clubs (football.db), dedicated to the public domain (CC0 1.0).',

  read(root: string): SourceOutput {
    const base = join(root, 'openfootball-clubs');
    const files = filesUnder(base).map((p) => ({ path: p, file: basename(p) }));
    let skipped = 0;
    const clubs: Club[] = [];
    const byCode = new Map<string, Club[]>();
    /** "germany" → "de": the country headings of the clubs files, for the wiki lists. */
    const codeOfHeading = new Map<string, string>();
    const seen = new Set<string>();

    for (const { path, file } of files) {
      const m = /^([a-z]{2,3})\.clubs\.txt$/.exec(file);
      if (!m) continue;
      const code = m[1]!;
      if (code.length === 3 && !COUNTRY_CODES[code]) continue;
      let current: Club | undefined;
      for (const line of readLines(path)) {
        if (!line.trim() || /^\s*#/.test(line)) continue;
        if (/^=/.test(line)) {
          const heading = /^=\s*([^=].*?)\s*=*\s*$/.exec(line);
          if (heading && !/^=/.test(line.slice(1))) for (const part of heading[1]!.split('•')) codeOfHeading.set(norm(part), code);
          continue;
        }
        if (/^\s*\|/.test(line)) {
          if (current) for (const a of parseAliasLine(line.replace(/^\s*\|/, ''))) if (!current.aliases.some((x) => x.name === a.name)) current.aliases.push(a);
          continue;
        }
        if (/^\s/.test(line)) continue; // an address
        if (/^[ivx]+\)/.test(line)) {
          // A reserve team ("ii) Bayern München II").
          current = undefined;
          skipped++;
          continue;
        }
        const club = parseClubLine(stripComment(line), code);
        if (!club || seen.has(`${code}/${club.raw}`)) {
          current = undefined;
          skipped++;
          continue;
        }
        seen.add(`${code}/${club.raw}`);
        current = club;
        clubs.push(club);
        if (!byCode.has(code)) byCode.set(code, []);
        byCode.get(code)!.push(club);
      }
    }

    /** The one club of a country that a name names, if exactly one. */
    const index = new Map<string, Club[]>();
    for (const c of clubs) {
      for (const n of new Set([c.raw, c.name, ...c.aliases.map((a) => a.name)].map(norm))) {
        const k = `${c.code}/${n}`;
        if (!index.has(k)) index.set(k, []);
        index.get(k)!.push(c);
      }
    }
    const oneClub = (code: string, name: string): Club | undefined => {
      const found = index.get(`${code}/${norm(name)}`);
      return found?.length === 1 ? found[0] : undefined;
    };

    for (const { path, file } of files) {
      // Web sites: "Name, Web[, Twitter]" (the header line "Name, Web" has no address and is passed over).
      const props = /^([a-z]{2,3})\.clubs\.props\.txt$/.exec(file);
      if (props) {
        for (const line of readLines(path)) {
          const fields = stripComment(line).split(',').map(clean);
          const [name, web] = fields;
          if (!name || !web || !/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(web)) continue;
          const club = oneClub(props[1]!, name);
          if (club) club.website ??= web;
        }
        continue;
      }
      // Names in other scripts: "Albirex Niigata,    アルビレックス新潟".
      const lang = /^([a-z]{2,3})\.clubs\.lang\.([a-z]{2})\.txt$/.exec(file);
      if (lang) {
        for (const line of readLines(path)) {
          if (/^\s*#/.test(line)) continue;
          const i = line.indexOf(',');
          if (i < 0) continue;
          const club = oneClub(lang[1]!, line.slice(0, i));
          const native = clean(line.slice(i + 1).replace(/[\u200e\u200f]/g, ''));
          if (club && native && !club.aliases.some((a) => a.name === native)) club.aliases.push({ name: native, lang: LANG_CODES[lang[2]!] ?? lang[2]! });
        }
      }
    }

    // English Wikipedia titles.
    const titles = new Map<Club, string[]>();
    for (const { path, file } of files) {
      if (file !== 'clubs.wiki.txt') continue;
      let code: string | undefined;
      for (const line of readLines(path)) {
        if (!line.trim() || /^\s*#/.test(line)) continue;
        if (/^=/.test(line)) {
          const heading = /^=+\s*(.*?)\s*=*\s*$/.exec(line)?.[1] ?? '';
          if (heading) code = heading.split('•').map((p) => codeOfHeading.get(norm(p))).find((c) => c);
          continue;
        }
        const title = clean(stripComment(line)).replace(/_/g, ' ');
        if (!title || !code) continue;
        // "Willem II (football club)": the bracket tells articles apart, the club's name is before it;
        // "FC Wacker Innsbruck (2002)" is a club's name as football.db writes it.
        const club = oneClub(code, title) ?? oneClub(code, title.replace(/\s*\((football|soccer|association football)( club)?\)$/i, ''));
        if (!club) continue;
        if (!titles.has(club)) titles.set(club, []);
        titles.get(club)!.push(title);
      }
    }
    const titleCount = new Map<string, number>();
    for (const list of titles.values()) for (const t of new Set(list)) titleCount.set(t, (titleCount.get(t) ?? 0) + 1);
    for (const [club, list] of titles) {
      const unique = [...new Set(list)];
      if (unique.length === 1 && titleCount.get(unique[0]!) === 1) club.wikipedia = unique[0];
    }

    const entities: SourceEntity[] = clubs.map((c) => {
      const mapped = COUNTRY_CODES[c.code];
      const country = mapped?.country ?? c.code.toUpperCase();
      const english = englishName(c);
      const name = english && norm(english) !== norm(c.name) ? english : c.name;
      const aliases: { name: string; lang?: string }[] = [];
      const all = [c.name, ...c.aliases.map((a) => a.name)];
      for (const a of [{ name: c.name }, ...c.aliases]) {
        if (a.name === name || aliases.some((x) => x.name === a.name)) continue;
        if (isCut(a.name, all)) continue;
        // The club's town as a short name ("Innsbruck" for FC Wacker Innsbruck) names the town first.
        if (c.city && norm(a.name) === norm(c.city)) continue;
        // English names are names in the knowledge base's own language: no language tag.
        aliases.push(a.lang && a.lang !== 'en' ? { name: a.name, lang: a.lang } : { name: a.name });
      }
      const detail = [c.stadium ? `stadium: ${c.stadium}` : '', c.defunct ? 'defunct' : ''].filter(Boolean).join('; ');
      return {
        key: `${c.code}/${c.raw}`,
        type: 'organisation',
        kind: 'football-club',
        name,
        ...(aliases.length ? { aliases } : {}),
        ...(c.wikipedia ? { wikipedia: c.wikipedia } : {}),
        country,
        ...(mapped?.subdivision ? { subdivision: mapped.subdivision } : {}),
        ...(c.city ? { city: c.city } : {}),
        ...(c.founded ? { founded: c.founded } : {}),
        ...(detail ? { detail } : {}),
        ...(c.website ? { website: c.website } : {}),
      };
    });
    return { entities, events: [], skipped };
  },
};
