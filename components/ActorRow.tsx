import type { EntityInArticle } from '@/utils/analysis/analyze-text';
import { accentOf } from '@/utils/ui/entity-types';
import { opensAttr } from '@/utils/ui/use-page-stack';

interface Props {
  entity: EntityInArticle;
  /** Show the role (people) or leave the name alone (countries, places: the group says what they are). */
  withRole: boolean;
  onOpen: (id: string) => void;
}

/** One actor of the article, opening its page: a name with its role, or a compact chip. */
export function ActorRow({ entity, withRole, onOpen }: Props) {
  const detail = withRole ? (entity.role ?? entity.description) : null;
  return (
    <li class={withRole ? 'actor-row' : 'actor-chip'} data-testid="actor" data-entity-id={entity.id} data-accent={accentOf(entity.type)}>
      <button
        type="button"
        class={withRole ? 'actor-open' : 'chip'}
        data-testid="open-actor"
        data-opens={opensAttr({ kind: 'entity', id: entity.id })}
        title={withRole ? undefined : (entity.role ?? entity.description)}
        onClick={() => onOpen(entity.id)}
      >
        <span class="actor-name">{entity.name}</span>
        {detail && <span class="actor-role">{detail}</span>}
      </button>
    </li>
  );
}
