/**
 * Sends a file to the background's import in pieces, so that a file of any size is read
 * and written without being held whole in memory on either side. The file is read as bytes
 * and decoded as a stream, so a character split between two pieces is decoded whole.
 */
import { sendToBackground, type ImportReport, type Result } from '@/utils/messages';

/** Bytes read and sent at a time: well below the message limit, large enough to keep rows few. */
const PIECE_BYTES = 8 << 20;

export interface ImportProgress {
  /** 0..1: how much of the file has been sent. */
  onProgress?(fraction: number): void;
  /** Stops the import when aborted; nothing of it is kept. */
  signal?: AbortSignal;
}

export async function importFile(file: Blob, { onProgress, signal }: ImportProgress = {}): Promise<Result<ImportReport>> {
  const begun = await sendToBackground('importBegin', { size: file.size });
  if (!begun.ok) return begun;
  const { importId } = begun.value;
  const decoder = new TextDecoder('utf-8');
  try {
    for (let at = 0; at < file.size; at += PIECE_BYTES) {
      if (signal?.aborted) throw new DOMException('stopped', 'AbortError');
      const bytes = await file.slice(at, at + PIECE_BYTES).arrayBuffer();
      const text = decoder.decode(bytes, { stream: at + PIECE_BYTES < file.size });
      const sent = await sendToBackground('importChunk', { importId, text });
      if (!sent.ok) {
        await sendToBackground('importAbort', { importId });
        return sent;
      }
      onProgress?.(Math.min(1, (at + PIECE_BYTES) / file.size));
    }
    return await sendToBackground('importFinish', { importId });
  } catch (error) {
    await sendToBackground('importAbort', { importId });
    return { ok: false, error: (error as Error).name === 'AbortError' ? 'the import was stopped' : (error as Error).message };
  }
}
