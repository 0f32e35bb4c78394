import type { UserRecordSummary } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';
import { t, type MessageKey } from '@/utils/ui/i18n';

const kindKeys: Record<UserRecordSummary['kind'], MessageKey> = { entity: 'recordKindEntity', event: 'recordKindEvent' };
const changeKeys: Record<UserRecordSummary['change'], MessageKey> = { added: 'changeAdded', edited: 'changeEdited', deleted: 'changeDeleted' };

interface Props {
  records: UserRecordSummary[];
  onDelete: (record: UserRecordSummary) => void;
  /** Drops the reader's change to a pack record (edited or deleted). */
  onRevert: (record: UserRecordSummary) => void;
}

/** The reader's own records and edits, newest first, each with Delete (a deleted pack record has none). */
export function UserRecordList({ records, onDelete, onRevert }: Props) {
  if (records.length === 0) return <p class="muted" data-testid="user-records-empty">{t('userRecordsEmpty')}</p>;
  return (
    <ul class="record-list" data-testid="user-records">
      {records.map((record) => (
        <li key={`${record.kind}:${record.id}`} class="record-row" data-testid="user-record" data-record-id={record.id} data-change={record.change}>
          <span class="record-name">{record.name}</span>
          <span class="meta">
            <span>{t(kindKeys[record.kind])}</span>
            <span>{t(changeKeys[record.change])}</span>
            <time dateTime={record.updatedAt}>{formatDate(record.updatedAt)}</time>
          </span>
          <span class="record-actions">
            {record.change !== 'added' && (
              <button type="button" data-testid="revert-record" aria-label={t('revertRecordLabel', record.name)} onClick={() => onRevert(record)}>
                {t('revertRecord')}
              </button>
            )}
            {record.change !== 'deleted' && (
              <button type="button" class="remove-button" data-testid="delete-record" aria-label={t('deleteRecordLabel', record.name)} onClick={() => onDelete(record)}>
                {t('deleteRecord')}
              </button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
