import { useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { useDebounced } from '@/utils/ui/use-debounced';
import { useReload } from '@/utils/ui/use-reload';
import { useResult } from '@/utils/ui/use-result';
import { HistorySettings } from './HistorySettings';
import { KnowledgeBase } from './KnowledgeBase';
import { SavedArticleRow } from './SavedArticleRow';
import { SearchBox } from './SearchBox';
import { Section } from './Section';
import { StatusNote } from './StatusNote';

const filterDelayMs = 200;

/** The library page: the saved articles (newest first, with a filter and Remove) and the knowledge base. */
export function Library() {
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query.trim(), filterDelayMs);
  const [version, reload] = useReload();
  const loaded = useResult(() => sendToBackground('listArticles', settledQuery ? { query: settledQuery } : {}), [settledQuery, version]);
  const [failure, setFailure] = useState('');

  const remove = async (url: string) => {
    const reply = await sendToBackground('removeArticle', { url });
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
    reload();
  };

  const list = () => {
    if (loaded.status === 'loading') return <StatusNote kind="loading" />;
    if (loaded.status === 'error') return <StatusNote kind="error" detail={loaded.error} />;
    if (loaded.value.length === 0) {
      return (
        <p class="status-note" data-testid="library-empty">
          {settledQuery ? t('libraryNoMatch', settledQuery) : t('libraryEmpty')}
        </p>
      );
    }
    return (
      <ul class="saved-list">
        {loaded.value.map((article) => (
          <SavedArticleRow key={article.url} article={article} onRemove={(url) => void remove(url)} />
        ))}
      </ul>
    );
  };

  return (
    <>
      <header class="library-header">
        <h1>{t('libraryPageTitle')}</h1>
      </header>
      <main class="library-main">
        <Section title={t('libraryTitle')} testId="saved-articles">
          <SearchBox value={query} label={t('libraryFilterLabel')} placeholder={t('libraryFilterPlaceholder')} testId="library-search" onChange={setQuery} />
          {failure && (
            <p role="alert" class="status-note">
              {failure}
            </p>
          )}
          {list()}
        </Section>
        <HistorySettings />
        <KnowledgeBase />
      </main>
    </>
  );
}
