import { safeHref } from '@/utils/web-url';
import type { SavedArticleSummary } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { EntityChip } from './EntityChip';

interface Props {
  article: SavedArticleSummary;
  onRemove: (url: string) => void;
}

/** One saved article in the library: link, site, dates, the entities it names, and Remove. */
export function SavedArticleRow({ article, onRemove }: Props) {
  return (
    <li class="saved-article" data-testid="saved-article" data-url={article.url}>
      <h3>
        <a href={safeHref(article.url)} target="_blank" rel="noopener">
          {article.title}
        </a>
      </h3>
      <p class="meta">
        {article.site && <span>{article.site}</span>}
        {article.published && <time dateTime={article.published}>{formatDate(article.published)}</time>}
        <span>{t('savedOn', formatDate(article.savedAt))}</span>
      </p>
      {article.entities.length > 0 && (
        <ul class="chip-list" aria-label={t('namedEntities')}>
          {article.entities.map((entity) => (
            <li key={entity.id} data-entity-id={entity.id}>
              <EntityChip entity={entity} />
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="remove-button"
        data-testid="remove-article"
        aria-label={t('removeArticleLabel', article.title)}
        onClick={() => onRemove(article.url)}
      >
        {t('remove')}
      </button>
    </li>
  );
}
