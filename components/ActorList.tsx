import type { EntityInArticle } from '@/utils/analysis/analyze-text';
import { groupByType } from '@/utils/ui/entity-types';
import { groupLabel } from '@/utils/ui/labels';
import { ActorRow } from './ActorRow';

interface Props {
  entities: EntityInArticle[];
  onReveal: (id: string) => void;
  onOpen: (id: string) => void;
}

/** The article's actors grouped by kind: people, countries, places, organisations. */
export function ActorList({ entities, onReveal, onOpen }: Props) {
  return (
    <div class="actor-groups">
      {groupByType(entities).map((group) => (
        <section key={group.key} class="actor-group">
          <h3>
            {groupLabel(group.key)} <span class="count">({group.items.length})</span>
          </h3>
          <ul class="actor-list">
            {group.items.map((entity) => (
              <ActorRow key={entity.id} entity={entity} onReveal={onReveal} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
