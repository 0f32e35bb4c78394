import type { EventSummary } from '@/utils/analysis/analyze-text';
import { formatDateRange } from '@/utils/ui/format';

interface Props {
  event: EventSummary & { reasons?: string[] };
  testId: string;
  /** How many of the event's reasons to show (the popup shows only the first). */
  reasonCount?: number;
  /** Opens the event's page; without it the title is plain text. */
  onOpen?: (id: string) => void;
}

/** One event in a list: date, title, place and why it relates to the article. */
export function EventItem({ event, testId, reasonCount = Infinity, onOpen }: Props) {
  const reasons = (event.reasons ?? []).slice(0, reasonCount);
  return (
    <li class="event-item" data-testid={testId} data-event-id={event.id}>
      <time class="event-date" dateTime={event.date}>
        {formatDateRange(event.date, event.end)}
      </time>
      <span class="event-title">
        {onOpen ? (
          <button type="button" class="link-button" onClick={() => onOpen(event.id)}>
            {event.title}
          </button>
        ) : (
          event.title
        )}
      </span>
      {event.place && <span class="event-place">{event.place}</span>}
      {reasons.length > 0 && (
        <ul class="reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
