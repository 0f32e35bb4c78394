/**
 * Writes the automatic backup (issue 21) to the Downloads folder through the downloads API,
 * overwriting the rolling file. downloads.download takes a URL: Firefox's background page
 * makes a blob: URL itself; Chrome's service worker cannot (no URL.createObjectURL there), so
 * an offscreen document (entrypoints/backup-file/) holds the file while it is downloaded, and
 * is closed after.
 */
import { browser } from 'wxt/browser';
import { sendToBackupFile } from '../messages';

/** A message carries at most this many characters of the file (Chrome's limit is 64 MiB of JSON). */
const PART_CHARS = 8_000_000;
/** How long a download may take before the backup is said to have failed (ms). */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const OFFSCREEN_PAGE = 'backup-file.html';

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

interface DownloadDelta {
  id: number;
  state?: { current?: string };
  error?: { current?: string };
}

interface DownloadsApi {
  download(options: { url: string; filename: string; conflictAction: 'overwrite'; saveAs: boolean }): Promise<number>;
  search(query: { id: number }): Promise<{ state: string; error?: string }[]>;
  onChanged: { addListener(l: (delta: DownloadDelta) => void): void; removeListener(l: (delta: DownloadDelta) => void): void };
}

/** Resolves when the download is complete; throws with the browser's reason when it is interrupted. */
function finished(downloads: DownloadsApi, id: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: string) => {
      downloads.onChanged.removeListener(listen);
      clearTimeout(timer);
      if (error) reject(new Error(`the browser did not write the file (${error})`));
      else resolve();
    };
    const listen = (delta: DownloadDelta) => {
      if (delta.id !== id) return;
      if (delta.state?.current === 'complete') done();
      else if (delta.state?.current === 'interrupted') done(delta.error?.current ?? 'interrupted');
    };
    const timer = setTimeout(() => done('it took longer than 5 minutes'), DOWNLOAD_TIMEOUT_MS);
    downloads.onChanged.addListener(listen);
    // It may have ended before the listener was added.
    void downloads.search({ id }).then(([item]) => {
      if (item?.state === 'complete') done();
      else if (item?.state === 'interrupted') done(item.error ?? 'interrupted');
    });
  });
}

/** A blob: URL of the file, made in the offscreen document; closes it on `release`. */
async function offscreenUrl(offscreen: OffscreenApi, chunks: AsyncGenerator<string>): Promise<{ url: string; release(): Promise<void> }> {
  try {
    await offscreen.createDocument({ url: OFFSCREEN_PAGE, reasons: ['BLOBS'], justification: 'Holds the automatic backup of the library while the browser downloads it.' });
  } catch (error) {
    // Another of Backstory's offscreen documents is open (one at a time): try again at the next check.
    throw new Error(`the browser could not prepare the file now (${(error as Error).message}); it will be tried again within the hour`);
  }
  const release = () => offscreen.closeDocument().catch(() => {});
  try {
    let first = true;
    for await (const chunk of chunks) {
      for (let at = 0; at < chunk.length; at += PART_CHARS) {
        const sent = await sendToBackupFile('backupFilePart', { text: chunk.slice(at, at + PART_CHARS), first });
        if (!sent.ok) throw new Error(sent.error);
        first = false;
      }
    }
    const made = await sendToBackupFile('backupFileUrl', {});
    if (!made.ok) throw new Error(made.error);
    return { url: made.value.url, release };
  } catch (error) {
    await release();
    throw error;
  }
}

/** Writes `chunks` to `fileName` in the Downloads folder, replacing the file there; throws saying why when it could not. */
export async function downloadBackupFile(fileName: string, chunks: AsyncGenerator<string>): Promise<void> {
  const apis = browser as unknown as { downloads?: DownloadsApi; offscreen?: OffscreenApi };
  const downloads = apis.downloads;
  if (!downloads) throw new Error('this browser gives Backstory no downloads');
  let file: { url: string; release(): Promise<void> };
  if (typeof URL.createObjectURL === 'function') {
    const parts: string[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    const url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
    file = { url, release: async () => URL.revokeObjectURL(url) };
  } else if (apis.offscreen) {
    file = await offscreenUrl(apis.offscreen, chunks);
  } else {
    throw new Error('this browser cannot make a file from the background');
  }
  try {
    const id = await downloads.download({ url: file.url, filename: fileName, conflictAction: 'overwrite', saveAs: false });
    await finished(downloads, id);
  } finally {
    await file.release();
  }
}
