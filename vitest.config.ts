import { defineConfig } from 'vitest/config';

/**
 * Test tiers, one Vitest project each (`npm test` runs them all; `npm run test:<tier>` runs one):
 * - fast (+ fast-process): pure code — the domain, pure web helpers, config parsing. No database,
 *   no server, no DOM. Threads without per-file isolation (the modules are pure, so sharing the module cache between
 *   files of a worker is safe and saves most of the import time). Budget: 10 s wall.
 * - properties: the property tests of the fast tier again, with their full number of runs.
 * - web: React components of web/src rendered in happy-dom with Testing Library (forms, lists).
 * - services: services and repositories against an in-memory PGlite, built with factories; no HTTP.
 * - integration: the app through HTTP (Fastify inject), the CLI, document rendering, the browser,
 *   the build-time checks that build the server, and the structure checks.
 */
/** Pure tests that must run in a process of their own (they set process.env.TZ). */
const PROCESS_WIDE = ['test/domain/calendar/timezone.test.ts'];

/** Property tests whose number of runs is cut in the fast tier (they use propertyRuns). */
const PROPERTY_TESTS = [
  'test/domain/charter/property.test.ts',
  'test/domain/charter/extract/composition-robustness.test.ts',
  'test/domain/charter/extract/functions.test.ts',
  'test/domain/calendar/working-day-properties.test.ts',
  'test/domain/charter-gates/gate-properties.test.ts',
];

/**
 * Every project uses every core (Vitest's default leaves one free: a single worker on a two-core
 * machine, which left a core idle through the long integration tier). The pure projects run first,
 * as group 0; web, integration and the services then share group 1 (projects of one group must agree
 * on their worker count), so that no core waits at a group's end for another group's last file.
 * Within a group Vitest starts the longest files first when it has their times from an earlier run,
 * else the largest files first (the long browser and fuzz files are among the largest).
 * Integration files may run side by side: each test context has its own PGlite directory or
 * PostgreSQL database (a copy of one migrated template: test/integration/harness.ts), servers listen
 * on port 0, and the browser tests share one web build and one seeded data directory, each made once
 * under a lock (test/browser/web-build.ts, test/browser/seeded-data.ts).
 */
const PURE_PARALLELISM = { maxWorkers: '100%', sequence: { groupOrder: 0 } } as const;
const SIDE_BY_SIDE = { maxWorkers: '100%', sequence: { groupOrder: 1 } } as const;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/domain/**/*.test.ts', 'test/web/**/*.test.ts', 'test/config/**/*.test.ts'],
          exclude: [...PROCESS_WIDE],
          pool: 'threads',
          isolate: false,
          ...PURE_PARALLELISM,
          // Property tests make a fifth of their runs here; the `properties` project makes them all.
          env: { LIANXI_PROPERTY_RUNS: 'quick' },
        },
      },
      {
        // Pure tests that change process-wide state (process.env.TZ acts on the whole process, not on
        // a worker thread): a forked process of their own. Part of the fast tier (`--project 'fast*'`).
        extends: true,
        test: {
          name: 'fast-process',
          include: [...PROCESS_WIDE],
          pool: 'forks',
          ...PURE_PARALLELISM,
        },
      },
      {
        // The property tests with their full number of runs (test/domain/property-runs.ts).
        extends: true,
        test: {
          name: 'properties',
          include: [...PROPERTY_TESTS],
          pool: 'threads',
          isolate: false,
          ...PURE_PARALLELISM,
          env: { LIANXI_PROPERTY_RUNS: 'full' },
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          ...SIDE_BY_SIDE,
          include: ['test/web-components/**/*.test.tsx'],
          environment: 'happy-dom',
          environmentOptions: { happyDOM: { url: 'http://localhost:3000/' } },
          pool: 'threads',
          globalSetup: ['test/web-components/global-setup.ts'],
          setupFiles: ['test/web-components/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'services',
          // Each file opens its own in-memory PGlite: files run on every core, beside the integration tier.
          ...SIDE_BY_SIDE,
          include: ['test/services/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          ...SIDE_BY_SIDE,
          include: [
            'test/integration/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/documents/**/*.test.ts',
            'test/browser/**/*.test.ts',
            'test/structure/**/*.test.ts',
            'test/security/**/*.test.ts',
          ],
          pool: 'forks',
        },
      },
    ],
  },
});
