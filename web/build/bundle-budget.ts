/**
 * Initial-JavaScript budget of the web build: the entry chunk plus every chunk it imports
 * statically (transitively), gzipped. Charts and other on-demand screens are dynamic imports and
 * so stay outside the budget. Used by the Vite plugin in `web/vite.config.ts`, which reports the
 * size on every build and fails the build when it is over the limit.
 */
import { gzipSync } from 'node:zlib';

/** The budget: 300 KB gzipped (issue 15 point 7; was 500 KB in issue 6). */
export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/** The part of a bundler output chunk the budget needs. */
export interface BudgetChunk {
  fileName: string;
  isEntry: boolean;
  /** File names of chunks imported statically */
  imports: string[];
  code: string;
}

export interface InitialSize {
  /** Initial chunk file names, entry first */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/** File names of the entry chunks and of everything they import statically, entry first. */
export function initialChunkNames(chunks: BudgetChunk[]): string[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = byName.get(name);
    if (chunk === undefined) return;
    order.push(name);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return order;
}

/** Raw and gzipped size of the initial JavaScript. */
export function measureInitialSize(chunks: BudgetChunk[]): InitialSize {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files = initialChunkNames(chunks);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const name of files) {
    const code = byName.get(name)?.code ?? '';
    const buffer = Buffer.from(code, 'utf8');
    rawBytes += buffer.length;
    gzipBytes += gzipSync(buffer, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

/** "123.4 KB" */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
