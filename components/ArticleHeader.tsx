import type { ArticleText } from '@/utils/analysis/analyze-text';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';

interface Props {
  article: Pick<ArticleText, 'title' | 'site' | 'published'>;
  /** The site to show when the article does not name one (the tab's host). */
  fallbackSite?: string | null;
}

/** The article's title as the page heading, with its site and date. */
export function ArticleHeader({ article, fallbackSite = null }: Props) {
  const site = article.site ?? fallbackSite;
  return (
    <header class="article-header">
      <h1 data-testid="article-title">{article.title}</h1>
      <p class="meta">
        {site && <span>{site}</span>}
        {article.published ? <time dateTime={article.published}>{formatDate(article.published)}</time> : <span data-testid="undated">{t('undatedArticle')}</span>}
      </p>
    </header>
  );
}
