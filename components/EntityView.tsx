import { sendToBackground } from '@/utils/messages';
import { useResult } from '@/utils/ui/use-result';
import { EntityPage } from './EntityPage';
import { StatusNote } from './StatusNote';

interface Props {
  id: string;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** Loads an actor from the background and shows its page. */
export function EntityView({ id, onOpenEntity, onOpenEvent }: Props) {
  const loaded = useResult(() => sendToBackground('getEntity', { id }), [id]);
  if (loaded.status === 'loading') return <StatusNote kind="loading" />;
  if (loaded.status === 'error') return <StatusNote kind="error" detail={loaded.error} />;
  if (!loaded.value) return <StatusNote kind="unknown-entity" />;
  return <EntityPage details={loaded.value} onOpenEntity={onOpenEntity} onOpenEvent={onOpenEvent} />;
}
