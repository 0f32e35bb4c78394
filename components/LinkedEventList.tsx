import type { EventDetails } from '@/utils/messages';
import { formatDateRange } from '@/utils/ui/format';
import { linkLabel } from '@/utils/ui/labels';

interface Props {
  links: EventDetails['links'];
  onOpenEvent: (id: string) => void;
}

/** Events linked to the one shown: what it follows, cancels, prepares or answers, and back. */
export function LinkedEventList({ links, onOpenEvent }: Props) {
  return (
    <ul class="event-list">
      {links.map(({ type, direction, event }) => (
        <li key={`${direction}|${type}|${event.id}`} class="event-item" data-testid="linked-event" data-event-id={event.id}>
          <span class="link-type">{linkLabel(type, direction)}</span>
          <time class="event-date" dateTime={event.date}>
            {formatDateRange(event.date, event.end)}
          </time>
          <span class="event-title">
            <button type="button" class="link-button" onClick={() => onOpenEvent(event.id)}>
              {event.title}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
