import type { LibraryPage, LinkedEvent } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import type { Loadable } from '@/utils/ui/use-result';
import { SavedArticleRow } from './SavedArticleRow';
import { StatusNote } from './StatusNote';

interface Props {
  loaded: Loadable<LibraryPage>;
  /** A search or filter is in force (an empty answer then means "no match", not "nothing saved"). */
  filtered: boolean;
  selected: Set<string>;
  onSelect: (selected: Set<string>) => void;
  onRead: (url: string) => void;
  onRemove: (urls: string[]) => void;
  onActor: (entity: { id: string; name: string }) => void;
  onEvent: (event: LinkedEvent) => void;
}

/** The listed articles with their count, bulk select and bulk remove. */
export function SavedArticleList({ loaded, filtered, selected, onSelect, onRead, onRemove, onActor, onEvent }: Props) {
  if (loaded.status === 'loading') return <StatusNote kind="loading" />;
  if (loaded.status === 'error') return <StatusNote kind="error" detail={loaded.error} />;
  const { articles, total } = loaded.value;
  if (articles.length === 0) {
    return (
      <p class="status-note" data-testid="library-empty">
        {filtered ? t('libraryNoMatch') : t('libraryEmpty')}
      </p>
    );
  }
  const shown = articles.map((a) => a.url);
  const chosen = shown.filter((url) => selected.has(url));
  const toggle = (url: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(url);
    else next.delete(url);
    onSelect(next);
  };
  return (
    <>
      <div class="bulk-bar">
        <label>
          <input type="checkbox" data-testid="select-all" checked={chosen.length === shown.length} onChange={(e) => onSelect(new Set(e.currentTarget.checked ? shown : []))} />
          {t('librarySelectAll')}
        </label>
        <span data-testid="library-count">{t('libraryCount', articles.length, total)}</span>
        {chosen.length > 0 && (
          <button type="button" class="remove-button" data-testid="remove-selected" onClick={() => onRemove(chosen)}>
            {t('libraryRemoveSelected', chosen.length)}
          </button>
        )}
      </div>
      {total > articles.length && <p class="status-note">{t('libraryShowingFirst', articles.length)}</p>}
      <ul class="saved-list">
        {articles.map((article) => (
          <SavedArticleRow
            key={article.url}
            article={article}
            selected={selected.has(article.url)}
            onSelect={toggle}
            onRead={onRead}
            onRemove={(url) => onRemove([url])}
            onActor={onActor}
            onEvent={onEvent}
          />
        ))}
      </ul>
    </>
  );
}
