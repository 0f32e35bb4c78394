import { describe, expect, it } from 'vitest';
import type { BackupArticle } from './backup';
import { describePassage } from './anchor';
import { annotationCollection, annotationFileName, articleAnnotations } from './web-annotation';

const URL_ = 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W';
const TEXT = 'Oversupply angst drags oil lower\n\nOil prices fell sharply on Tuesday on oversupply concerns. Stocks drifted.';
const LEAD = 'Oil prices fell sharply on Tuesday';
const leadAt = TEXT.indexOf(LEAD);
const lead = describePassage(TEXT, leadAt, leadAt + LEAD.length);
const drifted = describePassage(TEXT, TEXT.indexOf('Stocks drifted.'), TEXT.length);

const article = (over: Partial<BackupArticle> = {}): BackupArticle => ({
  url: URL_,
  title: 'Oversupply angst drags oil lower',
  site: 'Reuters',
  byline: null,
  published: '2019-11-19',
  savedAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T11:00:00.000Z',
  entities: [],
  entityIds: [],
  events: [],
  eventIds: [],
  tags: [],
  note: '',
  text: TEXT,
  html: null,
  addresses: [URL_],
  highlights: [],
  ...over,
});

const withHighlights = article({
  note: 'Compare with December.',
  tags: ['oil', 'markets'],
  highlights: [
    { id: 'h1', ...lead, note: 'The lead', createdAt: '2026-12-07T10:05:00.000Z' },
    { id: 'h2', ...drifted, note: '  ', createdAt: '2026-12-07T10:06:00.000Z' },
  ],
});

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('articleAnnotations', () => {
  it('makes a highlight with a note a commenting Annotation: TextualBody, and the quote and position selectors on the article’s address', () => {
    const [, h1] = articleAnnotations(withHighlights);
    expect(h1).toEqual({
      id: expect.stringMatching(UUID_URN),
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-12-07T10:05:00.000Z',
      body: { type: 'TextualBody', value: 'The lead', format: 'text/plain', purpose: 'commenting' },
      target: {
        source: URL_,
        selector: [
          { type: 'TextQuoteSelector', exact: LEAD, prefix: 'ersupply angst drags oil lower\n\n', suffix: ' on oversupply concerns. Stocks ' },
          { type: 'TextPositionSelector', start: leadAt, end: leadAt + LEAD.length },
        ],
      },
    });
  });

  it('selects the very passage: the quote is the text at the position, its prefix and suffix the text around it', () => {
    for (const annotation of articleAnnotations(withHighlights).slice(1)) {
      const target = annotation.target as Exclude<typeof annotation.target, string>;
      const [quote, position] = target.selector;
      expect(TEXT.slice(position.start, position.end)).toBe(quote.exact);
      expect(TEXT.slice(0, position.start).endsWith(quote.prefix ?? '')).toBe(true);
      expect(TEXT.slice(position.end).startsWith(quote.suffix ?? '')).toBe(true);
    }
  });

  it('makes a highlight without a note a highlighting Annotation with no body, and leaves out an empty suffix', () => {
    const h2 = articleAnnotations(withHighlights)[2]!;
    expect(h2.motivation).toBe('highlighting');
    expect(h2).not.toHaveProperty('body');
    const target = h2.target as Exclude<typeof h2.target, string>;
    expect(target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: 'Stocks drifted.', prefix: drifted.quote.prefix });
  });

  it('makes the article’s note and tags one Annotation of the whole article, a body for each', () => {
    const [note] = articleAnnotations(withHighlights);
    expect(note).toEqual({
      id: expect.stringMatching(UUID_URN),
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-12-07T10:00:00.000Z',
      modified: '2026-12-07T11:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'Compare with December.', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'oil', format: 'text/plain', purpose: 'tagging' },
        { type: 'TextualBody', value: 'markets', format: 'text/plain', purpose: 'tagging' },
      ],
      target: URL_,
    });
    expect(articleAnnotations(article({ tags: ['oil'] }))[0]).toMatchObject({ motivation: 'tagging', body: { purpose: 'tagging', value: 'oil' } });
  });

  it('gives nothing for an article without note, tags or highlights', () => {
    expect(articleAnnotations(article())).toEqual([]);
  });

  it('keeps each annotation’s id from one export to the next, and no two alike', () => {
    const ids = articleAnnotations(withHighlights).map((a) => a.id);
    expect(articleAnnotations(structuredClone(withHighlights)).map((a) => a.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    // The same highlight id in another article is another annotation.
    const other = articleAnnotations({ ...withHighlights, url: 'https://example.org/other' }).map((a) => a.id);
    expect(other.some((id) => ids.includes(id))).toBe(false);
  });
});

describe('annotationCollection', () => {
  const when = new Date('2026-12-07T12:00:00.000Z');

  it('is an AnnotationCollection with the model’s context, its total, and every annotation in its first page', () => {
    const collection = annotationCollection([withHighlights, article({ url: 'https://example.org/bare' })], when);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: expect.stringMatching(UUID_URN),
      type: 'AnnotationCollection',
      label: 'Backstory highlights and notes, 2026-12-07',
      total: 3,
      first: { id: expect.stringMatching(UUID_URN), type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first!.items).toEqual(articleAnnotations(withHighlights));
    // Only the collection carries the context; as JSON it reads back the same.
    expect(collection.first!.items.some((a) => '@context' in a)).toBe(false);
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it('is an empty collection, without a page, when nothing is annotated', () => {
    const collection = annotationCollection([article()], when);
    expect(collection).toEqual({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: expect.stringMatching(UUID_URN), type: 'AnnotationCollection', label: 'Backstory highlights and notes, 2026-12-07', total: 0 });
  });

  it('names its file by the day', () => {
    expect(annotationFileName(when)).toBe('backstory-annotations-2026-12-07.jsonld');
  });
});
