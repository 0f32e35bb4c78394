import type { EventDetails } from '@/utils/messages';
import { formatDateRange } from '@/utils/ui/format';
import { linkLabel } from '@/utils/ui/labels';
import { opensAttr } from '@/utils/ui/use-page-stack';

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
          <span class="event-title">
            <button type="button" class="link-button" data-opens={opensAttr({ kind: 'event', id: event.id })} onClick={() => onOpenEvent(event.id)}>
              {event.title}
            </button>
          </span>
          <span class="meta">
            <span class="link-type">{linkLabel(type, direction)}</span>
            <time dateTime={event.date}>{formatDateRange(event.date, event.end)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
