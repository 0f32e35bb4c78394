import { defineBackground } from 'wxt/utils/define-background';
import packUrl from '../assets/kb/generated/default-pack.json?url';
import { build } from '../assets/kb/generated/pack-info.json';
import placesUrl from '../assets/kb/generated/places-odbl.json?url';
import { startBackground } from '../utils/background/runtime';

export default defineBackground({
  type: 'module',
  main() {
    startBackground({ urls: [packUrl, placesUrl], build });
  },
});
