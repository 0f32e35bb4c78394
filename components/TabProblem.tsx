import type { TooLarge } from '@/utils/article/page-budget';
import { t } from '@/utils/ui/i18n';
import { tooLargeText } from '@/utils/ui/too-large-text';

type Props =
  | { kind: 'too-large'; tooLarge: TooLarge | null }
  | { kind: 'failed'; error: string; onRetry: () => void };

/**
 * Why a tab shows no analysis when it should: its page is too large to read, or its
 * analysis failed or never came (issue 19), with a way to try again for the latter.
 */
export function TabProblem(props: Props) {
  return (
    <div class="tab-status" data-testid="tab-problem" data-problem={props.kind}>
      <h1>{t('extName')}</h1>
      <div class="status-note" role="status">
        <p>{props.kind === 'too-large' ? tooLargeText(props.tooLarge) : t('couldNotAnalyse', props.error.replace(/\.$/, ''))}</p>
        {props.kind === 'failed' && (
          <button type="button" class="primary" data-testid="retry-analysis" onClick={props.onRetry}>
            {t('retryAnalysis')}
          </button>
        )}
      </div>
    </div>
  );
}
