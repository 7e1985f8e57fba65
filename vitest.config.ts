import { defineConfig } from 'vitest/config'

/** Tests that measure this process's memory: they need a worker of their own. */
const MEMORY_TESTS = ['src/**/*.memory.test.ts', 'test/**/*-memory.test.ts']

export default defineConfig({
  test: {
    pool: 'forks',
    // Both cores: the default left one idle (files ran one after another, ~9 minutes).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: MEMORY_TESTS,
          // Test files share their worker's loaded modules: importing the app's module graph again
          // for every file was more than half of the suite's CPU time. Tests keep no module state.
          isolate: false,
          // Migrates one PostgreSQL template database that test databases are cloned from.
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: MEMORY_TESTS, isolate: true } },
    ],
  },
})
