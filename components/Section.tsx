import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  title: string;
  testId?: string;
  /** Controls shown beside the heading (e.g. a choice of order). */
  tools?: ComponentChildren;
  children: ComponentChildren;
}

/** A titled region of a page: an h2 that also names the section for assistive technology. */
export function Section({ title, testId, tools, children }: Props) {
  const id = useId();
  return (
    <section class="section" aria-labelledby={id} data-testid={testId}>
      {tools ? (
        <div class="section-head">
          <h2 id={id}>{title}</h2>
          {tools}
        </div>
      ) : (
        <h2 id={id}>{title}</h2>
      )}
      {children}
    </section>
  );
}
