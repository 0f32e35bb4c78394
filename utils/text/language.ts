/**
 * Which of the languages Backstory reads an article is written in, told by its commonest
 * words: the few function words that make up a large share of any text in a language and
 * are rare in the others ("the", "und", "los", "les"). Enough to choose a recogniser for
 * names (issue 17); not a general language identifier.
 */

export type ArticleLanguage = 'en' | 'de' | 'es' | 'fr';

/**
 * Words frequent in one language and rare in the others (no "la", "en", "de": shared).
 * Portuguese is told too, only so that it is not taken for Spanish.
 */
const MARKERS: Record<ArticleLanguage | 'pt', ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'was', 'that', 'with', 'for', 'on', 'said', 'he', 'she', 'it', 'by', 'have', 'has', 'from', 'were', 'which']),
  de: new Set(['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'auf', 'dem', 'ein', 'eine', 'den', 'für', 'von', 'sagte', 'auch', 'wird', 'im', 'zu']),
  es: new Set(['el', 'los', 'las', 'que', 'y', 'del', 'por', 'con', 'una', 'para', 'es', 'se', 'dijo', 'su', 'al', 'como', 'más', 'pero', 'fue', 'este']),
  fr: new Set(['le', 'les', 'des', 'et', 'est', 'une', 'du', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'il', 'elle', 'avec', 'aux', 'été', 'ont', 'cette']),
  pt: new Set(['não', 'os', 'do', 'da', 'dos', 'das', 'em', 'um', 'uma', 'ao', 'com', 'na', 'no', 'pelo', 'pela', 'é', 'também', 'disse', 'foi', 'mais']),
};

/** Words read to decide: the language shows long before this. */
const SAMPLE_WORDS = 2000;
/** The share of marker words below which no language is claimed (a list of names, another language). */
const MIN_SHARE = 0.06;

/** The language of `text` among English, German, Spanish and French; null when it is none of them or too short to tell. */
export function guessLanguage(text: string): ArticleLanguage | null {
  const counts: Record<ArticleLanguage | 'pt', number> = { en: 0, de: 0, es: 0, fr: 0, pt: 0 };
  let words = 0;
  for (const [word] of text.matchAll(/\p{L}+/gu)) {
    const lower = word.toLowerCase();
    for (const language of Object.keys(MARKERS) as (keyof typeof MARKERS)[]) if (MARKERS[language].has(lower)) counts[language]++;
    if (++words >= SAMPLE_WORDS) break;
  }
  const [best, hits] = (Object.entries(counts) as [keyof typeof MARKERS, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best !== 'pt' && words >= 8 && hits / words >= MIN_SHARE ? best : null;
}
