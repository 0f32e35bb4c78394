import type { TabAnalysis } from '@/utils/messages';
import { formatDateRange } from '@/utils/ui/format';
import { linkLabel } from '@/utils/ui/labels';
import { opensAttr } from '@/utils/ui/use-page-stack';

interface Props {
  steps: NonNullable<TabAnalysis['chain']>;
  onOpen: (id: string) => void;
}

/** "How it unfolded": the linked events that led to the article, oldest first, each joined to the one before by how it came from it. */
export function EventChain({ steps, onOpen }: Props) {
  return (
    <ol class="event-chain" data-testid="event-chain">
      {steps.map((step) => (
        <li key={step.id} class="chain-step" data-testid="chain-step" data-event-id={step.id}>
          {/* Read from the step before: it was followed, answered or cancelled by this one, or prepared it. */}
          {step.link && <span class="chain-link">{linkLabel(step.link, step.link === 'prepares' ? 'to' : 'from')}</span>}
          <time dateTime={step.date}>{formatDateRange(step.date, step.end)}</time>
          <button type="button" class="link-button" data-opens={opensAttr({ kind: 'event', id: step.id })} onClick={() => onOpen(step.id)}>
            {step.title}
          </button>
        </li>
      ))}
    </ol>
  );
}
