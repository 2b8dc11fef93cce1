/**
 * The bare page of the cold-load comparison: MapLibre alone drawing what the app's first map draws (the base
 * style, the place labels, control shading, the default data's events as a GeoJSON circle layer), with no
 * UI. The ratio of the app's time to first rendered map to this page's is the app's own cost.
 * Marks `#map` with `data-loaded="true"` when the data is on the map, like the app's map element.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../src/ui/fonts.css';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, Point } from 'geojson';
import { gazetteer } from '../geo/gazetteer';
import { createBaseStyle, SOURCE } from '../src/map/base-style';
import { selectPlaceLabels } from '../src/data/place-labels';
import { eventPosition } from '../src/data/event-columns';
import { EVENT_TYPE_STYLES, eventTypeIndex } from '../src/data/event-style';
import type { AtlasDocument, Place } from '../src/data/model';

maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);

/** The app's first view (HOME_BOUNDS in src/map/atlas-map.ts). */
const HOME: LngLatBoundsLike = [
  [43.4, 38.35],
  [50.9, 41.95],
];

async function main(): Promise<void> {
  const base = new URL('.', document.baseURI).href;
  const container = document.getElementById('map')!;
  const fonts = Promise.allSettled(Array.from(document.fonts, (face) => face.load()));
  const doc = fetch(`${base}data/atlas.json`).then((r) => r.json() as Promise<AtlasDocument>);
  const map = new maplibregl.Map({
    container,
    style: createBaseStyle({
      theme: 'light',
      geoUrl: `${base}geo/`,
      controlUrl: `${base}data/control.geojson`,
    }),
    bounds: HOME,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    renderWorldCopies: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  (globalThis as { karabakhAtlas?: { map: maplibregl.Map } }).karabakhAtlas = { map };
  await new Promise((resolve) => map.once('load', resolve));
  const [data] = await Promise.all([doc, fonts]);
  const places = new Map<string, Place>(gazetteer.map((p) => [p.id, p]));
  for (const p of data.places) places.set(p.id, p);
  const features: Feature<Point>[] = [];
  let last = '';
  for (const e of data.events) {
    const position = eventPosition(e, places);
    if (!position || !e.date) continue;
    if (e.date > last) last = e.date;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: { t: eventTypeIndex(e.type) },
    });
  }
  (map.getSource(SOURCE.places) as GeoJSONSource).setData(selectPlaceLabels(gazetteer, 'dual'));
  const controlFilter: maplibregl.ExpressionSpecification = [
    'all',
    ['<=', ['get', 'from'], last],
    ['>', ['coalesce', ['get', 'to'], '9999-12-31'], last],
  ];
  map.setFilter('control-fill', controlFilter);
  map.addSource('events', { type: 'geojson', data: { type: 'FeatureCollection', features } });
  const colors: (string | number)[] = [];
  EVENT_TYPE_STYLES.forEach((s, i) => colors.push(i, s.color));
  map.addLayer(
    {
      id: 'events',
      type: 'circle',
      source: 'events',
      paint: {
        'circle-radius': 5,
        'circle-color': [
          'match',
          ['get', 't'],
          ...colors,
          '#999999',
        ] as unknown as maplibregl.ExpressionSpecification,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    'country-labels',
  );
  container.dataset.loaded = 'true';
}

main().catch((error: unknown) => {
  document.body.dataset.error = error instanceof Error ? error.message : String(error);
  console.error(error);
});
