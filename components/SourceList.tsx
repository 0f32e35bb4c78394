import { safeHref } from '@/utils/web-url';
import type { KbEvent } from '@/utils/kb/schema';
import { formatDate } from '@/utils/ui/format';
import { hostOf } from '@/utils/ui/host';

interface Props {
  sources: KbEvent['sources'];
}

/** Where the knowledge base has an event from: links named by publisher (or host). */
export function SourceList({ sources }: Props) {
  return (
    <ul class="link-list" data-testid="event-sources">
      {sources.map((source) => (
        <li key={source.url}>
          <a href={safeHref(source.url)} target="_blank" rel="noopener">
            {source.publisher ?? hostOf(source.url) ?? source.url}
          </a>
          {source.date && (
            <span class="meta">
              <time dateTime={source.date}>{formatDate(source.date)}</time>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
