import { safeHref } from '@/utils/web-url';
import type { EntityDetails, Result } from '@/utils/messages';
import { accentOf } from '@/utils/ui/entity-types';
import { t } from '@/utils/ui/i18n';
import { typeLabel } from '@/utils/ui/labels';
import { useFocusOnMount } from '@/utils/ui/use-focus-on-mount';
import { wikipediaUrl } from '@/utils/ui/wikipedia';
import { AliasForm } from './AliasForm';
import { EventItem } from './EventItem';
import { MoreDetails } from './MoreDetails';
import { RoleList } from './RoleList';
import { SavedArticleLinks } from './SavedArticleLinks';
import { Section } from './Section';

/** An actor's latest events show; older ones are folded (a head of state has dozens). */
const shownEventCount = 8;

interface Props {
  details: EntityDetails;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
  onReveal?: (id: string) => void;
  onAddAlias: (alias: string) => Promise<Result<unknown>>;
}

/** An actor's page: who they are, their names, the offices they held, their events and saved articles. */
export function EntityPage({ details, onOpenEntity, onOpenEvent, onReveal, onAddAlias }: Props) {
  const { entity, roles, events, savedArticles } = details;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const eventList = (items: EntityDetails['events']) => (
    <ul class="event-list">
      {items.map((event) => (
        <EventItem key={event.id} event={event} testId="entity-event" onOpen={onOpenEvent} />
      ))}
    </ul>
  );
  return (
    <article class="detail-page" data-testid="entity-page" data-entity-id={entity.id}>
      <header>
        <h1 ref={heading} tabIndex={-1}>
          {entity.name}
        </h1>
        <span class="chip" data-accent={accentOf(entity.type)}>
          {typeLabel(entity.type)}
        </span>
      </header>
      <p class="description">{entity.description}</p>
      <p class="page-links">
        {onReveal && (
          <button type="button" class="link-button" data-testid="reveal-actor" onClick={() => onReveal(entity.id)}>
            {t('showInArticle')}
          </button>
        )}
        {entity.wikipedia && (
          <a href={safeHref(wikipediaUrl(entity.wikipedia))} target="_blank" rel="noopener">
            {t('wikipediaLink')}
          </a>
        )}
      </p>
      {roles.length > 0 && (
        <Section title={t('sectionRoles')}>
          <RoleList roles={roles} onOpenEntity={onOpenEntity} />
        </Section>
      )}
      {events.length > 0 && (
        <Section title={t('sectionEvents')}>
          {eventList(events.slice(0, shownEventCount))}
          {events.length > shownEventCount && (
            <MoreDetails summary={t('moreEvents', events.length - shownEventCount)} testId="more-events">
              {eventList(events.slice(shownEventCount))}
            </MoreDetails>
          )}
        </Section>
      )}
      {savedArticles.length > 0 && (
        <Section title={t('sectionSavedArticles')}>
          <SavedArticleLinks articles={savedArticles} />
        </Section>
      )}
      <Section title={t('sectionAliases')} testId="aliases">
        {entity.aliases.length > 0 ? (
          <ul class="alias-list" data-testid="alias-list">
            {entity.aliases.map((alias) => (
              <li key={alias}>{alias}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('aliasNone')}</p>
        )}
        <AliasForm name={entity.name} onAdd={onAddAlias} />
      </Section>
    </article>
  );
}
