import type { EventSummary } from '@/utils/analysis/analyze-text';
import { t } from '@/utils/ui/i18n';
import { EventTimeline } from './EventTimeline';
import { MoreDetails } from './MoreDetails';

/** "What happened next" shows this many events at first: the story goes on, the panel should not run to thousands of pixels. */
const shownLaterCount = 3;

interface Props {
  events: (EventSummary & { reasons?: string[] })[];
  onOpen: (id: string) => void;
  onDismiss?: (id: string) => void;
}

/** What happened after the article, earliest first: a few events, the rest folded behind "Show N more". */
export function LaterEvents({ events, onOpen, onDismiss }: Props) {
  const more = events.slice(shownLaterCount);
  return (
    <>
      <EventTimeline events={events.slice(0, shownLaterCount)} testId="later-event" chronological onOpen={onOpen} onDismiss={onDismiss} />
      {more.length > 0 && (
        <MoreDetails summary={t('moreLater', more.length)} testId="more-later">
          <EventTimeline events={more} testId="later-event" chronological onOpen={onOpen} onDismiss={onDismiss} />
        </MoreDetails>
      )}
    </>
  );
}
