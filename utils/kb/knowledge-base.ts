/**
 * The merged, in-memory view of the knowledge base that matching and ranking read:
 * records by id, events by participant and the compiled alias index.
 */
import { AliasIndex } from '../match/alias-index';
import { isActiveOn } from '../text/dates';
import type { Entity, KbEvent, Role } from './schema';

export class KnowledgeBase {
  readonly entities = new Map<string, Entity>();
  readonly events = new Map<string, KbEvent>();
  readonly index = new AliasIndex();
  private readonly eventsByEntity = new Map<string, KbEvent[]>();

  constructor(entities: Iterable<Entity>, events: Iterable<KbEvent>) {
    for (const entity of entities) {
      this.entities.set(entity.id, entity);
      this.index.add(entity.name, entity.id, 'name');
      for (const alias of entity.aliases) this.index.add(alias, entity.id, 'name');
      for (const demonym of entity.demonyms ?? []) this.index.add(demonym, entity.id, 'demonym');
      for (const role of entity.roles ?? []) {
        for (const phrase of role.phrases ?? []) this.index.add(phrase, entity.id, 'nominal');
      }
    }
    for (const event of events) {
      this.events.set(event.id, event);
      for (const alias of [event.title, ...event.aliases]) this.index.add(alias, event.id, 'event');
      const involved = new Set([...event.participants.map((p) => p.entity), ...(event.place ? [event.place] : [])]);
      for (const id of involved) {
        const list = this.eventsByEntity.get(id) ?? [];
        list.push(event);
        this.eventsByEntity.set(id, list);
      }
    }
  }

  /** Events the entity took part in or that took place there; [] when none. */
  eventsOf(entityId: string): KbEvent[] {
    return this.eventsByEntity.get(entityId) ?? [];
  }

  /** The entity's roles held on `date`, most recent first; [] when none or no date. */
  rolesOn(entityId: string, date: string | undefined): Role[] {
    const roles = this.entities.get(entityId)?.roles ?? [];
    if (!date) return [];
    return roles.filter((r) => isActiveOn(r, date)).sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
  }

  /** True when the entity held, on `date`, a role whose phrases include `phrase`. */
  holdsPhraseOn(entityId: string, phrase: string, date: string): boolean {
    return this.rolesOn(entityId, date).some((r) => r.phrases?.includes(phrase));
  }
}
