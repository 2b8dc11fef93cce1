/**
 * The only code that owns the MapLibre map. Shape of every adapter: `new AtlasMap(container, options)`,
 * `update(props)` (diffs against the last props, safe to call on every render), `destroy()`.
 */
import * as maplibregl from 'maplibre-gl';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  LngLatBoundsLike,
  MapGeoJSONFeature,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, LineString, Point } from 'geojson';
import { createBaseStyle, PALETTES, SOURCE, type Theme } from './base-style';
import { EventsLayer, type EventColumns, type EventsLayerState } from './events-layer';
import { EdgeMarkers, type EdgeTarget } from './edge-markers';
import { EVENT_TYPE_STYLES, eventTypeColors } from '../data/event-style';
import { formatDayLong } from '../data/dates';

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

/** The vector tile source of `setTiledEvents` and its circle layer (the layer the tests query). */
const TILED_SOURCE = 'events-tiled';
export const TILED_EVENTS_LAYER = 'events-tiled';
/** The layer inside the tiles (`npm run tiles`, or tippecanoe's `-l events`). */
const TILED_SOURCE_LAYER = 'events';
/**
 * While a handle is dragged the tiled layer's filter follows at most this often: every filter change
 * re-evaluates the loaded tiles in MapLibre's worker (DESIGN.md, performance), unlike the events layer's.
 */
const TILED_FILTER_MS = 200;

/**
 * The `pmtiles://` protocol, registered once for every map, on first use: the `pmtiles` reader is loaded
 * only by a page that asks for tiles, so it stays out of the first load's size budget.
 */
let pmtilesProtocol: Promise<void> | null = null;
let pmtilesRegistered = false;
function registerPmtiles(): Promise<void> {
  pmtilesProtocol ??= import('pmtiles').then(({ Protocol }) => {
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
    pmtilesRegistered = true;
  });
  return pmtilesProtocol;
}

/** What `setTiledEvents` reports back. */
export interface TiledEventsOptions {
  /** The archive or one of its tiles could not be read (said once per `setTiledEvents`). */
  onError?: (message: string) => void;
}

/** The tiled layer's filter: days overlapping [from, to] and, unless all are shown, the types of `typeMask`. */
export function createTiledFilter(from: number, to: number, typeMask: number): FilterSpecification {
  const clauses: ExpressionSpecification[] = [
    ['<=', ['get', 'day'], to],
    ['>=', ['get', 'dayEnd'], from],
  ];
  const types = EVENT_TYPE_STYLES.map((_, i) => i).filter((i) => (typeMask >> i) & 1);
  if (types.length < EVENT_TYPE_STYLES.length) {
    clauses.push(['in', ['get', 'type'], ['literal', types]]);
  }
  return ['all', ...clauses];
}

/** Circle colour by the `type` property (an index into EVENT_TYPES), in the theme's colours. */
function tiledColor(theme: Theme): ExpressionSpecification {
  const colors = eventTypeColors(theme);
  const pairs = colors.slice(0, -1).flatMap((c, i) => [i, c]);
  return [
    'match',
    ['get', 'type'],
    ...pairs,
    colors[colors.length - 1],
  ] as unknown as ExpressionSpecification;
}

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
  /** The PMTiles events source asked for, if any; `reported` once an error was passed on. */
  private tiled: { url: string; onError?: (message: string) => void; reported: boolean } | null = null;
  /** The filter and theme the tiled layer has, so unchanged ones are not set again. */
  private tiledFilterKey = '';
  /** The app's committed range and types, as last seen by `applyTiled`. */
  private tiledCommitted = '';
  private tiledTheme: Theme | null = null;
  private tiledTimer = 0;
  /** The range the slider last drew (hot path), for the throttled tiled filter. */
  private lastRange: { from: number; to: number } | null = null;
  private popup: maplibregl.Popup | null = null;
  private destroyed = false;

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
      const pointer = index >= 0 || this.tiledAt(e.point.x, e.point.y, 4).length > 0;
      this.map.getCanvas().style.cursor = pointer ? 'pointer' : '';
      options.onHoverEvent?.(index, e.point.x, e.point.y);
    });
    this.map.on('mouseout', () => options.onHoverEvent?.(-1, 0, 0));
    this.map.on('click', (e) => {
      const index = this.layer?.pick(e.point.x, e.point.y, 14) ?? -1;
      if (index >= 0) options.onClickEvent?.(index);
      else this.showTiledPopup(e.lngLat, this.tiledAt(e.point.x, e.point.y, 6));
    });
    this.map.on('error', (event) => {
      const { sourceId, error } = event as unknown as { sourceId?: string; error?: Error };
      const tiled = this.tiled;
      if (sourceId !== TILED_SOURCE || !tiled || tiled.reported || error?.name === 'AbortError') return;
      tiled.reported = true;
      tiled.onError?.(error?.message || 'unknown error');
    });
  }

  update(props: AtlasMapProps): void {
    const previous = this.props;
    this.props = props;
    if (previous && previous.theme !== props.theme) {
      this.layer = null;
      // Listened for first: MapLibre 6 applies a style diff at once and fires `style.load` inside setStyle.
      this.map.once('style.load', () => this.props && this.applyData(this.props, null));
      this.map.setStyle(
        createBaseStyle({
          theme: props.theme,
          geoUrl: this.options.geoUrl,
          controlUrl: this.options.controlUrl,
        }),
      );
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
    this.applyTiled(props);
  }

  /**
   * Shows events from a PMTiles archive of vector tiles (layer `events` with `id`, `type`, `day`, `dayEnd`;
   * `npm run tiles`) as a circle layer where the events layer sits, filtered by the app's range and types.
   * `url` is absolute; null removes the layer. Kept across theme changes.
   */
  setTiledEvents(url: string | null, options: TiledEventsOptions = {}): void {
    if (this.destroyed) return;
    this.removeTiled();
    this.tiled = url ? { url, onError: options.onError, reported: false } : null;
    if (!url) return;
    registerPmtiles().then(
      () => {
        if (!this.destroyed && this.tiled?.url === url && this.loaded && this.props)
          this.applyTiled(this.props);
      },
      (error: unknown) => options.onError?.(`the PMTiles reader did not load (${String(error)})`),
    );
  }

  /** Adds the tiled source and layer when asked for and missing (after a theme change too), and filters it. */
  private applyTiled(props: AtlasMapProps): void {
    // The source is added only once the protocol is registered: MapLibre cannot fetch pmtiles:// before.
    if (!this.tiled || !pmtilesRegistered) return;
    const { from, to, typeMask } = props.eventsState;
    if (!this.map.getSource(TILED_SOURCE)) {
      this.map.addSource(TILED_SOURCE, { type: 'vector', url: `pmtiles://${this.tiled.url}` });
      this.tiledFilterKey = '';
      this.tiledTheme = null;
    }
    if (!this.map.getLayer(TILED_EVENTS_LAYER)) {
      this.map.addLayer(
        {
          id: TILED_EVENTS_LAYER,
          type: 'circle',
          source: TILED_SOURCE,
          'source-layer': TILED_SOURCE_LAYER,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 2.5, 8, 4.5, 12, 7],
            'circle-opacity': 0.9,
            'circle-stroke-width': 0.75,
          },
        },
        this.map.getLayer(EVENTS_BEFORE) ? EVENTS_BEFORE : undefined,
      );
      this.tiledFilterKey = '';
      this.tiledTheme = null;
    }
    if (this.tiledTheme !== props.theme) {
      this.tiledTheme = props.theme;
      this.map.setPaintProperty(TILED_EVENTS_LAYER, 'circle-color', tiledColor(props.theme));
      this.map.setPaintProperty(TILED_EVENTS_LAYER, 'circle-stroke-color', PALETTES[props.theme].textHalo);
    }
    // A new committed range or type choice wins over a drag's pending one; other renders leave it be.
    const committed = `${from}:${to}:${typeMask}`;
    if (committed !== this.tiledCommitted || !this.tiledFilterKey) {
      this.tiledCommitted = committed;
      window.clearTimeout(this.tiledTimer);
      this.tiledTimer = 0;
      this.setTiledFilter(from, to, typeMask);
    }
  }

  private setTiledFilter(from: number, to: number, typeMask: number): void {
    const key = `${from}:${to}:${typeMask}`;
    if (key === this.tiledFilterKey || !this.map.getLayer(TILED_EVENTS_LAYER)) return;
    this.tiledFilterKey = key;
    this.map.setFilter(TILED_EVENTS_LAYER, createTiledFilter(from, to, typeMask));
  }

  private removeTiled(): void {
    window.clearTimeout(this.tiledTimer);
    this.tiledTimer = 0;
    this.popup?.remove();
    if (this.map.getLayer(TILED_EVENTS_LAYER)) this.map.removeLayer(TILED_EVENTS_LAYER);
    if (this.map.getSource(TILED_SOURCE)) this.map.removeSource(TILED_SOURCE);
  }

  /** Tiled events drawn within `radius` pixels of a screen point. */
  private tiledAt(x: number, y: number, radius: number): MapGeoJSONFeature[] {
    if (!this.tiled || !this.map.getLayer(TILED_EVENTS_LAYER)) return [];
    return this.map.queryRenderedFeatures(
      [
        [x - radius, y - radius],
        [x + radius, y + radius],
      ],
      { layers: [TILED_EVENTS_LAYER] },
    );
  }

  /**
   * A popup with what a tile holds of the event under the pointer: its type, dates and id (the rest of an
   * event is not in the tiles). Text only, never HTML from the file.
   */
  private showTiledPopup(at: maplibregl.LngLat, features: MapGeoJSONFeature[]): void {
    this.popup?.remove();
    this.popup = null;
    const first = features[0];
    if (!first) return;
    const { id, type, day, dayEnd } = first.properties as Record<string, unknown>;
    const style = typeof type === 'number' ? EVENT_TYPE_STYLES[type] : undefined;
    const dayText = (d: unknown) => (typeof d === 'number' && Number.isFinite(d) ? formatDayLong(d) : '?');
    const dates = dayEnd != null && dayEnd !== day ? `${dayText(day)} – ${dayText(dayEnd)}` : dayText(day);
    const body = document.createElement('div');
    body.className = 'tiled-popup';
    const title = document.createElement('strong');
    title.textContent = style?.label ?? 'Event';
    const when = document.createElement('div');
    when.textContent = dates;
    const ident = document.createElement('div');
    ident.className = 'tiled-popup-id';
    ident.textContent = String(id ?? '');
    body.append(title, when, ident);
    if (features.length > 1) {
      const more = document.createElement('div');
      more.textContent = `and ${features.length - 1} more here`;
      body.append(more);
    }
    this.popup = new maplibregl.Popup({ maxWidth: '280px', focusAfterOpen: false })
      .setLngLat(at)
      .setDOMContent(body)
      .addTo(this.map);
  }

  /**
   * The slider's hot path, outside React: draws another range without a render. The next `update` with
   * the committed state takes over again.
   */
  setEventsRange(lo: number, hi: number, from: number, to: number): void {
    const props = this.props;
    if (!props) return;
    if (this.tiled && !this.tiledTimer) {
      // Throttled: the last range of a drag is applied at the latest TILED_FILTER_MS after it.
      this.tiledTimer = window.setTimeout(() => {
        this.tiledTimer = 0;
        const range = this.lastRange;
        if (range && this.props) this.setTiledFilter(range.from, range.to, this.props.eventsState.typeMask);
      }, TILED_FILTER_MS);
    }
    this.lastRange = { from, to };
    if (!this.layer) return;
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
    this.destroyed = true;
    window.clearTimeout(this.tiledTimer);
    this.popup?.remove();
    this.edges.destroy();
    this.map.remove();
  }
}
