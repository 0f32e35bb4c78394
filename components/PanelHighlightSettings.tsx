import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostOf } from '@/utils/ui/host';
import { useSettings } from '@/utils/ui/use-settings';
import { HighlightSettings } from './HighlightSettings';

interface Props {
  tabId: number | null;
}

/** The side panel's highlight settings (issue 20), for the site of the tab it shows. */
export function PanelHighlightSettings({ tabId }: Props) {
  const { settings, setHighlighting, setSiteHighlighting } = useSettings();
  const [site, setSite] = useState<string | null>(null);
  useEffect(() => {
    if (tabId === null) return setSite(null);
    void browser.tabs.get(tabId).then(
      (tab) => setSite(hostOf(tab.url)),
      () => setSite(null),
    );
  }, [tabId]);
  if (!settings) return null;
  const siteOn = !(site && settings.highlightOffSites.includes(site));
  return (
    <HighlightSettings
      settings={settings}
      site={site}
      onChange={(change) => void setHighlighting(change)}
      onToggleSite={() => site && void setSiteHighlighting(site, !siteOn)}
    />
  );
}
