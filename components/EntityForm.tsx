import { useId, useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity } from '@/utils/kb/schema';
import type { Result } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';
import { entityFromDraft, fieldsInError, slugify, type EntityDraft, type EntitySource } from '@/utils/ui/kb-form';
import { safeHref } from '@/utils/web-url';
import { typeLabel } from '@/utils/ui/labels';

interface Props {
  /** Saves the entity; the background's validation errors come back as `{ ok: false }`. */
  onSubmit: (entity: Entity) => Promise<Result<Entity>>;
  /** What the form starts with (a name of the article, issue 17); empty when absent. */
  initial?: EntityDraft;
  /** The article the entity is added from: shown, and kept with the record. */
  source?: EntitySource | null;
}

const emptyDraft: EntityDraft = { name: '', type: 'person', aliases: '', wikipedia: '', description: '' };

/** A small form to add an entity to the reader's layer; its id is the slug of its name. */
export function EntityForm({ onSubmit, initial, source }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial ?? emptyDraft);
  const [error, setError] = useState('');
  const [added, setAdded] = useState('');
  const slug = slugify(draft.name);
  const set = (field: keyof EntityDraft) => (event: Event) => setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!slug) {
      setError(t('entityNameNeedsLetters'));
      return;
    }
    const entity = { ...entityFromDraft(draft), ...(source ? { seenIn: source } : {}) };
    const reply = await onSubmit(entity);
    setError(reply.ok ? '' : reply.error);
    setAdded(reply.ok ? entity.name : '');
    if (reply.ok) setDraft(emptyDraft);
  };
  const field = (name: keyof EntityDraft) => `${id}-${name}`;
  const errorId = `${id}-error`;
  const invalid = new Set(fieldsInError(error));
  /** Marks a field the error names, and points it at the error for screen readers. */
  const state = (name: keyof EntityDraft, describedBy?: string) => {
    const bad = invalid.has(name);
    const ids = [describedBy, bad ? errorId : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': bad ? true : undefined, 'aria-describedby': ids || undefined };
  };
  return (
    <form class="entity-form" data-testid="entity-form" onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for={field('name')}>{t('entityName')}</label>
        <input id={field('name')} type="text" required value={draft.name} {...state('name')} data-testid="entity-name" onInput={set('name')} />
        {slug && <span class="hint">{t('entityIdPreview', slug)}</span>}
      </div>
      <div class="field">
        <label for={field('type')}>{t('entityType')}</label>
        <select id={field('type')} value={draft.type} {...state('type')} data-testid="entity-type" onChange={set('type')}>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={field('aliases')}>{t('entityAliases')}</label>
        <input
          id={field('aliases')}
          type="text"
          value={draft.aliases}
          {...state('aliases', `${field('aliases')}-hint`)}
          data-testid="entity-aliases"
          onInput={set('aliases')}
        />
        <span id={`${field('aliases')}-hint`} class="hint">
          {t('entityAliasesHint')}
        </span>
      </div>
      <div class="field">
        <label for={field('wikipedia')}>{t('entityWikipedia')}</label>
        <input id={field('wikipedia')} type="text" value={draft.wikipedia} {...state('wikipedia')} data-testid="entity-wikipedia" onInput={set('wikipedia')} />
      </div>
      <div class="field">
        <label for={field('description')}>{t('entityDescription')}</label>
        <textarea
          id={field('description')}
          required
          rows={3}
          value={draft.description}
          {...state('description')}
          data-testid="entity-description"
          onInput={set('description')}
        />
      </div>
      {source && (
        <p class="hint" data-testid="entity-source">
          {t('entitySource')}{' '}
          <a href={safeHref(source.url)} target="_blank" rel="noopener">
            {source.title ?? source.url}
          </a>
          {source.date && ` (${source.date})`}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error" role="alert" data-testid="entity-form-error">
          {t('actionFailed', error)}
        </p>
      )}
      {added && !error && (
        <p class="field-ok" role="status" data-testid="entity-added">
          {t('entityAdded', added)}
        </p>
      )}
      <div class="button-row">
        <button type="submit" class="primary" data-testid="add-entity">
          {t('entityAdd')}
        </button>
      </div>
    </form>
  );
}
