import type { EventSummary } from '@/utils/analysis/analyze-text';
import { formatDateRange } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { opensAttr } from '@/utils/ui/use-page-stack';

interface Props {
  event: EventSummary & { reasons?: string[] };
  testId: string;
  /** How many of the event's reasons to show (the popup shows only the first). */
  reasonCount?: number;
  /** Opens the event's page; without it the title is plain text. */
  onOpen?: (id: string) => void;
  /** The reader marks the event "not related" to the article; without it there is no such button. */
  onDismiss?: (id: string) => void;
}

/** One event in a list: title, then date and place, then why it relates to the article. */
export function EventItem({ event, testId, reasonCount = Infinity, onOpen, onDismiss }: Props) {
  const reasons = (event.reasons ?? []).slice(0, reasonCount);
  return (
    <li class="event-item" data-testid={testId} data-event-id={event.id}>
      <span class="event-title">
        {onOpen ? (
          <button type="button" class="link-button" data-opens={opensAttr({ kind: 'event', id: event.id })} onClick={() => onOpen(event.id)}>
            {event.title}
          </button>
        ) : (
          event.title
        )}
      </span>
      <span class="meta">
        <time dateTime={event.date}>
          {formatDateRange(event.date, event.end)}
        </time>
        {event.place && <span class="event-place">{event.place}</span>}
        {onDismiss && (
          <button type="button" class="link-button dismiss-button" data-testid="dismiss-event" aria-label={t('notRelatedLabel', event.title)} onClick={() => onDismiss(event.id)}>
            {t('notRelated')}
          </button>
        )}
      </span>
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
