import { useCallback, useEffect, useMemo } from 'react';
import type { FeatureCollection, LineString, Point } from 'geojson';
import { gazetteer } from '../../geo/gazetteer';
import { selectPlaceLabels } from '../data/place-labels';
import { NAME_STYLES, type NameStyle } from '../data/place-names';
import type { ThemeSetting } from '../url/url-state';
import { useAtlasMap } from './use-atlas-map';
import { useFontsReady } from './use-fonts-ready';
import { useTheme } from './use-theme';
import { useUrlState } from './use-url-state';

/** Shown in every view: page, embed and exported image (DESIGN.md). */
export const DISCLAIMER = 'Boundaries and names shown do not imply endorsement or acceptance.';
export const CREDITS = 'Made with Natural Earth · Places: GeoNames (CC BY 4.0)';

const NAME_STYLE_LABELS: Record<NameStyle, string> = {
  dual: 'Both names',
  hy: 'Armenian',
  az: 'Azerbaijani',
  en: 'English',
};

const EMPTY: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
const EMPTY_LINES: FeatureCollection<LineString> = { type: 'FeatureCollection', features: [] };
const NO_EVENTS = { lo: 0, hi: 0, typeMask: 0, hidden: null, selected: -1 };
const NO_TARGETS: [] = [];

/** The folder the static build serves the geo layers from, absolute (MapLibre fetches from its worker). */
function geoUrl(): string {
  return new URL('geo/', document.baseURI).href;
}

export function App() {
  const [url, setUrl] = useUrlState();
  const theme = useTheme(url.theme);
  const fontsReady = useFontsReady();
  const places = useMemo(
    () => (fontsReady ? selectPlaceLabels(gazetteer, url.names) : EMPTY),
    [fontsReady, url.names],
  );

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const onCameraChange = useCallback(
    (camera: { zoom: number; lat: number; lon: number }) => setUrl({ camera }),
    [setUrl],
  );
  const { containerRef, loaded } = useAtlasMap(
    {
      theme,
      geoUrl: geoUrl(),
      camera: url.camera,
      cooperativeGestures: url.embed,
      onCameraChange,
      attribution: CREDITS,
    },
    {
      theme,
      places,
      events: null,
      eventsState: NO_EVENTS,
      actors: EMPTY,
      arcs: EMPTY_LINES,
      controlDate: null,
      edgeTargets: NO_TARGETS,
      edgeOrigin: null,
    },
  );

  return (
    <div className="app" data-embed={url.embed || undefined}>
      <header className="app-header">
        <h1 className="app-title">Karabakh Atlas</h1>
        <div className="app-controls">
          <label>
            <span className="control-label">Names</span>
            <select value={url.names} onChange={(e) => setUrl({ names: e.target.value as NameStyle })}>
              {NAME_STYLES.map((style) => (
                <option key={style} value={style}>
                  {NAME_STYLE_LABELS[style]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="control-label">Theme</span>
            <select value={url.theme} onChange={(e) => setUrl({ theme: e.target.value as ThemeSetting })}>
              <option value="auto">Auto</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
      </header>
      <main className="app-main">
        <div
          className="map"
          ref={containerRef}
          role="region"
          aria-label="Map of Armenia, Azerbaijan and Nagorno-Karabakh"
          data-loaded={loaded && fontsReady ? 'true' : undefined}
        />
      </main>
      <footer className="app-footer">
        <p className="disclaimer">{DISCLAIMER}</p>
      </footer>
    </div>
  );
}
