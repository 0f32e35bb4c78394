import type { TooLarge } from '@/utils/article/page-budget';
import { t } from './i18n';

const count = (n: number) => n.toLocaleString();

/** What to tell the reader about a page past the budget; a general sentence when the limit is not known. */
export function tooLargeText(tooLarge: TooLarge | null): string {
  switch (tooLarge?.limit) {
    case 'elements':
      return t('tooLargeElements', count(tooLarge.measured), count(tooLarge.max));
    case 'page-text':
      return t('tooLargePageText', count(tooLarge.measured), count(tooLarge.max));
    case 'article-text':
      return t('tooLargeArticleText', count(tooLarge.measured), count(tooLarge.max));
    case 'time':
      return t('tooLargeTime', (tooLarge.measured / 1000).toFixed(0));
    default:
      return t('tooLargePageText', '?', '?');
  }
}
