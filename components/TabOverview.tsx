import { useState } from 'preact/hooks';
import type { UnknownName } from '@/utils/match/unknown-name';
import type { TabAnalysis } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { ActorList } from './ActorList';
import { ArticleHeader } from './ArticleHeader';
import { LaterEvents } from './LaterEvents';
import { NoBackstory } from './NoBackstory';
import { OrderChoice, type EventOrder } from './OrderChoice';
import { ReadBefore } from './ReadBefore';
import { RelatedEvents } from './RelatedEvents';
import { Section } from './Section';
import { SiteHistoryToggle } from './SiteHistoryToggle';
import { StatusNote } from './StatusNote';
import { EventChain } from './EventChain';
import { UnknownNamesSection } from './UnknownNamesSection';

interface Props {
  analysis: TabAnalysis;
  site: string | null;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
  /** "Add" of a name the knowledge base does not hold (issue 17); absent: no such list. */
  onAddName?: (name: UnknownName, article: TabAnalysis['article']) => void;
  /** The reader marks an event "not related" to this article. */
  onDismissEvent?: (id: string) => void;
  /** Searches the knowledge base (the panel's search box). */
  onSearch: (query: string) => void;
  /** Whether this site's articles are kept in the reader's history, and its switch; absent: the history is off. */
  history?: { paused: boolean; onToggle: () => void };
}

/**
 * The side panel's view of an article, in the order readers need it: the title, the prior
 * events that explain it (with why), or plainly none, the actors at a glance, then what came
 * next.
 */
export function TabOverview({ analysis, site, onOpenEntity, onOpenEvent, onAddName, onDismissEvent, onSearch, history }: Props) {
  const { entities, related, later, readBefore, chain } = analysis;
  const [order, setOrder] = useState<EventOrder>('relevance');
  return (
    <article class="overview">
      <ArticleHeader article={analysis.article} fallbackSite={site} />
      {entities.length + related.length + later.length === 0 && <StatusNote kind="nothing-known" />}
      {related.length > 0 ? (
        <Section title={t('sectionRelated')} tools={related.length > 1 && <OrderChoice order={order} onChange={setOrder} />}>
          <RelatedEvents events={related} order={order} onOpen={onOpenEvent} onDismiss={onDismissEvent} />
        </Section>
      ) : (
        entities.length > 0 && (
          <Section title={t('sectionRelated')}>
            <NoBackstory searchFor={entities[0]?.name ?? null} onSearch={onSearch} />
          </Section>
        )
      )}
      {chain && chain.length > 0 && (
        <Section title={t('sectionChain')} testId="chain">
          <EventChain steps={chain} onOpen={onOpenEvent} />
        </Section>
      )}
      {readBefore && readBefore.length > 0 && (
        <Section title={t('sectionReadBefore')} testId="read-before">
          <ReadBefore stories={readBefore} />
        </Section>
      )}
      {entities.length > 0 && (
        <Section title={t('sectionActors')}>
          <ActorList entities={entities} onOpen={onOpenEntity} />
        </Section>
      )}
      {later.length > 0 && (
        <Section title={t('sectionLater')}>
          <LaterEvents events={later} onOpen={onOpenEvent} onDismiss={onDismissEvent} />
        </Section>
      )}
      {onAddName && <UnknownNamesSection names={analysis.unknownNames} onAdd={(name) => onAddName(name, analysis.article)} />}
      {history && site && <SiteHistoryToggle site={site} paused={history.paused} onToggle={history.onToggle} />}
    </article>
  );
}
