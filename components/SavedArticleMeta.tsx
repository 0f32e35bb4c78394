import type { SavedArticleSummary } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { safeHref } from '@/utils/web-url';

interface Props {
  article: Pick<SavedArticleSummary, 'url' | 'site' | 'published' | 'savedAt'> & { byline?: string | null };
  /** Prefix of the test ids ("article" in the list, "reader" in the reader view). */
  testId: string;
}

/** A saved article's site, byline, dates and a link to the original, in the library's list and reader view. */
export function SavedArticleMeta({ article, testId }: Props) {
  return (
    <p class="meta">
      {article.site && <span data-testid={`${testId}-site`}>{article.site}</span>}
      {article.byline && <span data-testid={`${testId}-byline`}>{t('libraryBy', article.byline)}</span>}
      {article.published && <time dateTime={article.published}>{formatDate(article.published)}</time>}
      <span>{t('savedOn', formatDate(article.savedAt))}</span>
      <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">
        {t('libraryOriginal')}
      </a>
    </p>
  );
}
