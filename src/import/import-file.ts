/**
 * One file in, one reviewed result out: the file is decoded, its kind detected, and it is read by the
 * reader of its kind (the ingest for articles, the curated CSV parser, GeoJSON points, atlas documents).
 * Pure and synchronous: the page runs it in a Web Worker, the tests run it directly.
 */
import { decodeArticleBytes, ingestArticles, isDecodeError, MAX_ARTICLE_BYTES } from '../ingest/index';
import { detectKind, MAX_DATA_BYTES, sizeProblem } from './detect-kind';
import { importAtlasDocument } from './import-atlas';
import { importCsv } from './import-csv';
import { importGeoJson } from './import-geojson';
import { markAsUser } from './mark-user';
import { summariseDocument } from './summarise';
import {
  emptySummary,
  type ImportFileResult,
  type ImportInput,
  type ImportKind,
  type ImportMessage,
} from './types';

/** At most this many messages are listed per file; the rest are counted in one last line. */
export const MAX_MESSAGES_PER_FILE = 100;

/** What one import run shares between its files. */
export interface ImportRunState {
  /** Article ids already read in this run, with the file they came from. Note: `importFile` adds to it. */
  articles: Map<string, string>;
}

/** A fresh run state. */
export function createRunState(): ImportRunState {
  return { articles: new Map() };
}

const TEXT_EXPECTED =
  'expected a text file in UTF-8, UTF-16 or Windows-1251: an article, a CSV of events, GeoJSON points or an atlas document';

function failed(file: string, kind: ImportKind | null, message: string): ImportFileResult {
  return { file, kind, doc: null, summary: emptySummary(), messages: [{ level: 'error', message }] };
}

/** Reads one file or pasted text. Never throws on bad input: problems come back as messages. */
export function importFile(input: ImportInput, run: ImportRunState = createRunState()): ImportFileResult {
  const file = input.name;
  let text: string;
  if ('bytes' in input) {
    const tooLarge = sizeProblem(file, input.bytes.length, MAX_ARTICLE_BYTES);
    if (tooLarge) return failed(file, null, tooLarge);
    const decoded = decodeArticleBytes(input.bytes, { maxBytes: MAX_DATA_BYTES });
    if (isDecodeError(decoded)) return failed(file, null, `${file}: ${decoded.message}; ${TEXT_EXPECTED}`);
    text = decoded.text;
  } else {
    text = input.text;
    if (text.trim() === '') return failed(file, null, `${file}: the text is empty; ${TEXT_EXPECTED}`);
  }

  const kind = detectKind(file, text);
  let read: { doc: ImportFileResult['doc']; messages: ImportMessage[] };
  if (kind === 'csv') read = importCsv(text, file);
  else if (kind === 'geojson') read = importGeoJson(text, file);
  else if (kind === 'atlas') read = importAtlasDocument(text, file);
  else read = importArticle(input, run);

  const doc = read.doc && (read.doc.events.length > 0 || read.doc.articles.length > 0) ? read.doc : null;
  if (!doc && !read.messages.some((m) => m.level === 'error')) {
    read.messages.push({
      level: 'error',
      message: `${file}: nothing to add (no events found); expected at least one dated event or article`,
    });
  }
  const messages =
    read.messages.length > MAX_MESSAGES_PER_FILE
      ? [
          ...read.messages.slice(0, MAX_MESSAGES_PER_FILE),
          {
            level: 'error' as const,
            message: `${file}: ${read.messages.length - MAX_MESSAGES_PER_FILE} more problems not listed`,
          },
        ]
      : read.messages;
  return { file, kind, doc, summary: doc ? summariseDocument(doc) : emptySummary(), messages };
}

function importArticle(
  input: ImportInput,
  run: ImportRunState,
): { doc: ImportFileResult['doc']; messages: ImportMessage[] } {
  const file = input.name;
  const result = ingestArticles([
    'bytes' in input ? { file, bytes: input.bytes } : { file, text: input.text },
  ]);
  const messages: ImportMessage[] = [
    ...result.rejected.map((r) => ({ level: 'error' as const, message: `${file}: ${r.message}` })),
    ...result.warnings.map((w) => ({ level: 'warning' as const, message: `${file}: ${w.message}` })),
  ];
  if (result.rejected.length > 0) return { doc: null, messages };
  const article = result.doc.articles[0];
  if (article) {
    const first = run.articles.get(article.id);
    if (first !== undefined) {
      messages.push({
        level: 'error',
        message: `${file}: the same article as ${first}, already in this import; expected a different article`,
      });
      return { doc: null, messages };
    }
    run.articles.set(article.id, file);
    if (article.published === null && !messages.some((m) => m.level === 'warning')) {
      messages.push({
        level: 'warning',
        message: `${file}: no publication date found (expected a "Published" line such as "Published 14:43 IST, October 31st 2020"); events without a date stay off the map`,
      });
    }
  }
  return { doc: markAsUser(result.doc), messages };
}
