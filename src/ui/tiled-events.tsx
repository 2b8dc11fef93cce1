import { useEffect, useState, type RefObject } from 'react';
import type { AtlasMap } from '../map/atlas-map';
import { resolveTilesUrl } from '../url/resolve-tiles-url';
import './tiled-events.css';

interface TiledEventsProps {
  /** The map adapter (from `useAtlasMap`). */
  mapRef: RefObject<AtlasMap | null>;
  /** Whether the map has loaded its style. */
  loaded: boolean;
}

/**
 * `?tiles=<file.pmtiles>`: shows the events of a PMTiles archive on the same site on the map, beside the
 * atlas's own data (docs/performance.md, "Beyond one GeoJSON"). A refused parameter or a file that cannot
 * be read is named in a notice over the map; the rest of the page works on.
 */
export function TiledEvents({ mapRef, loaded }: TiledEventsProps) {
  // Read once, like the data parameter: the URL state written back keeps it (unknown keys are kept).
  const [param] = useState(() => new URLSearchParams(window.location.search).get('tiles'));
  const [resolved] = useState(() => resolveTilesUrl(param, document.baseURI));
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !resolved.url) return;
    map.setTiledEvents(resolved.url, {
      onError: (message) => setLoadError(`The tiles parameter "${param}" could not be loaded: ${message}.`),
    });
    return () => map.setTiledEvents(null);
  }, [loaded, mapRef, resolved.url, param]);

  const problem = resolved.problem ?? loadError;
  if (!problem || dismissed) return null;
  return (
    <div className="tiled-events-notice load-notices" role="alert">
      <p>{problem} The tiled events are not shown; the rest of the atlas works.</p>
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
