import type { EntityDetails } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { useFocusOnMount } from '@/utils/ui/use-focus-on-mount';
import { wikipediaUrl } from '@/utils/ui/wikipedia';
import { EntityChip } from './EntityChip';
import { EventItem } from './EventItem';
import { RoleList } from './RoleList';
import { SavedArticleLinks } from './SavedArticleLinks';
import { Section } from './Section';

interface Props {
  details: EntityDetails;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** An actor's page: who they are, the offices they held, their events and saved articles. */
export function EntityPage({ details, onOpenEntity, onOpenEvent }: Props) {
  const { entity, roles, events, savedArticles } = details;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <article class="detail-page" data-testid="entity-page" data-entity-id={entity.id}>
      <header>
        <h1 ref={heading} tabIndex={-1}>
          {entity.name}
        </h1>
        <EntityChip entity={{ name: entity.name, type: entity.type }} />
      </header>
      <p class="description">{entity.description}</p>
      {entity.wikipedia && (
        <p>
          <a href={wikipediaUrl(entity.wikipedia)} target="_blank" rel="noopener">
            {t('wikipediaLink')}
          </a>
        </p>
      )}
      {roles.length > 0 && (
        <Section title={t('sectionRoles')}>
          <RoleList roles={roles} onOpenEntity={onOpenEntity} />
        </Section>
      )}
      {events.length > 0 && (
        <Section title={t('sectionEvents')}>
          <ul class="event-list">
            {events.map((event) => (
              <EventItem key={event.id} event={event} testId="entity-event" onOpen={onOpenEvent} />
            ))}
          </ul>
        </Section>
      )}
      {savedArticles.length > 0 && (
        <Section title={t('sectionSavedArticles')}>
          <SavedArticleLinks articles={savedArticles} />
        </Section>
      )}
    </article>
  );
}
