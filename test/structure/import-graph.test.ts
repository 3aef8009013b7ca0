/**
 * The structure of the code, checked (issue 10): no import cycle in src/ or web/src/, and no
 * import from a lower layer to a higher one. The same layer rules are lint rules in
 * eslint.config.js (`no-restricted-imports`); here they are resolved file by file, so a failure
 * names the importing file, the imported file and the rule. See docs/ARCHITECTURE.md, *Layers*.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, findCycles } from './import-graph.ts';
import type { ImportEdge, ImportGraph } from './import-graph.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface LayerRule {
  /** files this rule applies to (path prefix) */
  from: string;
  /** the only places they may import from (path prefixes), or */
  allowOnly?: string[];
  /** places they may not import from (path prefixes) */
  forbid?: string[];
  why: string;
}

const SRC_TOP = ['adapters', 'cli', 'config', 'contracts', 'db', 'documents', 'domain', 'errors', 'policy', 'repositories', 'server', 'services', 'start'];
const src = (...folders: string[]): string[] => folders.map((folder) => `src/${folder}/`);

const LAYER_RULES: LayerRule[] = [
  { from: 'src/domain/', allowOnly: src('domain'), why: 'src/domain is the lowest layer: pure, it imports nothing of ours outside itself' },
  {
    from: 'src/repositories/',
    forbid: src('adapters', 'cli', 'contracts', 'documents', 'policy', 'server', 'services', 'start'),
    why: 'repositories build SQL only: no service, policy, route, contract or document (shared types live in src/domain/)',
  },
  { from: 'src/server/routes/', forbid: src('repositories', 'db'), why: 'routes are thin: they call services, never a repository or the schema' },
  {
    from: 'src/documents/',
    forbid: src('adapters', 'cli', 'db', 'policy', 'repositories', 'server', 'services', 'start'),
    why: 'documents are pure renderers of their own view models (document-views.ts)',
  },
  {
    from: 'src/contracts/',
    forbid: src('adapters', 'cli', 'db', 'documents', 'policy', 'repositories', 'server', 'services', 'start'),
    why: 'contracts are shared with the web client: no server, service, repository or policy',
  },
  {
    from: 'src/adapters/',
    forbid: src('cli', 'db', 'documents', 'policy', 'repositories', 'server', 'services', 'start'),
    why: 'an adapter wraps one outside program and knows nothing of the layers using it',
  },
  { from: 'src/', forbid: ['web/'], why: 'the server never imports the web application' },
  { from: 'web/src/', allowOnly: ['web/src/', 'src/errors/'], why: 'the web app shares only the error type with the server (everything else comes through the OpenAPI types)' },
  { from: 'web/src/api/', allowOnly: ['web/src/api/', 'src/errors/'], why: 'web/src/api is the generic API layer: it imports no feature folder' },
  { from: 'web/src/common/', allowOnly: ['web/src/api/', 'web/src/common/', 'web/src/i18n/'], why: 'shared web code imports no feature folder' },
  { from: 'web/src/i18n/', allowOnly: ['web/src/api/', 'web/src/common/', 'web/src/i18n/'], why: 'translations import no feature folder' },
];

/** Every edge that breaks a rule, as `from → to (why)`. */
function layerViolations(edges: readonly ImportEdge[], rules: readonly LayerRule[]): string[] {
  const out: string[] = [];
  for (const edge of edges) {
    for (const rule of rules) {
      if (!edge.from.startsWith(rule.from)) continue;
      const allowed = rule.allowOnly ? rule.allowOnly.some((prefix) => edge.to.startsWith(prefix)) : true;
      const forbidden = (rule.forbid ?? []).some((prefix) => edge.to.startsWith(prefix));
      if (!allowed || forbidden) out.push(`${edge.from} → ${edge.to} (${rule.why})`);
    }
  }
  return [...new Set(out)].sort();
}

function graphOf(edges: Array<[string, string]>): ImportGraph {
  const files = [...new Set(edges.flat())].sort();
  return { files, edges: edges.map(([from, to]) => ({ from, to, specifier: to })), unresolved: [] };
}

describe('the checks themselves', () => {
  it('find a cycle and print it as a path', () => {
    const cycles = findCycles(graphOf([['a.ts', 'b.ts'], ['b.ts', 'c.ts'], ['c.ts', 'a.ts'], ['c.ts', 'd.ts'], ['d.ts', 'd.ts']]));
    expect(cycles).toEqual([['d.ts', 'd.ts'], ['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(findCycles(graphOf([['a.ts', 'b.ts'], ['b.ts', 'c.ts'], ['a.ts', 'c.ts']]))).toEqual([]);
  });

  it('find an import that breaks a layer rule', () => {
    const edges = graphOf([
      ['src/repositories/account-repository.ts', 'src/policy/roles.ts'],
      ['src/repositories/account-repository.ts', 'src/domain/access/roles.ts'],
      ['src/domain/charter/x.ts', 'src/errors/app-error.ts'],
      ['web/src/api/types.ts', 'web/src/bodies/bodies-api.ts'],
      ['web/src/api/app-error.ts', 'src/errors/app-error.ts'],
    ]).edges;
    expect(layerViolations(edges, LAYER_RULES).map((line) => line.split(' (')[0])).toEqual([
      'src/domain/charter/x.ts → src/errors/app-error.ts',
      'src/repositories/account-repository.ts → src/policy/roles.ts',
      'web/src/api/types.ts → web/src/bodies/bodies-api.ts',
    ]);
  });

  it('know every top-level folder of src/', () => {
    // a new top-level folder must be placed in the layers (here, in eslint.config.js and in docs/ARCHITECTURE.md)
    const graph = buildImportGraph(repoRoot, ['src']);
    const tops = new Set(graph.files.map((file) => file.split('/')[1]).filter((name): name is string => name !== undefined && !name.endsWith('.ts')));
    expect([...tops].sort()).toEqual(SRC_TOP);
  });
});

describe('the import graph of src/ and web/src/', () => {
  const graph = buildImportGraph(repoRoot, ['src', 'web/src']);

  it('is read (imports, `import type`, `export … from` and dynamic imports)', () => {
    expect(graph.files.length).toBeGreaterThan(250);
    const has = (from: string, to: string) => graph.edges.some((edge) => edge.from === from && edge.to === to);
    expect(has('src/server/routes.ts', 'src/server/routes/charter-routes.ts')).toBe(true);
    expect(has('web/src/app.tsx', 'web/src/calendar/calendar-page.tsx')).toBe(true); // lazy import()
    expect(has('src/policy/roles.ts', 'src/domain/access/roles.ts')).toBe(true); // export * from
  });

  it('has no cycle', () => {
    const cycles = findCycles(graph);
    expect(cycles.map((cycle) => cycle.join(' → ')), 'import cycles (break each by moving what both sides need into a third file)').toEqual([]);
  });

  it('has no cycle between the folders of src/ either (they are floors)', () => {
    const folderOf = (file: string): string => file.split('/').slice(0, 2).join('/');
    const inSrc = graph.edges.filter((edge) => edge.from.startsWith('src/') && edge.to.startsWith('src/'));
    const edges = inSrc.map((edge) => ({ ...edge, from: folderOf(edge.from), to: folderOf(edge.to) })).filter((edge) => edge.from !== edge.to);
    const files = [...new Set(graph.files.filter((file) => file.startsWith('src/')).map(folderOf))].sort();
    const cycles = findCycles({ files, edges, unresolved: [] });
    expect(cycles.map((cycle) => cycle.join(' → ')), 'folders of src/ importing each other').toEqual([]);
  });

  it('keeps every layer rule', () => {
    expect(layerViolations(graph.edges, LAYER_RULES), 'imports from a lower layer to a higher one').toEqual([]);
  });
});

/**
 * Services still naming a type of the Drizzle schema (issue 10: row types stay in repositories;
 * services take and return domain or contract types). The list may only shrink: a file that no
 * longer imports src/db/schema/ must leave it, and no other file may join it.
 */
const SERVICES_STILL_IMPORTING_DB_SCHEMA = [
  'src/services/accounts/account-changes.ts',
  'src/services/accounts/account-roles.ts',
  'src/services/accounts/account-views.ts',
  'src/services/accounts/create-account.ts',
  'src/services/auth-service.ts',
  'src/services/body-service.ts',
  'src/services/calendar/calendar-views.ts',
  'src/services/calendar/holiday-notices.ts',
  'src/services/calendar/region-calendar.ts',
  'src/services/decisions/decision-detail.ts',
  'src/services/meetings/agenda-items.ts',
  'src/services/meetings/invitees.ts',
  'src/services/meetings/meeting-context.ts',
  'src/services/meetings/meeting-notifications.ts',
  'src/services/meetings/meeting-views.ts',
  'src/services/meetings/minutes-views.ts',
  'src/services/meetings/set-presider.ts',
  'src/services/membership-change-service.ts',
  'src/services/supervision/decision-handover.ts',
];

describe('row types', () => {
  it('leave the services one file at a time (the list of services importing src/db/schema/ only shrinks)', () => {
    const graph = buildImportGraph(repoRoot, ['src']);
    const importing = [
      ...new Set(graph.edges.filter((edge) => edge.from.startsWith('src/services/') && edge.to.startsWith('src/db/schema/')).map((edge) => edge.from)),
    ].sort();
    expect(importing.filter((file) => !SERVICES_STILL_IMPORTING_DB_SCHEMA.includes(file)), 'services that newly import src/db/schema/ (import the row type from the repository, or a domain type)').toEqual([]);
    expect(SERVICES_STILL_IMPORTING_DB_SCHEMA.filter((file) => !importing.includes(file)), 'files to remove from SERVICES_STILL_IMPORTING_DB_SCHEMA').toEqual([]);
  });
});

describe('docs/ARCHITECTURE.md', () => {
  const doc = readFileSync(new URL('../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');

  it('names every folder that holds source files (its folder map follows the code)', () => {
    const graph = buildImportGraph(repoRoot, ['src', 'web/src']);
    const folders = [...new Set(graph.files.map((file) => file.slice(0, file.lastIndexOf('/'))))].sort();
    expect(folders.length).toBeGreaterThan(30);
    const unnamed = folders.filter((folder) => !doc.includes(`\`${folder}/`) && !doc.includes(`\`${folder}\``));
    expect(unnamed, 'folders the architecture document does not name').toEqual([]);
  });

  it('has no hole', () => {
    expect(doc).not.toMatch(/to be written/i);
    // A placeholder is written in capitals; the to-do centre's folder (src/services/todo/) is not one.
    expect(doc).not.toMatch(/\bTODO\b|\bTBD\b/);
  });
});
