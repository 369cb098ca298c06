import { defineConfig } from 'vitest/config';

/**
 * The integration part: real pushes through git hooks, the built CLI as a process, hostile repos on
 * disk, real git where git decides (history, tags, shallow clones, --rev). Everything else (rules
 * through the in-memory tester, parsers, reporters, the git-facts contract) is the unit part.
 */
export const INTEGRATION = ['tests/integration/**/*.test.ts', 'tests/hook/**/*.test.ts', 'tests/hostile/**/*.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        // In-memory tests share no state across files, so one module graph per worker is enough:
        // a fresh one per file costs ~2.5 s on two cores.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: INTEGRATION, isolate: false },
      },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
    ],
  },
});
