import type { ComponentChildren } from 'preact';
import type { TabAnalysis } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { ActorChips } from './ActorChips';
import { ArticleHeader } from './ArticleHeader';
import { EventItem } from './EventItem';
import { Section } from './Section';
import { StatusNote } from './StatusNote';

/** How much of the article the popup shows at a glance; the side panel shows the rest. */
const popupActorCount = 4;
const popupEventCount = 2;

interface Props {
  analysis: TabAnalysis;
  site: string | null;
  /** The main actions, shown right under the title so that they are above the fold. */
  actions: ComponentChildren;
}

/** The popup's glance at an article: title, the closest prior events, and the top actors. */
export function PopupArticle({ analysis, site, actions }: Props) {
  const actors = analysis.entities.slice(0, popupActorCount);
  const related = analysis.related.slice(0, popupEventCount);
  return (
    <>
      <ArticleHeader article={analysis.article} fallbackSite={site} />
      {actions}
      {actors.length + related.length === 0 && <StatusNote kind="nothing-known" />}
      {related.length > 0 && (
        <Section title={t('sectionRelated')}>
          <ul class="event-list">
            {related.map((event) => (
              <EventItem key={event.id} event={event} testId="related-event" reasonCount={1} />
            ))}
          </ul>
        </Section>
      )}
      {actors.length > 0 && (
        <Section title={t('sectionActors')}>
          <ActorChips entities={actors} />
        </Section>
      )}
    </>
  );
}
