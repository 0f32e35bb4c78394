import type { EventDetails } from '@/utils/messages';
import { formatDateRange } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { eventTypeLabel } from '@/utils/ui/labels';
import { useFocusOnMount } from '@/utils/ui/use-focus-on-mount';
import { LinkedEventList } from './LinkedEventList';
import { ParticipantList } from './ParticipantList';
import { SavedArticleLinks } from './SavedArticleLinks';
import { Section } from './Section';
import { SourceList } from './SourceList';

interface Props {
  details: EventDetails;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** An event's page: when and where, who took part, what happened, its sources and links. */
export function EventPage({ details, onOpenEntity, onOpenEvent }: Props) {
  const { event, participants, placeName, links, savedArticles } = details;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <article class="detail-page" data-testid="event-page" data-event-id={event.id}>
      <header>
        <h1 ref={heading} tabIndex={-1}>
          {event.title}
        </h1>
        <p class="meta">
          <time dateTime={event.date}>{formatDateRange(event.date, event.end)}</time>
          {placeName && <span>{placeName}</span>}
          <span>{eventTypeLabel(event.type)}</span>
        </p>
      </header>
      <p class="description">{event.summary}</p>
      {event.unverified && <p class="note">{t('eventUnverified')}</p>}
      {participants.length > 0 && (
        <Section title={t('sectionParticipants')}>
          <ParticipantList participants={participants} onOpenEntity={onOpenEntity} />
        </Section>
      )}
      <Section title={t('sectionSources')}>
        <SourceList sources={event.sources} />
      </Section>
      {links.length > 0 && (
        <Section title={t('sectionLinkedEvents')}>
          <LinkedEventList links={links} onOpenEvent={onOpenEvent} />
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
