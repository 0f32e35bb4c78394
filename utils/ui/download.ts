/** Saves text, given in parts, as a file through the browser's downloads: a Blob URL and an `<a download>`. */
export function downloadParts(fileName: string, parts: BlobPart[], type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; free the Blob soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
