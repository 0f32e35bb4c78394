import { render } from 'preact';
import '@/assets/ui.css';
import { SidePanel } from '@/components/SidePanel';
import { t } from '@/utils/ui/i18n';

document.title = t('sidePanelPageTitle');
render(<SidePanel />, document.getElementById('app')!);
