import type { AtlasDocument } from '../data/model';

/** A copy of `doc` with every event marked as the user's (`origin: 'user'`), whatever it said before. */
export function markAsUser(doc: AtlasDocument): AtlasDocument {
  return { ...doc, events: doc.events.map((e) => (e.origin === 'user' ? e : { ...e, origin: 'user' })) };
}
