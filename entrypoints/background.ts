import { defineBackground } from 'wxt/utils/define-background';
import packUrl from '../assets/kb/default-pack.json?url';
import { version as packVersion } from '../assets/kb/sources/manifest.json';
import { startBackground } from '../utils/background/runtime';

export default defineBackground({
  type: 'module',
  main() {
    startBackground(packUrl, packVersion);
  },
});
