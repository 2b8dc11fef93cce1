/**
 * Which kind of file this is: by its name's extension first, then by its content, since a paste has no
 * name and analysts save CSVs as `.txt`.
 */
import type { ImportKind } from './types';

/** Largest CSV, GeoJSON or atlas document accepted in one file (20 MiB); articles have the ingest's 5 MiB. */
export const MAX_DATA_BYTES = 20 * 1024 * 1024;

const BY_EXTENSION: Record<string, ImportKind> = {
  csv: 'csv',
  tsv: 'csv',
  geojson: 'geojson',
  txt: 'article',
  text: 'article',
  md: 'article',
};

/** The lower-case extension of a file name, without the dot, or `''`. */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** The kind the name alone tells (`.csv`, `.geojson`, `.txt`), or null (`.json` needs the content). */
export function kindFromName(name: string): ImportKind | null {
  return BY_EXTENSION[extensionOf(name)] ?? null;
}

/** Column names that only an events CSV (the curated file or an ACLED export) has in its header. */
const CSV_HEADER_HINTS = ['event_id', 'event_date', 'event_id_cnty', 'event_type'];

/**
 * The kind of a file from its name and text. JSON is a GeoJSON when it has `type` FeatureCollection or
 * Feature, else an atlas document; text whose first line is a header of an events CSV is a CSV even when
 * named `.txt`; everything else is an article.
 */
export function detectKind(name: string, text: string): ImportKind {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  const byName = kindFromName(name);
  if (byName === 'csv' || byName === 'geojson') return byName;
  if (head.startsWith('{') || head.startsWith('[') || extensionOf(name) === 'json') {
    return /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(head.slice(0, 4096)) ? 'geojson' : 'atlas';
  }
  const firstLine = head.slice(0, head.search(/\r?\n|$/)).toLowerCase();
  const cells = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cells.length >= 3 && CSV_HEADER_HINTS.some((h) => cells.includes(h))) return 'csv';
  return 'article';
}

/**
 * A message for a file too large to read, from its size alone (checked before the bytes are read, so a
 * 50 MB file costs nothing), or null when the size is fine for its kind.
 */
export function sizeProblem(name: string, size: number, articleLimit: number): string | null {
  const byName = kindFromName(name);
  const limit = byName === 'article' ? articleLimit : MAX_DATA_BYTES;
  if (size <= limit) return null;
  const what = byName === 'article' ? 'one article' : 'one file';
  return `${name}: the file is ${formatMiB(size)}, over the ${formatMiB(limit)} limit for ${what}; split it into smaller files`;
}

/** Bytes as MiB with one decimal. */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
