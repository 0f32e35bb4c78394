/**
 * The library's files (issue 21), from its page: the JSON backup (read from the background in
 * chunks), the Markdown export (one file per article, in a zip), the highlights and notes as
 * W3C Web Annotations, and the import of a backup.
 */
import { strToU8, zipSync } from 'fflate';
import { sendToBackground, type LibraryImportReport, type Result } from '@/utils/messages';
import type { LibraryBackup } from '@/utils/library/backup';
import { articleMarkdown, markdownFileName } from '@/utils/library/markdown';
import { ANNOTATION_MEDIA_TYPE, annotationCollection, annotationFileName } from '@/utils/library/web-annotation';
import { downloadParts } from './download';

/** The backup's text in parts, and its file name. */
async function readBackup(): Promise<Result<{ fileName: string; parts: string[] }>> {
  const begun = await sendToBackground('exportLibraryBegin', {});
  if (!begun.ok) return begun;
  const parts: string[] = [];
  for (;;) {
    const next = await sendToBackground('exportNext', { exportId: begun.value.exportId });
    if (!next.ok) return next;
    if (next.value.text) parts.push(next.value.text);
    if (next.value.done) return { ok: true, value: { fileName: begun.value.fileName, parts } };
  }
}

/** Downloads the whole library as a JSON backup; the result is the file's name. */
export async function exportLibraryBackup(): Promise<Result<string>> {
  const read = await readBackup();
  if (!read.ok) return read;
  downloadParts(read.value.fileName, read.value.parts);
  return { ok: true, value: read.value.fileName };
}

/** Downloads every saved article as Markdown, one file each, in a zip; the result is the file's name. */
export async function exportLibraryMarkdown(): Promise<Result<string>> {
  const read = await readBackup();
  if (!read.ok) return read;
  const backup = JSON.parse(read.value.parts.join('')) as LibraryBackup;
  const taken = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  for (const article of backup.articles) files[markdownFileName(article.title, taken)] = strToU8(articleMarkdown(article));
  const fileName = read.value.fileName.replace(/\.json$/, '-markdown.zip');
  downloadParts(fileName, [zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>], 'application/zip');
  return { ok: true, value: fileName };
}

/** Downloads the reader's highlights and notes as W3C Web Annotations (JSON-LD); the result is the file's name. */
export async function exportLibraryAnnotations(): Promise<Result<string>> {
  const read = await readBackup();
  if (!read.ok) return read;
  const backup = JSON.parse(read.value.parts.join('')) as LibraryBackup;
  const when = new Date(backup.exportedAt);
  const fileName = annotationFileName(when);
  downloadParts(fileName, [JSON.stringify(annotationCollection(backup.articles, when), null, 1)], ANNOTATION_MEDIA_TYPE);
  return { ok: true, value: fileName };
}

/** Imports a backup file, merged into the library; a bad file changes nothing and says why. */
export async function importLibraryFile(file: Blob): Promise<Result<LibraryImportReport>> {
  const url = URL.createObjectURL(file);
  try {
    return await sendToBackground('importLibrary', { url });
  } finally {
    URL.revokeObjectURL(url);
  }
}
