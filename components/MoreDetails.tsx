import type { ComponentChildren } from 'preact';

interface Props {
  summary: string;
  testId?: string;
  children: ComponentChildren;
}

/**
 * The rest of a long list, folded behind "N more …". It stays in the page (closed
 * `<details>`), so find-in-page reaches it and it opens with Enter or Space.
 */
export function MoreDetails({ summary, testId, children }: Props) {
  return (
    <details class="more" data-testid={testId}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
