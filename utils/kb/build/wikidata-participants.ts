/**
 * Participants of curated events named by their Wikidata id (`{ "wikidata": "Q10707" }`): the
 * people and bodies that only the open data holds (Robert Mugabe, Evo Morales, Jeremy Corbyn).
 * The curated files are checked before the open data is merged, so such a participant cannot be
 * named by an id of the pack there; it is set aside when the files are read and resolved to the
 * merged record that carries the Wikidata id once the merge is done.
 */
import type { Entity, KbEvent } from '../schema';

/** A participant of a curated event given by Wikidata id, waiting for the merge. */
export interface WikidataParticipant {
  event: string;
  wikidata: string;
  role?: string;
}

type WrittenParticipant = KbEvent['participants'][number] | { wikidata: string; role?: string };

/** Splits the Wikidata-named participants off curated events (as written in the files); the events keep the rest. */
export function setAsideWikidataParticipants(events: KbEvent[]): { events: KbEvent[]; pending: WikidataParticipant[] } {
  const pending: WikidataParticipant[] = [];
  const kept = events.map((event) => {
    const written = event.participants as WrittenParticipant[];
    if (!written.some((p) => 'wikidata' in p)) return event;
    for (const p of written) {
      if (!('wikidata' in p)) continue;
      if (!/^Q\d+$/.test(p.wikidata)) throw new Error(`event "${event.id}": participant wikidata "${p.wikidata}" is not a Wikidata id`);
      pending.push({ event: event.id, wikidata: p.wikidata, ...(p.role ? { role: p.role } : {}) });
    }
    return { ...event, participants: written.filter((p): p is KbEvent['participants'][number] => !('wikidata' in p)) };
  });
  return { events: kept, pending };
}

/**
 * The events with their Wikidata-named participants resolved among `entities` (the records the
 * main pack holds). Throws naming every event and id that no record carries: a curated fact must
 * not go silently missing when the open data changes.
 */
export function resolveWikidataParticipants(events: KbEvent[], entities: Iterable<Entity>, pending: WikidataParticipant[]): KbEvent[] {
  if (!pending.length) return events;
  const byWikidata = new Map<string, string>();
  for (const e of entities) if (e.wikidata) byWikidata.set(e.wikidata, e.id);
  const missing = pending.filter((p) => !byWikidata.has(p.wikidata));
  if (missing.length) throw new Error(`curated event participants with a Wikidata id no record of the pack has: ${missing.map((p) => `${p.event} → ${p.wikidata}`).join(', ')}`);
  const added = new Map<string, KbEvent['participants']>();
  for (const p of pending) {
    const list = added.get(p.event) ?? [];
    list.push({ entity: byWikidata.get(p.wikidata)!, ...(p.role ? { role: p.role } : {}) });
    added.set(p.event, list);
  }
  return events.map((event) => {
    const more = added.get(event.id);
    if (!more) return event;
    const have = new Set(event.participants.map((p) => p.entity));
    return { ...event, participants: [...event.participants, ...more.filter((p) => !have.has(p.entity))] };
  });
}
