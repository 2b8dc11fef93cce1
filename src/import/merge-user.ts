/**
 * The user's documents merged with each other and with the atlas's own data, without an imported event ever
 * taking the id of a different event (ids are the keys of the URL's `event=` and of the map's picking).
 */
import type { AtlasDocument, AtlasEvent } from '../data/model';
import { AtlasMerger, mergeAtlasDocuments, sameHappening } from '../ingest/merge';
import { emptyDocument } from './types';

function bucketKey(e: AtlasEvent): string | null {
  return e.date === null ? null : `${e.type}|${e.date}|${e.dateEnd ?? ''}|${e.placeId ?? ''}`;
}

/**
 * A copy of `doc` whose events fit next to `base`: an event that reports the same happening as one of
 * `base` takes that event's id (so the merge folds it in and the base's id, which URLs may hold, stays);
 * an event whose id `base` uses for a different happening gets a fresh `-u<n>` suffix. Claims follow.
 */
export function fitEventIds(base: AtlasDocument, doc: AtlasDocument): AtlasDocument {
  const byId = new Map(base.events.map((e) => [e.id, e]));
  const buckets = new Map<string, AtlasEvent[]>();
  for (const e of base.events) {
    const key = bucketKey(e);
    if (key === null) continue;
    const list = buckets.get(key);
    if (list) list.push(e);
    else buckets.set(key, [e]);
  }
  const renamed = new Map<string, string>();
  const taken = new Set(byId.keys());
  const events = doc.events.map((e) => {
    const key = bucketKey(e);
    const host =
      (key === null ? undefined : buckets.get(key)?.find((x) => sameHappening(x, e))) ??
      (byId.has(e.id) && sameHappening(byId.get(e.id)!, e) ? byId.get(e.id) : undefined);
    let id = e.id;
    if (host) id = host.id;
    else if (taken.has(id)) {
      let n = 1;
      while (taken.has(`${e.id}-u${n}`)) n++;
      id = `${e.id}-u${n}`;
    }
    if (id === e.id) return e;
    renamed.set(e.id, id);
    return { ...e, id };
  });
  if (renamed.size === 0) return doc;
  const claims = doc.claims.map((c) =>
    c.eventId && renamed.has(c.eventId) ? { ...c, eventId: renamed.get(c.eventId) } : c,
  );
  const narratives = doc.narratives?.map((n) => ({
    ...n,
    steps: n.steps.map((s) => (renamed.has(s.eventId) ? { ...s, eventId: renamed.get(s.eventId)! } : s)),
  }));
  return { ...doc, events, claims, ...(narratives ? { narratives } : {}) };
}

/** The user's sources merged into one document, in the order given (the first source's ids win). */
export function mergeUserDocuments(docs: readonly AtlasDocument[]): AtlasDocument {
  if (docs.length === 0) return emptyDocument();
  const merger = new AtlasMerger();
  let sofar = emptyDocument();
  for (const doc of docs) {
    const fitted = fitEventIds(sofar, doc);
    merger.add(fitted);
    // Later sources must fit next to every earlier one, so the running result is what they are fitted to.
    sofar = { ...sofar, events: [...sofar.events, ...fitted.events] };
  }
  return merger.result();
}

/** The atlas's own document with the user's merged in; `user` null or empty gives `base` itself. */
export function mergeUserDocument(base: AtlasDocument, user: AtlasDocument | null): AtlasDocument {
  if (!user || (user.events.length === 0 && user.articles.length === 0)) return base;
  return mergeAtlasDocuments(base, fitEventIds(base, user));
}
