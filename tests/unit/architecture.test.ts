/**
 * The pure modules (text, article, match, kb, related, analysis) must run the same in the
 * extension, in Vitest and in the command line: they import no browser, WXT, Preact or Dexie code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const utils = fileURLToPath(new URL('../../utils', import.meta.url));
const PURE = ['text', 'article', 'match', 'kb', 'related', 'analysis', 'library'];
const FORBIDDEN = /from ['"](wxt[^'"]*|preact[^'"]*|dexie|webextension-polyfill|@wxt-dev\/[^'"]*)['"]|\b(browser|chrome)\.(runtime|tabs|storage)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it.each(PURE)('utils/%s imports no browser, WXT, Preact or Dexie code', (folder) => {
    const files = sources(join(utils, folder));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(FORBIDDEN);
  });
});

describe('links (issue 19)', () => {
  it('every link a component renders from data goes through safeHref', () => {
    const dir = fileURLToPath(new URL('../../components/', import.meta.url));
    const unchecked = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/href=\{([^}]*)\}/g)].map((m) => `${f}: ${m[1]}`))
      .filter((use) => !/: safeHref\(|: libraryUrl\(\)/.test(use));
    expect(unchecked).toEqual([]);
  });
});
