/**
 * Merges knowledge-base records from several sources into one list: a record that two
 * sources describe becomes one, the curated source's fields winning and names united.
 */
import type { Entity } from './schema';

const unite = (a: string[] | undefined, b: string[] | undefined): string[] => [...new Set([...(a ?? []), ...(b ?? [])])];

/**
 * Adds `generated` entities to `curated` ones. A generated entity whose id or Wikipedia title
 * matches a curated one only lends it names, demonyms, codes and capital; the others are
 * added as they are. Returns the merged list and, for each generated id, the id it became.
 */
export function mergeGenerated(curated: Entity[], generated: Entity[]): { entities: Entity[]; idMap: Map<string, string> } {
  const byId = new Map(curated.map((e) => [e.id, e]));
  const byTitle = new Map(curated.filter((e) => e.wikipedia).map((e) => [e.wikipedia!, e]));
  const idMap = new Map<string, string>();
  const added: Entity[] = [];
  for (const g of generated) {
    const twin = byId.get(g.id) ?? (g.wikipedia ? byTitle.get(g.wikipedia) : undefined);
    if (!twin) {
      added.push(g);
      idMap.set(g.id, g.id);
      continue;
    }
    idMap.set(g.id, twin.id);
    const merged: Entity = {
      ...g,
      ...twin,
      aliases: unite(twin.aliases, g.aliases).filter((a) => a !== twin.name),
      ...(twin.demonyms || g.demonyms ? { demonyms: unite(twin.demonyms, g.demonyms) } : {}),
    };
    byId.set(twin.id, merged);
  }
  const entities = [...curated.map((e) => byId.get(e.id)!), ...added].map((e) =>
    e.capital && idMap.has(e.capital) ? { ...e, capital: idMap.get(e.capital)! } : e,
  );
  return { entities, idMap };
}
