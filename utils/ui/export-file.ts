/**
 * Exports the knowledge base to a file. The background hands over the text in chunks of a
 * few MB (a message has a size limit), and the page saves them as the parts of one Blob, so
 * an export of any size is never one string.
 */
import { sendToBackground, type Result } from '@/utils/messages';
import { downloadParts } from './download';

/** Exports the whole knowledge base or only the reader's layer; the result is the file's name. */
export async function exportToFile(scope: 'all' | 'user'): Promise<Result<string>> {
  const begun = await sendToBackground('exportBegin', { scope });
  if (!begun.ok) return begun;
  const { exportId, fileName } = begun.value;
  const parts: string[] = [];
  for (;;) {
    const next = await sendToBackground('exportNext', { exportId });
    if (!next.ok) return next;
    if (next.value.text) parts.push(next.value.text);
    if (next.value.done) break;
  }
  downloadParts(fileName, parts);
  return { ok: true, value: fileName };
}
