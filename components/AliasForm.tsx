import { useId, useState } from 'preact/hooks';
import type { Result } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';

interface Props {
  name: string;
  /** Adds the alias; an error comes back as `{ ok: false }` and is shown beside the field. */
  onAdd: (alias: string) => Promise<Result<unknown>>;
}

/** "Add alias": another name the reader wants recognised for an actor. */
export function AliasForm({ name, onAdd }: Props) {
  const id = useId();
  const [alias, setAlias] = useState('');
  const [error, setError] = useState('');
  const [added, setAdded] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = alias.trim();
    if (!value) {
      setError(t('aliasEmpty'));
      return;
    }
    const reply = await onAdd(value);
    setError(reply.ok ? '' : reply.error);
    setAdded(reply.ok ? value : '');
    if (reply.ok) setAlias('');
  };
  return (
    <form class="inline-form" data-testid="alias-form" onSubmit={(e) => void submit(e)}>
      <label for={id}>{t('aliasLabel', name)}</label>
      <div class="field-row">
        <input
          id={id}
          type="text"
          value={alias}
          autocomplete="off"
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="alias-input"
          onInput={(e) => setAlias(e.currentTarget.value)}
        />
        <button type="submit" data-testid="add-alias">
          {t('aliasAdd')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert" data-testid="alias-error">
          {error}
        </p>
      )}
      {added && !error && (
        <p class="field-ok" role="status" data-testid="alias-added">
          {t('aliasAdded', added)}
        </p>
      )}
    </form>
  );
}
