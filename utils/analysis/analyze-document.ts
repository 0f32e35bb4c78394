/**
 * Reads a whole page: decides whether it is an article, extracts it and analyses its text.
 * The command line runs this on a parsed file; the extension runs the same steps split
 * between the page (detect, extract) and the background (analyse).
 */
import { confirmArticle, detectArticle, measureBody } from '../article/detect-article';
import { extractArticle } from '../article/extract-article';
import type { KnowledgeBase } from '../kb/knowledge-base';
import { analyzeText, emptyAnalysis, type Analysis } from './analyze-text';

export interface DocumentOptions {
  /** YYYY-MM-DD: overrides the page's own date. */
  date?: string;
  url?: string;
}

/** The analysis of `doc`; an empty analysis (isArticle false) for a page that is not an article. */
export function analyzeDocument(doc: Document, kb: KnowledgeBase, options: DocumentOptions = {}): Analysis {
  const verdict = detectArticle(doc);
  const candidate = verdict.isArticle ? extractArticle(doc) : null;
  const extracted = candidate && confirmArticle(verdict, measureBody(candidate.root, candidate.text.length)).isArticle ? candidate : null;
  const base = {
    title: extracted?.title ?? (doc.title || '').trim(),
    text: extracted?.text ?? '',
    published: options.date ?? extracted?.published ?? null,
    ...(options.url ? { url: options.url } : {}),
    ...(extracted?.site ? { site: extracted.site } : {}),
  };
  return extracted ? analyzeText(base, kb) : emptyAnalysis(base);
}
