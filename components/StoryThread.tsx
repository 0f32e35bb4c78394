import type { TabAnalysis } from '@/utils/messages';
import type { ThreadLink } from '@/utils/related/story-thread';
import { formatDateRange } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { opensAttr } from '@/utils/ui/use-page-stack';

/** The words between two steps: how the later one came from the earlier one. */
const LINK_WORDS: Record<ThreadLink, Parameters<typeof t>[0]> = {
  follows: 'threadFollows',
  prepares: 'threadPrepares',
  cancels: 'threadCancels',
  'responds-to': 'threadRespondsTo',
};

interface Props {
  steps: NonNullable<TabAnalysis['thread']>;
  onOpen: (id: string) => void;
}

/** "How it unfolded": the linked events that led to the article, oldest first, each joined to the one before by how it came from it. */
export function StoryThread({ steps, onOpen }: Props) {
  return (
    <ol class="story-thread" data-testid="story-thread">
      {steps.map((step) => (
        <li key={step.id} class="thread-step" data-testid="thread-step" data-event-id={step.id}>
          {step.link && <span class="thread-link">{t(LINK_WORDS[step.link])}</span>}
          <time dateTime={step.date}>{formatDateRange(step.date, step.end)}</time>
          <button type="button" class="link-button" data-opens={opensAttr({ kind: 'event', id: step.id })} onClick={() => onOpen(step.id)}>
            {step.title}
          </button>
        </li>
      ))}
    </ol>
  );
}
