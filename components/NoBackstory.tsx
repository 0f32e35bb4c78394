import { libraryUrl, openLibrary } from '@/utils/ui/open-library';
import { t } from '@/utils/ui/i18n';

interface Props {
  /** What to search the knowledge base for (the article's most named actor); null when it names none. */
  searchFor: string | null;
  onSearch: (query: string) => void;
}

/**
 * The honest answer when no earlier event passes the ranking's floor: say so, and offer
 * what the reader can do, rather than fill the panel with events of a famous name.
 */
export function NoBackstory({ searchFor, onSearch }: Props) {
  return (
    <div class="status-note no-backstory" role="status" data-testid="no-backstory">
      <p>{t('noBackstory')}</p>
      <p class="muted">{t('noBackstoryHelp')}</p>
      <p class="actions">
        {searchFor && (
          <button type="button" data-testid="search-backstory" onClick={() => onSearch(searchFor)}>
            {t('searchKnowledgeBase', searchFor)}
          </button>
        )}
        <a href={libraryUrl()} target="_blank" rel="noopener" data-testid="add-events" onClick={openLibrary}>
          {t('addEvents')}
        </a>
      </p>
    </div>
  );
}
