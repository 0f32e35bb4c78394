import { useEffect, useState } from 'preact/hooks';
import { sendToBackground, type HighlightChange, type Result, type Settings } from '@/utils/messages';

/** The reader's settings (null until loaded) and ways to change them: highlighting (how, and per site) and history, per site or at all. */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void sendToBackground('getSettings', {}).then((reply) => reply.ok && setSettings(reply.value));
  }, []);
  const keep = (reply: Result<Settings>): Result<Settings> => {
    if (reply.ok) setSettings(reply.value);
    return reply;
  };
  const setSiteHighlighting = async (site: string, enabled: boolean) => keep(await sendToBackground('setSiteHighlighting', { site, enabled }));
  const setHighlighting = async (change: HighlightChange) => keep(await sendToBackground('setHighlighting', change));
  const setHistory = async (enabled: boolean) => keep(await sendToBackground('setHistory', { enabled }));
  const setSiteHistory = async (site: string, paused: boolean) => keep(await sendToBackground('setSiteHistory', { site, paused }));
  return { settings, setSiteHighlighting, setHighlighting, setHistory, setSiteHistory };
}
