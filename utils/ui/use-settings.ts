import { useEffect, useState } from 'preact/hooks';
import { sendToBackground, type Result, type Settings } from '@/utils/messages';

/** The reader's settings (null until loaded) and a way to turn highlighting on or off for a site. */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void sendToBackground('getSettings', {}).then((reply) => reply.ok && setSettings(reply.value));
  }, []);
  const setSiteHighlighting = async (site: string, enabled: boolean): Promise<Result<Settings>> => {
    const reply = await sendToBackground('setSiteHighlighting', { site, enabled });
    if (reply.ok) setSettings(reply.value);
    return reply;
  };
  return { settings, setSiteHighlighting };
}
