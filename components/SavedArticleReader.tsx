import DOMPurify from 'dompurify';
import { useEffect, useState } from 'preact/hooks';
import { countImages, htmlForReading } from '@/utils/library/article-html';
import { sendToBackground, type LinkedEvent, type SavedArticle } from '@/utils/messages';
import { safeHref } from '@/utils/web-url';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { useResult } from '@/utils/ui/use-result';
import { ArticleNotesForm } from './ArticleNotesForm';
import { SavedArticleChips } from './SavedArticleChips';
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
 * The reader view of a saved article: its offline copy (sanitised again here: it may come
 * from an imported file; images only once the reader allows them), its actors and events,
 * its tags and note.
 */
export function SavedArticleReader({ url, onBack, onActor, onEvent }: Props) {
  const loaded = useResult(() => sendToBackground('getArticle', { url }), [url]);
  const [images, setImages] = useState(false);
  useEffect(() => window.scrollTo(0, 0), [url]);

  const body = (article: SavedArticle) => {
    if (!article.html) {
      const paragraphs = article.text.split(/\n\s*\n/).slice(1);
      return (
        <>
          <p class="status-note">{t('libraryNoCopy')}</p>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </>
      );
    }
    // DOMPurify leaves only text, links, lists, tables and parked images (utils/library/article-html.ts).
    return <div class="reader-copy" data-testid="reader-copy" dangerouslySetInnerHTML={{ __html: htmlForReading(DOMPurify, article.html, images) }} />;
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
        <p class="meta">
          {article.site && <span data-testid="reader-site">{article.site}</span>}
          {article.byline && <span data-testid="reader-byline">{t('libraryBy', article.byline)}</span>}
          {article.published && <time dateTime={article.published}>{formatDate(article.published)}</time>}
          <span>{t('savedOn', formatDate(article.savedAt))}</span>
          <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">
            {t('libraryOriginal')}
          </a>
        </p>
        <SavedArticleChips entities={article.entities} events={article.events} onActor={onActor} onEvent={onEvent} />
        <ArticleNotesForm key={article.url} article={article} />
        {article.highlights.length > 0 && (
          <section class="reader-highlights" data-testid="reader-highlights">
            <h3>{t('libraryHighlights')}</h3>
            <ul>
              {article.highlights.map((h) => (
                <li key={h.id}>
                  <blockquote>{h.quote.exact}</blockquote>
                  {h.note && <p>{h.note}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {imageCount > 0 && !images && (
          <button type="button" data-testid="show-images" onClick={() => setImages(true)}>
            {t('libraryShowImages', imageCount, hostOf(article.url))}
          </button>
        )}
        {body(article)}
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
