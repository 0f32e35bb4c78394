import type { EntityInArticle } from '@/utils/analysis/analyze-text';
import { accentOf } from '@/utils/ui/entity-types';
import { t } from '@/utils/ui/i18n';
import { mentionCountLabel } from '@/utils/ui/labels';

interface Props {
  entity: EntityInArticle;
  /** Scrolls the page to the entity's first highlight. */
  onReveal: (id: string) => void;
  onOpen: (id: string) => void;
}

/** One actor of the article: name and role (click: find it in the page), and a link to its page. */
export function ActorRow({ entity, onReveal, onOpen }: Props) {
  return (
    <li class="actor-row" data-testid="actor" data-entity-id={entity.id} data-accent={accentOf(entity.type)}>
      <button type="button" class="actor-reveal" title={t('actorRevealLabel', entity.name)} onClick={() => onReveal(entity.id)}>
        <span class="actor-name">{entity.name}</span>
        <span class="actor-role">{entity.role ?? entity.description}</span>
        <span class="actor-count">{mentionCountLabel(entity.count)}</span>
      </button>
      <button
        type="button"
        class="actor-open"
        data-testid="open-actor"
        aria-label={t('actorOpenLabel', entity.name)}
        onClick={() => onOpen(entity.id)}
      >
        {t('actorOpen')}
      </button>
    </li>
  );
}
