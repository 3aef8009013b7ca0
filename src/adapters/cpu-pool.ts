/**
 * A small bounded pool of worker threads for CPU-heavy work (charter import and preview, document
 * rendering), so that no request blocks the event loop and with it every other user. Tasks queue
 * (at most `maxQueue` waiting: beyond, a 429 "busy"); each has a time budget counted from when it
 * was queued — at the limit it is refused with a clear 422 and, if it was running, its worker is
 * terminated and replaced. Workers run the TypeScript sources the way the application does (tsx
 * registered in the worker), start lazily and do not keep the process alive when idle.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors/app-error.ts';
/** A task for the worker: its `kind` names what the worker module does with it. */
export interface CpuTaskBase {
  kind: string;
}

/** Pool → worker. */
export interface CpuTaskMessage<Task extends CpuTaskBase = CpuTaskBase> {
  id: number;
  task: Task;
}

/** Worker → pool. */
export type CpuTaskReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { message: string; stack: string | null } };

export interface CpuPoolOptions {
  /** The worker module (TypeScript): it answers each CpuTaskMessage with a CpuTaskReply */
  workerEntry: URL;
  /** Worker threads at most */
  size: number;
  /** Tasks waiting at most (beyond: refused as busy) */
  maxQueue: number;
  /** Default time budget of a task, from queueing to result, in ms */
  budgetMs: number;
}

interface Job {
  id: number;
  task: CpuTaskBase;
  budgetMs: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
  slot: Slot | null;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/**
 * The worker's start script: registers tsx (as bin/lianxi.mjs does for the application) and then
 * imports the TypeScript worker module. (`execArgv: ['--import', 'tsx']` does not reach the worker's
 * own entry module on Node 20, hence the explicit registration.)
 */
function workerBootstrap(workerEntry: URL): string {
  const require = createRequire(import.meta.url);
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(require.resolve('tsx/package.json'))).href;
  const entry = workerEntry.href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

function toBuffer(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/** `Results` maps each task kind to what the worker gives back. */
export class CpuPool<Task extends CpuTaskBase, Results extends Record<Task['kind'], unknown>> {
  readonly options: CpuPoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: CpuPoolOptions) {
    this.options = options;
  }

  /** Tasks running and waiting (for tests and the benchmark). */
  get load(): { running: number; queued: number; workers: number } {
    return { running: this.slots.filter((s) => s.job !== null).length, queued: this.queue.length, workers: this.slots.length };
  }

  /** Runs `task` in a worker; rejects with a 422 at the time budget, a 429 when the queue is full. */
  run<K extends Task['kind']>(task: Extract<Task, { kind: K }>, options: { budgetMs?: number } = {}): Promise<Results[K]> {
    if (this.closed) return Promise.reject(new Error('CPU pool closed'));
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new AppError('server_busy', '服务器正忙于处理其他较大的请求，请稍后重试', { details: { queued: this.queue.length } }));
    }
    const budgetMs = options.budgetMs ?? this.options.budgetMs;
    return new Promise<Results[K]>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        task,
        budgetMs,
        resolve: (value) => resolve(toBuffer(value) as Results[K]),
        reject,
        timer: setTimeout(() => this.expire(job), budgetMs),
        slot: null,
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Terminates the workers; queued tasks are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(new Error('CPU pool closed'));
    }
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private expire(job: Job): void {
    const seconds = Math.round(job.budgetMs / 100) / 10;
    const error = new AppError('processing_time_exceeded', `处理超过时限（${seconds} 秒）仍未完成，已停止。内容可能过于复杂，请精简或拆分后重试`, {
      details: { budgetMs: job.budgetMs, task: job.task.kind },
    });
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(error);
      return;
    }
    const slot = job.slot;
    if (slot === null) return;
    // The worker is stuck on this task: replace it.
    this.remove(slot);
    void slot.worker.terminate();
    job.reject(error);
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    slot.job = null;
  }

  private spawn(): Slot {
    const worker = new Worker(workerBootstrap(this.options.workerEntry), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const slot: Slot = { worker, job: null };
    worker.on('message', (reply: CpuTaskReply) => {
      const job = slot.job;
      if (job === null || job.id !== reply.id) return;
      clearTimeout(job.timer);
      slot.job = null;
      worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(`后台任务 ${job.task.kind} 失败：${reply.error.message}`));
      this.dispatch();
    });
    const fail = (error: unknown) => {
      const job = slot.job;
      this.remove(slot);
      if (job !== null) {
        clearTimeout(job.timer);
        job.reject(error instanceof Error ? error : new Error(`后台任务线程退出：${String(error)}`));
      }
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`后台任务线程退出（${code}）`));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (slot === undefined) {
        if (this.slots.length >= this.options.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift() as Job;
      job.slot = slot;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task } satisfies CpuTaskMessage);
    }
  }
}

/** Default size: one thread less than the machine has, at least two, at most four. */
export function defaultCpuPoolSize(): number {
  return Math.max(2, Math.min(4, os.availableParallelism() - 1));
}
