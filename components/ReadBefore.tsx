import type { RelatedStory } from '@/utils/history/rank-stories';
import { formatDate } from '@/utils/ui/format';
import { safeHref } from '@/utils/web-url';

interface Props {
  stories: RelatedStory[];
}

/** "You read about this" (issue 18): the reader's earlier articles on this one's topic, each with why. */
export function ReadBefore({ stories }: Props) {
  return (
    <ul class="event-list">
      {stories.map((story) => (
        <li key={story.url} class="event-item" data-testid="read-before-story" data-url={story.url}>
          <span class="event-title">
            <a href={safeHref(story.url)} target="_blank" rel="noopener">
              {story.title}
            </a>
          </span>
          <span class="meta">
            {story.site && <span>{story.site}</span>}
            <time dateTime={story.date}>{formatDate(story.date)}</time>
          </span>
          {story.reasons.length > 0 && (
            <ul class="reasons">
              {story.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
