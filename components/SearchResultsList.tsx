import type { SearchResults } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { opensAttr } from '@/utils/ui/use-page-stack';
import { EntityChip } from './EntityChip';
import { EventItem } from './EventItem';
import { Section } from './Section';

interface Props {
  query: string;
  results: SearchResults;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** Knowledge-base entities and events matching a search, each opening its page. */
export function SearchResultsList({ query, results, onOpenEntity, onOpenEvent }: Props) {
  const { entities, events } = results;
  return (
    <div class="search-results">
      <h1>{t('searchResultsHeading', query)}</h1>
      {entities.length + events.length === 0 && <p class="status-note">{t('searchNoResults', query)}</p>}
      {entities.length > 0 && (
        <Section title={t('sectionActors')}>
          <ul class="result-list">
            {entities.map((entity) => (
              <li key={entity.id} data-testid="search-result" data-entity-id={entity.id}>
                <button
                  type="button"
                  class="result-button"
                  data-opens={opensAttr({ kind: 'entity', id: entity.id })}
                  onClick={() => onOpenEntity(entity.id)}
                >
                  <EntityChip entity={entity} />
                  <span class="result-description">{entity.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {events.length > 0 && (
        <Section title={t('sectionEvents')}>
          <ul class="event-list">
            {events.map((event) => (
              <EventItem key={event.id} event={event} testId="search-result" onOpen={onOpenEvent} />
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
