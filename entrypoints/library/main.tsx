import { render } from 'preact';
import '@/assets/ui.css';
import { Library } from '@/components/Library';
import { t } from '@/utils/ui/i18n';

document.title = t('libraryPageTitle');
render(<Library />, document.getElementById('app')!);
