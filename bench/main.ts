/**
 * The range benchmark page. `window.runBench(options)` generates seeded synthetic events in the page, loads
 * them with one method on the app's own map (AtlasMap: same base style, camera, controls), sweeps a time
 * window across the data and returns what it measured. `src/cli/bench.ts` drives it; docs/performance.md
 * says what each figure means.
 *
 * Methods:
 * - `atlas`: the app's hot path: binary search of the time index, then `AtlasMap.setEventsRange` (the
 *   custom WebGL layer draws another index sub-range of static buffers).
 * - `setFilter`: a GeoJSON source with every event and a circle layer whose filter gets literal bounds.
 * - `setData`: the same source and layer, given the events of the window on every change.
 * - `deck`: deck.gl's ScatterplotLayer with the DataFilterExtension, interleaved in the same MapLibre map
 *   (`@deck.gl/mapbox`), binary attributes; a change is a new `filterRange`.
 *
 * What "shown" means, per method (the latency stops there, after a 1-pixel `readPixels` in that frame's
 * `render` event, which waits for the GPU, SwiftShader included, to finish the frame):
 * - atlas: the first map render after the change (the layer reads its state when it draws);
 * - deck: the first map render in which deck's layer manager holds the new layer (deck applies new layers
 *   on its own animation frame, then asks the map to repaint);
 * - setFilter / setData: the first render after which the event source has loaded again, having been seen
 *   loading since the change (the worker re-tiled and the main thread uploaded the new tiles).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../src/ui/fonts.css';
import type { ExpressionSpecification, GeoJSONSource, IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import { gazetteer } from '../geo/gazetteer';
import { AtlasMap, type AtlasMapProps } from '../src/map/atlas-map';
import { createAtlasStore } from '../src/data/atlas-store';
import { countInRange, lowerBound, rangeIndices, typeMask, upperBound } from '../src/data/time-index';
import { generateAtlasDocument } from '../src/data/synthetic';
import { eventPosition } from '../src/data/event-columns';
import { EVENT_TYPE_STYLES, eventTypeIndex, parseHexColor } from '../src/data/event-style';
import { parseDay } from '../src/data/dates';
import { selectPlaceLabels } from '../src/data/place-labels';
import type { AtlasDocument, Place } from '../src/data/model';

export type Method = 'atlas' | 'setFilter' | 'setData' | 'deck';

export interface BenchOptions {
  method: Method;
  count: number;
  seed?: number;
  /** Range changes timed one by one. */
  steps?: number;
  /** Width of the swept window in days. */
  windowDays?: number;
  /** Give up loading after this long (the result says skipped). */
  loadBudgetMs?: number;
  /** Stop the timed sweep after this long (fewer steps are reported). */
  sweepBudgetMs?: number;
  /** Stop the drag (one change per animation frame) after this long. */
  dragBudgetMs?: number;
  /**
   * `atlas` (default): the app's whole base map under the events. `none`: every base layer hidden, so a
   * frame draws the events alone and the latency is the method's own (on software GL the base map's frame
   * is a floor of 120 ms or more under every method).
   */
  baseMap?: BaseMap;
}

export type BaseMap = 'atlas' | 'none';

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export interface BenchResult {
  method: Method;
  count: number;
  baseMap: BaseMap;
  /** Set when the method was not measured (too slow to load within the budget, or it failed). */
  skipped?: string;
  generateMs: number;
  /** From the generated document to the first frame that shows the events. */
  loadMs?: number;
  /** JS heap of the page (main thread only) after a forced GC: map alone, with the document, loaded. */
  heap?: { base: number; withDocument: number; loaded: number };
  /** Change → frame that shows it, one change at a time. */
  latency?: Stats & { planned: number };
  /** Main-thread time of the change call itself (what blocks the handle's event), median ms. */
  applyMs?: number;
  /** Map frames rendered from the change to the one that shows it, median (1: the very next frame). */
  frames?: number;
  /** A repaint with no change, same page (the floor under every latency: the base map's frame), median ms. */
  repaintMs?: number;
  /** One change per animation frame, like a handle dragged at the display's rate. */
  drag?: {
    changes: number;
    frames: number;
    ms: number;
    fps: number;
    worstFrameMs: number;
    mapRenders: number;
  };
  /** Events in the swept windows (median), for context. */
  eventsPerWindow?: number;
  userAgent: string;
}

declare global {
  interface Window {
    runBench: (options: BenchOptions) => Promise<BenchResult>;
    gc?: () => void;
  }
}

const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

async function heap(): Promise<number> {
  // Two collections with a pause: the first one can leave weak and finalised objects to the second.
  for (let i = 0; i < 2; i++) {
    window.gc?.();
    await sleep(50);
  }
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
}

/** Makes the GPU finish the frame just drawn (SwiftShader draws on the CPU in the GPU process). */
function finishFrame(map: MapLibreMap): void {
  const gl = map.getCanvas().getContext('webgl2') as WebGL2RenderingContext | null;
  if (!gl) return;
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

/** Resolves in the first `render` event for which `done()` holds, after finishing that frame. */
function renderWhere(map: MapLibreMap, done: () => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      map.off('render', onRender);
      reject(new Error(`no frame showed the change within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    const onRender = () => {
      if (!done()) return;
      map.off('render', onRender);
      clearTimeout(timer);
      finishFrame(map);
      resolve(now());
    };
    map.on('render', onRender);
    map.triggerRepaint();
  });
}

const EMPTY: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };

/** A method loaded on the map: `apply` changes the range, `shown` waits for the frame that shows it. */
interface Runner {
  apply(from: number, to: number): void;
  shown(timeoutMs: number): Promise<number>;
  /** Waits for a frame with everything applied so far drawn, whether or not it is drawn already. */
  settle(timeoutMs: number): Promise<number>;
}

const SOURCE_ID = 'bench-events';
const LAYER_ID = 'bench-events';
const BEFORE = 'country-labels';

function placesOf(doc: AtlasDocument): Map<string, Place> {
  const places = new Map<string, Place>(gazetteer.map((p) => [p.id, p]));
  for (const p of doc.places) places.set(p.id, p);
  return places;
}

/** Sorted days of the document's events (the generator writes them in date order). */
function dayColumns(doc: AtlasDocument) {
  const n = doc.events.length;
  const day = new Int32Array(n);
  const dayEnd = new Int32Array(n);
  const maxDayEnd = new Int32Array(n);
  doc.events.forEach((e, i) => {
    day[i] = parseDay(e.date!)!;
    dayEnd[i] = e.dateEnd ? parseDay(e.dateEnd)! : day[i];
    maxDayEnd[i] = Math.max(i ? maxDayEnd[i - 1] : dayEnd[i], dayEnd[i]);
  });
  return { day, dayEnd, maxDayEnd };
}

function features(doc: AtlasDocument): Feature<Point>[] {
  const places = placesOf(doc);
  const cols = dayColumns(doc);
  return doc.events.map((e, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: eventPosition(e, places) ?? [0, -89] },
    properties: { day: cols.day[i], dayEnd: cols.dayEnd[i], t: eventTypeIndex(e.type) },
  }));
}

function addCircleLayer(map: MapLibreMap, data: FeatureCollection<Point>, filter?: ExpressionSpecification) {
  map.addSource(SOURCE_ID, { type: 'geojson', data });
  const colors: (string | number)[] = [];
  EVENT_TYPE_STYLES.forEach((s, i) => colors.push(i, s.color));
  map.addLayer(
    {
      id: LAYER_ID,
      type: 'circle',
      source: SOURCE_ID,
      ...(filter ? { filter } : {}),
      paint: {
        'circle-radius': 4,
        'circle-color': ['match', ['get', 't'], ...colors, '#999999'] as unknown as ExpressionSpecification,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    BEFORE,
  );
}

/** Waits for the event source to be seen reloading and then loaded again, in a rendered frame. */
function sourceReloaded(map: MapLibreMap, timeoutMs: number): Promise<number> {
  let sawLoading = !map.isSourceLoaded(SOURCE_ID);
  return renderWhere(
    map,
    () => {
      const loaded = map.isSourceLoaded(SOURCE_ID);
      if (!loaded) sawLoading = true;
      return loaded && sawLoading;
    },
    timeoutMs,
  );
}

function timeFilter(from: number, to: number): ExpressionSpecification {
  return ['all', ['<=', ['get', 'day'], to], ['>=', ['get', 'dayEnd'], from]];
}

async function loadAtlas(atlas: AtlasMap, props: AtlasMapProps, doc: AtlasDocument, first: [number, number]) {
  const store = createAtlasStore(doc, gazetteer);
  const [from, to] = first;
  const { lo, hi } = rangeIndices(store.index, from, to);
  atlas.update({
    ...props,
    events: store.columns,
    eventsState: { ...props.eventsState, lo, hi, from, to },
  });
  const runner: Runner = {
    apply(from, to) {
      // What the slider does per animation frame: the index range and the count, then one repaint.
      const { lo, hi } = rangeIndices(store.index, from, to);
      countInRange(store.index, from, to);
      atlas.setEventsRange(lo, hi, from, to);
    },
    shown: (timeoutMs) => renderWhere(atlas.map, () => true, timeoutMs),
    settle: (timeoutMs) => renderWhere(atlas.map, () => true, timeoutMs),
  };
  return { runner, keep: store };
}

function loadSetFilter(map: MapLibreMap, doc: AtlasDocument, first: [number, number]) {
  const fc: FeatureCollection<Point> = { type: 'FeatureCollection', features: features(doc) };
  addCircleLayer(map, fc, timeFilter(...first));
  let last = first.join();
  let changed = true;
  const runner: Runner = {
    apply(from, to) {
      // MapLibre ignores a filter equal to the current one: then there is nothing to wait for.
      changed = `${from},${to}` !== last;
      last = `${from},${to}`;
      map.setFilter(LAYER_ID, timeFilter(from, to));
    },
    shown: (timeoutMs) =>
      changed ? sourceReloaded(map, timeoutMs) : renderWhere(map, () => true, timeoutMs),
    settle: (timeoutMs) => renderWhere(map, () => map.isSourceLoaded(SOURCE_ID), timeoutMs),
  };
  return { runner, keep: fc };
}

function loadSetData(map: MapLibreMap, doc: AtlasDocument, first: [number, number]) {
  const all = features(doc);
  const cols = dayColumns(doc);
  const subset = (from: number, to: number): FeatureCollection<Point> => {
    // Binary search for the run of the window, as the atlas does; only the upload differs.
    const hi = upperBound(cols.day, to);
    const lo = lowerBound(cols.maxDayEnd, from, 0, hi);
    const out: Feature<Point>[] = [];
    for (let i = lo; i < hi; i++) if (cols.dayEnd[i] >= from) out.push(all[i]);
    return { type: 'FeatureCollection', features: out };
  };
  addCircleLayer(map, subset(...first));
  const runner: Runner = {
    apply: (from, to) => (map.getSource(SOURCE_ID) as GeoJSONSource).setData(subset(from, to)),
    shown: (timeoutMs) => sourceReloaded(map, timeoutMs),
    settle: (timeoutMs) => renderWhere(map, () => map.isSourceLoaded(SOURCE_ID), timeoutMs),
  };
  return { runner, keep: all };
}

interface DeckInternals {
  isInitialized: boolean;
  layerManager: { getLayers(): unknown[] } | null;
}

function loadDeck(map: MapLibreMap, doc: AtlasDocument, first: [number, number]) {
  const n = doc.events.length;
  const places = placesOf(doc);
  const cols = dayColumns(doc);
  const positions = new Float32Array(n * 2);
  const filterValues = new Float32Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const palette = EVENT_TYPE_STYLES.map((s) => parseHexColor(s.color).map((c) => Math.round(c * 255)));
  doc.events.forEach((e, i) => {
    const [lon, lat] = eventPosition(e, places) ?? [0, -89];
    positions[2 * i] = lon;
    positions[2 * i + 1] = lat;
    filterValues[2 * i] = cols.day[i];
    filterValues[2 * i + 1] = cols.dayEnd[i];
    const [r, g, b] = palette[eventTypeIndex(e.type)];
    colors.set([r, g, b, 255], 4 * i);
  });
  // Binary attributes: deck's fastest input (no accessor calls, no per-object work).
  const data = {
    length: n,
    attributes: {
      getPosition: { value: positions, size: 2 },
      getFilterValue: { value: filterValues, size: 2 },
      getFillColor: { value: colors, size: 4, normalized: true },
    },
  };
  const extension = new DataFilterExtension({ filterSize: 2 });
  const layerFor = (from: number, to: number) =>
    new ScatterplotLayer({
      id: 'bench-deck',
      beforeId: BEFORE,
      data: data as never,
      radiusUnits: 'pixels',
      getRadius: 4,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getLineColor: [255, 255, 255],
      extensions: [extension],
      // First value (start day) ≤ to, second (end day) ≥ from: the same overlap rule as the atlas.
      filterRange: [
        [-1e9, to],
        [from, 1e9],
      ],
    } as never);
  let layer = layerFor(...first);
  // deck.gl 9.4's interleaved mode reads `map.transform`, which MapLibre 6 moved to `map._camera.transform`;
  // alias it so that the peer runs on the app's MapLibre (a shim, no change to what deck draws).
  const internals = map as unknown as { transform?: unknown; _camera?: { transform: unknown } };
  if (!('transform' in internals) && internals._camera) {
    Object.defineProperty(map, 'transform', { get: () => internals._camera!.transform });
  }
  const overlay = new MapboxOverlay({ interleaved: true, layers: [layer] });
  map.addControl(overlay as unknown as IControl);
  const deck = () => (map as unknown as { __deck?: DeckInternals }).__deck;
  const drawn = () => {
    const d = deck();
    return !!d?.isInitialized && !!d.layerManager?.getLayers().includes(layer);
  };
  const runner: Runner = {
    apply(from, to) {
      layer = layerFor(from, to);
      overlay.setProps({ layers: [layer] });
      // Deck repaints the map from its own next animation frame; asking now can save it a frame.
      map.triggerRepaint();
    },
    shown: (timeoutMs) => renderWhere(map, drawn, timeoutMs),
    settle: (timeoutMs) => renderWhere(map, drawn, timeoutMs),
  };
  return { runner, keep: data };
}

/** The atlas map, as the app makes it, with the base data loaded and no events. */
async function createMap(baseMap: BaseMap): Promise<{ atlas: AtlasMap; props: AtlasMapProps }> {
  await Promise.allSettled(Array.from(document.fonts, (face) => face.load()));
  const container = document.getElementById('map')!;
  const base = new URL('.', document.baseURI).href;
  let resolveLoad: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (resolveLoad = resolve));
  const atlas = new AtlasMap(container, {
    theme: 'light',
    geoUrl: `${base}geo/`,
    controlUrl: `${base}data/control.geojson`,
    attribution: 'Natural Earth; synthetic events',
    onLoad: () => resolveLoad(),
  });
  const props: AtlasMapProps = {
    theme: 'light',
    places: selectPlaceLabels(gazetteer, 'dual'),
    events: null,
    eventsState: { lo: 0, hi: 0, from: 0, to: -1, typeMask: typeMask(null), hidden: null, selected: -1 },
    actors: EMPTY,
    arcs: { type: 'FeatureCollection', features: [] } as FeatureCollection<LineString>,
    controlDate: '2020-11-10',
    edgeTargets: [],
    edgeOrigin: null,
    camera: null,
  };
  atlas.update(props);
  await loaded;
  await new Promise((resolve) => (atlas.map.loaded() ? resolve(null) : atlas.map.once('idle', resolve)));
  if (baseMap === 'none') {
    // Hidden, not removed: the layers keep their order, so the methods' layers go where they would.
    for (const layer of atlas.map.getStyle().layers) {
      if (layer.type !== 'background') atlas.map.setLayoutProperty(layer.id, 'visibility', 'none');
    }
    await new Promise((resolve) => atlas.map.once('idle', resolve));
  }
  return { atlas, props };
}

/** Windows of `days` days, `steps` of them evenly spread from the first event to the last. */
export function sweepWindows(
  firstDay: number,
  lastDay: number,
  steps: number,
  days: number,
): [number, number][] {
  const span = Math.max(0, lastDay - firstDay + 1 - days);
  return Array.from({ length: steps }, (_, i) => {
    const from = firstDay + Math.round(steps > 1 ? (i * span) / (steps - 1) : 0);
    return [from, from + days - 1];
  });
}

async function runBench(options: BenchOptions): Promise<BenchResult> {
  const {
    method,
    count,
    seed = 1,
    steps = 60,
    windowDays = 30,
    loadBudgetMs = 120_000,
    sweepBudgetMs = 60_000,
    dragBudgetMs = 15_000,
    baseMap = 'atlas',
  } = options;
  const result: BenchResult = { method, count, baseMap, generateMs: 0, userAgent: navigator.userAgent };
  const { atlas, props } = await createMap(baseMap);
  const map = atlas.map;
  const base = await heap();

  let t = now();
  const doc = generateAtlasDocument({ count, seed });
  result.generateMs = now() - t;
  const withDocument = await heap();
  const cols = dayColumns(doc);
  const lastDay = cols.maxDayEnd[count - 1];
  const windows = sweepWindows(cols.day[0], lastDay, steps, windowDays);
  result.eventsPerWindow = stats(
    windows.map(([from, to]) => upperBound(cols.day, to) - lowerBound(cols.day, from)),
  ).median;
  const first = windows[0];

  t = now();
  let loaded: { runner: Runner; keep: unknown };
  try {
    if (method === 'atlas') loaded = await loadAtlas(atlas, props, doc, first);
    else if (method === 'setFilter') loaded = loadSetFilter(map, doc, first);
    else if (method === 'setData') loaded = loadSetData(map, doc, first);
    else loaded = loadDeck(map, doc, first);
    await loaded.runner.shown(Math.max(1, loadBudgetMs - (now() - t)));
  } catch (error) {
    result.skipped = `load: ${error instanceof Error ? error.message : String(error)}`;
    return result;
  }
  result.loadMs = now() - t;
  const { runner } = loaded;
  result.heap = { base, withDocument, loaded: await heap() };
  // Keeps the document alive as the app would (its list and details need it), whatever the method holds.
  (window as unknown as { benchKeep: unknown }).benchKeep = [doc, loaded.keep];

  const stepTimeout = Math.max(loadBudgetMs, 30_000);
  // Warm-up: two changes not counted (shader variants, first buffers), away from the sweep's first window.
  const mid = windows.length >> 1;
  for (const w of [windows[mid], windows[Math.min(mid + 1, windows.length - 1)]]) {
    runner.apply(...w);
    await runner.shown(stepTimeout);
  }

  const latencies: number[] = [];
  const applyTimes: number[] = [];
  const frameCounts: number[] = [];
  let renders = 0;
  const countRender = () => renders++;
  const sweepStart = now();
  // Marks for the CLI's trace: renderer CPU per change is summed between them.
  performance.mark('bench-sweep-start');
  for (const [from, to] of windows) {
    if (now() - sweepStart > sweepBudgetMs && latencies.length >= 3) break;
    await sleep(0);
    renders = 0;
    map.on('render', countRender);
    const start = now();
    runner.apply(from, to);
    applyTimes.push(now() - start);
    latencies.push((await runner.shown(stepTimeout)) - start);
    map.off('render', countRender);
    frameCounts.push(renders);
  }
  performance.mark('bench-sweep-end');
  result.latency = { ...stats(latencies), planned: windows.length };
  result.applyMs = stats(applyTimes).median;
  result.frames = stats(frameCounts).median;

  // The floor: repaints with nothing changed, on the sweep's last window.
  const repaints: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(0);
    const start = now();
    repaints.push((await renderWhere(map, () => true, stepTimeout)) - start);
  }
  result.repaintMs = stats(repaints).median;

  // Drag: one change per animation frame, back across the data.
  renders = 0;
  map.on('render', countRender);
  let frames = 0;
  let worst = 0;
  let changes = 0;
  const dragStart = now();
  await new Promise<void>((resolve) => {
    let last = now();
    const tick = () => {
      const time = now();
      if (frames > 0) worst = Math.max(worst, time - last);
      last = time;
      frames++;
      if (changes >= windows.length || time - dragStart > dragBudgetMs) return resolve();
      runner.apply(...windows[windows.length - 1 - changes]);
      changes++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const dragMs = now() - dragStart;
  map.off('render', countRender);
  result.drag = {
    changes,
    frames,
    ms: dragMs,
    fps: ((frames - 1) * 1000) / dragMs,
    worstFrameMs: worst,
    mapRenders: renders,
  };
  // Let the last change land before the page is closed (not measured).
  await runner.settle(stepTimeout).catch(() => undefined);
  return result;
}

window.runBench = runBench;
// For a look by hand: bench/index.html?method=atlas&count=100000 runs once and logs the result.
const query = new URLSearchParams(location.search);
if (query.has('method')) {
  runBench({
    method: query.get('method') as Method,
    count: Number(query.get('count') ?? 10000),
    steps: Number(query.get('steps') ?? 20),
    baseMap: query.get('base') === 'none' ? 'none' : 'atlas',
  }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
