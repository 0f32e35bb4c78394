import { useState } from 'preact/hooks';
import type { Analysis } from '@/utils/analysis/analyze-text';
import { t } from '@/utils/ui/i18n';
import { EventItem } from './EventItem';
import { EventTimeline } from './EventTimeline';

type Order = 'relevance' | 'timeline';

interface Props {
  events: Analysis['related'];
  onOpen: (id: string) => void;
}

/**
 * The prior events, most relevant first (the ranking is the point: the events that explain
 * the article lead), or as a timeline under month headings at the reader's choice.
 */
export function RelatedEvents({ events, onOpen }: Props) {
  const [order, setOrder] = useState<Order>('relevance');
  const choice = (value: Order, label: string) => (
    <button type="button" aria-pressed={order === value} data-testid={`order-${value}`} onClick={() => setOrder(value)}>
      {label}
    </button>
  );
  return (
    <>
      <div class="segmented" role="group" aria-label={t('orderLabel')}>
        {choice('relevance', t('orderRelevance'))}
        {choice('timeline', t('orderTimeline'))}
      </div>
      {order === 'timeline' ? (
        <EventTimeline events={events} testId="related-event" onOpen={onOpen} />
      ) : (
        <ul class="event-list">
          {events.map((event) => (
            <EventItem key={event.id} event={event} testId="related-event" onOpen={onOpen} />
          ))}
        </ul>
      )}
    </>
  );
}
