import { useState } from 'preact/hooks';
import type { Entity } from '@/utils/kb/schema';
import { sendToBackground, type Result, type UserRecordSummary } from '@/utils/messages';
import { exportToFile } from '@/utils/ui/export-file';
import { importFile } from '@/utils/ui/import-file';
import { t } from '@/utils/ui/i18n';
import { useReload } from '@/utils/ui/use-reload';
import { useResult } from '@/utils/ui/use-result';
import { DataSources } from './DataSources';
import { EntityForm } from './EntityForm';
import { KbExport } from './KbExport';
import { KbImport } from './KbImport';
import { KbSummary } from './KbSummary';
import { Section } from './Section';
import { StatusNote } from './StatusNote';
import { UndoToast } from './UndoToast';
import { UserRecordList } from './UserRecordList';

/** How long "Undo" stays offered after a delete. */
const undoWindowMs = 10_000;

/** The library's knowledge-base section: what it holds, import, export, and the reader's own records. */
export function KnowledgeBase() {
  const [version, reload] = useReload();
  const info = useResult(() => sendToBackground('getKbInfo', {}), [version]);
  const records = useResult(() => sendToBackground('listUserRecords', {}), [version]);
  const [undo, setUndo] = useState<{ token: string; message: string } | null>(null);
  const [failure, setFailure] = useState('');

  const reloadAfter = async <T,>(reply: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await reply;
    reload();
    return result;
  };
  const change = async (action: 'deleteRecord' | 'revertRecord', record: UserRecordSummary) => {
    const reply = await reloadAfter(sendToBackground(action, { kind: record.kind, id: record.id }));
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
    if (reply.ok) setUndo({ token: reply.value.undoToken, message: t(action === 'deleteRecord' ? 'deletedRecord' : 'revertedRecord', record.name) });
  };
  const undoDelete = async (token: string) => {
    setUndo(null);
    const reply = await reloadAfter(sendToBackground('undoDelete', { undoToken: token }));
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
  };

  return (
    <Section title={t('kbTitle')} testId="knowledge-base">
      {info.status === 'ok' && <KbSummary info={info.value} />}
      {info.status === 'error' && <StatusNote kind="error" detail={info.error} />}
      <DataSources />
      <KbImport onImport={(file, progress) => reloadAfter(importFile(file, progress))} />
      <KbExport onExport={exportToFile} />
      <div class="kb-part">
        <h3>{t('userRecordsHeading')}</h3>
        {failure && (
          <p class="field-error" role="alert">
            {failure}
          </p>
        )}
        {records.status === 'loading' && <StatusNote kind="loading" />}
        {records.status === 'error' && <StatusNote kind="error" detail={records.error} />}
        {records.status === 'ok' && <UserRecordList records={records.value.records} onDelete={(record) => void change('deleteRecord', record)} onRevert={(record) => void change('revertRecord', record)} />}
        {records.status === 'ok' && records.value.total > records.value.records.length && (
          <p class="muted" data-testid="user-records-more">
            {t('userRecordsMore', records.value.records.length, records.value.total)}
          </p>
        )}
      </div>
      <div class="kb-part">
        <h3>{t('entityFormHeading')}</h3>
        <EntityForm onSubmit={(entity: Entity) => reloadAfter(sendToBackground('putUserEntity', { entity }))} />
      </div>
      {undo && (
        <UndoToast
          key={undo.token}
          message={undo.message}
          ms={undoWindowMs}
          onUndo={() => void undoDelete(undo.token)}
          onDismiss={() => setUndo(null)}
        />
      )}
    </Section>
  );
}
