/**
 * A CSV of events: the curated file's columns or an ACLED export, read by the same parser as the build
 * (`parseCuratedEvents`), with ACLED's names resolved against the gazetteer and the catalogue.
 */
import { parseCuratedEvents } from '../data/curated-csv';
import type { AtlasDocument } from '../data/model';
import { resolveActorName, resolvePlaceName } from './resolve-names';
import type { ImportMessage } from './types';
import { emptyDocument } from './types';
import { markAsUser } from './mark-user';

/** Reads a CSV's text. Bad rows give errors naming the file, line and field; the other rows are kept. */
export function importCsv(text: string, file: string): { doc: AtlasDocument; messages: ImportMessage[] } {
  const parsed = parseCuratedEvents(text, file, {
    resolvePlace: resolvePlaceName,
    resolveActor: resolveActorName,
  });
  const messages: ImportMessage[] = parsed.errors.map((e) => ({ level: 'error', message: e.message }));
  const doc: AtlasDocument = { ...emptyDocument(), events: parsed.events, claims: parsed.claims };
  return { doc: markAsUser(doc), messages };
}
