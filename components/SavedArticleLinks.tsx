import { safeHref } from '@/utils/web-url';
import type { SavedArticleSummary } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';

interface Props {
  articles: SavedArticleSummary[];
}

/** Saved articles as links to their pages, with site and date. */
export function SavedArticleLinks({ articles }: Props) {
  // getEvent can name an article once per participant it mentions: show each article once.
  const unique = [...new Map(articles.map((a) => [a.url, a])).values()];
  return (
    <ul class="link-list">
      {unique.map((article) => (
        <li key={article.url}>
          <a href={safeHref(article.url)} target="_blank" rel="noopener">
            {article.title}
          </a>
          <span class="meta">
            {article.site && <span>{article.site}</span>}
            {article.published && <time dateTime={article.published}>{formatDate(article.published)}</time>}
          </span>
        </li>
      ))}
    </ul>
  );
}
