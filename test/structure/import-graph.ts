/**
 * The import graph of our own source files, read with TypeScript's `ts.preProcessFile`
 * (static imports, `export … from`, `import type` and dynamic `import()`).
 * Used by the structure tests: cycles and layer rules.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** importing file, repository-relative with `/` separators */
  from: string;
  /** imported file, repository-relative with `/` separators */
  to: string;
  /** the specifier as written */
  specifier: string;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  /** specifiers of relative imports that resolve to no file */
  unresolved: ImportEdge[];
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx'];

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      out.push(...listSources(full));
    } else if (SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, ...SOURCE_EXTENSIONS.map((ext) => base + ext), `${base}.d.ts`, ...SOURCE_EXTENSIONS.map((ext) => join(base, `index${ext}`))];
  if (base.endsWith('.js')) candidates.push(base.slice(0, -3) + '.ts', base.slice(0, -3) + '.tsx');
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** Reads every `.ts`/`.tsx` file under the given roots (repository-relative) and links their relative imports. */
export function buildImportGraph(repoRoot: string, roots: readonly string[]): ImportGraph {
  const files = roots.flatMap((root) => listSources(join(repoRoot, root))).sort();
  const edges: ImportEdge[] = [];
  const unresolved: ImportEdge[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const from = toPosix(relative(repoRoot, file));
    for (const ref of info.importedFiles) {
      const specifier = ref.fileName;
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (target === undefined) {
        unresolved.push({ from, to: specifier, specifier });
      } else {
        edges.push({ from, to: toPosix(relative(repoRoot, target)), specifier });
      }
    }
  }
  return { files: files.map((f) => toPosix(relative(repoRoot, f))), edges, unresolved };
}

/**
 * Every import cycle, one per strongly connected component of more than one file (or a file
 * importing itself), printed as a path `a → b → … → a` found inside the component.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const file of graph.files) next.set(file, []);
  for (const edge of graph.edges) {
    const list = next.get(edge.from);
    if (list && !list.includes(edge.to)) list.push(edge.to);
  }
  // Tarjan's strongly connected components, iterative.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const start of graph.files) {
    if (indexOf.has(start)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: start, i: 0 }];
    indexOf.set(start, index);
    low.set(start, index);
    index += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const target = targets[frame.i]!;
        frame.i += 1;
        if (!indexOf.has(target)) {
          indexOf.set(target, index);
          low.set(target, index);
          index += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, i: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (next.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components.map((component) => cyclePath(component, next));
}

/** A shortest cycle through the first file of a component, for the message. */
function cyclePath(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set<string>([start]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!seen.has(target)) {
        seen.add(target);
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component, start];
}
