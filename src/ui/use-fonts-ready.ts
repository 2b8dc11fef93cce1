import { useEffect, useState } from 'react';

/**
 * Loads every self-hosted font face before map labels are drawn. MapLibre draws labels locally and asks
 * the browser only for the faces a space character needs, so Armenian and Cyrillic faces would otherwise
 * be missing when the first labels are rasterised.
 */
export function useFontsReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const faces = Array.from(document.fonts);
    Promise.allSettled(faces.map((face) => face.load())).then(() => {
      if (!cancelled) setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return ready;
}
