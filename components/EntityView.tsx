import { sendToBackground } from '@/utils/messages';
import { useReload } from '@/utils/ui/use-reload';
import { useResult } from '@/utils/ui/use-result';
import { EntityPage } from './EntityPage';
import { StatusNote } from './StatusNote';

interface Props {
  id: string;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
  /** Scrolls the shown tab to the actor's first highlight; absent when no tab is shown. */
  onReveal?: (id: string) => void;
}

/** Loads an actor from the background and shows its page; reloads it after an alias is added. */
export function EntityView({ id, onOpenEntity, onOpenEvent, onReveal }: Props) {
  const [version, reload] = useReload();
  const loaded = useResult(() => sendToBackground('getEntity', { id }), [id, version]);
  if (loaded.status === 'loading') return <StatusNote kind="loading" />;
  if (loaded.status === 'error') return <StatusNote kind="error" detail={loaded.error} />;
  if (!loaded.value) return <StatusNote kind="unknown-entity" />;
  const addAlias = async (alias: string) => {
    const reply = await sendToBackground('addAlias', { id, alias });
    if (reply.ok) reload();
    return reply;
  };
  return <EntityPage details={loaded.value} onOpenEntity={onOpenEntity} onOpenEvent={onOpenEvent} onReveal={onReveal} onAddAlias={addAlias} />;
}
