import type { BackgroundProtocol } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';

interface Props {
  info: ReturnType<BackgroundProtocol['getKbInfo']>;
}

/** Which pack the knowledge base comes from, and how much it holds. */
export function KbSummary({ info }: Props) {
  return (
    <p class="meta kb-summary" data-testid="kb-info">
      <span>{info.pack ? t('kbPack', info.pack.name, info.pack.version) : t('kbNoPack')}</span>
      <span>{t('kbCounts', info.entities, info.events)}</span>
      <span>{t('kbUserRecords', info.userRecords)}</span>
    </p>
  );
}
