/**
 * Turning the library's "add an entity" form into a knowledge-base record. The background
 * checks the record against the pack schema; these only shape what the reader typed.
 */
import { slugify } from '@/utils/kb/country-entities';
import type { Entity, EntityType } from '@/utils/kb/schema';
import type { UnknownName } from '@/utils/match/unknown-name';

// A lowercase slug of a name, as pack ids are ("Sergey Lavrov" → "sergey-lavrov"); '' when nothing is left.
export { slugify };

/** The aliases of a comma-separated list, trimmed, without empties or repeats (nor the name itself). */
export function parseAliases(text: string, name = ''): string[] {
  const seen = new Set([name.trim()]);
  const aliases: string[] = [];
  for (const part of text.split(',')) {
    const alias = part.trim();
    if (!alias || seen.has(alias)) continue;
    seen.add(alias);
    aliases.push(alias);
  }
  return aliases;
}

export interface EntityDraft {
  name: string;
  type: EntityType;
  aliases: string;
  wikipedia: string;
  description: string;
}

/** The entity record of a filled-in form (id: the slug of the name; Wikipedia title only when given). */
export function entityFromDraft(draft: EntityDraft): Entity {
  const name = draft.name.trim();
  const wikipedia = draft.wikipedia.trim();
  return {
    id: slugify(name),
    name,
    type: draft.type,
    aliases: parseAliases(draft.aliases, name),
    description: draft.description.trim(),
    ...(wikipedia ? { wikipedia } : {}),
  };
}

/**
 * The form fields a background validation error names ("description: must be at most 500
 * characters; name: must not be empty"), to mark them invalid; [] when it names none.
 */
export function fieldsInError(error: string): (keyof EntityDraft)[] {
  const fields = new Set<keyof EntityDraft>(['name', 'type', 'aliases', 'wikipedia', 'description']);
  const named = error.split(';').map((part) => part.split(/[.:]/)[0]!.trim());
  return [...fields].filter((field) => named.includes(field));
}

/** The article an entity is added from, as the entity form shows it and the record keeps it. */
export type EntitySource = NonNullable<Entity['seenIn']>;

/**
 * The form of a name the knowledge base does not hold, filled in from the article (issue
 * 17): the name, its type (a place of no finer kind), and the sentence it came from as the
 * description, which the reader rewrites or keeps.
 */
export function draftFromUnknownName(name: Pick<UnknownName, 'text' | 'type' | 'sentence'>): EntityDraft {
  return { name: name.text, type: name.type, aliases: '', wikipedia: '', description: name.sentence.slice(0, 500) };
}

/** The source of an article as an entity keeps it; null when the article has no http(s) URL. */
export function sourceOfArticle(article: { url?: string; title: string; published: string | null }): EntitySource | null {
  if (!article.url || !/^https?:\/\//i.test(article.url)) return null;
  const title = article.title.trim().slice(0, 300);
  return { url: article.url, ...(title ? { title } : {}), ...(article.published ? { date: article.published } : {}) };
}
