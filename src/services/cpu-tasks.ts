/**
 * The CPU-heavy tasks run off the event loop (charter import, document rendering), in the
 * process-wide pool of worker threads (src/adapters/cpu-pool.ts) whose worker module is
 * ./cpu-worker.ts.
 */
import { CpuPool, defaultCpuPoolSize } from '../adapters/cpu-pool.ts';
import type { ImportResult } from '../domain/charter/charter-types.ts';
import type { CircularView, LedgerWorkbookView, MeetingNoticeView, MinutesDocumentView } from '../documents/document-views.ts';

export type CpuTask =
  | { kind: 'import_charter'; text: string }
  | { kind: 'render_minutes_docx'; view: MinutesDocumentView }
  | { kind: 'render_meeting_notice_docx'; view: MeetingNoticeView }
  | { kind: 'render_circular_docx'; view: CircularView }
  | { kind: 'render_ledger_xlsx'; view: LedgerWorkbookView }
  | { kind: 'spin'; ms: number };

/** What each task gives back (bytes arrive as a Uint8Array and are turned back into a Buffer). */
export interface CpuTaskResults {
  import_charter: ImportResult;
  render_minutes_docx: Buffer;
  render_meeting_notice_docx: Buffer;
  render_circular_docx: Buffer;
  render_ledger_xlsx: Buffer;
  spin: null;
}

let shared: CpuPool<CpuTask, CpuTaskResults> | undefined;

/** The process-wide pool (created on first use; idle workers do not keep the process alive). */
export function cpuPool(): CpuPool<CpuTask, CpuTaskResults> {
  shared ??= createCpuPool({ size: defaultCpuPoolSize(), maxQueue: 64, budgetMs: 30_000 });
  return shared;
}

/** A pool of its own running ./cpu-worker.ts (tests use small ones). */
export function createCpuPool(options: { size: number; maxQueue: number; budgetMs: number }): CpuPool<CpuTask, CpuTaskResults> {
  return new CpuPool<CpuTask, CpuTaskResults>({ ...options, workerEntry: new URL('./cpu-worker.ts', import.meta.url) });
}
