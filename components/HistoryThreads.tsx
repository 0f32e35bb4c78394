import { useState } from 'preact/hooks';
import type { HistoryThread } from '@/utils/history/story-threads';
import { EVENT_TYPES, type EventType } from '@/utils/kb/schema';
import { sendToBackground } from '@/utils/messages';
import { formatDateRange } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { eventTypeLabel } from '@/utils/ui/labels';
import { safeHref } from '@/utils/web-url';

interface Props {
  threads: HistoryThread[];
}

/**
 * Stories that keep coming back about one matter (issue 18): each thread with its span, its
 * stories, and a name and a kind the reader may change before making it an event of their
 * own knowledge base.
 */
export function HistoryThreads({ threads }: Props) {
  return (
    <ul class="history-threads" aria-label={t('historyThreads')}>
      {threads.map((thread) => (
        <ThreadItem key={thread.id} thread={thread} />
      ))}
    </ul>
  );
}

function ThreadItem({ thread }: { thread: HistoryThread }) {
  const [title, setTitle] = useState(thread.name);
  const [type, setType] = useState<EventType>(thread.type);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const make = async () => {
    const reply = await sendToBackground('threadToEvent', { threadId: thread.id, title, type });
    setOutcome(reply.ok ? { ok: true, text: t('historyThreadAdded', reply.value.title) } : { ok: false, text: t('actionFailed', reply.error) });
  };
  return (
    <li class="history-thread" data-testid="history-thread">
      <p class="meta">{t('historyThreadSpan', thread.stories.length, formatDateRange(thread.first, thread.last === thread.first ? undefined : thread.last))}</p>
      <details>
        <summary>{thread.name}</summary>
        <ul class="link-list">
          {thread.stories.map((story) => (
            <li key={story.url}>
              <a href={safeHref(story.url)} target="_blank" rel="noopener">
                {story.title}
              </a>
              {story.site && <span class="meta"> {story.site}</span>}
            </li>
          ))}
        </ul>
      </details>
      {outcome?.ok ? (
        <p role="status" class="status-note" data-testid="history-thread-added">
          {outcome.text}
        </p>
      ) : (
        <form
          class="history-thread-form"
          onSubmit={(e) => {
            e.preventDefault();
            void make();
          }}
        >
          <label>
            {t('historyThreadName')}
            <input type="text" value={title} maxLength={300} data-testid="history-thread-name" onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label>
            {t('historyThreadType')}
            <select value={type} onChange={(e) => setType(e.currentTarget.value as EventType)}>
              {EVENT_TYPES.map((kind) => (
                <option key={kind} value={kind}>
                  {eventTypeLabel(kind)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-testid="history-thread-make">
            {t('historyThreadMake')}
          </button>
          {outcome && (
            <p role="alert" class="status-note">
              {outcome.text}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
