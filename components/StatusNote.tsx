import { t, type MessageKey } from '@/utils/ui/i18n';

export type NoteKind =
  | 'loading'
  | 'open-article'
  | 'analysing'
  | 'not-article'
  | 'nothing-known'
  | 'unknown-entity'
  | 'unknown-event'
  | 'error';

const messages: Record<NoteKind, MessageKey> = {
  loading: 'statusLoading',
  'open-article': 'statusOpenArticle',
  analysing: 'statusAnalysing',
  'not-article': 'statusNotArticle',
  'nothing-known': 'statusNothingKnown',
  'unknown-entity': 'statusUnknownEntity',
  'unknown-event': 'statusUnknownEvent',
  error: 'statusError',
};

interface Props {
  kind: NoteKind;
  /** The error to show with kind 'error'. */
  detail?: string;
}

/** A one-line account of why there is nothing (yet) to show. */
export function StatusNote({ kind, detail = '' }: Props) {
  return (
    <p class="status-note" role={kind === 'error' ? 'alert' : 'status'} data-testid="status" data-status={kind}>
      {t(messages[kind], detail)}
    </p>
  );
}
