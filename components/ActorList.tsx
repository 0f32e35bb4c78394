import type { EntityInArticle } from '@/utils/analysis/analyze-text';
import { groupByType } from '@/utils/ui/entity-types';
import { groupLabel } from '@/utils/ui/labels';
import { ActorRow } from './ActorRow';

interface Props {
  entities: EntityInArticle[];
  onOpen: (id: string) => void;
}

/**
 * The article's actors grouped by kind, compactly: people one to a line with the role they
 * held on the article's date; countries, places and organisations as chips.
 */
export function ActorList({ entities, onOpen }: Props) {
  return (
    <div class="actor-groups">
      {groupByType(entities).map((group) => (
        <section key={group.key} class="actor-group">
          <h3>
            {groupLabel(group.key)} <span class="count">({group.items.length})</span>
          </h3>
          <ul class={group.key === 'people' ? 'actor-list' : 'chip-list'}>
            {group.items.map((entity) => (
              <ActorRow key={entity.id} entity={entity} withRole={group.key === 'people'} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
