/** The English Wikipedia URL of an article title ("Vladimir Putin" → …/wiki/Vladimir_Putin). */
export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replaceAll(' ', '_'))}`;
}
