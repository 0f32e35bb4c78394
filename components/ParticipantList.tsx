import type { EventDetails } from '@/utils/messages';
import { accentOf } from '@/utils/ui/entity-types';
import { typeLabel } from '@/utils/ui/labels';
import { opensAttr } from '@/utils/ui/use-page-stack';

interface Props {
  participants: EventDetails['participants'];
  onOpenEntity: (id: string) => void;
}

/** Who took part in an event, each opening their actor page. */
export function ParticipantList({ participants, onOpenEntity }: Props) {
  return (
    <ul class="chip-list">
      {participants.map((p) => (
        <li key={p.id} data-testid="participant" data-entity-id={p.id}>
          <button
            type="button"
            class="chip"
            data-accent={accentOf(p.type)}
            data-opens={opensAttr({ kind: 'entity', id: p.id })}
            onClick={() => onOpenEntity(p.id)}
          >
            <span class="chip-name">{p.name}</span>
            <span class="chip-type">{p.role ?? typeLabel(p.type)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
