/**
 * Imports a file of any size. The page hands the file to the background as a blob: URL (no
 * records cross the message channel: a CPU profile showed both sides idle half the time
 * while pieces of parsed records went back and forth); the background reads it as a stream,
 * checking and writing as it goes, while the page asks how far it is. Asking also tells the
 * background the page is still open: an import whose page closes is dropped, unfinished.
 */
import { sendToBackground, type ImportReport, type Result } from '@/utils/messages';

export interface ImportProgress {
  /** 0..1: how much of the file has been read. */
  onProgress?(fraction: number): void;
  /** Stops the import when aborted; nothing of it is kept. */
  signal?: AbortSignal;
}

export async function importFile(file: Blob, { onProgress, signal }: ImportProgress = {}): Promise<Result<ImportReport>> {
  const url = URL.createObjectURL(file);
  try {
    const begun = await sendToBackground('importBegin', { size: file.size, url });
    if (!begun.ok) return begun;
    const { importId } = begun.value;
    for (;;) {
      if (signal?.aborted) {
        await sendToBackground('importAbort', { importId });
        return { ok: false, error: 'the import was stopped' };
      }
      const status = await sendToBackground('importStatus', { importId });
      if (!status.ok) return status;
      onProgress?.(file.size ? Math.min(1, status.value.read / file.size) : 1);
      if (status.value.done) break;
      // No timer here: the background answers after a moment (a hidden tab's timers may
      // fire once a minute, and the background takes a page that stops asking for closed).
    }
    return await sendToBackground('importFinish', { importId });
  } finally {
    URL.revokeObjectURL(url);
  }
}
