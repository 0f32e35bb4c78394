/**
 * The Phoenix actor dictionaries of PETRARCH2 (petrarch2-phoenix/petrarch2/data/dictionaries/):
 * international organisations and NGOs (`Phoenix.International.actors.txt`), armed non-state
 * actors (`Phoenix.MilNonState.actors.txt`) and the people of every country with their dated
 * CAMEO roles (`Phoenix.Countries.actors.txt`, generated in 2014 from CountryInfo.txt; roles end
 * around 2014 and open-ended ones are as of then). Multinational companies, agents (generic
 * nouns), countries and national institutions are left out.
 *
 * The dictionaries are TABARI text: a primary phrase (`NAME_ [CODE]`), `+` synonym lines, tab-
 * indented `[CODE date-range]` lines and `#` comments. As in PETRARCH's reader, primary phrases
 * that follow one another before any code belong to one actor. Names are UPPER_CASE_WITH_
 * UNDERSCORES and are put in proper case here; acronyms stay upper case.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import countries from 'world-countries';
import type { Converter, EntityKind, SourceEntity, SourceOutput, SourceRole } from '../types';

const FOLDER = 'petrarch2-phoenix/petrarch2/data/dictionaries';

// ---------------------------------------------------------------------------------------------
// Reading the TABARI format

export interface ActorCode {
  code: string;
  start?: string;
  end?: string;
  /** The code line carried a date restriction (even one that could not be read). */
  dated: boolean;
}

export interface ActorGroup {
  /** Primary phrases, as written (underscores, upper case). */
  primaries: string[];
  synonyms: string[];
  codes: ActorCode[];
  /** The `#` comments on the group's lines. */
  comments: string[];
  /** The last heading comment above the group ("Presidents", "NATO"). */
  section: string;
  line: number;
}

/** A TABARI date (YYMMDD, or YYYYMMDD from 7 digits on) as ISO, as PETRARCH reads it; undefined when invalid. */
export function tabariDate(digits: string): string | undefined {
  let y: number, m: number, d: number;
  if (digits.length > 7) {
    y = Number(digits.slice(0, 4));
    m = Number(digits.slice(4, 6));
    d = Number(digits.slice(6, 8));
  } else if (digits.length >= 6) {
    const yy = Number(digits.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    m = Number(digits.slice(2, 4));
    d = Number(digits.slice(4, 6));
  } else return undefined;
  if (!(m >= 1 && m <= 12 && d >= 1)) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** One `[CODE date]` restriction: `>date` (from), `<date` (until), `date-date`, or none. */
export function parseCode(inner: string): ActorCode | undefined {
  const text = inner.trim();
  const m = /^(\S+)\s*(.*)$/.exec(text);
  if (!m || !/^[A-Z0-9-]+$/.test(m[1]!)) return undefined;
  const code = m[1]!;
  const rest = m[2]!.replace(/\s+/g, '');
  if (!rest) return { code, dated: false };
  const from = /^>(\d+)$/.exec(rest);
  if (from) {
    const start = tabariDate(from[1]!);
    return { code, dated: true, ...(start ? { start } : {}) };
  }
  const until = /^<(\d+)$/.exec(rest);
  if (until) {
    const end = tabariDate(until[1]!);
    return { code, dated: true, ...(end ? { end } : {}) };
  }
  const range = /^(\d+)-(\d+)$/.exec(rest);
  if (range) {
    const start = tabariDate(range[1]!);
    const end = tabariDate(range[2]!);
    return { code, dated: true, ...(start ? { start } : {}), ...(end ? { end } : {}) };
  }
  return { code, dated: true };
}

const codesIn = (text: string): ActorCode[] => [...text.matchAll(/\[([^\]]*)\]/g)].map((m) => parseCode(m[1]!)).filter((c): c is ActorCode => c !== undefined);

/** A comment line that reads as a heading ("# Prime Ministers", "######  NATO  #####"), not a commented-out entry. */
function heading(line: string): string | undefined {
  const text = line.replace(/^#+/, '').replace(/#+\s*$/, '').trim();
  if (!text || /[_+]/.test(text) || /\[[A-Z]{3}/.test(text) || /^\t/.test(line.replace(/^#+/, ''))) return undefined;
  return /[a-z]/.test(text) || /^[A-Z ]+$/.test(text) ? text : undefined;
}

/** The actors of a dictionary, grouped as PETRARCH groups them. */
export function parseDictionary(text: string): ActorGroup[] {
  const groups: ActorGroup[] = [];
  let current: ActorGroup | undefined;
  let hasCodes = false;
  let section = '';
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (!raw.trim()) return;
    if (raw.startsWith('#')) {
      const h = heading(raw);
      if (h !== undefined) section = h;
      return;
    }
    if (raw.startsWith('<!')) return;
    const hash = raw.indexOf('#');
    const comment = hash >= 0 ? raw.slice(hash + 1).trim() : '';
    const line = hash >= 0 ? raw.slice(0, hash) : raw;
    if (!line.trim()) return;
    if (/^\s/.test(line)) {
      // A date-restriction line: codes for the current actor.
      const codes = codesIn(line);
      if (current && codes.length) {
        current.codes.push(...codes);
        hasCodes = true;
      }
      if (current && comment) current.comments.push(comment);
      return;
    }
    if (line.startsWith('+')) {
      if (!current) return;
      const body = line.slice(1).split(/[;[]/)[0]!;
      // A few lines join two synonyms with a second "+".
      for (const s of body.split('+')) if (s.trim()) current.synonyms.push(s.trim());
      if (comment) current.comments.push(comment);
      return;
    }
    const name = line.split('[')[0]!.trim();
    const codes = codesIn(line);
    // A country's own entry ("CROATIA_ [HRV]") starts its block: headings above it no longer apply.
    if (codes.some((c) => /^[A-Z]{3}$/.test(c.code))) section = '';
    if (!current || hasCodes) {
      current = { primaries: [], synonyms: [], codes: [], comments: [], section, line: index + 1 };
      groups.push(current);
      hasCodes = false;
    }
    if (name) current.primaries.push(name);
    current.codes.push(...codes);
    if (codes.length) hasCodes = true;
    if (comment) current.comments.push(comment);
  });
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Names

/** Words written in lower case inside a name (not at its start). */
const SMALL_WORDS = new Set([
  'of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'by', 'with', 'from', 'or', 'into', 'against', 'without', 'between', 'through',
  'de', 'du', 'des', 'la', 'le', 'les', 'et', 'y', 'e', 'del', 'della', 'delle', 'dei', 'di', 'da', 'do', 'dos', 'das', 'em', 'en', 'el', 'los', 'las', 'pour', 'sur', 'au', 'aux', 'por', 'para', 'con', 'sin',
  'van', 'von', 'der', 'den', 'het', 'zu', 'zur', 'und', 'für', 'fur', 'im',
  'bin', 'ibn', 'bint', 'wal', 'ul', 'ud', 'al', 'el', 'as', 'ad', 'ash', 'at', 'az', 'ar', 'an', 'ur',
]);
/** Arabic articles and links written in lower case before a hyphen inside a name ("al-Assad", "Lashkar-e-Taiba"). */
const HYPHEN_PARTICLES = new Set(['al', 'el', 'ad', 'ud', 'ul', 'ur', 'as', 'ash', 'at', 'az', 'an', 'ar', 'e', 'i', 'wal']);
const ARTICLES = /^(?:al|el|ad|as|ash|at|az|an|ar|ud|ul|ur)$/;
const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX|XXI)$/;
const LATIN_UPPER = /^[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff'’`.-]+$/u;

/** The phrase as words: underscores and runs of spaces are word breaks; nicknames in quotes and "(ACTING" notes go. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .replace(/"[^"]*"/g, ' ')
    .replace(/\((?:ACTING|\d+(?:ST|ND|RD|TH)_TIME)[^)]*\)?/gi, ' ')
    .replace(/[_\s]+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

const lettersOf = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, '');
const VOWELS = /[AEIOUÀ-ÖØ-Ý]/;

/** A word written as an acronym on its own (no vowels, dotted letters, or with digits). */
function looksLikeAcronym(word: string): boolean {
  const core = word.replace(/^[("'“]+|[)"'”,:;]+$/g, '');
  if (/^(?:[A-Z]\.){2,}[A-Z]?\.?$/.test(core)) return true;
  const letters = lettersOf(core);
  if (letters.length < 2 || !/^[A-Z0-9&/.-]+$/.test(core)) return false;
  if (/\d/.test(letters) && /[A-Z]/.test(letters)) return true;
  return letters.length >= 2 && !VOWELS.test(letters) && !/^(?:MR|MRS|MS|DR|ST|JR|SR|MT|LT|FT|PT)$/.test(letters);
}

function capitalise(part: string, first: boolean, person: boolean): string {
  if (!part) return part;
  const lower = part.toLowerCase();
  if (!first && !person && SMALL_WORDS.has(lower)) return lower;
  if (!first && person && /^(?:de|du|des|la|le|del|della|di|da|do|dos|das|van|von|der|den|ten|ter|bin|ibn|bint|al|el|y|e|of|the|and)$/.test(lower)) return lower;
  // Mc names, and O'/D'/L' prefixes.
  const mc = /^mc([a-z])(.*)$/.exec(lower);
  if (mc && part.length > 3) return `Mc${mc[1]!.toUpperCase()}${mc[2]}`;
  return lower.replace(/^(\P{L}*)(\p{L})/u, (_m, pre: string, ch: string) => pre + ch.toUpperCase()).replace(/(^|[^\p{L}])(\p{L})'(\p{L})/gu, (_m, pre: string, a: string, b: string) => `${pre}${a}'${b.toUpperCase()}`);
}

/**
 * An UPPER_CASE_WITH_UNDERSCORES phrase in proper case: "VLADIMIR_PUTIN_" → "Vladimir Putin",
 * "BASHAR_AL-ASSAD" → "Bashar al-Assad", "NORTH_ATLANTIC_TREATY_ORGANIZATION" → "North Atlantic
 * Treaty Organization"; words in `acronyms` (and dotted letters, words with digits, words with
 * no vowel) stay upper case. Words already in mixed case are kept.
 */
export function properCase(phrase: string, acronyms: ReadonlySet<string> = new Set(), person = false): string {
  const words = phraseWords(phrase);
  const out = words.map((word, i) => {
    if (!LATIN_UPPER.test(word.replace(/[()"“”,:;/&0-9]/g, '')) || /[a-z]/.test(word)) return word;
    // Keep surrounding punctuation, case the core.
    const m = /^([("'“]*)(.*?)([)"'”,:;]*)$/.exec(word)!;
    const [, pre, core, post] = m as unknown as [string, string, string, string];
    if (!core) return word;
    const bare = core.replace(/\.$/, '');
    if (!person && (acronyms.has(lettersOf(core)) || looksLikeAcronym(core))) return word;
    if (person && /^[A-Z]\.?$/.test(core)) return word; // initials
    if (/^[A-Z]\.(?:[A-Z]\.)+$/.test(core)) return word;
    if (i > 0 && ROMAN.test(bare)) return word;
    // Words joined by "/" and "-": case each part.
    const cased = core
      .split('/')
      .map((slashPart, s) => {
        if (!person && s > 0 && (acronyms.has(lettersOf(slashPart)) || looksLikeAcronym(slashPart) || slashPart.length <= 2)) return slashPart;
        const parts = slashPart.split('-');
        return parts
          .map((part, j) => {
            const lower = part.toLowerCase();
            // "AL-ASSAD" inside a name → "al-Assad"; "LASHKAR-E-TAIBA" → "Lashkar-e-Taiba".
            if (j === 0 && i > 0 && parts.length > 1 && ARTICLES.test(lower)) return lower;
            if (j > 0 && j < parts.length - 1 && HYPHEN_PARTICLES.has(lower)) return lower;
            return capitalise(part, (i === 0 && s === 0) || j > 0, person);
          })
          .join('-');
      })
      .join('/');
    return `${pre}${cased}${post}`;
  });
  return out.join(' ').replace(/\s+,/g, ',').trim();
}

/** The initials of a phrase's words, small words left out and kept (both forms). */
function initials(phrase: string): string[] {
  const words = phraseWords(phrase).map((w) => lettersOf(w.toUpperCase())).filter(Boolean);
  const all = words.map((w) => w[0]).join('');
  const main = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase())).map((w) => w[0]).join('');
  return [all, main];
}

// ---------------------------------------------------------------------------------------------
// Kinds of actors

/** Words that make a name an organisation's. */
const ORG_WORD =
  /\b(?:ARMY|ARMIES|FRONT|BRIGADES?|BATTALIONS?|GROUPS?|MOVEMENT|ORGANI[SZ]ATIONS?|PART(?:Y|IES)|CELLS?|FORCES?|COMMITTEES?|COUNCILS?|LEAGUE|UNION|FACTION|FEDERATION|FOUNDATION|ALLIANCE|SOCIETY|ASSOCIATION|INSTITUTE|INSTITUTION|CENT(?:ER|RE)|FUND|BANK|AGENCY|NETWORK|COMMISSION|CONGRESS|CONFERENCE|COMMUNITY|TRUST|PROJECT|PROGRAMM?E?|SERVICES?|MISSION|COURT|TRIBUNAL|WATCH|RELIEF|FORUM|OFFICE|CLUB|ACADEMY|UNIVERSITY|COLLEGE|SCHOOL|SECRETARIAT|ASSEMBLY|PARLIAMENT|INC|LTD|CORPORATION|COMPANY|BUREAU|AUTHORITY|BOARD|PARTNERSHIP|COALITION|INITIATIVE|CAMPAIGN|NATIONS|FELLOWSHIP|SORORITY|FRATERNITY|CHAMBER|PANEL|TREATY|AREA|PACT|BLOC|COOPERATION|CO-OPERATION|FRANCOPHONIE|COMMONWEALTH|SECURITY|DEVELOPMENT|RED CROSS|RED CRESCENT|CROIX|CRUZ|KREUZ|CARITAS|FONDATION|FONDAZIONE|FUNDACION|FUNDACAO|STIFTUNG|ASOCIACION|ASSOCIAZIONE|INSTITUTO|INSTITUT|COMITE|COMITATO|CONSEJO|SOCIEDAD|SOCIETE|MOUVEMENT|MOVIMIENTO|OPERATION|SANS FRONTIERES|WITHOUT BORDERS|MILITIAS?|JIHAD|MUJAHIDE?E?N|MUJAHIDIN|MUJAHEDIN|MUJAHIDEEN|LASHKAR|LASKAR|JAMAAT|JAMA'AT|JEMAAH|JAMAAH|JAMIAT|HARAKAT|HARKAT|HARAKUT|HIZB|HIZBUL|HIZBALLAH|HEZBOLLAH|JAISH|JAYSH|ANSAR|TANZIM|KATAIB|SIPAH|QAEDA|QAIDA|QA'IDA|QA'EDA|SHABAA?B|GUERRILLAS?|COMMANDOS?|SQUADS?|NUCLEUS|NUCLEI|REBELS?|INSURGENTS?|REVOLUTIONARY|REVOLUTIONARIES|LIBERATION|RESISTANCE|STATE|EMIRATE|CALIPHATE|COMPANY|CARTEL|SYNDICATE|MAFIA|SOVIET|BLOCK|DIRECTORATE|GOVERNMENT|MINISTRY|DEPARTMENT|INTERNATIONAL|WORLD|GLOBAL|EUROPEAN|AFRICAN|ARAB|ISLAMIC|AMERICAN|ASIAN|PACIFIC|ATLANTIC|REGIONAL|NATIONAL)\b/;
/** Nouns that make a name an organisation's and never a person's (for the people of the Countries dictionary). */
const ORG_NOUN =
  /\b(?:ARMY|FRONT|BRIGADES?|BATTALIONS?|GROUPS?|MOVEMENT|ORGANI[SZ]ATIONS?|PART(?:Y|IES)|CELLS?|FORCES?|COMMITTEES?|COUNCILS?|LEAGUE|UNION|FACTION|FEDERATION|FOUNDATION|ALLIANCE|SOCIETY|ASSOCIATION|INSTITUTE|AGENCY|NETWORK|COMMISSION|CONGRESS|COMMUNITY|ASSEMBLY|PARLIAMENT|CORPORATION|COMPANY|BUREAU|AUTHORITY|COALITION|MINISTRY|DEPARTMENT|GOVERNMENT|STATE|STATES|REPUBLIC|KINGDOM|EMIRATE|CALIPHATE|SOVIET|MILITIAS?|JAISH|JAYSH|HARAKAT|KATAIB|LIWA|ANSAR|JABHAT|TANZIM|REBELS?|GUARDS?|POLICE|SERVICE|OFFICE|COURT|BANK|NEWS|TIMES|PRESS|RADIO|TELEVISION|AGENCY|UNIVERSITY|CENT(?:ER|RE)|PALACE|HOUSE|KREMLIN|PENTAGON|DUMA|KNESSET|MAJLIS|SENATE|CABINET|REGIME|OPPOSITION|PEOPLE|PEOPLES|PEOPLE'S|ADMINISTRATION|CAMP|FAMILY|SUPPORTERS|LOYALISTS|FOLLOWERS)\b/;
const hasOrgNoun = (phrase: string) => ORG_NOUN.test(spaced(phrase));
/** Words that make a name a person's office or a plural of people, not an organisation. */
const ROLE_WORD = /\b(?:ENVOYS?|RESIDENT|PEACEKEEPERS?|MINISTERS?|MONITORS?|REPRESENTATIVES?|SECRETARY|SECRETARY-GENERAL|SECY|SEC|GEN|UNSG|CHIEF|OFFICIALS?|SPOKES(?:MAN|WOMAN|PERSON)|DIRECTOR|PRESIDENT|CHAIRMAN|CHAIR|COMMISSIONER|AMBASSADORS?|DELEGATES?|DELEGATION|COUNTRIES|BODIES|MEMBERS?|STAFF|EMPLOYEES?|TROOPS|SOLDIERS|CONTINGENT|INSPECTORS?|EXPERTS?|OBSERVERS?|HEAD|LEADERS?|OPERATIVES?|SPECIAL RAPPORTEUR|LINKED|AFFILIATED|AFFILIATES?|OFFSHOOTS?|INSPIRED|BACKED|SYMPATHI[SZ]ERS|SUPPORTERS)\b/;
/** Words that name an office or a title before a person's name. */
const TITLE_WORD =
  /^(?:MR\.?|MRS\.?|MS\.?|DR\.?|SIR|PRESIDENT|PRESIDENT-ELECT|VICE|PRIME|PREMIER|MINISTER|SECRETARY|SECRETARY-GENERAL|SENATOR|SEN\.?|REP\.?|REPRESENTATIVE|CONGRESSMAN|CONGRESSWOMAN|AMBASSADOR|FORMER|CHANCELLOR|KANZLER|BUNDESKANZLER|KING|QUEEN|EMIR|SULTAN|GENERAL|GEN\.?|COMMANDER|LEADER|CHIEF|DIRECTOR|GOVERNOR|MAYOR|CHAIRMAN|SPEAKER|JUSTICE|JUDGE|ATTORNEY|DEFENSE|DEFENCE|FOREIGN|INTERIOR|FINANCE|U\.S\.|US|UN|U\.N\.|EU|CIA|C\.I\.A\.|AMERICAN|RUSSIAN|BRITISH|GERMAN|FRENCH|CHINESE|UNITED|STATES|NATIONS|OF|THE|MOSCOW|PARTY|DEPUTY|ACTING|ADMIRAL|COLONEL|COL\.?|MAJOR|CAPTAIN|LT\.?|SHEIKH|SHAIKH|PRINCE|PRINCESS|CROWN|AYATOLLAH|GRAND|SUPREME|INTERIM|ENVOY|SPOKESMAN|REVEREND|REV\.?|POPE|CARDINAL|ARCHBISHOP|BISHOP|LORD|BARON|BARONESS|VISCOUNT|DUKE|EARL|COUNT|DAME)$/;

const isPlainPersonName = (phrase: string) => !phraseWords(phrase).some((w) => TITLE_WORD.test(w.toUpperCase()));
const spaced = (phrase: string) => ` ${phraseWords(phrase).join(' ').toUpperCase()} `;
const hasOrgWord = (phrase: string) => ORG_WORD.test(spaced(phrase));
const hasRoleWord = (phrase: string) => ROLE_WORD.test(spaced(phrase));

/** A name that cannot be read: stray control or replacement characters, or no letter. */
const malformed = (phrase: string) => /[\u0000-\u0008\u000b-\u001f\ufffd]/.test(phrase) || !/\p{L}/u.test(phrase);

// ---------------------------------------------------------------------------------------------
// Countries and roles

/** CAMEO country codes that are not ISO 3166 alpha-3 (Kosovo, East Timor). */
const CAMEO_COUNTRIES: Record<string, string> = { KSV: 'XK', TMP: 'TL' };
const ISO2 = new Map<string, string>([...countries.map((c) => [c.cca3, c.cca2] as const), ...Object.entries(CAMEO_COUNTRIES)]);

/** ISO-2 code of a CAMEO code's first three letters, when they are a country's. */
export function codeCountry(code: string): string | undefined {
  return ISO2.get(code.slice(0, 3));
}

/** The sectors of CAMEO government codes ("RUSGOVMIL"), as role titles. */
const SECTORS: Record<string, string> = {
  AGR: 'agriculture', BUS: 'business and economy', COP: 'police', DEV: 'development', EDU: 'education', ENV: 'environment', HLH: 'health',
  HRI: 'human rights', JUD: 'justice', LAB: 'labour', MED: 'media and information', MIL: 'defence and military', REF: 'refugees', REL: 'religious affairs',
  SPY: 'intelligence',
};

/** Headings of lists of other offices (the U.S. lists of secretaries, advisers, ambassadors). */
const OTHER_OFFICES = /vice|deputy|secretar|minister of|ministers of|ambassador|governor|chiefs? of staff|advis|attorney|trade|intelligence|reserve|elite|justice|agenc|institution|envoy|representative|judge|court/i;

/**
 * The top office (head of state or government) a person's plain `GOV` code stands for, from
 * the source's own words: a name that says it ("PRESIDENT_PUTIN_", "PRIME_MINISTER_DAVID_CAMERON_"),
 * or CountryInfo's pattern for leaders (elite before and after, government in between: ministers
 * have government codes only) outside a heading of other offices.
 */
function topOffice(names: string[], codes: ActorCode[], section: string, country: string | undefined): string | undefined {
  const found = new Set<string>();
  for (const n of names) {
    const s = spaced(n);
    if (/ VICE[ -]PRESIDENT | PRESIDENT OF /.test(s)) continue;
    if (/ PRESIDENT(?:-ELECT)? /.test(s)) found.add('President');
    if (/ PRIME MINISTER | PREMIER /.test(s) && !/ DEPUTY PRIME | VICE PREMIER | FIRST DEPUTY /.test(s)) found.add('Prime minister');
    if (/ (?:BUNDES)?(?:CHANCELLOR|KANZLER) /.test(s) && (country === 'DE' || country === 'AT')) found.add('Chancellor');
    if (/ (?:KING|QUEEN|EMIR|SULTAN) /.test(s) && !/ KING'S | QUEEN'S /.test(s)) found.add('Monarch');
  }
  const leaderPattern = codes.some((c) => c.code.slice(3) === 'ELI') && codes.some((c) => c.code.slice(3) === 'GOV');
  if (found.size === 0 && leaderPattern && !OTHER_OFFICES.test(section)) {
    const h = section.toLowerCase();
    if (/president/.test(h)) found.add('President');
    if (/prime minister|premier/.test(h)) found.add('Prime minister');
    if (/chancellor/.test(h)) found.add('Chancellor');
    if (/monarch|king|queen/.test(h)) found.add('Monarch');
    if (found.size === 0) found.add('Head of state or government');
  }
  if (found.size === 0) return undefined;
  return found.size === 1 ? [...found][0] : 'Head of state or government';
}

interface RoleContext {
  top: string | undefined;
  igoNames: ReadonlyMap<string, string>;
}

/** The office a CAMEO code stands for, or undefined when it is no office (elite, opposition, rebel, country). */
export function roleFor(code: ActorCode, ctx: RoleContext): SourceRole | undefined {
  const c = code.code;
  const dates = { ...(code.start ? { start: code.start } : {}), ...(code.end ? { end: code.end } : {}) };
  if (c.startsWith('IGO')) {
    // The organisation named by the longest code prefix that names one.
    for (let n = c.length; n >= 6; n -= 3) {
      const org = ctx.igoNames.get(c.slice(0, n));
      if (org) return { title: `Official of ${/\s/.test(org) && !/^The /.test(org) ? 'the ' : ''}${org}`, rank: 3, ...dates };
    }
    return undefined;
  }
  const country = codeCountry(c);
  const rest = c.slice(3);
  const where = country ? { country } : {};
  if (rest === 'GOV') return ctx.top ? { title: ctx.top, rank: 1, ...where, ...dates } : { title: 'Member of the government', rank: 2, ...where, ...dates };
  if (rest === 'GOVLEG') return { title: 'Member of the legislature', rank: 3, ...where, ...dates };
  const sector = /^GOV([A-Z]{3})/.exec(rest)?.[1];
  if (sector) return { title: SECTORS[sector] ? `Member of the government (${SECTORS[sector]})` : 'Member of the government', rank: 2, ...where, ...dates };
  if (rest === 'LEG') return { title: 'Member of the legislature', rank: 3, ...where, ...dates };
  if (rest === 'MIL') return { title: 'Military officer', rank: 3, ...where, ...dates };
  if (rest === 'SPY') return { title: 'Intelligence official', rank: 3, ...where, ...dates };
  if (rest === 'COP') return { title: 'Police official', rank: 3, ...where, ...dates };
  if (rest === 'JUD') return { title: 'Member of the judiciary', rank: 3, ...where, ...dates };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Records

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (!m || !n) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n]! / Math.max(m, n);
}

const compact = (phrase: string) => lettersOf(phraseWords(phrase).join('').toUpperCase());

function addAlias(entity: SourceEntity, name: string): void {
  if (name.length < 2 || name.length > 200) return;
  const lower = name.toLowerCase();
  if (entity.name.toLowerCase() === lower) return;
  entity.aliases ??= [];
  if (entity.aliases.some((a) => a.name.toLowerCase() === lower)) return;
  entity.aliases.push({ name });
}

function mergeInto(target: SourceEntity, other: SourceEntity): void {
  addAlias(target, other.name);
  for (const a of other.aliases ?? []) addAlias(target, a.name);
  if (other.roles?.length) {
    const roles = (target.roles ??= []);
    for (const r of other.roles) if (!roles.some((x) => x.title === r.title && x.country === r.country && x.start === r.start && x.end === r.end)) roles.push(r);
  }
  if (!target.country && other.country) target.country = other.country;
}

const roleOrder = (a: SourceRole, b: SourceRole) => (a.start ?? a.end ?? '').localeCompare(b.start ?? b.end ?? '') || a.title.localeCompare(b.title) || (a.country ?? '').localeCompare(b.country ?? '');

interface Counts {
  skipped: number;
}

/** Primary and synonym phrases of a group, readable ones only, primaries first. */
const phrasesOf = (g: ActorGroup) => [...g.primaries, ...g.synonyms].filter((p) => !malformed(p) && phraseWords(p).length > 0);

/** Acronyms of the organisation dictionaries: one-word names that are the initials of another name of the same actor, or have no vowel. */
function collectAcronyms(groups: ActorGroup[]): Set<string> {
  const acronyms = new Set<string>();
  for (const g of groups) {
    const phrases = phrasesOf(g);
    const expansions = new Set(phrases.filter((p) => phraseWords(p).length >= 2).flatMap(initials));
    for (const p of phrases) {
      const words = phraseWords(p);
      words.forEach((w, i) => {
        const letters = lettersOf(w);
        if (letters.length < 2 || !/^[A-Z0-9&]+$/.test(letters)) return;
        // "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", "HARAKAT_UL-MUJAHIDIN_(HUM)_": a short word in brackets that starts like the name, and is no English word.
        const before = words.slice(0, i).join('_');
        const bracketed =
          /^\(.*\)$/.test(w) && i > 0 && letters.length <= 6 && (initials(before).includes(letters) || (letters[0] === lettersOf(words[0]!)[0] && !isEnglishWord(letters)));
        if ((words.length === 1 && (expansions.has(letters) || looksLikeAcronym(w))) || bracketed) acronyms.add(letters);
      });
    }
  }
  return acronyms;
}

let englishWords: Set<string> | undefined;
const isEnglishWord = (word: string) => (englishWords ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[])).has(word.toLowerCase());

/**
 * The display name of an organisation: its phrase in proper case, an opening "The" dropped when
 * an acronym or two words follow. A one-word name stays upper case when it is an acronym: up to
 * three letters, or (with `shortAcronyms`, for the intergovernmental and NGO lists, whose one-word
 * names are mostly acronyms) up to seven letters and no English word ("UNICEF", not "Amnesty").
 */
function orgName(phrase: string, acronyms: ReadonlySet<string>, shortAcronyms = false): string {
  let words = phraseWords(phrase);
  if (words.length >= 2 && words[0]!.toUpperCase() === 'THE') words = words.slice(1);
  if (words.length === 1) {
    const letters = lettersOf(words[0]!);
    if (/^[A-Z]+$/.test(letters) && (letters.length <= 3 || (shortAcronyms && letters.length <= 7 && !isEnglishWord(letters)))) return words[0]!;
  }
  const name = properCase(words.join('_'), acronyms);
  return /^The \S+ \S+/.test(name) ? name.slice(4) : name;
}

/** A name ending in its acronym in brackets, as the name and the acronym. */
function withoutAcronym(name: string): [string, string | undefined] {
  const m = /^(.+?)\s+\(([A-Z][A-Z0-9&.-]{1,9})\)$/.exec(name);
  return m ? [m[1]!, m[2]!] : [name, undefined];
}

/** Organisations of the International and MilNonState dictionaries, and the names of IGO codes. */
function organisations(
  groups: ActorGroup[],
  file: 'international' | 'armed',
  acronyms: ReadonlySet<string>,
  givenNames: ReadonlySet<string>,
  counts: Counts,
): { entities: SourceEntity[]; people: ActorGroup[]; codeNames: Map<string, string> } {
  const entities: SourceEntity[] = [];
  const people: ActorGroup[] = [];
  const codeNames = new Map<string, string>();
  let previous: { entity: SourceEntity; codes: string; phrase: string } | undefined;
  for (const g of groups) {
    const phrases = phrasesOf(g);
    const first = phrases[0];
    const dated = g.codes.some((c) => c.dated);
    const head = g.codes[0]?.code ?? '';
    if (!first || !head) {
      counts.skipped++;
      continue;
    }
    let kind: EntityKind | undefined;
    if (file === 'international') {
      const prefix = head.slice(0, 3);
      if (g.comments.some((c) => /IGOrulers/i.test(c)) || (dated && prefix !== 'NGO' && prefix !== 'MNC')) {
        people.push(g);
        continue;
      }
      kind = prefix === 'IGO' ? 'international-organisation' : prefix === 'NGO' ? 'ngo' : undefined;
      // A person's name filed as an organisation ("LOUISE_ARBOUR_ [IGOUNOHRIHCH]"): a given name first, no organisation word.
      const words = phraseWords(first);
      if (kind && words.length >= 2 && words.length <= 4 && givenNames.has(words[0]!.toUpperCase()) && !phrases.some(hasOrgWord)) kind = undefined;
    } else {
      const tops = g.comments.some((c) => /kkl/i.test(c));
      const rebelCode = /^[A-Z]{3}REB$/.test(head) && codeCountry(head) !== undefined;
      if (tops || phrases.some(hasOrgWord) || (rebelCode && !givenNames.has(phraseWords(first)[0]!.toUpperCase()))) kind = 'armed-group';
    }
    // An office or a plural of people ("UN_ENVOY", "ASEAN_DEFENSE_MINISTERS") is not an organisation.
    if (!kind || (hasRoleWord(first) && !hasOrgWord(first))) {
      counts.skipped++;
      continue;
    }
    const codes = g.codes.map((c) => c.code).join(' ');
    // "Irish Republican Army (IRA)": the name, and its acronym as another name.
    const [name, acronym] = withoutAcronym(orgName(first, acronyms, file === 'international'));
    // Synonyms of armed groups outside the TOPS list sometimes name their leaders: keep only organisation-like ones there.
    const tops = file === 'armed' && g.comments.some((c) => /kkl/i.test(c));
    // A person's name among an armed group's synonyms ("KHALED_MESHAAL" for Hamas): a given name first, no organisation word.
    const personLike = (p: string) => {
      const words = phraseWords(p);
      return words.length >= 2 && words.length <= 4 && givenNames.has(words[0]!.toUpperCase()) && !hasOrgWord(p);
    };
    const synonyms = phrases
      .slice(1)
      .filter((p) => !hasRoleWord(p) && (file !== 'armed' || (!personLike(p) && (tops || hasOrgWord(p) || phraseWords(p).every((w) => acronyms.has(lettersOf(w)) || looksLikeAcronym(w))))));
    const country = file === 'armed' ? codeCountry(head) : undefined;
    const entity: SourceEntity = {
      key: `${file === 'armed' ? 'armed' : kind === 'ngo' ? 'ngo' : 'igo'}-${slug(name)}`,
      type: 'organisation',
      kind,
      name,
      ...(country ? { country } : {}),
    };
    if (acronym) addAlias(entity, acronym);
    for (const s of synonyms) for (const n of withoutAcronym(orgName(s, acronyms, file === 'international'))) if (n) addAlias(entity, n);
    // The organisation first filed under a code alone names that code (for the offices of people).
    const only = g.codes.length === 1 && !g.codes[0]!.dated ? g.codes[0]!.code : undefined;
    // Spelling variants and acronyms filed one after another under the same codes are one actor.
    if (previous && previous.codes === codes && previous.entity.kind === kind) {
      const a = compact(previous.phrase);
      const b = compact(first);
      const acronymOf = (x: string, y: string) => phraseWords(y).length === 1 && initials(x).includes(compact(y));
      if (editSimilarity(a, b) >= 0.75 || acronymOf(previous.phrase, first) || acronymOf(first, previous.phrase)) {
        mergeInto(previous.entity, entity);
        // The next variant is compared with this one ("LASHKAR_E_TAYYABA", "LASHKAR_E_TAYYIBA", "LASHKAR_E_TOIBA" …).
        previous.phrase = first;
        if (only && !codeNames.has(only)) codeNames.set(only, previous.entity.name);
        continue;
      }
    }
    entities.push(entity);
    if (only && !codeNames.has(only)) codeNames.set(only, entity.name);
    previous = { entity, codes, phrase: first };
  }
  return { entities, people, codeNames };
}

/** People of the Countries dictionary (and office holders of the International one). */
function person(g: ActorGroup, acronyms: ReadonlySet<string>, igoNames: ReadonlyMap<string, string>, counts: Counts): SourceEntity | undefined {
  const phrases = phrasesOf(g);
  const plain = phrases.filter(isPlainPersonName);
  const first = plain[0] ?? phrases[0];
  if (!first) return undefined;
  const name = properCase(first, acronyms, true);
  if (!/\p{L}{2}/u.test(name)) return undefined;
  // The country most of the person's codes name.
  const tally = new Map<string, number>();
  for (const c of g.codes) {
    const cc = c.code.startsWith('IGO') ? undefined : codeCountry(c.code);
    if (cc) tally.set(cc, (tally.get(cc) ?? 0) + 1);
  }
  const country = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const top = topOffice(phrases, g.codes, g.section, country);
  // A named office ("President") is the person's highest, held last: of several government
  // spans ("George Bush": vice president 1981-1989, president 1989-1993) only the latest is it.
  // "Head of state or government" is true of every span.
  const spans = g.codes.filter((c) => !c.code.startsWith('IGO') && c.code.slice(3) === 'GOV');
  const latest = spans.reduce<ActorCode | undefined>((a, c) => (!a || (c.start ?? '') > (a.start ?? '') ? c : a), undefined);
  const roles: SourceRole[] = [];
  for (const c of g.codes) {
    const role = roleFor(c, { top: top === 'Head of state or government' || c === latest ? top : undefined, igoNames });
    if (!role) continue;
    if (role.start && role.end && role.end < role.start) {
      counts.skipped++;
      continue;
    }
    if (!roles.some((r) => r.title === role.title && r.country === role.country && r.start === role.start && r.end === role.end)) roles.push(role);
  }
  // No country and no international office: a test entry of a made-up country ("KINAKUTA_ [KNT]") or an unplaced name.
  if (!country && !g.codes.some((c) => c.code.startsWith('IGO'))) return undefined;
  const entity: SourceEntity = {
    key: `person-${country?.toLowerCase() ?? 'xx'}-${slug(name)}`,
    type: 'person',
    kind: roles.some((r) => r.rank === 1) ? (top === 'Prime minister' || top === 'Chancellor' ? 'head-of-government' : 'head-of-state') : roles.some((r) => r.rank === 2) ? 'minister' : roles.some((r) => /legislature/.test(r.title)) ? 'legislator' : roles.length ? 'office-holder' : 'politician',
    name,
    ...(country ? { country } : {}),
    ...(roles.length ? { roles } : {}),
  };
  for (const p of plain) if (!hasOrgNoun(p)) addAlias(entity, properCase(p, acronyms, true));
  // A nickname in quotes ("TZIPORA_"TZIPI"_LIVNI_") with the surname is a name too.
  for (const p of [...g.primaries, ...g.synonyms]) {
    const m = /^(.*?)_*"([^"]+)"_*(.*)$/.exec(p);
    if (m && m[1] && m[3] && !malformed(p)) addAlias(entity, properCase(`${m[2]}_${m[3]}`, acronyms, true));
  }
  return entity;
}

export const converter: Converter = {
  id: 'petrarch2-phoenix',
  title: 'Phoenix actor dictionaries (PETRARCH2)',
  origin: 'github.com/openeventdata/petrarch2 (petrarch2/data/dictionaries: Phoenix.Countries, Phoenix.International, Phoenix.MilNonState actors)',
  licence: 'MIT',
  attribution:
    'Phoenix dictionaries of PETRARCH2, Copyright (c) 2014 Open Event Data Alliance (MIT licence); from the Computational Event Data System Project (CountryInfo.txt) and the START TOPS data, with NSF funding.',

  read(root: string): SourceOutput {
    const counts: Counts = { skipped: 0 };
    const read = (file: string) => parseDictionary(readFileSync(join(root, FOLDER, file), 'utf8'));
    const international = read('Phoenix.International.actors.txt');
    const armed = read('Phoenix.MilNonState.actors.txt');
    const national = read('Phoenix.Countries.actors.txt');

    // People of the Countries dictionary: CountryInfo entries, and others with dated codes whose names are not an organisation's.
    const isCountry = (g: ActorGroup) => g.codes.some((c) => /^[A-Z]{3}$/.test(c.code) || /^[A-Z]{3}(?:UNR|OCC|AUT)$/.test(c.code) || (c.code.length === 6 && codeCountry(c.code.slice(3)) !== undefined));
    const nationalPeople: ActorGroup[] = [];
    for (const g of national) {
      const fromCountryInfo = g.comments.some((c) => /CountryInfo/i.test(c));
      const phrases = phrasesOf(g);
      if (!phrases.length || isCountry(g) || hasOrgNoun(phrases[0]!)) {
        counts.skipped++;
        continue;
      }
      if (fromCountryInfo || g.codes.some((c) => c.dated)) nationalPeople.push(g);
      else counts.skipped++;
    }
    // Given names: first words of the people's names, seen twice or more.
    const firstWords = new Map<string, number>();
    const officials = international.filter((g) => g.codes.some((c) => c.dated) || g.comments.some((c) => /IGOrulers/i.test(c)));
    for (const g of [...nationalPeople, ...officials]) {
      const words = phraseWords(g.primaries[0] ?? '');
      if (words.length >= 2) firstWords.set(words[0]!.toUpperCase(), (firstWords.get(words[0]!.toUpperCase()) ?? 0) + 1);
    }
    const givenNames = new Set([...firstWords].filter(([w, n]) => n >= 2 && lettersOf(w).length >= 3 && !SMALL_WORDS.has(w.toLowerCase()) && !/^(?:ABU|ABD|ABDEL|SHEIKH|SAINT|SAN|SANTA|THE)$/.test(w)).map(([w]) => w));

    const acronyms = collectAcronyms([...international, ...armed]);
    const orgs = organisations(international, 'international', acronyms, givenNames, counts);
    const militants = organisations(armed, 'armed', acronyms, givenNames, counts);
    // IGO codes by the organisation first filed under that code alone.
    const igoNames = new Map([...orgs.codeNames].filter(([code]) => code.startsWith('IGO')));

    const byKey = new Map<string, SourceEntity>();
    const add = (e: SourceEntity) => {
      const existing = byKey.get(e.key);
      if (existing) mergeInto(existing, e);
      else byKey.set(e.key, e);
    };
    for (const e of [...orgs.entities, ...militants.entities]) add(e);
    // A one-word acronym filed apart ("THE_UN_", "U.N._") is the organisation that has it as a name.
    const byAlias = new Map<string, SourceEntity>();
    for (const e of byKey.values()) {
      if (e.type !== 'organisation' || !e.aliases?.length || !/\s/.test(e.name)) continue;
      for (const a of e.aliases) {
        const k = `${e.kind}|${a.name.replace(/\./g, '').toUpperCase()}`;
        if (!byAlias.has(k)) byAlias.set(k, e);
      }
    }
    for (const [key, e] of [...byKey]) {
      if (e.type !== 'organisation' || /\s/.test(e.name)) continue;
      const target = byAlias.get(`${e.kind}|${e.name.replace(/\./g, '').toUpperCase()}`);
      if (target && target !== e) {
        mergeInto(target, e);
        byKey.delete(key);
      }
    }
    for (const g of [...nationalPeople, ...orgs.people]) {
      const p = person(g, acronyms, igoNames, counts);
      if (p) add(p);
      else counts.skipped++;
    }
    const entities = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
    for (const e of entities) e.roles?.sort(roleOrder);
    return { entities, events: [], skipped: counts.skipped };
  },
};
