import { useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messages';
import { formatDate } from '@/utils/ui/format';
import { t } from '@/utils/ui/i18n';
import { useReload } from '@/utils/ui/use-reload';
import { useResult } from '@/utils/ui/use-result';
import { safeHref } from '@/utils/web-url';
import { Section } from './Section';
import { StatusNote } from './StatusNote';

/** The site of an address, for a short link; the address itself when it has none. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/**
 * The names the reader marked "This link is wrong" in the hover card (issue 20), newest
 * first: the name, the entity it was linked to, the article, and "Link again" to forget the mark.
 */
export function WrongLinks() {
  const [version, reload] = useReload();
  const loaded = useResult(() => sendToBackground('listWrongLinks', {}), [version]);
  const [failure, setFailure] = useState('');
  const forget = async (id: string) => {
    const reply = await sendToBackground('removeWrongLink', { id });
    setFailure(reply.ok ? '' : t('actionFailed', reply.error));
    reload();
  };
  if (loaded.status !== 'ok') return loaded.status === 'error' ? <StatusNote kind="error" detail={loaded.error} /> : null;
  if (loaded.value.total === 0) return null;
  return (
    <Section title={t('wrongLinksTitle')} testId="wrong-links">
      <p>{t('wrongLinksAbout')}</p>
      {failure && (
        <p role="alert" class="status-note">
          {failure}
        </p>
      )}
      <ul class="link-list">
        {loaded.value.links.map((link) => (
          <li key={link.id} data-testid="wrong-link">
            {t('wrongLinkItem', link.text, link.entityName)}{' '}
            <a href={safeHref(link.url)} target="_blank" rel="noopener">
              {hostOf(link.url)}
            </a>
            <span class="meta"> {formatDate(link.markedAt)}</span>{' '}
            <button type="button" class="link-button" data-testid="wrong-link-forget" onClick={() => void forget(link.id)}>
              {t('wrongLinkForget')}
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
