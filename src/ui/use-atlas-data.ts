import { useEffect, useState } from 'react';
import type { AtlasDocument } from '../data/model';

export type AtlasData =
  { status: 'loading' } | { status: 'ready'; doc: AtlasDocument } | { status: 'error'; message: string };

/** Fetches the atlas document the build wrote (`data/atlas.json`, next to the page). */
export function useAtlasData(): AtlasData {
  const [data, setData] = useState<AtlasData>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const url = new URL('data/atlas.json', document.baseURI);
    fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`data/atlas.json: HTTP ${response.status}`);
        const doc = (await response.json()) as AtlasDocument;
        if (!doc || !Array.isArray(doc.events) || !Array.isArray(doc.places)) {
          throw new Error('data/atlas.json: not an atlas document (no events or places)');
        }
        if (!cancelled) setData({ status: 'ready', doc });
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setData({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return data;
}
