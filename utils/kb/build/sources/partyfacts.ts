/**
 * Party Facts (partyfacts/): the core parties of 216 countries (the July 2020 export kept in
 * `import/elecglob/partyfacts-core-parties.csv`), with the Wikidata ids (`import/wikipedia/
 * wikidata.csv`) and English Wikipedia links (`import/wikipedia/wikipedia.csv`) Party Facts
 * links them to. Parties in those two link tables that are newer than the 2020 export are
 * read from them. Records are keyed by the Party Facts id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import countries from 'world-countries';
import type { Converter, SourceEntity, SourceOutput } from '../types';
import { cleanName, englishWikipediaTitle } from './parlgov';

const FOLDER = 'partyfacts/import';

type Row = Record<string, string>;

function readTable(root: string, file: string): Row[] {
  return parse(readFileSync(join(root, FOLDER, file)), { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Row[];
}

/** Party Facts codes that are not ISO 3166 alpha-3 but stand for part of one country. */
const EXTRA_COUNTRIES: Record<string, string> = { XKX: 'XK', NIR: 'GB', ZZB: 'TZ' };

const ISO2 = new Map<string, string>([...countries.map((c) => [c.cca3, c.cca2] as const), ...Object.entries(EXTRA_COUNTRIES)]);

/** The languages Party Facts names in its "other names" notes ("Arabic: …", "Serbian Cyrillic: …"), as ISO 639 codes. */
const LANGUAGES: Record<string, string> = {
  abkhazian: 'ab', albanian: 'sq', amharic: 'am', arabic: 'ar', ar: 'ar', armenian: 'hy', azerbaijani: 'az', basque: 'eu', belarusian: 'be', bengali: 'bn',
  berber: 'ber', bosnian: 'bs', bulgarian: 'bg', burmese: 'my', catalan: 'ca', chinese: 'zh', 'simplified chinese': 'zh', 'traditional chinese': 'zh',
  croatian: 'hr', czech: 'cs', danish: 'da', dari: 'prs', dhivehi: 'dv', dutch: 'nl', dzongkha: 'dz', english: 'en', estonian: 'et', finnish: 'fi',
  french: 'fr', galician: 'gl', georgian: 'ka', german: 'de', greek: 'el', gujarati: 'gu', 'haitian creole': 'ht', hangul: 'ko', hebrew: 'he', hindi: 'hi',
  hungarian: 'hu', icelandic: 'is', indonesian: 'id', irish: 'ga', italian: 'it', japanese: 'ja', 'juba arabic': 'pga', kannada: 'kn', kazakh: 'kk',
  khmer: 'km', kinyarwanda: 'rw', korean: 'ko', ko: 'ko', kurdish: 'ku', 'sorani kurdish': 'ckb', kyrgyz: 'ky', lao: 'lo', laotian: 'lo', latvian: 'lv',
  lithuanian: 'lt', macedonian: 'mk', malay: 'ms', malayalam: 'ml', maltese: 'mt', marathi: 'mr', moldovan: 'ro', 'moldovan cyrillic': 'ro', mongolian: 'mn',
  montenegrin: 'cnr', nepali: 'ne', 'north frisian': 'frr', norwegian: 'no', pashto: 'ps', persian: 'fa', polish: 'pl', portuguese: 'pt', punjabi: 'pa',
  romanian: 'ro', russian: 'ru', 'scottish gaelic': 'gd', serbian: 'sr', 'serbian cyrillic': 'sr', 'serbo-croatian': 'sh', sesotho: 'st', sindhi: 'sd',
  sinhala: 'si', sinhalese: 'si', slovak: 'sk', slovene: 'sl', slovenian: 'sl', somali: 'so', spanish: 'es', swahili: 'sw', swedish: 'sv', syriac: 'syr',
  tagalog: 'tl', tajik: 'tg', tamil: 'ta', telugu: 'te', thai: 'th', tibetan: 'bo', tigrinya: 'ti', turkish: 'tr', turkmen: 'tk', ukrainian: 'uk', urdu: 'ur',
  uyghur: 'ug', uzbek: 'uz', vietnamese: 'vi', welsh: 'cy',
};
/** Labels that name a script or a transliteration, not a language: the name is kept without a language. */
const SCRIPT_LABEL = /^(?:cyrillic|latin|pinyin|wylie|romani[sz]ed|romani[sz]ation|transliteration|baybayin|alternative translation|also|abbreviation|short)$/i;

/** Latin letters against letters of other scripts, to split "حزب العمال Hizb al-Ummal" into its two names. */
const LATIN = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff]/;
const OTHER_SCRIPT = /[\p{L}]/u;

function splitScripts(text: string): string[] {
  const letters = [...text].filter((ch) => OTHER_SCRIPT.test(ch));
  const latin = letters.filter((ch) => LATIN.test(ch)).length;
  if (latin === 0 || latin === letters.length) return [text];
  // Runs of Latin and of other letters; spaces and punctuation go with the run they are in.
  const runs: { latin: boolean; text: string }[] = [];
  for (const ch of text) {
    const isLetter = OTHER_SCRIPT.test(ch);
    const isLatin = LATIN.test(ch);
    const last = runs[runs.length - 1];
    if (!isLetter || !last || last.latin === isLatin) {
      if (last) last.text += ch;
      else runs.push({ latin: isLatin, text: ch });
    } else runs.push({ latin: isLatin, text: ch });
  }
  return runs.map((r) => r.text);
}

const tidy = (s: string) =>
  cleanName(s.replace(/\u0301/g, ''))
    .replace(/^[\s,;:.'"“”‘’]+|[\s,;:'"“”‘’]+$/g, '')
    .trim();

/** The names in a Party Facts "other names" note ("Ukrainian: Партія регіонів; Russian: Партия регионов"). */
export function otherNames(note: string | undefined): { name: string; lang?: string }[] {
  const out: { name: string; lang?: string }[] = [];
  const text = (note ?? '').replace(/[\u200e\u200f]/g, '');
  // Clauses: split on ";" and on a comma that starts a new "Language:" label.
  for (const clause of text.split(/;|,(?=\s*[A-Za-z][A-Za-z -]{0,30}:)/)) {
    const m = /^\s*([A-Za-z][A-Za-z -]{0,30}?)\s*:\s*(.*)$/s.exec(clause);
    const label = m?.[1]?.trim().toLowerCase();
    const body = m ? m[2]! : clause;
    const lang = label && !SCRIPT_LABEL.test(label) ? LANGUAGES[label] : undefined;
    for (const piece of body.split(/\s*\/\/?\s*|,\s+/)) {
      for (const part of splitScripts(piece)) {
        const name = tidy(part);
        if (name.length >= 2 && name.length <= 200 && /\p{L}/u.test(name)) out.push(lang ? { name, lang } : { name });
      }
    }
  }
  return out;
}

const YEAR = /^\d{4}$/;

/** A Wikipedia title's disambiguation ("Democratic Party (South Korea)") left out. */
const withoutQualifier = (name: string) => name.replace(/\s+\([^()]*\)$/, '').trim();

export const converter: Converter = {
  id: 'partyfacts',
  title: 'Party Facts',
  origin: 'github.com/hdigital/partyfactsdata (import/elecglob/partyfacts-core-parties.csv, import/wikipedia/wikidata.csv and wikipedia.csv)',
  licence: 'MIT',
  attribution:
    'Party Facts, Copyright (c) 2022 Party Facts authors (MIT licence). Döring, Holger, and Sven Regel. 2019. "Party Facts: A Database of Political Parties Worldwide." Party Politics 25(2): 97-109.',

  read(root: string): SourceOutput {
    let skipped = 0;
    const core = readTable(root, 'elecglob/partyfacts-core-parties.csv');
    const wikidata = new Map<string, Row>();
    for (const r of readTable(root, 'wikipedia/wikidata.csv')) {
      if (/^Q\d+$/.test(r.wikidata_id?.trim() ?? '') && /^\d+$/.test(r.partyfacts_id?.trim() ?? '')) wikidata.set(r.partyfacts_id!.trim(), r);
      else skipped++;
    }
    const wikipedia = new Map(readTable(root, 'wikipedia/wikipedia.csv').map((r) => [r.partyfacts_id?.trim() ?? '', r]));

    const entities = new Map<string, SourceEntity>();
    const build = (id: string, iso3: string, english: string, names: { native?: string; short?: string; other?: string }, coreUrl: string | undefined, years: { first?: string; last?: string }) => {
      const wd = wikidata.get(id);
      const wp = wikipedia.get(id);
      const wdName = withoutQualifier(cleanName(wd?.name ?? wp?.name));
      // Party Facts' English name; "A / B" names (renamed parties, alliances) give way to the linked article's name.
      const name = /\s\/\/?\s/.test(english) && wdName ? wdName : english || wdName;
      if (!name) return false;
      const aliases: { name: string; lang?: string }[] = [];
      const seen = new Map<string, { name: string; lang?: string } | null>([[name.toLowerCase(), null]]);
      const add = (n: string | undefined, lang?: string) => {
        const t = tidy(n ?? '');
        if (t.length < 2 || t.length > 200) return;
        const known = seen.get(t.toLowerCase());
        // A name given twice keeps the language one of its mentions gives.
        if (known !== undefined) {
          if (known && lang && !known.lang) known.lang = lang;
          return;
        }
        const alias = lang ? { name: t, lang } : { name: t };
        seen.set(t.toLowerCase(), alias);
        aliases.push(alias);
      };
      if (english !== name) add(english, 'en');
      // The linked article's name: often English, sometimes the native name, so no language.
      if (wdName !== name) add(wdName);
      add(names.short);
      add(wd?.name_short);
      add(names.native);
      add(wd?.name_native);
      for (const o of otherNames(names.other)) add(o.name, o.lang);
      const qid = wd?.wikidata_id?.trim();
      const title = englishWikipediaTitle(wp?.url, true) ?? englishWikipediaTitle(coreUrl, true);
      const country = ISO2.get(iso3.trim());
      const founded = [wp?.year_founded, years.first].map((y) => y?.trim()).find((y) => y && YEAR.test(y));
      const dissolved = wp?.year_dissolved?.trim();
      const last = years.last?.trim();
      const detail = dissolved && YEAR.test(dissolved) ? `dissolved ${dissolved}` : last && YEAR.test(last) ? `active until ${last}` : undefined;
      entities.set(id, {
        key: id,
        type: 'organisation',
        kind: 'party',
        name,
        ...(aliases.length ? { aliases } : {}),
        ...(qid ? { wikidata: qid } : {}),
        ...(title ? { wikipedia: title } : {}),
        ...(country ? { country } : {}),
        ...(founded ? { founded } : {}),
        ...(detail ? { detail } : {}),
      });
      return true;
    };

    for (const r of core) {
      const id = r.partyfacts_id?.trim() ?? '';
      const english = cleanName(r.name_english) || cleanName(r.name);
      // Technical rows (alliance, other, independent, unknown, 1 percent) and non-party groupings are not parties.
      if (!/^\d+$/.test(id) || r.technical?.trim() || !english || /\[no-party\]/i.test(english) || entities.has(id)) {
        skipped++;
        continue;
      }
      if (!build(id, r.country ?? '', english, { native: r.name, short: r.name_short, other: r.name_other }, r.wikipedia, { first: r.year_first, last: r.year_last })) skipped++;
    }
    // Parties linked to Wikidata after the 2020 export.
    for (const [id, wd] of wikidata) {
      if (entities.has(id)) continue;
      const wp = wikipedia.get(id);
      if (!build(id, wd.country ?? '', withoutQualifier(cleanName(wd.name) || cleanName(wp?.name)), { native: wd.name_native || wp?.name_native, short: wd.name_short || wp?.name_short }, undefined, {})) skipped++;
    }
    return { entities: [...entities.values()].sort((a, b) => Number(a.key) - Number(b.key)), events: [], skipped };
  },
};
