import type { Analysis } from '@/utils/analysis/analyze-text';
import { t } from '@/utils/ui/i18n';
import { ActorList } from './ActorList';
import { ArticleHeader } from './ArticleHeader';
import { EventTimeline } from './EventTimeline';
import { RelatedEvents } from './RelatedEvents';
import { Section } from './Section';
import { StatusNote } from './StatusNote';

interface Props {
  analysis: Analysis;
  site: string | null;
  onReveal: (entityId: string) => void;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** The side panel's view of an article: its actors, what happened before, and what came next. */
export function TabOverview({ analysis, site, onReveal, onOpenEntity, onOpenEvent }: Props) {
  const { entities, related, later } = analysis;
  return (
    <article class="overview">
      <ArticleHeader article={analysis.article} fallbackSite={site} />
      {entities.length + related.length + later.length === 0 && <StatusNote kind="nothing-known" />}
      {entities.length > 0 && (
        <Section title={t('sectionActors')}>
          <ActorList entities={entities} onReveal={onReveal} onOpen={onOpenEntity} />
        </Section>
      )}
      {related.length > 0 && (
        <Section title={t('sectionRelated')}>
          <RelatedEvents events={related} onOpen={onOpenEvent} />
        </Section>
      )}
      {later.length > 0 && (
        <Section title={t('sectionLater')}>
          <EventTimeline events={later} testId="later-event" chronological onOpen={onOpenEvent} />
        </Section>
      )}
    </article>
  );
}
