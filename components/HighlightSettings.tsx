import type { Settings } from '@/utils/messages';
import { HIGHLIGHT_GROUPS, HIGHLIGHT_MODES, type HighlightMode } from '@/utils/page/choose-highlights';
import type { Accent } from '@/utils/ui/entity-types';
import { t, type MessageKey } from '@/utils/ui/i18n';

interface Props {
  settings: Settings;
  /** The shown tab's site, for the per-site switch; null for pages that are not on the web. */
  site: string | null;
  onChange: (change: Partial<Pick<Settings, 'highlightMode' | 'highlightGroupsOff' | 'highlightNominal'>>) => void;
  onToggleSite: () => void;
}

const modeLabels: Record<HighlightMode, MessageKey> = { all: 'highlightModeAll', first: 'highlightModeFirst', none: 'highlightModeNone' };
const groupLabels: Record<Accent, MessageKey> = { person: 'legendPerson', country: 'legendCountry', place: 'legendPlace', organisation: 'legendOrganisation' };

/**
 * How highlights are drawn (issue 20), folded under "Highlights": every mention, the first of
 * each actor, or none; the legend of colours, each group with its checkbox; role phrases; this
 * site on or off. Every change reaches the open pages at once.
 */
export function HighlightSettings({ settings, site, onChange, onToggleSite }: Props) {
  const siteOn = !(site && settings.highlightOffSites.includes(site));
  const groupsOff = new Set(settings.highlightGroupsOff);
  const toggleGroup = (group: Accent, on: boolean) =>
    onChange({ highlightGroupsOff: HIGHLIGHT_GROUPS.filter((g) => (g === group ? !on : groupsOff.has(g))) });
  return (
    <details class="more highlight-settings" data-testid="highlight-settings">
      <summary>{t('highlightSettings')}</summary>
      {site && (
        <button type="button" role="switch" class="switch" aria-checked={siteOn} data-testid="toggle-highlighting" onClick={onToggleSite}>
          <span>{t('highlightOnSite', site)}</span>
          <span class="switch-state" aria-hidden="true">
            {siteOn ? t('on') : t('off')}
          </span>
        </button>
      )}
      <fieldset>
        <legend>{t('highlightModeLabel')}</legend>
        {HIGHLIGHT_MODES.map((mode) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="highlight-mode"
              value={mode}
              checked={settings.highlightMode === mode}
              data-testid={`highlight-mode-${mode}`}
              onChange={() => onChange({ highlightMode: mode })}
            />
            {t(modeLabels[mode])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('highlightGroupsLabel')}</legend>
        {HIGHLIGHT_GROUPS.map((group) => (
          <label key={group} class="choice">
            <input
              type="checkbox"
              checked={!groupsOff.has(group)}
              data-testid={`highlight-group-${group}`}
              onChange={(event) => toggleGroup(group, event.currentTarget.checked)}
            />
            <span class="legend-swatch" data-accent={group} aria-hidden="true" />
            {t(groupLabels[group])}
          </label>
        ))}
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.highlightNominal}
            data-testid="highlight-nominal"
            onChange={(event) => onChange({ highlightNominal: event.currentTarget.checked })}
          />
          {t('highlightRolePhrases')}
        </label>
      </fieldset>
      <p class="hint">{t('highlightKeys')}</p>
    </details>
  );
}
