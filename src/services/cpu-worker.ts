/**
 * The worker module of the CPU pool (src/adapters/cpu-pool.ts, tasks in ./cpu-tasks.ts): runs one named task at a time —
 * the charter importer, the document renderers — and posts the result back. Started by the pool
 * with tsx registered, like the application itself.
 */
import { parentPort } from 'node:worker_threads';
import { importCharter } from '../domain/charter/import-charter.ts';
import { renderCircularDocx } from '../documents/circular-docx.ts';
import { renderLedgerXlsx } from '../documents/ledger-xlsx.ts';
import { renderMeetingNoticeDocx } from '../documents/meeting-notice-docx.ts';
import { renderMinutesDocx } from '../documents/minutes-docx.ts';
import type { CpuTaskMessage, CpuTaskReply } from '../adapters/cpu-pool.ts';
import type { CpuTask } from './cpu-tasks.ts';

async function run(message: CpuTaskMessage<CpuTask>): Promise<unknown> {
  switch (message.task.kind) {
    case 'import_charter':
      return importCharter(message.task.text);
    case 'render_minutes_docx':
      return renderMinutesDocx(message.task.view);
    case 'render_meeting_notice_docx':
      return renderMeetingNoticeDocx(message.task.view);
    case 'render_circular_docx':
      return renderCircularDocx(message.task.view);
    case 'render_ledger_xlsx':
      return renderLedgerXlsx(message.task.view);
    case 'spin': {
      // For tests: burns CPU for `ms` (a monotonic timer, not the clock of the application)
      const end = performance.now() + message.task.ms;
      while (performance.now() < end);
      return null;
    }
  }
}

const port = parentPort;
if (port === null) throw new Error('cpu-worker.ts must run in a worker thread');
port.on('message', (message: CpuTaskMessage<CpuTask>) => {
  run(message).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies CpuTaskReply),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? null) : null },
      } satisfies CpuTaskReply),
  );
});
