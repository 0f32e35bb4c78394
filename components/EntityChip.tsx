import { accentOf } from '@/utils/ui/entity-types';
import { typeLabel } from '@/utils/ui/labels';

interface Props {
  entity: { name: string; type: string };
}

/** An entity's name with its type, tinted with the type's highlight colour. */
export function EntityChip({ entity }: Props) {
  return (
    <span class="chip" data-accent={accentOf(entity.type)}>
      <span class="chip-name">{entity.name}</span>
      <span class="chip-type">{typeLabel(entity.type)}</span>
    </span>
  );
}
