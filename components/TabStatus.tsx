import { t } from '@/utils/ui/i18n';
import { StatusNote, type NoteKind } from './StatusNote';

interface Props {
  kind: NoteKind;
  detail?: string;
}

/** What a surface shows instead of an article: the product's name and why there is nothing. */
export function TabStatus({ kind, detail }: Props) {
  return (
    <div class="tab-status">
      <h1>{t('extName')}</h1>
      <StatusNote kind={kind} detail={detail} />
    </div>
  );
}
