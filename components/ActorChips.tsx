import type { EntityInArticle } from '@/utils/analysis/analyze-text';
import { EntityChip } from './EntityChip';

interface Props {
  entities: EntityInArticle[];
}

/** The article's most-named actors as chips, for the popup's at-a-glance view. */
export function ActorChips({ entities }: Props) {
  return (
    <ul class="chip-list">
      {entities.map((entity) => (
        <li key={entity.id} data-testid="actor" data-entity-id={entity.id} title={entity.role ?? entity.description}>
          <EntityChip entity={entity} />
        </li>
      ))}
    </ul>
  );
}
