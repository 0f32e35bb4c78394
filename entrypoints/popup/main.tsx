import { render } from 'preact';
import '@/assets/ui.css';
import { Popup } from '@/components/Popup';
import { t } from '@/utils/ui/i18n';

document.title = t('popupPageTitle');
render(<Popup />, document.getElementById('app')!);
