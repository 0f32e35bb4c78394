import type { UnknownName } from '@/utils/match/unknown-name';
import { t } from '@/utils/ui/i18n';
import { Section } from './Section';
import { UnknownNameList } from './UnknownNameList';

interface Props {
  names: UnknownName[] | undefined;
  onAdd: (name: UnknownName) => void;
}

/** The side panel's "Not in your knowledge base" (issue 17); nothing while there are no such names. */
export function UnknownNamesSection({ names, onAdd }: Props) {
  if (!names?.length) return null;
  return (
    <Section title={t('sectionUnknownNames')} testId="unknown-names-section">
      <p class="muted">{t('unknownNamesHint')}</p>
      <UnknownNameList names={names} onAdd={onAdd} />
    </Section>
  );
}
