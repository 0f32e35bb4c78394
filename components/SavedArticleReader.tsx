import { useEffect, useRef, useState } from 'preact/hooks';
import { countImages } from '@/utils/library/article-html';
import type { TextSelectors } from '@/utils/library/anchor';
import { sendToBackground, type LinkedEvent, type ReaderHighlight, type SavedArticle } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { useReload } from '@/utils/ui/use-reload';
import { useResult } from '@/utils/ui/use-result';
import { ArticleEvents } from './ArticleEvents';
import { ArticleNotesForm } from './ArticleNotesForm';
import { newHighlight, ReaderCopy } from './ReaderCopy';
import { SavedArticleChips } from './SavedArticleChips';
import { SavedArticleMeta } from './SavedArticleMeta';
import { StatusNote } from './StatusNote';

interface Props {
  url: string;
  onBack: () => void;
  onActor: (entity: { id: string; name: string }) => void;
  onEvent: (event: LinkedEvent) => void;
}

/** The host an article's images would be loaded from, for the reader to decide. */
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/**
 * The reader view of a saved article: its offline copy (images only once the reader allows
 * them) with the reader's highlights painted on it, its actors and events, its tags and
 * note; select text and press Highlight to add one, with a note.
 */
export function SavedArticleReader({ url, onBack, onActor, onEvent }: Props) {
  const [version, reload] = useReload();
  const loaded = useResult(() => sendToBackground('getArticle', { url }), [url, version]);
  const [images, setImages] = useState(false);
  const [orphans, setOrphans] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<TextSelectors | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState('');
  const selection = useRef<(() => TextSelectors | null) | null>(null);
  useEffect(() => window.scrollTo(0, 0), [url]);
  useEffect(() => {
    // Kept as the reader selects: pressing the button may move the selection.
    const onChange = () => {
      const now = selection.current?.() ?? null;
      if (now) setSelected(now);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const saveHighlights = async (article: SavedArticle, highlights: ReaderHighlight[]) => {
    const reply = await sendToBackground('updateArticle', { url: article.url, highlights });
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
    reload();
  };
  const addHighlight = async (article: SavedArticle) => {
    if (!selected) return;
    await saveHighlights(article, [...article.highlights, newHighlight(selected, note.trim(), new Date())]);
    setSelected(null);
    setNote('');
    window.getSelection()?.removeAllRanges();
  };

  const content = () => {
    if (loaded.status === 'loading') return <StatusNote kind="loading" />;
    if (loaded.status === 'error') return <StatusNote kind="error" detail={loaded.error} />;
    const article = loaded.value;
    if (!article) return <p class="status-note">{t('libraryNotFound')}</p>;
    const imageCount = article.html ? countImages(article.html) : 0;
    return (
      <article class="reader" data-testid="reader" data-url={article.url}>
        <h2 class="reader-title">{article.title}</h2>
        <SavedArticleMeta article={article} testId="reader" />
        <SavedArticleChips entities={article.entities} events={article.events} onActor={onActor} onEvent={onEvent} />
        <ArticleNotesForm key={article.url} article={article} />
        <ArticleEvents key={`events-${article.url}`} article={article} onChanged={reload} />
        {article.highlights.length > 0 && (
          <section class="reader-highlights" data-testid="reader-highlights">
            <h3>{t('libraryHighlights')}</h3>
            <ul>
              {article.highlights.map((h) => (
                <li key={h.id} data-testid="reader-highlight" data-orphan={String(orphans.has(h.id))}>
                  <blockquote>{h.quote.exact}</blockquote>
                  {h.note && <p>{h.note}</p>}
                  {orphans.has(h.id) && <p class="status-note">{t('libraryHighlightOrphan')}</p>}
                  <button type="button" class="remove-button" onClick={() => void saveHighlights(article, article.highlights.filter((x) => x.id !== h.id))}>
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <form class="highlight-form" onSubmit={(e) => (e.preventDefault(), void addHighlight(article))}>
          <p class="status-note" data-testid="highlight-selection">
            {selected ? t('libraryHighlightSelected', selected.quote.exact.length > 80 ? `${selected.quote.exact.slice(0, 80)}…` : selected.quote.exact) : t('libraryHighlightHint')}
          </p>
          <label for="highlight-note">{t('libraryHighlightNote')}</label>
          <input id="highlight-note" type="text" data-testid="highlight-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="submit" data-testid="add-highlight" disabled={!selected}>
            {t('libraryHighlightAdd')}
          </button>
          {failure && <p role="alert">{failure}</p>}
        </form>
        {imageCount > 0 && !images && (
          <button type="button" data-testid="show-images" onClick={() => setImages(true)}>
            {t('libraryShowImages', imageCount, hostOf(article.url))}
          </button>
        )}
        <ReaderCopy article={article} images={images} onAnchored={setOrphans} selectionRef={selection} />
      </article>
    );
  };

  return (
    <section class="section reader-section" data-testid="reader-view">
      <button type="button" class="link-button" data-testid="reader-back" onClick={onBack}>
        {t('libraryBack')}
      </button>
      {content()}
    </section>
  );
}
