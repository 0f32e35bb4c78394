/** The committed default pack is exactly what `npm run kb:build` makes from the sources. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('assets/kb/default-pack.json is up to date with assets/kb/sources', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = execFileSync('npx', ['tsx', 'utils/cli/build-pack.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect(out).toContain('up to date');
});
