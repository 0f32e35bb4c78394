import type { Analysis } from '@/utils/analysis/analyze-text';
import { t } from '@/utils/ui/i18n';
import { EventItem } from './EventItem';
import { EventTimeline } from './EventTimeline';
import { MoreDetails } from './MoreDetails';
import type { EventOrder } from './OrderChoice';

/** The events that explain the article lead, with their reasons; the rest wait behind "more". */
const topEventCount = 5;
const topReasonCount = 3;
const moreReasonCount = 1;

interface Props {
  events: Analysis['related'];
  order: EventOrder;
  onOpen: (id: string) => void;
  /** The reader marks an event "not related". */
  onDismiss?: (id: string) => void;
}

/**
 * The prior events, most relevant first (the ranking is the point: the events that explain
 * the article lead), or as a timeline under month headings at the reader's choice. Events
 * past the first few are folded.
 */
export function RelatedEvents({ events, order, onOpen, onDismiss }: Props) {
  if (order === 'timeline') return <EventTimeline events={events} testId="related-event" onOpen={onOpen} onDismiss={onDismiss} />;
  const list = (items: Analysis['related'], reasonCount: number) => (
    <ul class="event-list">
      {items.map((event) => (
        <EventItem key={event.id} event={event} testId="related-event" reasonCount={reasonCount} onOpen={onOpen} onDismiss={onDismiss} />
      ))}
    </ul>
  );
  const more = events.slice(topEventCount);
  return (
    <>
      {list(events.slice(0, topEventCount), topReasonCount)}
      {more.length > 0 && (
        <MoreDetails summary={t('moreRelated', more.length)} testId="more-related">
          {list(more, moreReasonCount)}
        </MoreDetails>
      )}
    </>
  );
}
