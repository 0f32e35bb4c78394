import type { LinkedEvent } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { EntityChip } from './EntityChip';

interface Props {
  entities: { id: string; name: string; type: string }[];
  events: LinkedEvent[];
  onActor: (entity: { id: string; name: string }) => void;
  onEvent: (event: LinkedEvent) => void;
}

/** A saved article's actors and events as chips; each shows the saved articles about it. */
export function SavedArticleChips({ entities, events, onActor, onEvent }: Props) {
  return (
    <>
      {entities.length > 0 && (
        <ul class="chip-list" aria-label={t('namedEntities')}>
          {entities.map((entity) => (
            <li key={entity.id} data-entity-id={entity.id}>
              <button type="button" class="chip-button" data-testid="actor-chip" title={t('libraryShowArticlesAbout', entity.name)} onClick={() => onActor(entity)}>
                <EntityChip entity={entity} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {events.length > 0 && (
        <ul class="chip-list" aria-label={t('libraryEventsLabel')}>
          {events.map((event) => (
            <li key={event.id} data-event-id={event.id}>
              <button type="button" class="chip event-chip" data-testid="event-chip" title={t('libraryShowArticlesAbout', event.title)} onClick={() => onEvent(event)}>
                <span class="chip-name">{event.title}</span>
                <span class="chip-type">{formatDate(event.date)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
