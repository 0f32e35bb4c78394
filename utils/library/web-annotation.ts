/**
 * The reader's highlights and notes as W3C Web Annotations (issue 21), for annotation tools
 * (Hypothesis, Recogito, any JSON-LD reader): one AnnotationCollection whose first page holds
 * every annotation (https://www.w3.org/TR/annotation-model/, §5.1 and §4.2).
 *
 * - A highlight is an Annotation targeting the article's address, with its two selectors as
 *   alternatives (§4.2.4 and §4.2.5): a TextQuoteSelector (exact, prefix, suffix) and a
 *   TextPositionSelector. The position counts characters of the text of the reader view's
 *   copy, where the reader made the highlight (utils/library/copy-text.ts), not of the whole
 *   web page: a tool on the live page finds the passage by its quote, as anchor.ts does. A highlight with a note is `commenting`, its note a
 *   TextualBody; without one, `highlighting` with no body.
 * - An article's own note and tags are one Annotation of the whole article (target: its
 *   address): the note a `commenting` TextualBody, each tag a `tagging` one.
 *
 * Ids are `urn:uuid:` name-based UUIDs (v5) of the article's address and the highlight's id,
 * so the same highlight keeps its id from one export to the next. Pure.
 */
import { v5 as uuidV5 } from 'uuid';
import type { BackupArticle } from './backup';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The media type of the export (§ "Serialization", with the model's profile). */
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"';
/** Backstory's namespace for its name-based UUIDs (made once at random). */
const NAMESPACE = '90b8a544-da64-492a-8e78-64b96b3b6061';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: 'commenting' | 'tagging';
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'tagging';
  created: string;
  modified?: string;
  body?: TextualBody | TextualBody[];
  target: string | { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

const urn = (name: string) => `urn:uuid:${uuidV5(name, NAMESPACE)}`;
const plain = (value: string, purpose: TextualBody['purpose']): TextualBody => ({ type: 'TextualBody', value, format: 'text/plain', purpose });

/** The annotations of one saved article: its note and tags, then each highlight; [] when it has none. */
export function articleAnnotations(article: BackupArticle): Annotation[] {
  const found: Annotation[] = [];
  const note = article.note.trim();
  if (note || article.tags.length) {
    const bodies = [...(note ? [plain(note, 'commenting')] : []), ...article.tags.map((tag) => plain(tag, 'tagging'))];
    found.push({
      id: urn(`${article.url}\nnote`),
      type: 'Annotation',
      motivation: note ? 'commenting' : 'tagging',
      created: article.savedAt,
      modified: article.updatedAt,
      body: bodies.length === 1 ? bodies[0] : bodies,
      target: article.url,
    });
  }
  for (const highlight of article.highlights) {
    const { exact, prefix, suffix } = highlight.quote;
    const highlightNote = highlight.note.trim();
    found.push({
      id: urn(`${article.url}\n${highlight.id}`),
      type: 'Annotation',
      motivation: highlightNote ? 'commenting' : 'highlighting',
      created: highlight.createdAt,
      ...(highlightNote ? { body: plain(highlightNote, 'commenting') } : {}),
      target: {
        source: article.url,
        selector: [
          { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
          { type: 'TextPositionSelector', start: highlight.position.start, end: highlight.position.end },
        ],
      },
    });
  }
  return found;
}

/**
 * Every annotation of the articles as one AnnotationCollection made at `when`, its items in
 * one embedded AnnotationPage; with no annotation at all, a collection of `total` 0 and no page.
 */
export function annotationCollection(articles: BackupArticle[], when: Date): AnnotationCollection {
  const items = articles.flatMap(articleAnnotations);
  const id = urn(`collection\n${when.toISOString()}`);
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Backstory highlights and notes, ${when.toISOString().slice(0, 10)}`,
    total: items.length,
  };
  return items.length ? { ...collection, first: { id: urn(`page\n${id}`), type: 'AnnotationPage', startIndex: 0, items } } : collection;
}

/** The file name of an annotation export made at `when`. */
export const annotationFileName = (when: Date) => `backstory-annotations-${when.toISOString().slice(0, 10)}.jsonld`;
