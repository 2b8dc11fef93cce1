/**
 * Runs an import in a Web Worker and reports back: progress, each file's result, the end. Cancelling stops
 * the worker at once; the results already received stay with the caller.
 */
import type { ImportJobItem, ImportReply, ImportRequest } from './import-protocol';
import type { ImportFileResult } from './types';

/** What an import job tells its caller. */
export interface ImportJobCallbacks {
  /** Before each file: how many are done, how many in all, and the one being read. */
  onProgress(done: number, total: number, current: string): void;
  onResult(result: ImportFileResult, index: number): void;
  /** Once, at the end; `cancelled` when the user stopped it; `error` when the worker failed. */
  onDone(outcome: { cancelled: boolean; error?: string }): void;
}

/** A running import. */
export interface ImportJob {
  /** Stops the import; `onDone` is called with `cancelled: true`. */
  cancel(): void;
}

/** Starts reading `items` in a new worker. */
export function startImportJob(items: ImportJobItem[], callbacks: ImportJobCallbacks): ImportJob {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  let finished = false;
  const finish = (outcome: { cancelled: boolean; error?: string }) => {
    if (finished) return;
    finished = true;
    worker.terminate();
    callbacks.onDone(outcome);
  };
  worker.onmessage = (event: MessageEvent<ImportReply>) => {
    if (finished) return;
    const reply = event.data;
    if (reply.type === 'progress') callbacks.onProgress(reply.done, reply.total, reply.current);
    else if (reply.type === 'result') callbacks.onResult(reply.result, reply.index);
    else finish({ cancelled: reply.cancelled });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ cancelled: false, error: event.message || 'the import worker stopped' });
  };
  const request: ImportRequest = { type: 'start', items };
  worker.postMessage(request);
  return {
    cancel() {
      // Terminating is immediate even in the middle of a long file, where a message would wait for it.
      finish({ cancelled: true });
    },
  };
}
