import { t } from '@/utils/ui/i18n';
import { libraryUrl, openLibrary } from '@/utils/ui/open-library';

/** The link from the popup and side panel to the library of saved articles. */
export function LibraryLink() {
  return (
    <a href={libraryUrl()} target="_blank" rel="noopener" data-testid="open-library" onClick={openLibrary}>
      {t('openLibrary')}
    </a>
  );
}
