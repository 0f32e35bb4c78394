import type { EventSummary } from '@/utils/analysis/analyze-text';
import { groupByMonth } from '@/utils/ui/format';
import { EventItem } from './EventItem';

interface Props {
  events: (EventSummary & { reasons?: string[] })[];
  testId: string;
  /** Oldest month first instead (for what happened next). */
  chronological?: boolean;
  onOpen: (id: string) => void;
  onDismiss?: (id: string) => void;
}

/** Events under month headings, newest month first unless `chronological`. */
export function EventTimeline({ events, testId, chronological = false, onOpen, onDismiss }: Props) {
  return (
    <div class="timeline">
      {groupByMonth(events, !chronological).map((group) => (
        <section key={group.key} class="timeline-month">
          <h3>{group.heading}</h3>
          <ul class="event-list">
            {group.items.map((event) => (
              <EventItem key={event.id} event={event} testId={testId} onOpen={onOpen} onDismiss={onDismiss} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
