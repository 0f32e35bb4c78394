import DOMPurify from 'dompurify';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { htmlForReading } from '@/utils/library/article-html';
import { anchorPassage, describePassage, type TextSelectors } from '@/utils/library/anchor';
import { copyTextOf, offsetsOf, rangeOf } from '@/utils/library/copy-text';
import type { ReaderHighlight, SavedArticle } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';

/** The name of the reader's highlights in the CSS Custom Highlight registry (styled as ::highlight(backstory-reader)). */
const HIGHLIGHT_NAME = 'backstory-reader';

interface Props {
  article: SavedArticle;
  images: boolean;
  /** Which highlights could not be found in the copy (kept, and listed as such). */
  onAnchored: (orphans: Set<string>) => void;
  /** Where the reader's selection in the copy is, as selectors; null when nothing is selected there. */
  selectionRef: { current: (() => TextSelectors | null) | null };
}

type HighlightRegistry = { set(name: string, highlight: unknown): void; delete(name: string): void };
const registry = () => (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
const HighlightClass = () => (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;

/**
 * The saved copy of an article (its sanitised HTML, sanitised again here as it may come from
 * an imported file; else its text), with the reader's highlights painted on it by the CSS
 * Custom Highlight API, anchored by their selectors (utils/library/anchor.ts).
 */
export function ReaderCopy({ article, images, onAnchored, selectionRef }: Props) {
  const root = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    const copy = copyTextOf(element);
    const ranges: Range[] = [];
    const orphans = new Set<string>();
    for (const highlight of article.highlights) {
      const found = anchorPassage(copy.text, highlight as TextSelectors);
      const range = found && rangeOf(copy, found.start, found.end);
      if (range) ranges.push(range);
      else orphans.add(highlight.id);
    }
    const Highlight = HighlightClass();
    if (Highlight) registry()?.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    onAnchored(orphans);
    selectionRef.current = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      const range = selection.getRangeAt(0);
      if (!element.contains(range.commonAncestorContainer)) return null;
      const offsets = offsetsOf(copy, range);
      return offsets ? describePassage(copy.text, offsets.start, offsets.end) : null;
    };
    return () => {
      registry()?.delete(HIGHLIGHT_NAME);
      selectionRef.current = null;
    };
  }, [article, images]);

  if (!article.html) {
    const paragraphs = article.text.split(/\n\s*\n/).slice(1);
    return (
      <>
        <p class="status-note">{t('libraryNoCopy')}</p>
        <div class="reader-copy" data-testid="reader-copy" ref={root}>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </>
    );
  }
  // DOMPurify leaves only text, links, lists, tables and parked images (utils/library/article-html.ts).
  return <div class="reader-copy" data-testid="reader-copy" ref={root} dangerouslySetInnerHTML={{ __html: htmlForReading(DOMPurify, article.html, images) }} />;
}

/** A new highlight of the reader's from the selectors of their selection. */
export function newHighlight(selectors: TextSelectors, note: string, now: Date): ReaderHighlight {
  return { id: `h-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, quote: selectors.quote, position: selectors.position, note, createdAt: now.toISOString() };
}
