import { defineBackground } from 'wxt/utils/define-background';
import { build, files } from '../assets/kb/generated/pack-info.json';
import { startBackground } from '../utils/background/runtime';

export default defineBackground({
  type: 'module',
  main() {
    // The pack's files are served as they are (public/kb/, built by npm run kb:build): imported,
    // Firefox's background script would inline 90 MB of JSON.
    startBackground({ urls: files, build });
  },
});
