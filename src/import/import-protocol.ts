/** Messages between the page and the import worker. */
import type { ImportFileResult } from './types';

/** One item to read: a file (read in the worker, after its size is checked) or pasted text. */
export type ImportJobItem = { name: string; blob: Blob } | { name: string; text: string };

/** Page -> worker. */
export type ImportRequest = { type: 'start'; items: ImportJobItem[] } | { type: 'cancel' };

/** Worker -> page: progress before each file, its result after it, and the end of the run. */
export type ImportReply =
  | { type: 'progress'; done: number; total: number; current: string }
  | { type: 'result'; index: number; result: ImportFileResult }
  | { type: 'done'; cancelled: boolean };
