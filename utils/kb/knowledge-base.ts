/**
 * The merged, in-memory view of the knowledge base that matching and ranking read:
 * records by id, events by participant and the compiled alias index.
 */
import { compileAliasIndex, CompiledAliasIndex, type AliasEntry, type AliasMatcher, type CompiledIndexData } from '../match/compiled-index';
import { eventTerms, topicTerms, TopicStats, type EventTerms } from '../related/topic';
import { isActiveOn } from '../text/dates';
import type { Entity, EventType, KbEvent, Role } from './schema';

/** Entities whose names are participants' signal in the ranking, not topic words (see actorWordsOf). */
const ACTOR_TYPES: ReadonlySet<string> = new Set(['person', 'country', 'city']);

/**
 * Routine facts of the open data (a head of government took office, a cabinet formed, an
 * election held): thousands of them, each about a country and its office-holders.
 */
export const ROUTINE_EVENT_TYPES: ReadonlySet<EventType> = new Set(['inauguration', 'government', 'election']);

/** What the ranking reads of a whole knowledge base, shared by the slices of it (see KbReader). */
export interface RankingCache {
  /** How many events use each topic word, over the whole knowledge base. */
  topic?: TopicStats;
  /** Events' topic words by event id, counted by earlier slices. */
  eventTerms?: Map<string, EventTerms>;
  /** Entities' name words by entity id, read by earlier slices. */
  entityWords?: Map<string, ReadonlySet<string>>;
}

/** Whether a word is part of the names of an event's people, countries and cities (see actorWordsOf). */
export interface ActorWords {
  has(term: string): boolean;
}

export class KnowledgeBase {
  readonly entities = new Map<string, Entity>();
  readonly events = new Map<string, KbEvent>();
  readonly index: AliasMatcher;
  private readonly eventsByEntity = new Map<string, KbEvent[]>();
  private topic: TopicStats | undefined;
  private readonly termsOfEvent: Map<string, EventTerms>;
  private readonly entityWords: Map<string, ReadonlySet<string>>;
  private readonly actorWordsOfEvent = new WeakMap<KbEvent, ActorWords>();

  /**
   * The view over these records; `index` matches their aliases when one was stored (see
   * compileKnowledgeIndex; it may cover more records, and only the texts it was read for),
   * else their index is compiled here. For a slice of a larger knowledge base, `ranking`
   * gives the topic-word statistics of the whole (see TopicStatsBuilder; else they are
   * counted over these records when first needed) and may share the words counted by
   * earlier slices of the same records.
   */
  constructor(entities: Iterable<Entity>, events: Iterable<KbEvent>, index?: AliasMatcher, ranking: RankingCache = {}) {
    this.topic = ranking.topic;
    this.termsOfEvent = ranking.eventTerms ?? new Map();
    this.entityWords = ranking.entityWords ?? new Map();
    for (const entity of entities) this.entities.set(entity.id, entity);
    for (const event of events) this.events.set(event.id, event);
    this.index = index ?? new CompiledAliasIndex(compileKnowledgeIndex(this.entities.values(), this.events.values()));
    for (const event of this.events.values()) {
      for (const id of involvedIds(event)) {
        const list = this.eventsByEntity.get(id) ?? [];
        list.push(event);
        this.eventsByEntity.set(id, list);
      }
    }
  }

  private linking: KbEvent[] | undefined;
  private byDay: Map<string, KbEvent[]> | undefined;

  /** The events that start on a day (YYYY-MM-DD); [] when none. */
  eventsOn(day: string): KbEvent[] {
    if (!this.byDay) {
      this.byDay = new Map();
      for (const e of this.events.values()) {
        const list = this.byDay.get(e.date);
        if (list) list.push(e);
        else this.byDay.set(e.date, [e]);
      }
    }
    return this.byDay.get(day) ?? [];
  }

  /** The events that link to others (see KbEvent.links), by id: ranking follows their links. */
  get linkingEvents(): KbEvent[] {
    this.linking ??= [...this.events.values()].filter((e) => e.links?.length).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.linking;
  }

  /** How many events use each topic word, over the whole knowledge base. */
  get topicStats(): TopicStats {
    this.topic ??= TopicStats.of(this.events.values());
    return this.topic;
  }

  private readonly titleTerms = new Map<string, string[]>();

  /** The topic words of an event's title alone. */
  titleTermsOf(event: KbEvent): string[] {
    let terms = this.titleTerms.get(event.id);
    if (!terms) this.titleTerms.set(event.id, (terms = topicTerms(event.title)));
    return terms;
  }

  /** An event's topic words, counted once per knowledge base (and the slices that share them). */
  topicTermsOf(event: KbEvent): EventTerms {
    let terms = this.termsOfEvent.get(event.id);
    if (!terms) this.termsOfEvent.set(event.id, (terms = eventTerms(event)));
    return terms;
  }

  /**
   * The words of the names of an event's people, countries and cities (participants and
   * place), and of all its participants for a routine record (a cabinet, an election: its
   * parties name who, not what): the ranking counts them as participants, not as topic words.
   */
  actorWordsOf(event: KbEvent): ActorWords {
    let words = this.actorWordsOfEvent.get(event);
    if (!words) {
      const sets: ReadonlySet<string>[] = [];
      const routine = ROUTINE_EVENT_TYPES.has(event.type);
      for (const id of involvedIds(event)) {
        const entity = this.entities.get(id);
        if (entity && (routine || ACTOR_TYPES.has(entity.type))) sets.push(this.nameWordsOf(entity));
      }
      words = { has: (term) => sets.some((set) => set.has(term)) };
      this.actorWordsOfEvent.set(event, words);
    }
    return words;
  }

  /** The topic words of an entity's names and demonyms, read once (a country has dozens of names, and a thousand events). */
  private nameWordsOf(entity: Entity): ReadonlySet<string> {
    let words = this.entityWords.get(entity.id);
    if (!words) {
      words = new Set([entity.name, ...entity.aliases, ...(entity.demonyms ?? [])].flatMap((name) => topicTerms(name)));
      this.entityWords.set(entity.id, words);
    }
    return words;
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
    const bare = (p: string) => p.replace(/^the\s+/i, '');
    return this.rolesOn(entityId, date).some((r) => r.phrases?.some((p) => bare(p) === bare(phrase)));
  }
}

/** The entities an event involves, each once: its participants and its place. */
export function involvedIds(event: KbEvent): Set<string> {
  const ids = new Set(event.participants.map((p) => p.entity));
  if (event.place) ids.add(event.place);
  return ids;
}

/** The entities a record points at: what it stands for, its capital, what it is part of, what its offices belong to. [] when none. */
export function referencedIds(entity: Entity): string[] {
  return [...(entity.standsFor ?? []), ...(entity.capital ? [entity.capital] : []), ...(entity.partOf ?? []), ...(entity.roles ?? []).flatMap((r) => (r.of ? [r.of] : []))];
}

/** The index entries of an entity: its name and aliases (weak names apart), demonyms, and the phrases of its roles. */
export function* entityAliasEntries(entity: Entity): Generator<AliasEntry> {
  const weak = new Set(entity.weakNames ?? []);
  yield { alias: entity.name, ref: entity.id, kind: weak.has(entity.name) ? 'weak' : 'name' };
  for (const alias of entity.aliases) yield { alias, ref: entity.id, kind: weak.has(alias) ? 'weak' : 'name' };
  for (const demonym of entity.demonyms ?? []) yield { alias: demonym, ref: entity.id, kind: 'demonym' };
  for (const role of entity.roles ?? []) for (const phrase of role.phrases ?? []) yield { alias: phrase, ref: entity.id, kind: 'nominal' };
}

/** The index entries of an event: its title and aliases. */
export function* eventAliasEntries(event: KbEvent): Generator<AliasEntry> {
  for (const alias of [event.title, ...event.aliases]) yield { alias, ref: event.id, kind: 'event' };
}

function* aliasEntries(entities: Iterable<Entity>, events: Iterable<KbEvent>): Generator<AliasEntry> {
  for (const entity of entities) yield* entityAliasEntries(entity);
  for (const event of events) yield* eventAliasEntries(event);
}

/** The compiled alias index of a set of records, to store beside them. */
export function compileKnowledgeIndex(entities: Iterable<Entity>, events: Iterable<KbEvent>): CompiledIndexData {
  return compileAliasIndex(aliasEntries(entities, events));
}
