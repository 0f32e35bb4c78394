import { useEffect, useState } from 'preact/hooks';
import { sendToBackground, type LinkedEvent } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { useDebounced } from '@/utils/ui/use-debounced';
import { useReload } from '@/utils/ui/use-reload';
import { useResult } from '@/utils/ui/use-result';
import { HistorySettings } from './HistorySettings';
import { WrongLinks } from './WrongLinks';
import { KnowledgeBase } from './KnowledgeBase';
import { LibraryBackup } from './LibraryBackup';
import { LibraryFilters, noFilters, queryOf, type FilterState } from './LibraryFilters';
import { SavedArticleList } from './SavedArticleList';
import { SavedArticleReader } from './SavedArticleReader';
import { Section } from './Section';
import { UndoToast } from './UndoToast';

const filterDelayMs = 200;
const undoMs = 10_000;
const READ_PREFIX = '#read=';

/** The article the address asks to read (`#read=<url>`); null for the list. */
const readingOf = (hash: string) => (hash.startsWith(READ_PREFIX) ? decodeURIComponent(hash.slice(READ_PREFIX.length)) : null);

/**
 * The library page: the saved articles with a search, filters, sorting, chips that filter,
 * bulk select and remove with undo; the reader view of one (`#read=<url>`, so Back returns
 * to the list); keeping and taking the library away; the history and the knowledge base.
 */
export function Library() {
  const [filters, setFilters] = useState<FilterState>(noFilters);
  const settledText = useDebounced(filters.text.trim(), filterDelayMs);
  const [version, reload] = useReload();
  const [reading, setReading] = useState(readingOf(location.hash));
  // Read again on the way back from the reader view, where tags and the note may have changed.
  const loaded = useResult(() => sendToBackground('queryLibrary', queryOf(filters, settledText)), [settledText, filters.site, filters.tag, filters.from, filters.to, filters.sort, filters.chip, version, reading]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState('');
  const [undo, setUndo] = useState<{ token: string; count: number } | null>(null);

  useEffect(() => {
    const onHash = () => setReading(readingOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const read = (url: string | null) => {
    location.hash = url ? `${READ_PREFIX}${encodeURIComponent(url)}` : '';
  };
  const filterBy = (chip: FilterState['chip']) => {
    setFilters({ ...noFilters, chip });
    read(null);
  };
  const onActor = (entity: { id: string; name: string }) => filterBy({ kind: 'entity', id: entity.id, name: entity.name });
  const onEvent = (event: LinkedEvent) => filterBy({ kind: 'event', id: event.id, name: event.title });

  const remove = async (urls: string[]) => {
    const reply = await sendToBackground('removeArticles', { urls });
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
    if (reply.ok) setUndo({ token: reply.value.undoToken, count: reply.value.removed });
    setSelected(new Set());
    reload();
  };
  const undoRemove = async () => {
    if (!undo) return;
    setUndo(null);
    const reply = await sendToBackground('undoRemoveArticles', { undoToken: undo.token });
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
    reload();
  };

  const page = loaded.status === 'ok' ? loaded.value : null;
  return (
    <>
      <header class="library-header">
        <h1>{t('libraryPageTitle')}</h1>
      </header>
      <main class="library-main">
        {reading ? (
          <SavedArticleReader url={reading} onBack={() => read(null)} onActor={onActor} onEvent={onEvent} />
        ) : (
          <Section title={t('libraryTitle')} testId="saved-articles">
            <LibraryFilters filters={filters} sites={page?.sites ?? []} tags={page?.tags ?? []} onChange={setFilters} />
            {failure && (
              <p role="alert" class="status-note">
                {failure}
              </p>
            )}
            <SavedArticleList
              loaded={loaded}
              filtered={Object.keys(queryOf(filters, settledText)).some((k) => k !== 'sort')}
              selected={selected}
              onSelect={setSelected}
              onRead={read}
              onRemove={(urls) => void remove(urls)}
              onActor={onActor}
              onEvent={onEvent}
            />
          </Section>
        )}
        {!reading && (
          <>
            <LibraryBackup onImported={reload} />
            <HistorySettings />
            <WrongLinks />
            <KnowledgeBase />
          </>
        )}
      </main>
      {undo && <UndoToast message={t('libraryRemoved', undo.count)} onUndo={() => void undoRemove()} onDismiss={() => setUndo(null)} ms={undoMs} />}
    </>
  );
}
