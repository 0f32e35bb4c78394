/**
 * The nominal phrases the press uses for whoever holds an office ("the German chancellor",
 * "Russia's foreign minister"), generated per office from its title and the country's name
 * and demonym. The linker counts such a phrase only with a definite article and only when one
 * holder fits the article's date (utils/match/find-mentions.ts).
 */

/** Offices the press names by a common phrase, matched on the source's title. */
const OFFICES: { test: RegExp; phrases: string[] }[] = [
  { test: /^(?:the\s+)?president(?: of .*)?$/i, phrases: ['president'] },
  { test: /^(?:the\s+)?prime minister(?: of .*)?$/i, phrases: ['prime minister'] },
  { test: /^(?:the\s+)?(?:federal\s+)?chancellor(?: of (?!the exchequer|justice).*)?$/i, phrases: ['chancellor'] },
  { test: /\bforeign (?:affairs )?minister\b|^minister (?:of|for) foreign (?:affairs|relations)|^secretary of state for foreign/i, phrases: ['foreign minister'] },
  { test: /\bdefen[cs]e minister\b|^minister (?:of|for) (?:national )?defen[cs]e\b|^secretary of state for defen[cs]e|^secretary of defense$/i, phrases: ['defence minister', 'defense minister'] },
  { test: /\bfinance minister\b|^minister (?:of|for) finance\b|^minister of (?:the )?economy and finance/i, phrases: ['finance minister'] },
  { test: /\binterior minister\b|^minister (?:of|for) (?:the )?(?:internal affairs|interior|home affairs)\b/i, phrases: ['interior minister'] },
];

/** Phrases for an office of a country, e.g. "Minister of Foreign Affairs" of Germany → "German foreign minister", "Germany's foreign minister". */
export function officePhrases(title: string, country: string | undefined, demonym: string | undefined): string[] {
  if (!country || /\b(vice|deputy|acting|first deputy|assistant)\b/i.test(title)) return [];
  const office = OFFICES.find((o) => o.test.test(title.trim()));
  if (!office) return [];
  const out: string[] = [];
  for (const p of office.phrases) {
    if (demonym) out.push(`${demonym} ${p}`);
    out.push(`${country}'s ${p}`, `${country}’s ${p}`);
  }
  return out;
}
