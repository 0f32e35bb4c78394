import { t } from '@/utils/ui/i18n';

export type EventOrder = 'relevance' | 'timeline';

interface Props {
  order: EventOrder;
  onChange: (order: EventOrder) => void;
}

/** The choice between related events best first and a timeline under month headings. */
export function OrderChoice({ order, onChange }: Props) {
  const choice = (value: EventOrder, label: string) => (
    <button type="button" aria-pressed={order === value} data-testid={`order-${value}`} onClick={() => onChange(value)}>
      {label}
    </button>
  );
  return (
    <div class="segmented" role="group" aria-label={t('orderLabel')}>
      {choice('relevance', t('orderRelevance'))}
      {choice('timeline', t('orderTimeline'))}
    </div>
  );
}
