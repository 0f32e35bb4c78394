/**
 * Imports a file of any size: the page reads it in slices, parses them as a stream and sends
 * the records of each slice to the background, parsing the next slice while the background
 * checks and writes the last one. Neither side holds the whole file. The bytes are decoded
 * as a stream, so a character split between two slices is decoded whole.
 */
import { PackStream, type PackPiece } from '@/utils/kb/pack-stream';
import { sendToBackground, type ImportReport, type Result } from '@/utils/messages';

/**
 * Bytes read, parsed and sent at a time. Each piece is held two or three times over in the
 * background while it is checked (the message, the records, their checked copies, their
 * JSON), so pieces are kept small: 1 MB rather than 4 took the background's heap peak during
 * a 26 MB import down by tens of MB, for a few more messages.
 */
const SLICE_BYTES = 1 << 20;

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
  const stream = new PackStream();
  // At most one piece is with the background while the page parses the next.
  let inFlight: Promise<Result<null>> | null = null;
  const spent = { read: 0, parse: 0, wait: 0 };
  const timed = async <T,>(phase: keyof typeof spent, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      spent[phase] += performance.now() - started;
    }
  };
  const settle = async (): Promise<void> => {
    const reply = await timed('wait', () => inFlight);
    inFlight = null;
    if (reply && !reply.ok) throw new Error(reply.error);
  };
  const send = async (piece: PackPiece, error?: string): Promise<void> => {
    await settle();
    inFlight = sendToBackground('importPiece', { importId, piece, ...(error ? { error } : {}) });
  };
  const parse = (read: () => PackPiece): { piece: PackPiece; error?: string } => {
    try {
      return { piece: read() };
    } catch (error) {
      // Not valid JSON: the background is told, and refuses the file with this message.
      return { piece: { entities: [], events: [] }, error: (error as Error).message };
    }
  };
  try {
    let error: string | undefined;
    for (let at = 0; at < file.size && !error; at += SLICE_BYTES) {
      if (signal?.aborted) throw new DOMException('stopped', 'AbortError');
      const text = await timed('read', async () => decoder.decode(await file.slice(at, at + SLICE_BYTES).arrayBuffer(), { stream: true }));
      const parsed = await timed('parse', () => parse(() => stream.write(text)));
      error = parsed.error;
      await send(parsed.piece, error);
      onProgress?.(Math.min(1, (at + SLICE_BYTES) / file.size));
    }
    if (!error) {
      const parsed = parse(() => {
        const tail = stream.write(decoder.decode());
        const last = stream.end();
        return { manifest: tail.manifest ?? last.manifest, entities: [...tail.entities, ...last.entities], events: [...tail.events, ...last.events] };
      });
      await send(parsed.piece, parsed.error);
    }
    await settle();
    const finished = await timed('wait', () => sendToBackground('importFinish', { importId }));
    console.info(`[backstory] import from the page: ${Object.entries(spent).map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(', ')}`);
    return finished;
  } catch (error) {
    // Stopped by the reader, or the background refused a piece: nothing of it is kept.
    await (inFlight as Promise<Result<null>> | null)?.catch(() => null);
    await sendToBackground('importAbort', { importId });
    return { ok: false, error: (error as Error).name === 'AbortError' ? 'the import was stopped' : (error as Error).message };
  }
}
