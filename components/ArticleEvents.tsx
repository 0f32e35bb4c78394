import { useId, useState } from 'preact/hooks';
import { EVENT_TYPES } from '@/utils/kb/schema';
import { eventDraftOf, type EventDraft } from '@/utils/library/article-events';
import { sendToBackground, type SavedArticle } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { eventTypeLabel } from '@/utils/ui/labels';
import { useDebounced } from '@/utils/ui/use-debounced';
import { useResult } from '@/utils/ui/use-result';

interface Props {
  article: SavedArticle;
  /** The article's links changed: the reader view reads it again. */
  onChanged: () => void;
}

const searchDelayMs = 250;

/**
 * The reader's links between a saved article and events (issue 21): the events it is attached
 * to (each can be let go), a search of the knowledge base's events to attach it to one, and a
 * form that makes a new event of the reader's own from it (title and date from the article).
 */
export function ArticleEvents({ article, onChanged }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), searchDelayMs);
  const found = useResult(() => (settled ? sendToBackground('searchKb', { query: settled }) : Promise.resolve({ ok: true as const, value: { entities: [], events: [] } })), [settled]);
  const [draft, setDraft] = useState<EventDraft>(() => eventDraftOf(article));
  const [status, setStatus] = useState('');
  const attached = article.attachedEvents ?? [];
  const attachedIds = new Set(attached.map((e) => e.id));

  const done = (reply: { ok: true } | { ok: false; error: string }, message: string) => {
    setStatus(reply.ok ? message : t('actionFailed', reply.error));
    if (reply.ok) onChanged();
  };
  const link = async (eventId: string, title: string, attach: boolean) =>
    done(await sendToBackground('linkArticleEvent', { url: article.url, eventId, attach }), t(attach ? 'articleEventAttached' : 'articleEventDetached', title));
  const make = async (e: Event) => {
    e.preventDefault();
    const reply = await sendToBackground('makeEventOfArticle', { url: article.url, ...draft });
    done(reply, reply.ok ? t('articleEventMade', reply.value.title) : '');
  };

  const events = found.status === 'ok' ? found.value.events : [];
  return (
    <section class="article-events" data-testid="article-events">
      <h3>{t('articleEventsHeading')}</h3>
      {attached.length ? (
        <ul class="attached-events">
          {attached.map((event) => (
            <li key={event.id} data-testid="attached-event" data-event-id={event.id}>
              <span>{event.title}</span> <span class="status-note">{formatDate(event.date)}</span>{' '}
              <button type="button" class="remove-button" data-testid="detach-event" onClick={() => void link(event.id, event.title, false)}>
                {t('articleEventDetach')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="status-note">{t('articleEventsNone')}</p>
      )}
      <label for={`${id}-search`}>{t('articleEventSearch')}</label>
      <input id={`${id}-search`} type="search" data-testid="event-search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {settled && found.status === 'ok' && (
        <ul class="event-results" data-testid="event-results">
          {events.length === 0 && <li class="status-note">{t('searchNoResults')}</li>}
          {events.map((event) => (
            <li key={event.id} data-testid="event-result" data-event-id={event.id}>
              <span>{event.title}</span> <span class="status-note">{formatDate(event.date)}</span>{' '}
              <button type="button" data-testid="attach-event" disabled={attachedIds.has(event.id)} onClick={() => void link(event.id, event.title, true)}>
                {attachedIds.has(event.id) ? t('articleEventIsAttached') : t('articleEventAttach')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <details class="new-event">
        <summary data-testid="new-event-toggle">{t('articleEventNew')}</summary>
        <form class="notes-form" onSubmit={(e) => void make(e)}>
          <label for={`${id}-title`}>{t('articleEventTitle')}</label>
          <input id={`${id}-title`} type="text" required maxLength={300} data-testid="new-event-title" value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
          <label for={`${id}-date`}>{t('articleEventDate')}</label>
          <input id={`${id}-date`} type="date" required data-testid="new-event-date" value={draft.date} onInput={(e) => setDraft({ ...draft, date: e.currentTarget.value })} />
          <label for={`${id}-type`}>{t('entityType')}</label>
          <select id={`${id}-type`} data-testid="new-event-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.currentTarget.value as EventDraft['type'] })}>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {eventTypeLabel(type)}
              </option>
            ))}
          </select>
          <button type="submit" data-testid="make-event">
            {t('articleEventMake')}
          </button>
        </form>
      </details>
      <p role="status" class="status-note" data-testid="article-events-status">
        {status}
      </p>
    </section>
  );
}
