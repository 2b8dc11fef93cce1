import { useEffect, useRef, useState } from 'react';
import type { AtlasStore } from '../data/atlas-store';
import type { Article, AtlasDocument, Place } from '../data/model';
import { resolveDataUrl, startStoreClient, type LoadProgress, type StoreClient } from '../store/store-client';

export interface AtlasStoreState {
  /** The latest store; the previous one stays while a new one is built for changed user data. */
  store: AtlasStore | null;
  /** Set while loading or rebuilding. */
  progress: LoadProgress | null;
  /** The loaded document's own articles (null until read). */
  baseArticles: Article[] | null;
  /** Why no events could be loaded at all. */
  error: string | null;
  /** Problems the user should know of while the page works on: a refused `?data=`, events left out. */
  notices: string[];
}

/**
 * The atlas document (its own, or the one `?data=` names) merged with the user's visible imports, loaded,
 * merged and indexed in a worker. `userDoc` is sent once `userReady`, so the store is built once at start.
 */
export function useAtlasStore(
  places: Place[],
  userDoc: AtlasDocument | null,
  userReady: boolean,
): AtlasStoreState {
  const [state, setState] = useState<AtlasStoreState>({
    store: null,
    progress: { phase: 'download', done: 0, total: 0 },
    baseArticles: null,
    error: null,
    notices: [],
  });
  const clientRef = useRef<StoreClient | null>(null);
  const userRef = useRef<{ doc: AtlasDocument | null; ready: boolean }>({ doc: userDoc, ready: userReady });

  useEffect(() => {
    const param = new URLSearchParams(window.location.search).get('data');
    const first = resolveDataUrl(param, document.baseURI);
    const fallback = resolveDataUrl(null, document.baseURI).url;
    const addNotice = (notice: string) => setState((s) => ({ ...s, notices: [...s.notices, notice] }));
    if (first.notice) addNotice(first.notice);

    const start = (url: string) => {
      const client = startStoreClient(url, places, {
        onProgress: (progress) => setState((s) => ({ ...s, progress })),
        onBase: (baseArticles, warnings) =>
          setState((s) => ({ ...s, baseArticles, notices: [...s.notices, ...warnings] })),
        onStore: (store) => setState((s) => ({ ...s, store, progress: null })),
        onError: (message) => {
          if (url !== fallback) {
            addNotice(
              `The data parameter "${param}" could not be loaded: ${message}. Showing the default data.`,
            );
            start(fallback);
          } else setState((s) => ({ ...s, error: message, progress: null }));
        },
      });
      clientRef.current = client;
      if (userRef.current.ready) client.setUser(userRef.current.doc);
    };
    start(first.url);
    return () => clientRef.current?.dispose();
  }, [places]);

  useEffect(() => {
    userRef.current = { doc: userDoc, ready: userReady };
    if (userReady) clientRef.current?.setUser(userDoc);
  }, [userDoc, userReady]);

  return state;
}
