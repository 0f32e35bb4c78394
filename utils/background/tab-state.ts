/**
 * Keeping per-tab state small (issue 19: a 1.8M-character article's state overflowed
 * `storage.session`, whose quota, 10 MB in Chrome, every tab shares). A tab's state keeps
 * what the popup and side panel show, never the article's text or its mentions (the content
 * script has those), lists are capped, and the oldest tabs' states give way to new ones.
 */
import * as v from 'valibot';
import type { Analysis } from '../analysis/analyze-text';
import { unknownNameLimits, type UnknownName } from '../match/unknown-name';
import { unknownNameSchema, unknownNamesSchema, type TabAnalysis, type TabState } from '../messages';

export const tabStateLimits = {
  /** Entities and events kept per list: the surfaces show a few dozen at most. */
  listMax: 100,
  /** Tabs whose state is kept; the least recently changed beyond it are dropped. */
  tabsMax: 50,
};

/** What a tab's state keeps of an analysis: no text, no mentions, lists capped. */
export function compactAnalysis(analysis: Analysis, limits = tabStateLimits): TabAnalysis {
  const { article, mentions: _mentions, eventMentions: _events, ...rest } = analysis;
  const { text, ...about } = article;
  const cap = <T,>(list: T[]) => list.slice(0, limits.listMax);
  return {
    ...rest,
    article: { ...about, length: text.length },
    entities: cap(rest.entities),
    related: cap(rest.related),
    current: cap(rest.current),
    later: cap(rest.later),
  };
}

/**
 * The names the knowledge base does not hold, as a tab's state keeps them: checked against
 * the protocol's schema (they come from the page's text: a name or a sentence past its
 * length, a type of no kind, is not kept), at most unknownNameLimits.listMax.
 */
export function compactUnknownNames(names: readonly UnknownName[]): UnknownName[] {
  const valid = names.filter((name) => v.is(unknownNameSchema, name));
  return v.parse(unknownNamesSchema, valid.slice(0, unknownNameLimits.listMax));
}

/** The tabs whose states to drop so that at most `max` remain: the least recently changed; [] when within. */
export function tabsToEvict(states: readonly Pick<TabState, 'tabId' | 'updatedAt'>[], max = tabStateLimits.tabsMax): number[] {
  if (states.length <= max) return [];
  return [...states]
    .sort((a, b) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0))
    .slice(0, states.length - max)
    .map((s) => s.tabId);
}
