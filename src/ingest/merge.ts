/**
 * Merging atlas documents: articles by id, places and actors by id, and events that are the same happening
 * (same type, same date, same place, overlapping actors) into one event with all their sources.
 */
import type {
  Actor,
  Article,
  AtlasDocument,
  AtlasEvent,
  Claim,
  EventSource,
  Mention,
  Narrative,
  Place,
} from '../data/model';

/**
 * Merges `b` into `a` and returns a new document (neither input is changed). Articles already in `a` (same
 * id) are skipped together with their mentions and claims. Events merge when they have the same type, the
 * same non-null date and end date, the same place, and share an actor (or both have none); the merged event
 * keeps the smaller id, the union of actors, targets and sources, and claims follow the id.
 */
export function mergeAtlasDocuments(a: AtlasDocument, b: AtlasDocument): AtlasDocument {
  const merger = new AtlasMerger();
  merger.add(a);
  merger.add(b);
  const out = merger.result();
  return a.generated ? { ...out, generated: a.generated } : out;
}

/** Whether merging `incoming` into `host` should give the merged event `incoming`'s id. */
function keepsId(incoming: AtlasEvent, host: AtlasEvent): boolean {
  const a = incoming.origin === 'curated';
  const b = host.origin === 'curated';
  return a === b ? incoming.id < host.id : a;
}

/** True when two events report the same happening (see {@link mergeAtlasDocuments}). */
export function sameHappening(x: AtlasEvent, y: AtlasEvent): boolean {
  if (x.type !== y.type || x.date === null || x.date !== y.date || x.dateEnd !== y.dateEnd) return false;
  if (x.placeId !== y.placeId) return false;
  if (x.actorIds.length === 0 && y.actorIds.length === 0) return true;
  return x.actorIds.some((id) => y.actorIds.includes(id));
}

/**
 * Merges many documents one after another in linear time (events are bucketed by type, date and place).
 * Inputs are copied, never changed.
 */
export class AtlasMerger {
  private readonly articles: Article[] = [];
  private readonly articleIds = new Set<string>();
  private readonly places = new Map<string, Place>();
  private readonly actors = new Map<string, Actor>();
  private readonly mentions: Mention[] = [];
  private readonly events: AtlasEvent[] = [];
  private readonly byId = new Map<string, AtlasEvent>();
  private readonly buckets = new Map<string, AtlasEvent[]>();
  private readonly renamed = new Map<string, string>();
  private readonly claims: Claim[] = [];
  private readonly narratives: Narrative[] = [];

  /** Adds a document. */
  add(doc: AtlasDocument): void {
    const skipped = new Set<string>();
    for (const x of doc.articles) {
      if (this.articleIds.has(x.id)) skipped.add(x.id);
      else {
        this.articleIds.add(x.id);
        this.articles.push(x);
      }
    }
    const keep = (x: { articleId?: string }) => !(x.articleId && skipped.has(x.articleId));
    for (const p of doc.places) if (!this.places.has(p.id)) this.places.set(p.id, p);
    for (const p of doc.actors) if (!this.actors.has(p.id)) this.actors.set(p.id, p);
    for (const m of doc.mentions) if (keep(m)) this.mentions.push(m);
    for (const c of doc.claims) if (keep(c)) this.claims.push(c);
    if (doc.narratives) this.narratives.push(...doc.narratives);

    for (const src of doc.events) {
      // Events read only from a skipped (duplicate) article are dropped with it.
      const sources = src.sources.filter(keep);
      if (src.sources.length > 0 && sources.length === 0) continue;
      const e = { ...cloneEvent(src), sources };
      const bucket = this.bucketOf(e);
      const same = this.byId.get(e.id);
      const host =
        bucket?.find((x) => sameHappening(x, e)) ?? (same && sameHappening(same, e) ? same : undefined);
      if (!host) {
        this.events.push(e);
        this.byId.set(e.id, e);
        bucket?.push(e);
        continue;
      }
      const takeIncomingId = keepsId(e, host);
      absorb(host, e);
      if (e.id === host.id) continue;
      // The merged event keeps a curated event's id (cited in URLs and narratives), else the smaller id, so
      // that the result does not depend on the order of inputs.
      if (takeIncomingId) {
        this.renamed.set(host.id, e.id);
        this.byId.delete(host.id);
        host.id = e.id;
        this.byId.set(host.id, host);
      } else {
        this.renamed.set(e.id, host.id);
      }
    }
  }

  /** The id an event id ended up with after merges. */
  private finalId(id: string): string {
    for (let guard = 0; this.renamed.has(id) && guard < 1000; guard++) id = this.renamed.get(id)!;
    return id;
  }

  /** The merged document: events sorted by date (undated last), then id. */
  result(): AtlasDocument {
    const claims = this.claims.map((c) => {
      if (!c.eventId) return c;
      const id = this.finalId(c.eventId);
      return id === c.eventId ? c : { ...c, eventId: id };
    });
    const narratives = this.narratives.map((n) => ({
      ...n,
      steps: n.steps.map((step) => ({ ...step, eventId: this.finalId(step.eventId) })),
    }));
    const events = [...this.events].sort(
      (x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999') || x.id.localeCompare(y.id),
    );
    return {
      version: 1,
      articles: [...this.articles],
      places: [...this.places.values()],
      actors: [...this.actors.values()],
      mentions: [...this.mentions],
      events,
      claims,
      ...(narratives.length > 0 ? { narratives } : {}),
    };
  }

  private bucketOf(e: AtlasEvent): AtlasEvent[] | undefined {
    if (e.date === null) return undefined;
    const key = `${e.type}|${e.date}|${e.dateEnd ?? ''}|${e.placeId ?? ''}`;
    let list = this.buckets.get(key);
    if (!list) {
      list = [];
      this.buckets.set(key, list);
    }
    return list;
  }
}

/** Note: mutates `host`. */
function absorb(host: AtlasEvent, e: AtlasEvent): void {
  for (const id of e.actorIds) if (!host.actorIds.includes(id)) host.actorIds.push(id);
  for (const id of e.targetActorIds) if (!host.targetActorIds.includes(id)) host.targetActorIds.push(id);
  host.targetActorIds = host.targetActorIds.filter((id) => !host.actorIds.includes(id));
  // Sources are compared by key: a happening reported by hundreds of articles stays linear to merge.
  let keys = sourceKeys.get(host);
  if (!keys) {
    keys = new Set(host.sources.map(sourceKey));
    sourceKeys.set(host, keys);
  }
  for (const s of e.sources) {
    const k = sourceKey(s);
    if (keys.has(k)) continue;
    keys.add(k);
    host.sources.push(s);
  }
  // A curated row is checked by hand: the merged event counts as curated.
  if (e.origin === 'curated') host.origin = 'curated';
}

const sourceKeys = new WeakMap<AtlasEvent, Set<string>>();

function sourceKey(s: EventSource): string {
  return s.url ? `u|${s.url}` : `a|${s.articleId}|${s.start}|${s.end}`;
}

export function sameSource(a: EventSource, b: EventSource): boolean {
  if (a.url || b.url) return a.url === b.url;
  return a.articleId === b.articleId && a.start === b.start && a.end === b.end;
}

function cloneEvent(e: AtlasEvent): AtlasEvent {
  return {
    ...e,
    actorIds: [...e.actorIds],
    targetActorIds: [...e.targetActorIds],
    sources: e.sources.map((s) => ({ ...s })),
  };
}
