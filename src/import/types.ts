/**
 * What an import reads and what it gives back: the kinds of file the page accepts, one message per problem,
 * and one result per file for the review. Pure types, shared by the worker, the page and the tests.
 */
import type { AtlasDocument } from '../data/model';

/** The kinds of file an analyst can bring: an article, a CSV of events, GeoJSON points, an atlas export. */
export type ImportKind = 'article' | 'csv' | 'geojson' | 'atlas';

/** Human names of the kinds, for the review and the list of sources. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  article: 'article',
  csv: 'CSV of events',
  geojson: 'GeoJSON points',
  atlas: 'atlas document',
};

/** One thing to import: a file's bytes, or text already in hand (a paste). */
export type ImportInput = { name: string; bytes: Uint8Array } | { name: string; text: string };

/**
 * A problem found in a file. `message` is complete on its own: it names the file, the line or feature, and
 * what was expected. Errors drop the row or file they name; warnings keep it.
 */
export interface ImportMessage {
  level: 'error' | 'warning';
  message: string;
}

/** What a file gave, in numbers and names, for the review before anything is added. */
export interface ImportSummary {
  /** Events read (dated and undated). */
  events: number;
  /** Events without a date: kept, but not on the map or the timeline. */
  undated: number;
  /** Distinct places the events and mentions resolved to. */
  places: number;
  /** Distinct actors the events and mentions resolved to. */
  actors: number;
  /** Headlines of the articles read. */
  headlines: string[];
  /** Names that could not be put on the map (not in the gazetteer, no coordinates). */
  unplaced: string[];
}

/** The result of reading one file. `doc` is null when nothing could be read from it. */
export interface ImportFileResult {
  file: string;
  /** What the file was read as; null when it could not be read at all. */
  kind: ImportKind | null;
  doc: AtlasDocument | null;
  summary: ImportSummary;
  messages: ImportMessage[];
}

/** An empty summary. */
export function emptySummary(): ImportSummary {
  return { events: 0, undated: 0, places: 0, actors: 0, headlines: [], unplaced: [] };
}

/** An empty atlas document. */
export function emptyDocument(): AtlasDocument {
  return { version: 1, articles: [], places: [], actors: [], mentions: [], events: [], claims: [] };
}
