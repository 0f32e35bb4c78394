/**
 * The nominal phrases the press uses for whoever holds an office ("the German chancellor",
 * "Russia's foreign minister", "Russlands Präsident", "el presidente de Rusia", "le président
 * russe"), generated per office and language from the office's title and the country's names
 * and demonyms in the world-countries package (English and French demonyms; German, Spanish and
 * French names). The linker counts a phrase only after a definite article of its language or
 * in a possessive form, and only when one holder fits the article's date
 * (utils/match/find-mentions.ts).
 */
import { createRequire } from 'node:module';

type Office = 'president' | 'prime minister' | 'chancellor' | 'foreign minister' | 'defence minister' | 'finance minister' | 'interior minister';

/** Offices the press names by a common phrase, matched on the source's title. */
const OFFICES: { test: RegExp; office: Office }[] = [
  { test: /^(?:the\s+)?president(?: of .*)?$/i, office: 'president' },
  { test: /^(?:the\s+)?prime minister(?: of .*)?$/i, office: 'prime minister' },
  { test: /^(?:the\s+)?(?:federal\s+)?chancellor(?: of (?!the exchequer|justice).*)?$/i, office: 'chancellor' },
  { test: /\bforeign (?:affairs )?minister\b|^minister (?:of|for) foreign (?:affairs|relations)|^secretary of state for foreign/i, office: 'foreign minister' },
  { test: /\bdefen[cs]e minister\b|^minister (?:of|for) (?:national )?defen[cs]e\b|^secretary of state for defen[cs]e|^secretary of defense$/i, office: 'defence minister' },
  { test: /\bfinance minister\b|^minister (?:of|for) finance\b|^minister of (?:the )?economy and finance/i, office: 'finance minister' },
  { test: /\binterior minister\b|^minister (?:of|for) (?:the )?(?:internal affairs|interior|home affairs)\b/i, office: 'interior minister' },
];

const ENGLISH: Record<Office, string[]> = {
  president: ['president'],
  'prime minister': ['prime minister'],
  chancellor: ['chancellor'],
  'foreign minister': ['foreign minister'],
  'defence minister': ['defence minister', 'defense minister'],
  'finance minister': ['finance minister'],
  'interior minister': ['interior minister'],
};
/** German: "Russlands Präsident" (the country's name in the genitive before the office). */
export const GERMAN: Record<Office, string[]> = {
  president: ['Präsident', 'Präsidentin'],
  'prime minister': ['Regierungschef', 'Regierungschefin', 'Premierminister', 'Premierministerin'],
  chancellor: ['Kanzler', 'Kanzlerin'],
  'foreign minister': ['Außenminister', 'Außenministerin'],
  'defence minister': ['Verteidigungsminister', 'Verteidigungsministerin'],
  'finance minister': ['Finanzminister', 'Finanzministerin'],
  'interior minister': ['Innenminister', 'Innenministerin'],
};
/** Spanish: "presidente de Rusia" (after "el"). */
const SPANISH: Record<Office, string[]> = {
  president: ['presidente', 'presidenta'],
  'prime minister': ['primer ministro', 'primera ministra'],
  chancellor: ['canciller'],
  'foreign minister': ['ministro de Asuntos Exteriores', 'ministro de Exteriores', 'canciller'],
  'defence minister': ['ministro de Defensa', 'ministra de Defensa'],
  'finance minister': ['ministro de Finanzas', 'ministro de Hacienda'],
  'interior minister': ['ministro del Interior', 'ministra del Interior'],
};
/** French: "président russe" (after "le"), the demonym after the office. */
const FRENCH: Record<Office, (demonym: string) => string[]> = {
  president: (d) => [`président ${d}`],
  'prime minister': (d) => [`Premier ministre ${d}`],
  chancellor: (d) => [`chancelier ${d}`],
  'foreign minister': (d) => [`ministre ${d} des Affaires étrangères`],
  'defence minister': (d) => [`ministre ${d} de la Défense`],
  'finance minister': (d) => [`ministre ${d} des Finances`],
  'interior minister': (d) => [`ministre ${d} de l'Intérieur`],
};

interface CountryNames {
  deu?: string;
  spa?: string;
  fraDemonym?: string;
}

let names: Map<string, CountryNames> | undefined;

/** German and Spanish names and the French demonym of each country, by ISO alpha-2 code. */
export function countryNames(): Map<string, CountryNames> {
  if (!names) {
    const records = createRequire(import.meta.url)('world-countries') as { cca2: string; translations?: Record<string, { common: string }>; demonyms?: { fra?: { m: string } } }[];
    names = new Map(records.map((r) => [r.cca2, { deu: r.translations?.deu?.common, spa: r.translations?.spa?.common, fraDemonym: r.demonyms?.fra?.m?.toLowerCase() }]));
  }
  return names;
}

/** "Russland" → "Russlands"; a name ending in s, x, z or ß, or of several words, has none here. */
export function germanGenitive(name: string): string | null {
  return /^\p{Lu}\p{Ll}+$/u.test(name) && !/[sxzß]$/.test(name) ? `${name}s` : null;
}

/**
 * Phrases for an office of a country, e.g. "Minister of Foreign Affairs" of Germany →
 * "German foreign minister", "Germany's foreign minister", "Deutschlands Außenminister",
 * "ministro de Asuntos Exteriores de Alemania", "ministre allemand des Affaires étrangères".
 */
export function officePhrases(title: string, country: string | undefined, demonym: string | undefined, iso?: string): string[] {
  if (!country || /\b(vice|deputy|acting|first deputy|assistant)\b/i.test(title)) return [];
  const office = OFFICES.find((o) => o.test.test(title.trim()))?.office;
  if (!office) return [];
  // "President of the Sakha Republic" heads a part of the country, not the country.
  const of = /\bof\s+(?:the\s+)?(.+)$/i.exec(title.trim())?.[1];
  if (of && ['president', 'prime minister', 'chancellor'].includes(office) && of.toLowerCase() !== country.toLowerCase() && !of.toLowerCase().endsWith(` ${country.toLowerCase()}`)) return [];
  const out: string[] = [];
  for (const p of ENGLISH[office]) {
    if (demonym) out.push(`${demonym} ${p}`);
    // "Russia's president", "the United States' president".
    const possessive = /s$/.test(country) ? country : `${country}'s`;
    out.push(`${possessive.replace(/'s$/, "'s")} ${p}`.replace(/s $/, "s "), `${possessive.replace(/'s$/, '’s')} ${p}`);
    if (/s$/.test(country)) out.splice(out.length - 2, 2, `${country}' ${p}`, `${country}’ ${p}`);
  }
  const local = iso ? countryNames().get(iso) : undefined;
  const genitive = local?.deu ? germanGenitive(local.deu) : null;
  if (genitive) for (const p of GERMAN[office]) out.push(`${genitive} ${p}`);
  if (local?.spa) for (const p of SPANISH[office]) out.push(`${p} de ${local.spa}`);
  if (local?.fraDemonym) out.push(...FRENCH[office](local.fraDemonym));
  return out;
}
