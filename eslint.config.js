// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'coverage/', 'web/dist/'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // Layer rules: which folders of ours each layer may import (issue 10). The same rules, resolved
  // file by file, are asserted by test/structure/import-graph.test.ts, which also fails on cycles.
  // `regex` is matched against the import specifier; the folders listed are top-level folders of src/.
  {
    // Pure domain code: no framework, no I/O, nothing of ours outside src/domain/.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'child_process'], message: 'Domain code does no I/O.' },
            { group: ['fastify*', '@fastify/*', 'drizzle-orm*', 'pg', '@electric-sql/*', 'commander', 'pino'], message: 'Domain code imports no framework.' },
            {
              regex: '^(\\.\\./)+(adapters|cli|config|contracts|db|documents|errors|policy|repositories|server|services|start)(/|$)',
              message: 'src/domain imports nothing of ours outside src/domain (it is the lowest layer).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/repositories/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(adapters|cli|contracts|documents|policy|server|services|start)(/|$)',
              message: 'Repositories build SQL only: they import no service, policy, route, contract or document (put shared types in src/domain/).',
            },
          ],
        },
      ],
    },
  },
  {
    // The clock is injectable (issue 10 item 4): services, sweeps and repositories take "now" from the
    // request's origin (`origin.at`) or a Clock passed in, never from the real clock.
    files: ['src/services/**/*.ts', 'src/repositories/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No hidden clock: take now from options.origin.at or a Clock passed in (src/config/clock.ts).',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No hidden clock: take now from options.origin.at or a Clock passed in (src/config/clock.ts).',
        },
      ],
    },
  },
  {
    files: ['src/server/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(repositories|db)(/|$)',
              message: 'Routes are thin: they call services and never a repository or the database schema (let the service return a contract or domain type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:child_process', 'child_process', 'node:fs', 'node:fs/*', 'fs', 'fs/*'], message: 'Renderers are pure: processes and files belong in src/adapters/.' },
            {
              regex: '^(\\.\\./)+(adapters|cli|db|policy|repositories|server|services|start)(/|$)',
              message: 'Documents are pure renderers of their own view models (document-views.ts): no service, repository or server import.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(adapters|cli|db|documents|policy|repositories|server|services|start)(/|$)',
              message: 'Contracts are shared with the web client: no server, service, repository or policy import (roles live in src/domain/access/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(cli|db|documents|policy|repositories|server|services|start)(/|$)',
              message: 'Adapters wrap one outside program or system and know nothing of the layers that use them.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app shares only the error type with the server; everything else comes through the
    // OpenAPI types (web/src/api/schema.d.ts). (The api, common and i18n blocks below repeat it.)
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!errors/)',
              message: 'The web app imports nothing of the server but src/errors/ (use the generated API types).',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app's generic API layer depends on no feature.
    files: ['web/src/api/**/*.ts', 'web/src/api/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./\\.\\./src/errors/)',
              message: 'web/src/api is the generic API layer: it imports no feature folder (features import it).',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared web code (common helpers, translations) depends on no feature.
    files: ['web/src/common/**/*.ts', 'web/src/common/**/*.tsx', 'web/src/i18n/**/*.ts', 'web/src/i18n/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!(api|common|i18n)/)',
              message: 'web/src/common and web/src/i18n are shared by every feature: they import only api, common and i18n.',
            },
          ],
        },
      ],
    },
  },
);
