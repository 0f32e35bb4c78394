import { useId } from 'preact/hooks';
import type { LibraryQuery } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { SearchBox } from './SearchBox';

/** The library's search and filters, as the page keeps them. */
export interface FilterState {
  text: string;
  site: string;
  tag: string;
  from: string;
  to: string;
  sort: NonNullable<LibraryQuery['sort']> | '';
  /** An actor or event chip the reader clicked. */
  chip: { kind: 'entity' | 'event'; id: string; name: string } | null;
}

export const noFilters: FilterState = { text: '', site: '', tag: '', from: '', to: '', sort: '', chip: null };

interface Props {
  filters: FilterState;
  sites: string[];
  tags: string[];
  onChange: (filters: FilterState) => void;
}

/** The search box, the site, tag and date filters, the sort, and the chip filter in force. */
export function LibraryFilters({ filters, sites, tags, onChange }: Props) {
  const id = useId();
  const set = (change: Partial<FilterState>) => onChange({ ...filters, ...change });
  return (
    <div class="library-filters">
      <SearchBox value={filters.text} label={t('libraryFilterLabel')} placeholder={t('libraryFilterPlaceholder')} testId="library-search" onChange={(text) => set({ text })} />
      <div class="filter-row">
        <label for={`${id}-site`}>{t('librarySiteLabel')}</label>
        <select id={`${id}-site`} data-testid="filter-site" value={filters.site} onChange={(e) => set({ site: e.currentTarget.value })}>
          <option value="">{t('libraryAny')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label for={`${id}-tag`}>{t('libraryTagLabel')}</label>
        <select id={`${id}-tag`} data-testid="filter-tag" value={filters.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
          <option value="">{t('libraryAny')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <label for={`${id}-sort`}>{t('librarySortLabel')}</label>
        <select id={`${id}-sort`} data-testid="sort" value={filters.sort} onChange={(e) => set({ sort: e.currentTarget.value as FilterState['sort'] })}>
          <option value="">{filters.text ? t('librarySortRelevance') : t('librarySortSaved')}</option>
          <option value="saved">{t('librarySortSaved')}</option>
          <option value="published">{t('librarySortPublished')}</option>
          <option value="title">{t('librarySortTitle')}</option>
        </select>
      </div>
      <div class="filter-row">
        <label for={`${id}-from`}>{t('libraryFromLabel')}</label>
        <input id={`${id}-from`} type="date" data-testid="filter-from" value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <label for={`${id}-to`}>{t('libraryToLabel')}</label>
        <input id={`${id}-to`} type="date" data-testid="filter-to" value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      </div>
      {filters.chip && (
        <p class="chip-filter" data-testid="chip-filter">
          <span>{t('libraryFilteredBy', filters.chip.name)}</span>
          <button type="button" data-testid="clear-chip-filter" onClick={() => set({ chip: null })}>
            {t('libraryClearFilter')}
          </button>
        </p>
      )}
    </div>
  );
}

/** The query the filters ask the background for. */
export function queryOf(filters: FilterState, text: string): LibraryQuery {
  return {
    ...(text ? { text } : {}),
    ...(filters.site ? { site: filters.site } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.sort ? { sort: filters.sort } : {}),
    ...(filters.chip?.kind === 'entity' ? { entityId: filters.chip.id } : {}),
    ...(filters.chip?.kind === 'event' ? { eventId: filters.chip.id } : {}),
  };
}
