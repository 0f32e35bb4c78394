/**
 * Writes the automatic backup (issue 21) to the Downloads folder through the downloads API,
 * overwriting the rolling file. downloads.download takes a URL: Firefox's background page
 * makes a blob: URL itself; Chrome's service worker cannot (no URL.createObjectURL there), so
 * the background's offscreen document (entrypoints/offscreen/, shared with the sanitising of
 * saved articles: Chrome allows one) holds the file while it is downloaded.
 */
import { browser } from 'wxt/browser';
import { sendToBackupFile } from '../messages';
import { offscreenDocument } from './html-sanitiser';
import type { OffscreenDocument } from './offscreen-document';

/** A message carries at most this many characters of the file (Chrome's limit is 64 MiB of JSON). */
const PART_CHARS = 8_000_000;
/** How long a download may take before the backup is said to have failed (ms). */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

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

/** A blob: URL of the file, made in the offscreen document (open while `work` runs with it). */
function withOffscreenUrl<T>(document: OffscreenDocument, chunks: AsyncGenerator<string>, work: (url: string) => Promise<T>): Promise<T> {
  return document.use(async () => {
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
    return work(made.value.url);
  });
}

/** Writes `chunks` to `fileName` in the Downloads folder, replacing the file there; throws saying why when it could not. */
export async function downloadBackupFile(fileName: string, chunks: AsyncGenerator<string>): Promise<void> {
  const downloads = (browser as unknown as { downloads?: DownloadsApi }).downloads;
  if (!downloads) throw new Error('this browser gives Backstory no downloads');
  const download = async (url: string) => {
    const id = await downloads.download({ url, filename: fileName, conflictAction: 'overwrite', saveAs: false });
    await finished(downloads, id);
  };
  if (typeof URL.createObjectURL === 'function') {
    const parts: string[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    const url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
    try {
      await download(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    return;
  }
  const document = offscreenDocument();
  if (!document) throw new Error('this browser cannot make a file from the background');
  await withOffscreenUrl(document, chunks, download);
}
