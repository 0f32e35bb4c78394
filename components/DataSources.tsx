import sources from '@/assets/kb/generated/attribution.json';
import { t } from '@/utils/ui/i18n';

/** Every source of the default knowledge base with its licence and the credit it asks for. */
export function DataSources() {
  return (
    <details class="kb-part data-sources" data-testid="data-sources">
      <summary>{t('dataSourcesHeading')}</summary>
      <p class="muted">{t('dataSourcesIntro')}</p>
      <ul>
        {sources.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> — {s.licence}
            <br />
            <span class="muted">{s.attribution}</span>
            <br />
            <span class="muted">{t('dataSourcesOrigin', s.origin)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
