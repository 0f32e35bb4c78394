/**
 * The reader's "this link is wrong" marks (issue 20), applied to an article's mentions: a
 * name marked wrong for an entity in this article is no longer linked to it, so it is neither
 * highlighted nor counted for the entity, nor used by the ranking.
 */

/** One mark: this name (any case or spacing) does not mean this entity here. */
export interface WrongLinkMark {
  entityId: string;
  text: string;
}

/** A name as marks compare it: lower case, spaces collapsed. */
export const markedName = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The mentions without those a mark unlinks; the same array when there are no marks. */
export function dropWrongLinks<M extends { text: string; entityId: string }>(mentions: M[], marks: readonly WrongLinkMark[] | undefined): M[] {
  if (!marks?.length) return mentions;
  const wrong = new Set(marks.map((m) => `${m.entityId}\n${markedName(m.text)}`));
  return mentions.filter((m) => !wrong.has(`${m.entityId}\n${markedName(m.text)}`));
}
