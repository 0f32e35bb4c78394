/**
 * "How it unfolded" (issue 18): the events that led to an article, as one chain rather than
 * separate items. The knowledge base links events that prepared, followed, answered or
 * called off one another; the chain shown is the longest chain of such links through one of the
 * best related events the article has, before its date, each step saying how it came from
 * the step before it. A chain needs three steps at least: two are just the ranked list again.
 */
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { EVENT_LINK_TYPES, KbEvent } from '../kb/schema';

type EventLinkType = (typeof EVENT_LINK_TYPES)[number];

/** How a step came from the step before it: the knowledge base's link between them. */
export type ChainLink = EventLinkType;

export interface ChainStep {
  eventId: string;
  /** How this step relates to the one before it; absent on the first. */
  link?: ChainLink;
}

/** Named limits of a chain. */
export const chainLimits = {
  /** The chain goes through one of this many best related events… */
  seeds: 5,
  /** …and is shown from this many steps… */
  minSteps: 3,
  /** …up to this many: those nearest that event. */
  maxSteps: 7,
};

interface Edge {
  /** `type` read from `from` to `to`: "to follows from", "from prepares to". */
  from: string;
  to: string;
  type: EventLinkType;
}

/** Every event's links, both ways, worked out once per knowledge base. */
const edgesOf = new WeakMap<KnowledgeBase, Map<string, Edge[]>>();

function linksOf(kb: KnowledgeBase): Map<string, Edge[]> {
  let edges = edgesOf.get(kb);
  if (edges) return edges;
  edges = new Map();
  const add = (id: string, edge: Edge) => (edges!.get(id) ?? edges!.set(id, []).get(id)!).push(edge);
  for (const event of kb.linkingEvents) {
    for (const link of event.links ?? []) {
      if (!kb.events.has(link.event)) continue;
      // "B follows A" is stored on B: read it from A to B. "A prepares B" is stored on A.
      const edge: Edge = link.type === 'prepares' ? { from: event.id, to: link.event, type: link.type } : { from: link.event, to: event.id, type: link.type };
      add(event.id, edge);
      add(link.event, edge);
    }
  }
  edgesOf.set(kb, edges);
  return edges;
}

/**
 * The chain of the article's backstory: the longest chain of linked events, each the
 * consequence of the one before it (a follow-up, a reply, a call-off, what it prepared),
 * through the best of the first `seeds` of `related` (best first) that has one of
 * `minSteps`, all on or before `date`: the story of the event that explains the article
 * most, not the longest story it touches. [] when none has.
 */
export function eventChain(kb: KnowledgeBase, related: readonly { eventId: string }[], date: string | undefined, limits = chainLimits): ChainStep[] {
  if (!date) return [];
  const edges = linksOf(kb);
  const before = (id: string) => {
    const event = kb.events.get(id);
    return event !== undefined && event.date <= date;
  };
  for (const { eventId } of related.slice(0, limits.seeds)) {
    if (!edges.has(eventId) || !before(eventId)) continue;
    const back = chain(edges, eventId, 'back', before, new Set([eventId]), limits.maxSteps);
    const ahead = chain(edges, eventId, 'ahead', before, new Set([eventId, ...back.map((s) => s.eventId)]), limits.maxSteps);
    // Oldest first: the steps before the seed come reversed, each carrying its link to the next.
    const steps: ChainStep[] = [];
    const earlier = [...back].reverse();
    earlier.forEach((step, i) => steps.push(i === 0 ? { eventId: step.eventId } : { eventId: step.eventId, link: earlier[i - 1]!.link! }));
    steps.push(earlier.length ? { eventId, link: earlier.at(-1)!.link! } : { eventId });
    steps.push(...ahead);
    const found = trim(steps, steps.length - ahead.length - 1, limits.maxSteps);
    if (found.length >= limits.minSteps) return found;
  }
  return [];
}

/**
 * The longest chain from `id` through its links, backwards (the events it came from, nearest
 * first, each with the link that leads from it towards `id`) or ahead (the events that came
 * of it, nearest first, each with its link from the step before), at most `depth` long (the
 * search stays small). Events in `used` are not taken again (links may make cycles).
 */
function chain(edges: Map<string, Edge[]>, id: string, way: 'back' | 'ahead', before: (id: string) => boolean, used: Set<string>, depth: number): ChainStep[] {
  let longest: ChainStep[] = [];
  if (depth === 0) return longest;
  for (const edge of edges.get(id) ?? []) {
    const next = way === 'back' ? (edge.to === id ? edge.from : null) : edge.from === id ? edge.to : null;
    if (next === null || used.has(next) || !before(next)) continue;
    used.add(next);
    const rest = chain(edges, next, way, before, used, depth - 1);
    used.delete(next);
    if (rest.length + 1 > longest.length) longest = [{ eventId: next, link: edge.type }, ...rest];
  }
  return longest;
}

/** At most `max` steps, keeping those nearest step `seed`; the first kept step loses its link. */
function trim(steps: ChainStep[], seed: number, max: number): ChainStep[] {
  let from = 0;
  let to = steps.length;
  while (to - from > max) {
    if (seed - from > to - 1 - seed) from++;
    else to--;
  }
  const kept = steps.slice(from, to);
  return kept.map((step, i) => (i === 0 ? { eventId: step.eventId } : step));
}
