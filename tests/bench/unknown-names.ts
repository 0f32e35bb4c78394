/**
 * `npm run bench:unknown-names`: the cost of finding the names the knowledge base does not
 * hold (issue 17) in a 10k-word article: loading the English tagger (once per service-worker
 * life), the whole search, and the longest step between two pauses (how long the worker is
 * busy at once). The worst case: nothing linked, nothing known, so every sentence with a
 * capital inside is read. English from the corpus reference texts; German, Spanish and
 * French from their corpus pages, repeated to the same length. Prints figures; asserts nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { englishTagger } from '../../utils/match/english-names';
import { unknownNameSteps } from '../../utils/match/unknown-names';
import { guessLanguage, type ArticleLanguage } from '../../utils/text/language';
import { tokenize } from '../../utils/text/tokenize';
import { record } from './figures';

const WORDS = 10_000;
const RUNS = 3;
const pages = fileURLToPath(new URL('../../../shared/corpus/pages/', import.meta.url));

/** About `WORDS` words of the corpus reference texts in `language`, repeated when there are fewer. */
function articleText(language: ArticleLanguage): string {
  const texts = readdirSync(pages)
    .filter((f) => f.endsWith('.expected.txt'))
    .sort()
    .map((f) => readFileSync(pages + f, 'utf8'))
    .filter((text) => guessLanguage(text) === language);
  const parts: string[] = [];
  for (let words = 0, i = 0; words < WORDS; i++) {
    const text = texts[i % texts.length]!;
    parts.push(text);
    words += text.split(/\s+/).length;
  }
  return parts.join('\n\n').split(/(\s+)/).slice(0, WORDS * 2).join('');
}

/** Runs the search, timing each step between pauses. */
function measure(text: string, language: ArticleLanguage) {
  const steps = unknownNameSteps(text, [], { language, isKnownName: () => false, english: englishTagger() });
  let longest = 0;
  let count = 0;
  const start = performance.now();
  for (;;) {
    const before = performance.now();
    const step = steps.next();
    longest = Math.max(longest, performance.now() - before);
    count++;
    if (step.done) return { ms: performance.now() - start, longest, steps: count, names: step.value.length };
  }
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

function main(): void {
  const load = performance.now();
  englishTagger();
  const loaded = performance.now() - load;
  console.log(`English tagger (compromise) loaded in ${fmt(loaded)} (once per process or service-worker life)`);
  record({ area: 'matching', name: 'unknown names: English tagger loaded', value: loaded, unit: 'ms' });
  for (const language of ['en', 'de', 'es', 'fr'] as const) {
    const text = articleText(language);
    const runs = Array.from({ length: RUNS }, () => measure(text, language));
    const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
    // The floor: tokenising the same text, best of the same number of runs.
    const floor = Math.min(...Array.from({ length: RUNS }, () => {
      const start = performance.now();
      tokenize(text);
      return performance.now() - start;
    }));
    record({ area: 'matching', name: `unknown names, 10k words (${language})`, value: best.ms, unit: 'ms', baseline: { name: 'tokenise the same text', value: floor } });
    record({ area: 'matching', name: `unknown names, longest step (${language})`, value: best.longest, unit: 'ms' });
    console.log(
      `${language}: ${text.split(/\s+/).length} words, ${text.length} chars: ${fmt(best.ms)} (best of ${RUNS}; first ${fmt(runs[0]!.ms)}), ` +
        `longest step ${fmt(best.longest)} over ${best.steps} steps, ${best.names} names listed`,
    );
  }
}

main();
