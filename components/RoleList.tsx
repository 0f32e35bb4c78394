import type { EntityDetails } from '@/utils/messages';
import { roleSpanLabel, roleTitle } from '@/utils/ui/labels';
import { opensAttr } from '@/utils/ui/use-page-stack';

interface Props {
  roles: EntityDetails['roles'];
  /** Opens the page of what an office belongs to (a country, an organisation). */
  onOpenEntity: (id: string) => void;
}

/** The offices an actor held, each with its dates. */
export function RoleList({ roles, onOpenEntity }: Props) {
  return (
    <ul class="role-list">
      {roles.map(({ title, of, ofName, start, end }) => (
        <li key={`${title}|${of ?? ''}|${start ?? ''}`}>
          {of && ofName ? (
            <button type="button" class="link-button" data-opens={opensAttr({ kind: 'entity', id: of })} onClick={() => onOpenEntity(of)}>
              {roleTitle(title, ofName)}
            </button>
          ) : (
            <span>{roleTitle(title, ofName)}</span>
          )}{' '}
          <span class="meta">{roleSpanLabel(start, end)}</span>
        </li>
      ))}
    </ul>
  );
}
