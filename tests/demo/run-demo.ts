/**
 * `npm run demo`: serves the bundled demo articles on 127.0.0.1 and opens them in Chromium
 * with the built extension. With a display (and not in CI) the browser stays open for you;
 * without one it runs headless, writes screenshots of each page, its popup and side panel,
 * and a summary to demo-output/, and prints the summary.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, projectRoot, servePages } from '../e2e/browser';
import { ExtensionDriver } from '../e2e/extension';

const demoDir = join(projectRoot, 'tests/fixtures/demo');
const outDir = join(projectRoot, 'demo-output');
const expected = JSON.parse(readFileSync(join(demoDir, 'expected.json'), 'utf8')) as Record<string, { isArticle: boolean }>;
const interactive = Boolean(process.env.DISPLAY) && !process.env.CI && !process.argv.includes('--headless');

async function main(): Promise<void> {
  const server = await servePages({ '/': demoDir });
  const ext = await launchWithExtension(undefined, !interactive);
  const driver = new ExtensionDriver(ext);
  mkdirSync(outDir, { recursive: true });
  const lines = ['# Backstory demo', '', `Extension ${ext.extensionId}, pages served at ${server.origin}`, ''];

  for (const file of Object.keys(expected)) {
    const name = file.replace(/\.html$/, '');
    const { page, tabId, state } = await driver.openArticle(`${server.origin}/${file}`);
    lines.push(`## ${file}`, '', `- article: ${state.status === 'article' ? 'yes' : 'no'}`);
    if (state.analysis) {
      const { analysis } = state;
      const highlights = await driver.highlights(tabId);
      const actors = analysis.entities.map((e) => e.wikipedia ?? e.id);
      lines.push(
        `- title: ${analysis.article.title} (${analysis.article.published ?? 'undated'})`,
        `- ${highlights.length} highlights; actors: ${actors.slice(0, 15).join(', ')}`,
        '- related prior events:',
        ...analysis.related.slice(0, 5).map((r, i) => `  ${i + 1}. ${r.date} ${r.title} — ${r.reasons.slice(0, 2).join('; ')}`),
      );
    }
    await page.screenshot({ path: join(outDir, `${name}-page.png`) });
    if (!interactive) {
      for (const surface of ['popup', 'sidepanel'] as const) {
        const view = await driver.openExtensionPage(surface, tabId);
        await view.setViewportSize(surface === 'popup' ? { width: 380, height: 640 } : { width: 420, height: 900 });
        await view.waitForTimeout(400);
        await view.screenshot({ path: join(outDir, `${name}-${surface}.png`), fullPage: surface === 'popup' });
        await view.close();
      }
      await page.close();
    }
    lines.push('');
  }

  const summary = lines.join('\n');
  writeFileSync(join(outDir, 'summary.md'), summary);
  console.log(summary);
  console.log(`Screenshots and summary written to ${outDir}`);
  if (interactive) {
    console.log('Chromium is open with Backstory loaded; close it (or press Ctrl+C) to end the demo.');
    await new Promise<void>((done) => ext.context.on('close', () => done()));
  } else await ext.close();
  await server.close();
}

main().catch((error) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});
