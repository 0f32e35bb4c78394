import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/utils/messages';
import { formatBytes } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { exportLibraryAnnotations, exportLibraryBackup, exportLibraryMarkdown, importLibraryFile } from '@/utils/ui/library-files';
import { LibraryAutoBackup } from './LibraryAutoBackup';
import { Section } from './Section';

interface Props {
  /** The library changed (an import): the list reads it again. */
  onImported: () => void;
}

/** A share of the quota past which the reader is told to make room (issue 21: warn before quota trouble). */
const NEAR_FULL = 0.8;

interface StorageFacts {
  usage: number;
  quota: number;
  persisted: boolean;
}

async function readStorage(): Promise<StorageFacts | null> {
  if (!navigator.storage?.estimate) return null;
  const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? false]);
  return { usage, quota, persisted };
}

/**
 * Never lose, always export (issue 21): asks the browser to keep the data persistent and
 * shows storage use; exports the library as a JSON backup or as Markdown; imports a backup.
 */
export function LibraryBackup({ onImported }: Props) {
  const [storage, setStorage] = useState<StorageFacts | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const refresh = () => void readStorage().then(setStorage);
  const askPersist = async () => {
    await navigator.storage?.persist?.();
    refresh();
  };
  useEffect(() => {
    // Asked once the library is opened: a browser decides by itself, without a prompt, in Chrome.
    void readStorage().then(async (facts) => {
      if (facts && !facts.persisted) await navigator.storage.persist?.();
      refresh();
    });
  }, []);

  const run = async <T,>(work: () => Promise<Result<T>>, done: (value: T) => string, failed: (error: string) => string) => {
    setBusy(true);
    setMessage('');
    try {
      const result = await work();
      setMessage(result.ok ? done(result.value) : failed(result.error));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    await run(
      () => importLibraryFile(chosen),
      (r) => {
        onImported();
        return t('libraryImported', r.added, r.updated, r.unchanged);
      },
      (error) => t('libraryImportFailed', error),
    );
  };

  return (
    <Section title={t('libraryKeepTitle')} testId="library-backup">
      {storage && (
        <div class="storage-facts" data-testid="storage-facts">
          <p>{t('libraryStorageUse', formatBytes(storage.usage), formatBytes(storage.quota))}</p>
          {storage.quota > 0 && storage.usage / storage.quota > NEAR_FULL && (
            <p role="alert" class="warning">
              {t('libraryStorageNearFull')}
            </p>
          )}
          <p data-testid="storage-persisted" data-persisted={String(storage.persisted)}>
            {storage.persisted ? t('libraryPersistent') : t('libraryNotPersistent')}
          </p>
          {!storage.persisted && (
            <button type="button" onClick={() => void askPersist()}>
              {t('libraryAskPersist')}
            </button>
          )}
        </div>
      )}
      <p class="status-note">{t('libraryBackupNote')}</p>
      <div class="backup-actions">
        <button type="button" data-testid="export-library" disabled={busy} onClick={() => void run(exportLibraryBackup, (name) => t('libraryExported', name), (e) => t('actionFailed', e))}>
          {t('libraryExportBackup')}
        </button>
        <button type="button" data-testid="export-markdown" disabled={busy} onClick={() => void run(exportLibraryMarkdown, (name) => t('libraryExported', name), (e) => t('actionFailed', e))}>
          {t('libraryExportMarkdown')}
        </button>
        <button type="button" data-testid="export-annotations" disabled={busy} onClick={() => void run(exportLibraryAnnotations, (name) => t('libraryExported', name), (e) => t('actionFailed', e))}>
          {t('libraryExportAnnotations')}
        </button>
        <button type="button" data-testid="import-library" disabled={busy} onClick={() => file.current?.click()}>
          {t('libraryImportBackup')}
        </button>
        <input ref={file} type="file" accept=".json,application/json" hidden data-testid="import-library-file" onChange={(e) => void onFile(e.currentTarget)} />
      </div>
      <LibraryAutoBackup />
      {message && (
        <p role="status" class="status-note" data-testid="backup-status">
          {message}
        </p>
      )}
    </Section>
  );
}
