/**
 * The only code that owns the MapLibre map. Shape of every adapter: `new AtlasMap(container, options)`,
 * `update(props)` (diffs against the last props, safe to call on every render), `destroy()`.
 */
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { createBaseStyle, SOURCE, type Theme } from './base-style';
import type { FeatureCollection, Point } from 'geojson';

// MapLibre 6 finds its worker next to its own module; a bundler moves both, so point at the copy Vite
// emits. Resolved against the page, so the build works from any sub-path.
maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** Armenia and Azerbaijan, Nakhchivan included: the first view. [[w, s], [e, n]] */
export const HOME_BOUNDS: LngLatBoundsLike = [
  [43.4, 38.35],
  [50.9, 41.95],
];

/** Where a camera change came from: only app-originated ones move the map, so map and React never echo. */
export type CameraOrigin = 'map' | 'app';

export interface MapCamera {
  zoom: number;
  lat: number;
  lon: number;
}

export interface AtlasMapOptions {
  theme: Theme;
  /** Absolute URL of the geo layers folder. */
  geoUrl: string;
  camera?: MapCamera | null;
  /** Cooperative gestures: an embedded map must not capture the page's scroll. */
  cooperativeGestures?: boolean;
  /** Called when the reader moves the map (origin 'map'). */
  onCameraChange?: (camera: MapCamera) => void;
  /** Called once the style and first layers have rendered. */
  onLoad?: () => void;
  /** Text of the attribution control (data credits and the disclaimer). */
  attribution: string;
}

export interface AtlasMapProps {
  theme: Theme;
  /** Place label points (`label`, `kind`, `rank` properties). */
  places: FeatureCollection<Point>;
  /** The camera asked for by the app (origin 'app'); null leaves the map where it is. */
  camera?: { value: MapCamera; origin: CameraOrigin } | null;
}

export class AtlasMap {
  readonly map: maplibregl.Map;
  private props: AtlasMapProps | null = null;
  private loaded = false;
  private readonly options: AtlasMapOptions;

  constructor(container: HTMLElement, options: AtlasMapOptions) {
    this.options = options;
    const camera = options.camera;
    this.map = new maplibregl.Map({
      container,
      style: createBaseStyle({ theme: options.theme, geoUrl: options.geoUrl }),
      ...(camera
        ? { center: [camera.lon, camera.lat], zoom: camera.zoom }
        : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: 16 } }),
      attributionControl: false,
      cooperativeGestures: options.cooperativeGestures ?? false,
      dragRotate: false,
      pitchWithRotate: false,
      maxPitch: 0,
      minZoom: 1,
      maxZoom: 14,
      renderWorldCopies: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    // A read-only handle for automation (the e2e tests and the benchmark query rendered features).
    (globalThis as { karabakhAtlas?: { map: maplibregl.Map } }).karabakhAtlas = { map: this.map };
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(
      new maplibregl.AttributionControl({ compact: false, customAttribution: options.attribution }),
      'bottom-right',
    );
    this.map.on('load', () => {
      this.loaded = true;
      if (this.props) this.applyData(this.props, null);
      options.onLoad?.();
    });
    this.map.on('moveend', (event) => {
      // Only moves the reader made are reported; app moves carry `origin: 'app'` in their event data.
      if ((event as unknown as { origin?: string }).origin === 'app') return;
      const c = this.map.getCenter();
      options.onCameraChange?.({ zoom: this.map.getZoom(), lat: c.lat, lon: c.lng });
    });
  }

  update(props: AtlasMapProps): void {
    const previous = this.props;
    this.props = props;
    if (previous && previous.theme !== props.theme) {
      this.map.setStyle(createBaseStyle({ theme: props.theme, geoUrl: this.options.geoUrl }));
      this.map.once('style.load', () => this.applyData(props, null));
    } else if (this.loaded) {
      this.applyData(props, previous);
    }
    const camera = props.camera;
    if (camera && camera.origin === 'app' && camera !== previous?.camera) {
      this.map.jumpTo(
        { center: [camera.value.lon, camera.value.lat], zoom: camera.value.zoom },
        { origin: 'app' },
      );
    }
  }

  private applyData(props: AtlasMapProps, previous: AtlasMapProps | null): void {
    if (props.places !== previous?.places) {
      (this.map.getSource(SOURCE.places) as GeoJSONSource | undefined)?.setData(props.places);
    }
  }

  /** Fits Armenia and Azerbaijan. */
  home(animate: boolean): void {
    this.map.fitBounds(HOME_BOUNDS, { padding: 16, animate }, { origin: 'app' });
  }

  destroy(): void {
    this.map.remove();
  }
}
