/**
 * The page's side of the store worker: starts it, passes on progress, puts the store back together from
 * the transferred arrays and the chunks of events, and drops whatever belongs to user data that has been
 * replaced since.
 */
import { assembleAtlasStore, type AtlasStore, type AtlasStoreParts } from '../data/atlas-store';
import type { Article, AtlasDocument, AtlasEvent, Place } from '../data/model';
import type { LoadPhase, StoreReply, StoreRequest } from './store-protocol';

export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  /** 0 when unknown. */
  total: number;
}

export interface StoreClientCallbacks {
  onProgress(progress: LoadProgress): void;
  /** The loaded document's own articles and what its check warned about; once. */
  onBase(articles: Article[], warnings: string[]): void;
  /** A store for the latest user data. */
  onStore(store: AtlasStore): void;
  /** The document could not be loaded; nothing else follows. */
  onError(message: string): void;
}

export interface StoreClient {
  /** The user's visible imports changed (null: none); a new store follows. */
  setUser(doc: AtlasDocument | null): void;
  dispose(): void;
}

/** Loads the atlas document at `url` (absolute, same origin) in a worker. */
export function startStoreClient(url: string, places: Place[], callbacks: StoreClientCallbacks): StoreClient {
  const worker = new Worker(new URL('./store-worker.ts', import.meta.url), { type: 'module' });
  let seq = 0;
  let pending: {
    seq: number;
    parts: AtlasStoreParts;
    events: AtlasEvent[];
    count: number;
    positionById: Map<string, number>;
  } | null = null;
  let failed = false;
  const send = (request: StoreRequest) => worker.postMessage(request);
  const fail = (message: string) => {
    if (failed) return;
    failed = true;
    worker.terminate();
    callbacks.onError(message);
  };

  worker.onmessage = (event: MessageEvent<StoreReply>) => {
    const reply = event.data;
    switch (reply.type) {
      case 'progress':
        callbacks.onProgress(reply);
        break;
      case 'base':
        callbacks.onBase(reply.articles, reply.warnings);
        break;
      case 'parts':
        if (reply.seq === seq) {
          pending = { seq, parts: reply.parts, events: [], count: reply.eventCount, positionById: new Map() };
        }
        break;
      case 'events': {
        if (!pending || reply.seq !== pending.seq) break;
        // User timings (`atlas:` measures): what the data costs the main thread, for `npm run bench:load`.
        const start = performance.now();
        const { events, positionById } = pending;
        const dated = pending.parts.index.size;
        for (const e of reply.events) {
          // Events arrive in index order: the dated ones first, at their sorted positions.
          if (events.length < dated) positionById.set(e.id, events.length);
          events.push(e);
        }
        callbacks.onProgress({ phase: 'receive', done: events.length, total: pending.count });
        if (events.length >= pending.count) {
          const { parts } = pending;
          pending = null;
          const store = assembleAtlasStore({ ...parts, doc: { ...parts.doc, events } }, places, positionById);
          performance.measure('atlas:receive+assemble', { start });
          callbacks.onStore(store);
        } else {
          performance.measure('atlas:receive', { start });
          // Asked for after a macrotask, so the page renders the progress (and handles input) first.
          const { seq: wanted } = pending;
          setTimeout(() => send({ type: 'more', seq: wanted }), 0);
        }
        break;
      }
      case 'error':
        fail(reply.message);
        break;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'the loading worker stopped');
  };
  send({ type: 'load', url, places });
  return {
    setUser(doc) {
      seq++;
      pending = null;
      send({ type: 'user', seq, doc });
    },
    dispose() {
      failed = true;
      worker.terminate();
    },
  };
}

/**
 * Where the page loads its events from: `data/atlas.json` beside it, or the `data` URL parameter when it
 * names a file on the page's own site. Anything else is refused with a notice (the page makes no request
 * to another origin) and the default data loads instead.
 */
export function resolveDataUrl(param: string | null, base: string): { url: string; notice: string | null } {
  const fallback = new URL('data/atlas.json', base).href;
  if (param == null || param.trim() === '') return { url: fallback, notice: null };
  let url: URL;
  try {
    url = new URL(param.trim(), base);
  } catch {
    return {
      url: fallback,
      notice: `The data parameter "${param}" is not a valid address; showing the default data.`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      url: fallback,
      notice: `The data parameter "${param}" is not an http(s) address; showing the default data.`,
    };
  }
  if (url.origin !== new URL(base).origin) {
    return {
      url: fallback,
      notice: `The data parameter "${param}" is on another site (${url.origin}); the atlas loads data only from its own site, so it shows the default data.`,
    };
  }
  return { url: url.href, notice: null };
}
