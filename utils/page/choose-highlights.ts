/**
 * Which of an analysis's mentions the page shows as highlights, by the reader's settings
 * (issue 20): every mention, the first of each actor, or none; which kinds of entity; role
 * phrases ("the Kremlin spokesman") or not; and not at all on a site turned off. Pure: the
 * content script calls it on every change of the settings, without reading the page again.
 */
import { accentOf, type Accent } from '../ui/entity-types';

/** How many mentions of each actor are highlighted. */
export type HighlightMode = 'all' | 'first' | 'none';

export const HIGHLIGHT_MODES: readonly HighlightMode[] = ['all', 'first', 'none'];

/** The colour groups of the legend, which the reader can turn off one by one. */
export const HIGHLIGHT_GROUPS: readonly Accent[] = ['person', 'country', 'place', 'organisation'];

/** The reader's highlight settings as they apply to one page. */
export interface HighlightPrefs {
  /** False on a site where the reader turned highlighting off. */
  enabled: boolean;
  mode: HighlightMode;
  /** Colour groups (HIGHLIGHT_GROUPS) the reader turned off. */
  groupsOff: readonly string[];
  /** Also highlight role phrases ("the Kremlin spokesman"). */
  nominal: boolean;
}

export const DEFAULT_HIGHLIGHT_PREFS: HighlightPrefs = { enabled: true, mode: 'all', groupsOff: [], nominal: false };

interface MentionLike {
  start: number;
  kind: string;
  entity: { id: string; type: string };
}

/**
 * The mentions to highlight, in text order; [] when the site is off, the mode is 'none', or
 * nothing passes. Demonyms ("Russian") are never highlighted: they name a country's people,
 * not the actor the card would describe.
 */
export function chooseHighlights<M extends MentionLike>(mentions: readonly M[], prefs: HighlightPrefs): M[] {
  if (!prefs.enabled || prefs.mode === 'none') return [];
  const off = new Set(prefs.groupsOff);
  const chosen = [...mentions]
    .sort((a, b) => a.start - b.start)
    .filter((m) => (m.kind === 'name' || (prefs.nominal && m.kind === 'nominal')) && !off.has(accentOf(m.entity.type)));
  if (prefs.mode === 'all') return chosen;
  const seen = new Set<string>();
  return chosen.filter((m) => !seen.has(m.entity.id) && (seen.add(m.entity.id), true));
}
