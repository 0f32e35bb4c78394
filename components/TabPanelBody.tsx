import { hostOf } from '@/utils/ui/host';
import { pageStatus } from '@/utils/ui/page-status';
import { useTabView } from '@/utils/ui/use-tab-view';
import { TabOverview } from './TabOverview';
import { TabStatus } from './TabStatus';

interface Props {
  /** undefined while the shown tab is not known yet; null when there is none. */
  tabId: number | null | undefined;
  onReveal: (entityId: string) => void;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** The side panel's overview of the shown tab, kept up to date as the tab changes. */
export function TabPanelBody({ tabId, onReveal, onOpenEntity, onOpenEvent }: Props) {
  const { view, error } = useTabView(tabId ?? null);
  if (tabId === null) return <TabStatus kind="open-article" />;
  if (error) return <TabStatus kind="error" detail={error} />;
  if (!view) return <TabStatus kind="loading" />;
  const page = pageStatus(view.state, view.url);
  if ('analysis' in page) {
    return <TabOverview analysis={page.analysis} site={hostOf(view.url)} onReveal={onReveal} onOpenEntity={onOpenEntity} onOpenEvent={onOpenEvent} />;
  }
  return <TabStatus kind={page.status} />;
}
