import { sendToBackground } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import type { EntityDraft, EntitySource } from '@/utils/ui/kb-form';
import { useFocusOnMount } from '@/utils/ui/use-focus-on-mount';
import { EntityForm } from './EntityForm';

interface Props {
  draft: EntityDraft;
  source: EntitySource | null;
}

/** The side panel's page that adds a name of the article to the knowledge base, with the entity form filled in from the article (issue 17). */
export function AddEntityView({ draft, source }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <article class="detail-page" data-testid="add-entity-page">
      <header>
        <h1 ref={heading} tabIndex={-1}>
          {t('addEntityHeading')}
        </h1>
      </header>
      <EntityForm initial={draft} source={source} onSubmit={(entity) => sendToBackground('putUserEntity', { entity })} />
    </article>
  );
}
