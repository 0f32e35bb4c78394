/**
 * The names an analysed article names that the knowledge base does not hold (issue 17):
 * the unknown-name finder (utils/match/unknown-names.ts) fed with the analysis's links, the
 * article's language and the knowledge base's names.
 */
import type { KnowledgeBase } from '../kb/knowledge-base';
import { englishTagger } from '../match/english-names';
import type { UnknownName } from '../match/unknown-name';
import { unknownNameSteps } from '../match/unknown-names';
import { guessLanguage } from '../text/language';
import { tokenize } from '../text/tokenize';
import type { Analysis } from './analyze-text';

/** True when the knowledge base holds `name` whole as a name, alias, demonym or event name of a record; false when it does not. */
export function knowsName(kb: KnowledgeBase, name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length > 0 && kb.index.findAll(name, tokens).some((m) => m.from === 0 && m.to === tokens.length);
}

/**
 * unknownNameSteps for an analysis: its mentions and event mentions are the links. The first
 * English article loads the English tagger (half a second to a second, once per process).
 */
export function* unknownNamesOfSteps(analysis: Pick<Analysis, 'article' | 'mentions' | 'eventMentions'>, kb: KnowledgeBase): Generator<void, UnknownName[]> {
  const { text } = analysis.article;
  const language = guessLanguage(text);
  const linked = [...analysis.mentions, ...analysis.eventMentions];
  const english = language === 'en' ? englishTagger() : undefined;
  return yield* unknownNameSteps(text, linked, { language, isKnownName: (name) => knowsName(kb, name), ...(english ? { english } : {}) });
}

/** All steps of unknownNamesOfSteps at once; [] for a page that is not an article. */
export function unknownNamesOf(analysis: Analysis, kb: KnowledgeBase): UnknownName[] {
  if (!analysis.isArticle) return [];
  const steps = unknownNamesOfSteps(analysis, kb);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
