import { useEffect, useRef, useState } from 'react';
import { AtlasMap, type AtlasMapOptions, type AtlasMapProps } from '../map/atlas-map';

/**
 * Creates the map adapter once, feeds it the latest props after every render, destroys it on unmount
 * (react-map-gl's pattern). Options are read once, at creation.
 */
export function useAtlasMap(options: AtlasMapOptions, props: AtlasMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<AtlasMap | null>(null);
  const optionsRef = useRef(options);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new AtlasMap(container, { ...optionsRef.current, onLoad: () => setLoaded(true) });
    mapRef.current = map;
    return () => {
      map.destroy();
      mapRef.current = null;
      setLoaded(false);
    };
  }, []);

  useEffect(() => {
    mapRef.current?.update(props);
  });

  return { containerRef, mapRef, loaded };
}
