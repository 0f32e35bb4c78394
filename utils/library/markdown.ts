/**
 * A saved article as a Markdown file (issue 21), for Obsidian and Logseq users: YAML front
 * matter (title, address, site, byline, dates, tags, actors, events), then the reader's note,
 * their highlights as quotes with their notes, and the article's text. Pure.
 */
import type { BackupArticle } from './backup';

/** A YAML scalar: always double-quoted, so that no title can break the front matter. */
const yamlString = (s: string) => JSON.stringify(s);
const yamlList = (items: string[]) => (items.length ? `\n${items.map((i) => `  - ${yamlString(i)}`).join('\n')}` : ' []');

/** Characters file systems refuse, or that Obsidian reads as link syntax. */
const UNSAFE_NAME = /[\\/:*?"<>|#^[\]\u0000-\u001f]+/g;

/** The file name for an article: its title made safe, at most 80 characters, with `.md`; `taken` names already used get a number. */
export function markdownFileName(title: string, taken: Set<string>): string {
  const base = title.replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim() || 'Untitled article';
  let name = `${base}.md`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).md`;
  taken.add(name.toLowerCase());
  return name;
}

/** A Markdown blockquote of `text`, each line quoted. */
const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** The article as Markdown. */
export function articleMarkdown(article: BackupArticle): string {
  const front = [
    '---',
    `title: ${yamlString(article.title)}`,
    `url: ${yamlString(article.url)}`,
    ...(article.site ? [`site: ${yamlString(article.site)}`] : []),
    ...(article.byline ? [`author: ${yamlString(article.byline)}`] : []),
    ...(article.published ? [`published: ${article.published}`] : []),
    `saved: ${article.savedAt.slice(0, 10)}`,
    `tags:${yamlList(article.tags.map((t) => t.replace(/\s+/g, '-')))}`,
    `actors:${yamlList(article.entities.map((e) => e.name))}`,
    `events:${yamlList(article.events.map((e) => `${e.date} ${e.title}`))}`,
    '---',
  ];
  const parts = [front.join('\n'), `# ${article.title}`, `[Original article](${article.url})`];
  if (article.note.trim()) parts.push(`## Note\n\n${article.note.trim()}`);
  if (article.highlights.length) {
    const items = article.highlights.map((h) => `${quote(h.quote.exact)}${h.note.trim() ? `\n\n${h.note.trim()}` : ''}`);
    parts.push(`## Highlights\n\n${items.join('\n\n')}`);
  }
  // The text's first block is its headline, already the title.
  const body = article.text.split(/\n\s*\n/).slice(1).join('\n\n').trim() || article.text.trim();
  parts.push(`## Text\n\n${body}`);
  return `${parts.join('\n\n')}\n`;
}
