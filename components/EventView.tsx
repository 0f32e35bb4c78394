import { sendToBackground } from '@/utils/messages';
import { useResult } from '@/utils/ui/use-result';
import { EventPage } from './EventPage';
import { StatusNote } from './StatusNote';

interface Props {
  id: string;
  onOpenEntity: (id: string) => void;
  onOpenEvent: (id: string) => void;
}

/** Loads an event from the background and shows its page. */
export function EventView({ id, onOpenEntity, onOpenEvent }: Props) {
  const loaded = useResult(() => sendToBackground('getEvent', { id }), [id]);
  if (loaded.status === 'loading') return <StatusNote kind="loading" />;
  if (loaded.status === 'error') return <StatusNote kind="error" detail={loaded.error} />;
  if (!loaded.value) return <StatusNote kind="unknown-event" />;
  return <EventPage details={loaded.value} onOpenEntity={onOpenEntity} onOpenEvent={onOpenEvent} />;
}
