import type { UnknownName } from '@/utils/match/unknown-name';
import { accentOf } from '@/utils/ui/entity-types';
import { t } from '@/utils/ui/i18n';
import { typeLabel } from '@/utils/ui/labels';
import { opensAttr } from '@/utils/ui/use-page-stack';

interface Props {
  names: UnknownName[];
  onAdd: (name: UnknownName) => void;
}

/**
 * Names the article uses that the knowledge base does not hold (issue 17): the name, what it
 * seems to be, how often it is named, the sentence it came from (folded), and "Add".
 */
export function UnknownNameList({ names, onAdd }: Props) {
  return (
    <ul class="unknown-names" data-testid="unknown-names">
      {names.map((name) => (
        <li key={name.text} class="unknown-name" data-testid="unknown-name" data-accent={accentOf(name.type)}>
          <div class="unknown-name-head">
            <span class="unknown-name-text" data-testid="unknown-name-text">
              {name.text}
            </span>
            <span class="chip-type">{typeLabel(name.type)}</span>
            <span class="muted">{t('unknownNameCount', name.count)}</span>
            <button
              type="button"
              class="link-button"
              data-testid="unknown-name-add"
              data-opens={opensAttr({ kind: 'add', id: name.text })}
              aria-label={t('unknownNameAddLabel', name.text)}
              onClick={() => onAdd(name)}
            >
              {t('unknownNameAdd')}
            </button>
          </div>
          {name.sentence && (
            <details class="unknown-name-sentence" data-testid="unknown-name-sentence">
              <summary>{t('unknownNameSentence')}</summary>
              <blockquote>{name.sentence}</blockquote>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
