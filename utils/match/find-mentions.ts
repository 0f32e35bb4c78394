/**
 * Finds the mentions of knowledge-base entities in an article's text and resolves each to
 * one entity, using the article's date (who held which role then), the other entities the
 * article names and how prominent each candidate is.
 */
import { referencedIds, type KnowledgeBase } from '../kb/knowledge-base';
import type { Entity, EntityType } from '../kb/schema';
import { Case, type Token } from '../text/tokenize';
import { ofKinds, type AliasMatch } from './alias-index';
import { afterGermanArticle, afterIndefiniteArticle, afterNobleTitle, beforeAge, beforeFunctionWordOrEnd, beforeGenerationSuffix, continuesWithParticle, expectedTypes, isDateline, isDatePart, isPartOfLongerName, isTheNounOf, kindNounBefore, namesCompanyAfter, opensVenueName, startsSentence } from './context';

export type MentionKind = 'name' | 'demonym' | 'nominal';

export interface Mention {
  text: string;
  /** UTF-16 offsets into the article text, end exclusive. */
  start: number;
  end: number;
  kind: MentionKind;
  entityId: string;
}

/** Tuning numbers of entity resolution; bigger wins. */
export const resolutionWeights = {
  /** The entity is named unambiguously elsewhere in the article. */
  anchoredWeight: 2,
  /** The entity held a role on the article's date. */
  activeRoleWeight: 1,
  /** Multiplies the entity's prominence (0..1). */
  prominenceWeight: 0.5,
  /** The surrounding words expect this type of entity ("in X": a place). */
  typeFitWeight: 1.5,
  /** Each unambiguous entity of the article related to the candidate (its capital, country, office). */
  affinityWeight: 1,
  /** Below this lead over the next candidate, nothing settles a name: it is not linked. */
  minLead: 0.05,
};

/** Entity types of places: a title of nobility before one of them names a person ("Queen Victoria"). */
const PLACE_TYPES = new Set(['city', 'region', 'country', 'place']);

/**
 * Drops the targets that a match names only by a weak name and that the article gives no
 * evidence for: a person named in full elsewhere, or a place or organisation named in full
 * or whose region or country the article names (and not at a sentence's start, where every
 * word is capitalised). Matches left with no target are dropped.
 */
function withEvidence(text: string, tokens: Token[], entities: Records, all: AliasMatch[]): AliasMatch[] {
  const strong = new Set<string>();
  for (const m of all) for (const t of m.targets) if (t.kind !== 'weak') strong.add(t.ref);
  // "Amazon-owned Whole Foods", "Apple CEO Tim Cook": a company's weak name followed by what only a company has names it for sure.
  for (const m of all) {
    const orgs = m.targets.filter((t) => t.kind === 'weak' && entities.get(t.ref)?.type === 'organisation');
    if (orgs.length && namesCompanyAfter(text, tokens, m.to)) for (const t of orgs) strong.add(t.ref);
  }
  // A region named with its kind once its country is named ("Nicaragua's Granada department",
  // "Washington state") is named for sure: its towns may count on it.
  for (const m of all) {
    const regions = m.targets.filter((t) => t.kind === 'weak' && entities.get(t.ref)?.type === 'region');
    if (!regions.length) continue;
    const expected = expectedTypes(text, tokens, m.from, m.to);
    if (expected.length !== 1 || expected[0] !== 'region') continue;
    for (const t of regions) if ((entities.get(t.ref)!.partOf ?? []).some((id) => strong.has(id))) strong.add(t.ref);
  }
  // "Rome, Georgia": a place followed by a comma and what it is part of names both for sure.
  const pinned = new Map<AliasMatch, AliasMatch['targets']>();
  for (let i = 0; i + 1 < all.length; i++) {
    const [m, next] = [all[i]!, all[i + 1]!];
    if (next.from !== m.to || !/^, ?$/.test(text.slice(tokens[m.to - 1]!.end, tokens[next.from]!.start))) continue;
    const pairs = m.targets.flatMap((t) => next.targets.filter((n) => entities.get(t.ref)?.partOf?.includes(n.ref)).map((n) => [t, n] as const));
    if (pairs.length !== 1) continue;
    pinned.set(m, [pairs[0]![0]]);
    pinned.set(next, [pairs[0]![1]]);
  }
  const kept = new Map<AliasMatch, AliasMatch['targets']>();
  for (const m of all) {
    const pin = pinned.get(m);
    if (pin) {
      kept.set(m, pin);
      continue;
    }
    if (m.targets.every((t) => t.kind !== 'weak' || strong.has(t.ref))) {
      kept.set(m, m.targets);
      continue;
    }
    // What the text says of the match, worked out once and only when a place or organisation needs it.
    let atSentenceStart: boolean | undefined;
    let expected: EntityType[] | undefined;
    let orgNameTooShort: boolean | undefined;
    const targets = m.targets.filter((t) => {
      if (t.kind !== 'weak' || strong.has(t.ref)) return true;
      const entity = entities.get(t.ref);
      if (!entity || entity.type === 'person') return false;
      // At a sentence's start the capital says nothing, unless the words after it say what it is ("Rubio, a town in…").
      // (A word that is also another entity's full name is a name wherever it stands: "Georgia's secretary of state".)
      atSentenceStart ??= startsSentence(text, tokens[m.from]!) && !m.targets.some((o) => o.kind === 'name');
      if (atSentenceStart && !(expected ??= expectedTypes(text, tokens, m.from, m.to)).includes(entity.type)) return false;
      // An organisation's weak name counts with its country only as an acronym ("CDU") or a
      // name of several words ("Supreme Court") that no capitalised word continues ("Air Force One").
      if (entity.type === 'organisation') {
        if (orgNameTooShort === undefined) {
          const written = text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end);
          orgNameTooShort = written !== written.toUpperCase() && (m.to - m.from < 2 || tokens[m.to]?.case === Case.Capitalised);
        }
        if (orgNameTooShort) return false;
      }
      // A city needs its region named; a region or an organisation, its country.
      const parts = entity.partOf ?? [];
      return (entity.type === 'city' ? parts.slice(0, Math.max(1, parts.length - 1)) : parts).some((id) => strong.has(id));
    });
    if (targets.length) kept.set(m, targets);
  }
  // What the article names for sure by one name is named by its weak names too: "the
  // Conservative Party" (its country named), then "the Conservatives".
  const linked = new Set<string>();
  for (const targets of kept.values()) if (targets.length === 1) linked.add(targets[0]!.ref);
  const out: AliasMatch[] = [];
  for (const m of all) {
    const targets = kept.get(m) ?? m.targets.filter((t) => linked.has(t.ref));
    if (targets.length) out.push(targets === m.targets ? m : { ...m, targets });
  }
  return out;
}

/**
 * True when the match is a genitive the pack lists beside the plain name ("Russlands" of
 * "Russland", "Putins" of "Putin"): the capitalised word after it is the noun it governs
 * ("Russlands Armee"), not more of the name.
 */
function isGenitive(text: string, tokens: Token[], entities: Records, m: AliasMatch): boolean {
  const written = text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end);
  if (!/\p{Ll}s$/u.test(written)) return false;
  const plain = written.slice(0, -1).toLowerCase();
  return m.targets.every((t) => {
    const e = entities.get(t.ref);
    return e !== undefined && (e.name.toLowerCase() === plain || e.aliases.some((a) => a.toLowerCase() === plain));
  });
}

/**
 * Where a match written "Town, Region" ("Winder, Georgia", an alias of the town) parts, and the
 * region it names: the town's own partOf entry of that name. Null for any other match.
 */
function regionAfterComma(entities: Records, text: string, start: number, end: number, entityId: string): { start: number; gap: number; id: string } | null {
  const written = text.slice(start, end);
  const comma = written.lastIndexOf(',');
  if (comma <= 0) return null;
  const entity = entities.get(entityId);
  if (entity?.type !== 'city') return null;
  const tail = written.slice(comma + 1).trim().toLowerCase();
  for (const id of entity.partOf ?? []) {
    const part = entities.get(id);
    if (part && [part.name, ...part.aliases].some((n) => n.toLowerCase() === tail)) return { start: start + comma, gap: written.length - comma - tail.length, id };
  }
  return null;
}

/** True when a person's record says they are of this occupation ("striker", "publisher"). */
function describedAs(entity: Entity | undefined, occupation: string): boolean {
  return entity?.type === 'person' && entity.description.toLowerCase().includes(occupation);
}

/** Entities a record points at (capital, standsFor, offices' `of`); empty for an unknown id. */
function relatedIds(entities: Records, entityId: string): Set<string> {
  const e = entities.get(entityId);
  return new Set(e ? referencedIds(e) : []);
}

/** Records by id, as one call reads them. */
interface Records {
  get(id: string): Entity | undefined;
}

/**
 * The knowledge base's records, each looked up once per call: an article's matches name the
 * same few hundred ids again and again, and a small map is read about ten times faster than
 * the pack's (200k records, a cache miss nearly every time).
 */
function recordsOf(kb: KnowledgeBase): Records {
  const seen = new Map<string, Entity | undefined>();
  return {
    get(id) {
      if (seen.has(id)) return seen.get(id);
      const entity = kb.entities.get(id);
      seen.set(id, entity);
      return entity;
    },
  };
}

const NAMES = ofKinds('name', 'weak', 'demonym');
const NOMINALS = ofKinds('nominal');

/** A definite article before a nominal phrase, in the languages of the phrases (the, der, el, le…). */
const LEADING_THE = /(?:^|[\s(“"'‘])(the|The|THE|el|El|del|al|le|Le|du|au)\s+$/;
/** A phrase that is definite by its possessive: "Russia's president", "Russlands Präsident". */
const POSSESSIVE = /^\p{Lu}[\p{L}.\s-]*['’]s \p{Ll}|^\p{Lu}\p{Ll}+s \p{Lu}\p{Ll}+$/u;

/** Offsets of a match in the text; a trailing dot of the alias ("U.S.") is kept when present. */
function spanOf(text: string, tokens: Token[], match: AliasMatch): { start: number; end: number } {
  const start = tokens[match.from]!.start;
  let end = tokens[match.to - 1]!.end;
  if (match.targets.some((t) => t.alias.endsWith('.')) && text[end] === '.') end++;
  return { start, end };
}

/**
 * Every mention in `text`, in order. Names and demonyms never overlap one another; a nominal
 * phrase ("the Kremlin spokesman") may contain a name ("Kremlin") and is reported only when
 * it stands alone, not as a title before a name. Returns [] when nothing is found.
 */
export function findMentions(text: string, tokens: Token[], kb: KnowledgeBase, date: string | undefined): Mention[] {
  const entities = recordsOf(kb);
  const all = withEvidence(text, tokens, entities, kb.index.findAll(text, tokens, NAMES));
  const covered = new Set<number>();
  for (const m of all) for (let i = m.from; i < m.to; i++) covered.add(i);
  // Entities named in full somewhere ("Donald Trump") are trusted when named in part.
  const namedInFull = new Set(all.filter((m) => m.to - m.from > 1).flatMap((m) => m.targets.map((t) => t.ref)));
  // Two one-word matches side by side, the second only a weak name ("Niger Delta", "Paris
  // Hilton"): one longer name the knowledge base does not hold, so neither word links.
  const runOn = new Set<AliasMatch>();
  for (let i = 0; i + 1 < all.length; i++) {
    const [m, next] = [all[i]!, all[i + 1]!];
    if (next.from !== m.to || m.to - m.from !== 1 || next.to - next.from !== 1) continue;
    if (!/^ $/.test(text.slice(tokens[m.from]!.end, tokens[next.from]!.start))) continue;
    const demonym = (x: AliasMatch) => x.targets.every((t) => t.kind === 'demonym');
    // "African American", "Asian American" voters: a people of its own, neither Africa nor the US.
    if (demonym(m) && demonym(next)) runOn.add(m).add(next);
    if (demonym(m)) continue;
    // "UK Tories", "US Democrats": a country before what is part of it names both.
    if (next.targets.every((t) => entities.get(t.ref)?.partOf?.some((p) => m.targets.some((x) => x.ref === p)))) continue;
    if (next.targets.every((t) => t.kind === 'weak')) runOn.add(m).add(next);
    // A first name before a surname the pack knows ("Georgia Meloni"), a surname after a first
    // name it knows ("Kerry Washington"): the first word is not the country or the politician.
    else if ([m, next].some((x) => x.targets.every((t) => entities.get(t.ref)?.type === 'person'))) runOn.add(m);
  }
  const named = all.filter((m) => {
    if (runOn.has(m)) return false;
    if (isDatePart(tokens, m.from, m.to)) return false;
    if ((beforeGenerationSuffix(text, tokens, m.to) || continuesWithParticle(text, tokens, m.to)) && m.targets.every((t) => entities.get(t.ref)?.type === 'person')) return false;
    if (afterNobleTitle(tokens, m.from) && m.targets.every((t) => PLACE_TYPES.has(entities.get(t.ref)?.type ?? ''))) return false;
    if (m.to - m.from === 1) {
      const types = m.targets.map((t) => entities.get(t.ref)?.type ?? '');
      // "a Van", "a Turkey named Peach": a thing; "Das Essen": a German noun; "Jordan, 29,": a person.
      if (afterIndefiniteArticle(text, tokens, m.from) && types.every((t) => PLACE_TYPES.has(t))) return false;
      if (afterGermanArticle(text, tokens, m.from) && types.every((t) => t === 'city')) return false;
      const inFull = m.targets.some((t) => namedInFull.has(t.ref));
      // "Jordan, 29,", "Ms Kim, a 34-year-old nurse": someone introduced here, not a place, nor
      // the one the pack knows unless the article named that one in full ("Biden, 81,").
      if (beforeAge(text, tokens, m.to) && !inFull) return false;
      // "the Sale of the stake", "the Battle of the Marne": a town or region named only weakly takes no article.
      if (isTheNounOf(text, tokens, m.from, m.to) && m.targets.every((t) => t.kind === 'weak') && types.every((t) => t === 'city' || t === 'region')) return false;
      // "led a Trump in the fourth round": a thing, not the person ("a Trump win" is).
      if (types.every((t) => t === 'person') && afterIndefiniteArticle(text, tokens, m.from) && beforeFunctionWordOrEnd(text, tokens, m.to) && !inFull) return false;
      if (!inFull) {
        // "the musical Hamilton": a work; "striker Costa", "her publisher Kim": someone of that
        // occupation, the pack's namesake only if it says so of them.
        const kind = kindNounBefore(text, tokens, m.from);
        if (kind && ('thing' in kind || !m.targets.some((t) => describedAs(entities.get(t.ref), kind.occupation)))) return false;
        // "Carney's Irish Pub": a business named after someone.
        if (opensVenueName(text, tokens, m.to)) return false;
      }
    }
    if (!m.targets.some((t) => namedInFull.has(t.ref)) && !isGenitive(text, tokens, entities, m) && isPartOfLongerName(text, tokens, m.from, m.to, covered)) return false;
    // "African-American": a demonym fused to another name is a different word.
    if (m.targets.every((t) => t.kind === 'demonym') && /^[-‐‑][A-Z]/.test(text.slice(tokens[m.to - 1]!.end, tokens[m.to - 1]!.end + 2))) return false;
    if (m.targets.every((t) => t.kind === 'demonym') && /[A-Za-z][-‐‑]$/.test(text.slice(Math.max(0, tokens[m.from]!.start - 2), tokens[m.from]!.start))) return false;
    return true;
  });
  // A person the open data holds whose Wikipedia title needs a disambiguation (someone better
  // known has the name) and who held no office on the article's date is a namesake unless the
  // article names their country: "Andrew Yang" in a US debate preview is not "Andrew Yang
  // (Taiwanese politician)", the minister of 2013.
  const fromOpenData = (e: Entity) => e.type === 'person' && !!e.sources && !e.sources.includes('curated');
  const around = new Set<string>();
  for (const m of named) for (const t of m.targets) {
    const e = entities.get(t.ref);
    if (!e || fromOpenData(e)) continue; // a candidate namesake is no evidence for itself
    around.add(e.id);
    for (const id of referencedIds(e)) around.add(id);
  }
  const strangerOnly = (t: AliasMatch['targets'][number]): boolean => {
    const e = entities.get(t.ref);
    if (!e || !fromOpenData(e) || !/\)$/.test(e.wikipedia ?? '')) return false;
    if (date && kb.rolesOn(e.id, date).length) return false;
    return !(e.partOf ?? []).some((id) => around.has(id));
  };
  for (let i = 0; i < named.length; i++) {
    const m = named[i]!;
    if (!m.targets.some(strangerOnly)) continue;
    const targets = m.targets.filter((t) => !strangerOnly(t));
    named[i] = { ...m, targets };
  }
  const anchored = new Set<string>();
  for (const match of named) {
    const refs = new Set(match.targets.map((t) => t.ref));
    if (refs.size === 1) anchored.add([...refs][0]!);
  }
  // What the anchored entities point at, counted once (not once per candidate and anchor).
  const pointedAt = new Map<string, number>();
  for (const id of anchored) for (const other of relatedIds(entities, id)) if (other !== id) pointedAt.set(other, (pointedAt.get(other) ?? 0) + 1);
  // A name all of whose senses lie in one place speaks for that place too: both records of
  // "Brad Raffensperger" are of the state of Georgia (the senses of "Atlanta" are not all in it).
  for (const match of named) {
    const refs = [...new Set(match.targets.map((t) => t.ref))];
    if (refs.length < 2) continue; // an anchored entity's places are counted above
    let shared = new Set(entities.get(refs[0]!)?.partOf ?? []);
    for (const ref of refs.slice(1)) {
      const parts = entities.get(ref)?.partOf ?? [];
      shared = new Set(parts.filter((id) => shared.has(id)));
    }
    for (const id of shared) pointedAt.set(id, (pointedAt.get(id) ?? 0) + 1);
  }
  const affinityOf = (entityId: string): number => {
    let n = pointedAt.get(entityId) ?? 0;
    for (const id of relatedIds(entities, entityId)) if (anchored.has(id)) n++;
    return n;
  };
  // Everything but the type the context expects, once per candidate.
  const base = new Map<string, number>();
  const score = (entityId: string, expected: string[]): number => {
    const entity = entities.get(entityId);
    let s = base.get(entityId);
    if (s === undefined) {
      s = (entity?.prominence ?? 0) * resolutionWeights.prominenceWeight;
      if (anchored.has(entityId)) s += resolutionWeights.anchoredWeight;
      if (date && kb.rolesOn(entityId, date).length) s += resolutionWeights.activeRoleWeight;
      s += resolutionWeights.affinityWeight * affinityOf(entityId);
      base.set(entityId, s);
    }
    return entity && expected.includes(entity.type) ? s + resolutionWeights.typeFitWeight : s;
  };

  const mentions: Mention[] = [];
  const personStarts = new Set<number>();
  for (const match of named) {
    let targets = match.targets;
    if (!targets.length) continue;
    if (targets.length > 1 && isDateline(text, tokens, match.from, match.to)) {
      // "NEW YORK (Reuters) -": a dateline names a city, however many firms of the state the story names.
      const cities = targets.filter((t) => entities.get(t.ref)?.type === 'city');
      if (cities.length) targets = cities;
    }
    const expected = targets.length > 1 ? expectedTypes(text, tokens, match.from, match.to) : [];
    let best = targets[0]!;
    if (targets.length > 1) {
      const ranked = targets.map((t) => ({ t, s: score(t.ref, expected) })).sort((a, b) => b.s - a.s);
      // Several senses and nothing in the article to choose between them: no link beats a guess.
      const rival = ranked.find((r) => r.t.ref !== ranked[0]!.t.ref);
      if (rival && ranked[0]!.s - rival.s < resolutionWeights.minLead) continue;
      best = ranked[0]!.t;
    }
    const { start, end } = spanOf(text, tokens, match);
    const region = regionAfterComma(entities, text, start, end, best.ref);
    if (region) {
      // "Winder, Georgia": the town and its state, each a mention of its own.
      mentions.push({ text: text.slice(start, region.start), start, end: region.start, kind: 'name', entityId: best.ref });
      mentions.push({ text: text.slice(region.start + region.gap, end), start: region.start + region.gap, end, kind: 'name', entityId: region.id });
      continue;
    }
    mentions.push({ text: text.slice(start, end), start, end, kind: best.kind === 'demonym' ? 'demonym' : 'name', entityId: best.ref });
    if (entities.get(best.ref)?.type === 'person') personStarts.add(match.from);
  }

  if (date) {
    for (const match of kb.index.findAll(text, tokens, NOMINALS)) {
      if (personStarts.has(match.to)) continue; // a title before a name: "Kremlin spokesman Dmitry Peskov"
      const holders = match.targets.filter((t) => kb.holdsPhraseOn(t.ref, t.alias, date));
      if (holders.length !== 1) continue;
      let { start, end } = spanOf(text, tokens, match);
      // Only a definite reference ("the Kremlin spokesman", "Russia's president") names one holder of the office.
      const the = LEADING_THE.exec(text.slice(Math.max(0, start - 5), start));
      if (!the && !match.targets.some((t) => POSSESSIVE.test(t.alias))) continue;
      if (the) start -= the[0].length - the[0].indexOf(the[1]!);
      mentions.push({ text: text.slice(start, end), start, end, kind: 'nominal', entityId: holders[0]!.ref });
    }
  }
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}
