/**
 * The shape check for an atlas document the page loads (its own `data/atlas.json` or one named by
 * `?data=`): enough to draw it safely. A broken file is an error naming it; events the map cannot use are
 * dropped with a warning that says how many and why, and the rest load. Imports get the fuller,
 * per-record check of src/import/import-atlas.ts.
 */
import type { AtlasDocument, AtlasEvent } from '../data/model';
import { parseJsonText } from '../import/parse-json';

const LISTS = ['articles', 'places', 'actors', 'mentions', 'claims'] as const;

export type CheckedDocument = { doc: AtlasDocument; warnings: string[] } | { error: string };

export function checkAtlasDocument(text: string, file: string): CheckedDocument {
  const parsed = parseJsonText(text, file);
  if ('message' in parsed) return { error: parsed.message };
  const root = parsed.value as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || Array.isArray(root) || !Array.isArray(root.events)) {
    return { error: `${file}: not an atlas document (expected an object with an "events" array)` };
  }
  const warnings: string[] = [];
  for (const key of LISTS) {
    if (root[key] !== undefined && !Array.isArray(root[key])) {
      warnings.push(`${file}: "${key}" is not an array; read as empty`);
      root[key] = [];
    }
  }
  const seen = new Set<string>();
  let noId = 0;
  let duplicate = 0;
  const events: AtlasEvent[] = [];
  for (const raw of root.events as unknown[]) {
    const e = raw as Partial<AtlasEvent> | null;
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || e.id === '') {
      noId++;
      continue;
    }
    if (seen.has(e.id)) {
      duplicate++;
      continue;
    }
    seen.add(e.id);
    e.type ??= 'other';
    e.summary ??= '';
    e.date ??= null;
    e.dateEnd ??= null;
    e.placeId ??= null;
    if (!Array.isArray(e.actorIds)) e.actorIds = [];
    if (!Array.isArray(e.targetActorIds)) e.targetActorIds = [];
    if (!Array.isArray(e.sources)) e.sources = [];
    // "Yours" means kept in this browser from the visitor's own import; a loaded document never is.
    if (e.origin === 'user') delete e.origin;
    events.push(e as AtlasEvent);
  }
  const count = (n: number) => `${n.toLocaleString('en')} event${n === 1 ? '' : 's'}`;
  if (noId) warnings.push(`${file}: ${count(noId)} without an "id" left out`);
  if (duplicate) warnings.push(`${file}: ${count(duplicate)} with the "id" of an earlier one left out`);
  const list = <T>(key: (typeof LISTS)[number]) => (root[key] as T[] | undefined) ?? [];
  return {
    doc: {
      version: 1,
      ...(typeof root.generated === 'string' ? { generated: root.generated } : {}),
      articles: list('articles'),
      places: list('places'),
      actors: list('actors'),
      mentions: list('mentions'),
      claims: list('claims'),
      events,
      ...(Array.isArray(root.narratives)
        ? { narratives: root.narratives as AtlasDocument['narratives'] }
        : {}),
    },
    warnings,
  };
}
