import type { LinkedEvent, SavedArticleSummary } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { SavedArticleChips } from './SavedArticleChips';
import { SavedArticleMeta } from './SavedArticleMeta';

interface Props {
  article: SavedArticleSummary;
  selected: boolean;
  onSelect: (url: string, selected: boolean) => void;
  onRead: (url: string) => void;
  onRemove: (url: string) => void;
  onActor: (entity: { id: string; name: string }) => void;
  onEvent: (event: LinkedEvent) => void;
}

/** One saved article in the library: select, read the saved copy, site, dates, tags, note, actor and event chips that filter, Remove. */
export function SavedArticleRow({ article, selected, onSelect, onRead, onRemove, onActor, onEvent }: Props) {
  return (
    <li class="saved-article" data-testid="saved-article" data-url={article.url}>
      <div class="saved-article-head">
        <input
          type="checkbox"
          checked={selected}
          data-testid="select-article"
          aria-label={t('librarySelectArticle', article.title)}
          onChange={(e) => onSelect(article.url, e.currentTarget.checked)}
        />
        <h3>
          <button type="button" class="link-button" data-testid="read-article" aria-label={t('libraryReadLabel', article.title)} onClick={() => onRead(article.url)}>
            {article.title}
          </button>
        </h3>
      </div>
      <SavedArticleMeta article={{ ...article, byline: null }} testId="article" />
      {article.tags.length > 0 && (
        <ul class="tag-list" data-testid="article-tags">
          {article.tags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      )}
      {article.note && (
        <p class="saved-note" data-testid="article-note">
          {article.note.length > 200 ? `${article.note.slice(0, 200)}…` : article.note}
        </p>
      )}
      <SavedArticleChips entities={article.entities} events={article.events} onActor={onActor} onEvent={onEvent} />
      <button type="button" class="remove-button" data-testid="remove-article" aria-label={t('removeArticleLabel', article.title)} onClick={() => onRemove(article.url)}>
        {t('remove')}
      </button>
    </li>
  );
}
