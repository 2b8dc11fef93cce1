/**
 * The only code that owns the MapLibre map. Shape of every adapter: `new AtlasMap(container, options)`,
 * `update(props)` (diffs against the last props, safe to call on every render), `destroy()`.
 */
import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, LineString, Point } from 'geojson';
import { createBaseStyle, PALETTES, SOURCE, type Theme } from './base-style';
import { EventsLayer, type EventColumns, type EventsLayerState } from './events-layer';
import { EdgeMarkers, type EdgeTarget } from './edge-markers';
import { eventTypeColors } from '../data/event-style';

// MapLibre 6 finds its worker next to its own module; a bundler moves both, so point at the copy Vite
// emits. Resolved against the page, so the build works from any sub-path.
maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** Armenia and Azerbaijan, Nakhchivan included: the first view. [[w, s], [e, n]] */
export const HOME_BOUNDS: LngLatBoundsLike = [
  [43.4, 38.35],
  [50.9, 41.95],
];

const EVENTS_LAYER = 'events';
/** The events layer sits above the base map, actor overlays and place labels, below the country labels. */
const EVENTS_BEFORE = 'country-labels';

/** Where a camera change came from: only app-originated ones move the map, so map and React never echo. */
export type CameraOrigin = 'map' | 'app';

export interface MapCamera {
  zoom: number;
  lat: number;
  lon: number;
}

/** A camera the app asks for: a centre and zoom, or bounds to fit. */
export interface CameraRequest {
  center?: MapCamera;
  bounds?: [[number, number], [number, number]];
  /** Animate (off under `prefers-reduced-motion`). */
  animate: boolean;
  /** Changes whenever the app asks again, so the same place can be asked for twice. */
  serial: number;
}

export interface AtlasMapOptions {
  theme: Theme;
  /** Absolute URL of the geo layers folder. */
  geoUrl: string;
  /** Absolute URL of the control periods GeoJSON, if any. */
  controlUrl?: string;
  camera?: MapCamera | null;
  /** Cooperative gestures: an embedded map must not capture the page's scroll. */
  cooperativeGestures?: boolean;
  /** Called when the reader moves the map (origin 'map'). */
  onCameraChange?: (camera: MapCamera) => void;
  /** Called once the style and first layers have rendered. */
  onLoad?: () => void;
  /** The pointer is over an event (its sorted index) or over none (-1). */
  onHoverEvent?: (index: number, x: number, y: number) => void;
  onClickEvent?: (index: number) => void;
  /** Text of the attribution control (data credits). */
  attribution: string;
}

export interface AtlasMapProps {
  theme: Theme;
  /** Place label points (`label`, `kind`, `rank` properties). */
  places: FeatureCollection<Point>;
  /** Events in date order as columns; a new object means a new data set (re-uploaded once). */
  events: EventColumns | null;
  /** What of the events is drawn: the hot path. */
  eventsState: Omit<EventsLayerState, 'halo' | 'ring' | 'colors'>;
  /** Actors at their seats (`label` property). */
  actors: FeatureCollection<Point>;
  /** Great-circle arcs from actors to their targets (`selected` property). */
  arcs: FeatureCollection<LineString>;
  /** Day (YYYY-MM-DD) whose control periods shade the map; null shades nothing. */
  controlDate: string | null;
  /** Actors of the selected event, shown at the map's edge when outside the view. */
  edgeTargets: EdgeTarget[];
  /** Where distances to edge targets are measured from (the selected event's place). */
  edgeOrigin: [number, number] | null;
  camera?: CameraRequest | null;
}

function controlFilter(day: string | null): ExpressionSpecification {
  if (!day) return ['==', ['get', 'from'], '__none__'];
  // `to` is exclusive and null while a period is open.
  return ['all', ['<=', ['get', 'from'], day], ['>', ['coalesce', ['get', 'to'], '9999-12-31'], day]];
}

/** The events layer's full state: the app's part plus the theme's colours. */
function layerState(
  props: AtlasMapProps,
  range?: Pick<EventsLayerState, 'lo' | 'hi' | 'from' | 'to'>,
): EventsLayerState {
  const palette = PALETTES[props.theme];
  return {
    ...props.eventsState,
    ...range,
    halo: palette.textHalo,
    ring: palette.text,
    colors: eventTypeColors(props.theme),
  };
}

export class AtlasMap {
  readonly map: maplibregl.Map;
  private props: AtlasMapProps | null = null;
  private loaded = false;
  private layer: EventsLayer | null = null;
  private readonly edges: EdgeMarkers;
  private readonly options: AtlasMapOptions;

  constructor(container: HTMLElement, options: AtlasMapOptions) {
    this.options = options;
    const camera = options.camera;
    this.map = new maplibregl.Map({
      container,
      style: createBaseStyle({
        theme: options.theme,
        geoUrl: options.geoUrl,
        controlUrl: options.controlUrl,
      }),
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
    (globalThis as { karabakhAtlas?: { map: maplibregl.Map; atlas: AtlasMap } }).karabakhAtlas = {
      map: this.map,
      atlas: this,
    };
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(
      new maplibregl.AttributionControl({ compact: false, customAttribution: options.attribution }),
      'bottom-right',
    );
    this.edges = new EdgeMarkers(this.map, (bounds) => this.fit(bounds, true));
    this.map.on('load', () => {
      this.loaded = true;
      if (this.props) this.applyData(this.props, null);
      options.onLoad?.();
    });
    this.map.on('move', () => this.edges.render());
    this.map.on('moveend', (event) => {
      // Only moves the reader made are reported; app moves carry `origin: 'app'` in their event data.
      if ((event as unknown as { origin?: string }).origin === 'app') return;
      const c = this.map.getCenter();
      options.onCameraChange?.({ zoom: this.map.getZoom(), lat: c.lat, lon: c.lng });
    });
    this.map.on('mousemove', (e) => {
      const index = this.layer?.pick(e.point.x, e.point.y) ?? -1;
      this.map.getCanvas().style.cursor = index >= 0 ? 'pointer' : '';
      options.onHoverEvent?.(index, e.point.x, e.point.y);
    });
    this.map.on('mouseout', () => options.onHoverEvent?.(-1, 0, 0));
    this.map.on('click', (e) => {
      const index = this.layer?.pick(e.point.x, e.point.y, 14) ?? -1;
      if (index >= 0) options.onClickEvent?.(index);
    });
  }

  update(props: AtlasMapProps): void {
    const previous = this.props;
    this.props = props;
    if (previous && previous.theme !== props.theme) {
      this.layer = null;
      this.map.setStyle(
        createBaseStyle({
          theme: props.theme,
          geoUrl: this.options.geoUrl,
          controlUrl: this.options.controlUrl,
        }),
      );
      this.map.once('style.load', () => this.props && this.applyData(this.props, null));
    } else if (this.loaded) {
      this.applyData(props, previous);
    }
    const camera = props.camera;
    if (camera && camera.serial !== previous?.camera?.serial) {
      if (camera.bounds) this.fit(camera.bounds, camera.animate);
      else if (camera.center) {
        const options = {
          center: [camera.center.lon, camera.center.lat] as [number, number],
          zoom: camera.center.zoom,
        };
        if (camera.animate) this.map.flyTo({ ...options, duration: 900 }, { origin: 'app' });
        else this.map.jumpTo(options, { origin: 'app' });
      }
    }
  }

  private fit(bounds: LngLatBoundsLike, animate: boolean): void {
    this.map.fitBounds(bounds, { padding: 60, animate, maxZoom: 9, duration: 900 }, { origin: 'app' });
  }

  private setData(source: string, data: GeoJSON.GeoJSON): void {
    (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
  }

  private applyData(props: AtlasMapProps, previous: AtlasMapProps | null): void {
    if (props.places !== previous?.places) this.setData(SOURCE.places, props.places);
    if (props.actors !== previous?.actors) this.setData(SOURCE.actors, props.actors);
    if (props.arcs !== previous?.arcs) this.setData(SOURCE.arcs, props.arcs);
    if (props.controlDate !== previous?.controlDate) {
      const filter = controlFilter(props.controlDate);
      this.map.setFilter('control-fill', filter);
      this.map.setFilter('control-peacekeepers', ['all', filter, ['==', ['get', 'peacekeepers'], true]]);
    }
    if (props.events !== previous?.events || !this.layer) {
      if (this.map.getLayer(EVENTS_LAYER)) this.map.removeLayer(EVENTS_LAYER);
      this.layer = null;
      if (props.events) {
        this.layer = new EventsLayer(EVENTS_LAYER, props.events, layerState(props));
        this.map.addLayer(this.layer, EVENTS_BEFORE);
      }
    } else if (props.eventsState !== previous?.eventsState) {
      // The hot path: two integers and a mask change; one repaint, no data moves.
      this.layer.setState(layerState(props));
    }
    if (props.edgeTargets !== previous?.edgeTargets || props.edgeOrigin !== previous?.edgeOrigin) {
      this.edges.set(props.edgeTargets, props.edgeOrigin);
    }
  }

  /**
   * The slider's hot path, outside React: draws another range without a render. The next `update` with
   * the committed state takes over again.
   */
  setEventsRange(lo: number, hi: number, from: number, to: number): void {
    const props = this.props;
    if (!props || !this.layer) return;
    this.layer.setState(layerState(props, { lo, hi, from, to }));
  }

  /** Where the event at sorted index `i` is drawn on screen, or null (for tests and tooltips). */
  eventScreenPosition(i: number): { x: number; y: number } | null {
    return this.layer?.screenPosition(i) ?? null;
  }

  /** Fits Armenia and Azerbaijan. */
  home(animate: boolean): void {
    this.fit(HOME_BOUNDS, animate);
  }

  /** The rendered map as a canvas (for image export). */
  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  destroy(): void {
    this.edges.destroy();
    this.map.remove();
  }
}
