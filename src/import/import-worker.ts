/**
 * The import's Web Worker: reads files one by one with the same modules as the CLI, posting progress before
 * each file and its result after, so the page never waits on the reader. A `cancel` stops it between files.
 */
import { MAX_ARTICLE_BYTES } from '../ingest/index';
import { sizeProblem } from './detect-kind';
import { createRunState, importFile } from './import-file';
import type { ImportJobItem, ImportReply, ImportRequest } from './import-protocol';
import { emptySummary, type ImportFileResult } from './types';

const scope = self as unknown as {
  postMessage(message: ImportReply): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};

let cancelled = false;

/** Lets queued messages (a cancel) run between two files. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function readItem(
  item: ImportJobItem,
  run: ReturnType<typeof createRunState>,
): Promise<ImportFileResult> {
  try {
    if ('text' in item) return importFile({ name: item.name, text: item.text }, run);
    // The size is checked before the bytes are read, so a 50 MB file is refused without loading it.
    const tooLarge = sizeProblem(item.name, item.blob.size, MAX_ARTICLE_BYTES);
    if (tooLarge) {
      return {
        file: item.name,
        kind: null,
        doc: null,
        summary: emptySummary(),
        messages: [{ level: 'error', message: tooLarge }],
      };
    }
    const bytes = new Uint8Array(await item.blob.arrayBuffer());
    return importFile({ name: item.name, bytes }, run);
  } catch (error) {
    return {
      file: item.name,
      kind: null,
      doc: null,
      summary: emptySummary(),
      messages: [
        {
          level: 'error',
          message: `${item.name}: could not be read (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
    };
  }
}

async function start(items: ImportJobItem[]): Promise<void> {
  cancelled = false;
  const run = createRunState();
  for (let i = 0; i < items.length; i++) {
    await yieldToMessages();
    if (cancelled) break;
    scope.postMessage({ type: 'progress', done: i, total: items.length, current: items[i].name });
    const result = await readItem(items[i], run);
    scope.postMessage({ type: 'result', index: i, result });
  }
  scope.postMessage({ type: 'done', cancelled });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') cancelled = true;
  else void start(request.items);
};
