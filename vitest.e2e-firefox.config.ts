import { defineConfig } from 'vitest/config';

// End-to-end tests drive Firefox ESR with the built Firefox extension (.output/firefox-mv2).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // The first article waits for the bundled pack's first install (about a minute on 2 busy cores).
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
