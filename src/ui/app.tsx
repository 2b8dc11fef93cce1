import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, LineString, Point } from 'geojson';
import { gazetteer } from '../../geo/gazetteer';
import type { AtlasStore } from '../data/atlas-store';
import { selectActorOptions } from '../data/actor-options';
import { selectActorOverlay } from '../data/actor-overlay';
import { eventPosition } from '../data/event-columns';
import { EVENT_TYPE_STYLES } from '../data/event-style';
import { formatEventDate } from '../data/format-event-date';
import { EVENT_TYPES, type AtlasEvent, type EventType } from '../data/model';
import { selectPlaceLabels } from '../data/place-labels';
import { NAME_STYLES, type NameStyle } from '../data/place-names';
import {
  countByTypeInRange,
  countInRange,
  rangeIndices,
  selectEventsInRange,
  typeMask,
} from '../data/time-index';
import { formatDay, parseDay } from '../data/dates';
import type { ThemeSetting } from '../url/url-state';
import type { EdgeTarget } from '../map/edge-markers';
import type { CameraRequest } from '../map/atlas-map';
import { ArticleView } from './article-view';
import { EventDetail } from './event-detail';
import { EventList } from './event-list';
import { Legend } from './legend';
import { SearchBox } from './search-box';
import { TimelinePanel } from './timeline-panel';
import { ControlLegend } from './control-legend';
import { useAtlasStore } from './use-atlas-store';
import { LoadStatus } from './load-status';
import { ImportPanel } from './import-panel';
import { useUserData } from './use-user-data';
import { useAtlasMap } from './use-atlas-map';
import { useFontsReady } from './use-fonts-ready';
import { useReducedMotion } from './use-reduced-motion';
import { useTheme } from './use-theme';
import { useUrlState } from './use-url-state';
import { ShareButton } from './share-dialog';
import { ExportMenu } from './export-menu';
import { EmbedBar } from './embed-bar';
import { Presentation } from './presentation';
import { useEmbedHeight } from './use-embed-height';
import { TiledEvents } from './tiled-events';

/** Shown in every view: page, embed and exported image (DESIGN.md). */
export const DISCLAIMER = 'Boundaries and names shown do not imply endorsement or acceptance.';
export const CREDITS = 'Made with Natural Earth · Places: GeoNames (CC BY 4.0)';

const NAME_STYLE_LABELS: Record<NameStyle, string> = {
  dual: 'Both names',
  hy: 'Armenian',
  az: 'Azerbaijani',
  en: 'English',
};

/** The range a first-time reader sees: the 2020 war, when the data covers it. */
const DEFAULT_FROM = '2020-09-27';
const DEFAULT_TO = '2020-12-01';

const EMPTY_POINTS: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
const EMPTY_LINES: FeatureCollection<LineString> = { type: 'FeatureCollection', features: [] };
const ALL_TYPES = new Set<EventType>(EVENT_TYPES);

function absoluteUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

/** The committed range in days: the URL's, else the default war range clamped to the data, else all data. */
function resolveRange(
  store: AtlasStore | null,
  from: string | null,
  to: string | null,
): [number, number] | null {
  if (!store || store.index.firstDay == null || store.index.lastDay == null) return null;
  const { firstDay, lastDay } = store.index;
  let a = from ? parseDay(from) : null;
  let b = to ? parseDay(to) : null;
  if (a == null && b == null) {
    const da = parseDay(DEFAULT_FROM)!;
    const db = parseDay(DEFAULT_TO)!;
    const covers = da <= lastDay && db >= firstDay;
    a = covers ? Math.max(da, firstDay) : firstDay;
    b = covers ? Math.min(db, lastDay) : lastDay;
  }
  a ??= firstDay;
  b ??= lastDay;
  return a <= b ? [a, b] : [b, a];
}

export function App() {
  const [url, setUrl] = useUrlState();
  const theme = useTheme(url.theme);
  const reducedMotion = useReducedMotion();
  useEmbedHeight(url.embed);
  const fontsReady = useFontsReady();
  const userData = useUserData();
  // The user's visible imports join the loaded data (in a worker); the store waits for both, so it is built
  // once. An embed shows what its author chose, never the visitor's own imports.
  const userDoc = url.embed ? null : userData.doc;
  const atlas = useAtlasStore(gazetteer, userDoc, userData.status === 'ready');
  const { store } = atlas;
  const [article, setArticle] = useState<{ id: string; start: number; end: number } | null>(null);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const [camera, setCamera] = useState<CameraRequest | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const countRef = useRef<HTMLSpanElement>(null);
  const rangeTextRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const range = resolveRange(store, url.from, url.to);
  const types = useMemo(() => (url.types ? new Set(url.types as EventType[]) : ALL_TYPES), [url.types]);
  const actorFilter = useMemo(() => (url.actors ? new Set(url.actors) : null), [url.actors]);
  const articleFilter = useMemo(() => (url.articles ? new Set(url.articles) : null), [url.articles]);
  const from = range?.[0] ?? 0;
  const to = range?.[1] ?? -1;

  const events = useMemo(
    () =>
      store
        ? selectEventsInRange(store.index, from, to, { types, actors: actorFilter, articles: articleFilter })
        : [],
    [store, from, to, types, actorFilter, articleFilter],
  );
  const typeCounts = useMemo(
    () => (store ? countByTypeInRange(store.index, from, to) : []),
    [store, from, to],
  );
  const selected =
    (url.event && store ? store.sorted[store.positionById.get(url.event) ?? -1] : null) ?? null;

  // Filters other than time and type hide events through one flag per event, uploaded when they change.
  const hidden = useMemo(() => {
    if (!store || (!actorFilter && !articleFilter)) return null;
    const flags = new Uint8Array(store.sorted.length);
    store.sorted.forEach((e, i) => {
      const actorOk =
        !actorFilter ||
        e.actorIds.some((a) => actorFilter.has(a)) ||
        e.targetActorIds.some((a) => actorFilter.has(a));
      const articleOk =
        !articleFilter || e.sources.some((s) => s.articleId != null && articleFilter.has(s.articleId));
      flags[i] = actorOk && articleOk ? 0 : 1;
    });
    return flags;
  }, [store, actorFilter, articleFilter]);

  const eventsState = useMemo(() => {
    const { lo, hi } = store ? rangeIndices(store.index, from, to) : { lo: 0, hi: 0 };
    return {
      lo,
      hi,
      from,
      to,
      typeMask: typeMask(types),
      hidden,
      selected: selected ? (store?.positionById.get(selected.id) ?? -1) : -1,
    };
  }, [store, from, to, types, hidden, selected]);

  const places = useMemo(
    () => (fontsReady ? selectPlaceLabels(gazetteer, url.names) : EMPTY_POINTS),
    [fontsReady, url.names],
  );
  const overlay = useMemo(
    () =>
      store
        ? selectActorOverlay(events, selected, store.actors, store.places)
        : { actors: EMPTY_POINTS, arcs: EMPTY_LINES },
    [store, events, selected],
  );
  const edgeTargets = useMemo<EdgeTarget[]>(() => {
    if (!store || !selected) return [];
    return [...new Set([...selected.actorIds, ...selected.targetActorIds])].flatMap((id) => {
      const actor = store.actors.get(id);
      const seat = actor && store.places.get(actor.seat);
      return actor && seat
        ? [{ id, label: `${actor.name} (${seat.name})`, lon: seat.lon, lat: seat.lat }]
        : [];
    });
  }, [store, selected]);
  const edgeOrigin = useMemo(
    () => (store && selected ? eventPosition(selected, store.places) : null),
    [store, selected],
  );

  const selectEvent = useCallback(
    (event: AtlasEvent | null, move = true) => {
      setUrl({ event: event?.id ?? null }, { push: true });
      if (!event || !move || !store) return;
      const position = eventPosition(event, store.places);
      if (position) {
        setCamera((previous) => ({
          center: {
            lon: position[0],
            lat: position[1],
            zoom: Math.max(7, Math.min(9, previous?.center?.zoom ?? 7.5)),
          },
          animate: !reducedMotion,
          serial: (previous?.serial ?? 0) + 1,
        }));
      }
    },
    [setUrl, store, reducedMotion],
  );

  // Map callbacks are bound once, when the map is created; they read the latest store through refs.
  const storeRef = useRef(store);
  const pickRef = useRef<(index: number) => void>(() => {});
  useEffect(() => {
    storeRef.current = store;
    pickRef.current = (index: number) => {
      const event = store?.sorted[index];
      if (event) selectEvent(event, false);
    };
  });

  const onCameraChange = useCallback(
    (c: { zoom: number; lat: number; lon: number }) => setUrl({ camera: c }),
    [setUrl],
  );
  const { containerRef, mapRef, loaded } = useAtlasMap(
    {
      theme,
      geoUrl: absoluteUrl('geo/'),
      controlUrl: absoluteUrl('data/control.geojson'),
      camera: url.camera,
      cooperativeGestures: url.embed,
      onCameraChange,
      onHoverEvent: (index, x, y) => setHover(index >= 0 ? { index, x, y } : null),
      onClickEvent: (index) => pickRef.current(index),
      attribution: CREDITS,
    },
    {
      theme,
      places,
      events: store?.columns ?? null,
      eventsState,
      actors: overlay.actors,
      arcs: overlay.arcs,
      controlDate: range ? formatDay(range[1]) : null,
      edgeTargets,
      edgeOrigin,
      camera,
    },
  );

  // The slider's hot path: the map and the count follow the handle without a React render; the range is
  // committed (list, URL, history) when the drag or key press ends.
  const onRangeChange = useCallback(
    (a: number, b: number, phase: 'move' | 'end') => {
      const s = storeRef.current;
      if (!s) return;
      if (phase === 'move') {
        const { lo, hi } = rangeIndices(s.index, a, b);
        mapRef.current?.setEventsRange(lo, hi, a, b);
        if (countRef.current) countRef.current.textContent = String(countInRange(s.index, a, b));
        if (rangeTextRef.current) rangeTextRef.current.textContent = `${formatDay(a)} – ${formatDay(b)}`;
        return;
      }
      setUrl({ from: formatDay(a), to: formatDay(b) }, { push: true });
    },
    [setUrl, mapRef],
  );

  const toggleType = (type: EventType) => {
    const next = new Set(types);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    setUrl({ types: next.size === EVENT_TYPES.length ? null : [...next] }, { push: true });
  };

  const actorOptions = useMemo(() => (store ? selectActorOptions(store.sorted, store.actors) : []), [store]);

  const hovered = hover && store ? store.sorted[hover.index] : null;
  const total = store?.index.size ?? 0;
  const inRange = store && range ? countInRange(store.index, range[0], range[1]) : 0;
  const openArticle = article && store ? store.articles.get(article.id) : undefined;
  const selectedPlace = selected?.placeId ? store?.places.get(selected.placeId) : undefined;

  return (
    <div className="app" data-embed={url.embed || undefined} data-present={url.present || undefined}>
      <header className="app-header">
        <h1 className="app-title">Karabakh Atlas</h1>
        {store && (
          <SearchBox
            initial={url.q}
            data={{ places: store.places, actors: store.actors, events: store.sorted }}
            onQuery={(q) => setUrl({ q })}
            onChoose={(result) => {
              if (result.kind === 'event')
                selectEvent(store.sorted[store.positionById.get(result.id) ?? -1] ?? null);
              else if (result.kind === 'actor') setUrl({ actors: [result.id] }, { push: true });
              else {
                const place = store.places.get(result.id);
                if (place) {
                  setCamera((p) => ({
                    center: { lon: place.lon, lat: place.lat, zoom: place.kind === 'country' ? 5 : 9 },
                    animate: !reducedMotion,
                    serial: (p?.serial ?? 0) + 1,
                  }));
                }
              }
            }}
          />
        )}
        <div className="app-controls">
          {!url.embed && <ImportPanel userData={userData} baseArticles={atlas.baseArticles} />}
          <ShareButton range={range} theme={url.theme} names={url.names} />
          {store && range && (
            <ExportMenu
              {...{ events, types, range, names: url.names, attribution: CREDITS, disclaimer: DISCLAIMER }}
              places={store.places}
              claims={store.doc.claims}
              getMapCanvas={() => mapRef.current?.canvas() ?? null}
            />
          )}
          <button type="button" onClick={() => setUrl({ present: true, step: null })}>
            Present
          </button>
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
        <section className="map-area" aria-label="Map and timeline">
          <div className="map-wrap">
            <div
              className="map"
              ref={containerRef}
              role="region"
              aria-label="Map of Armenia, Azerbaijan and Nagorno-Karabakh"
              data-loaded={loaded && fontsReady && store ? 'true' : undefined}
            />
            {range && <ControlLegend asOf={formatDay(range[1])} />}
            <TiledEvents mapRef={mapRef} loaded={loaded} />
            {url.present && store && range && (
              <Presentation
                {...{ store, range, step: url.step, names: url.names }}
                filters={{ types, actors: actorFilter, articles: articleFilter }}
                onStep={({ step, from, to, eventId }) => setUrl({ step, from, to, event: eventId })}
                onCamera={(center) =>
                  setCamera((p) => ({ center, animate: !reducedMotion, serial: (p?.serial ?? 0) + 1 }))
                }
                onExit={() => setUrl({ present: false, step: null })}
              />
            )}
            {hovered && hover && (
              <div className="map-tooltip" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
                <div className="map-tooltip-meta">
                  {EVENT_TYPE_STYLES.find((s) => s.type === hovered.type)?.label} · {formatEventDate(hovered)}
                </div>
                <div>{hovered.summary}</div>
              </div>
            )}
            {atlas.error && (
              <p className="data-error" role="alert">
                The events could not be loaded: {atlas.error}. The map still works.
              </p>
            )}
            <LoadStatus progress={atlas.progress} notices={atlas.notices} hasStore={store != null} />
          </div>
          {store && range && store.index.firstDay != null && url.timeline && (
            <TimelinePanel
              index={store.index}
              cooperativeWheel={url.embed}
              range={range}
              theme={theme}
              reducedMotion={reducedMotion}
              onRangeChange={onRangeChange}
              onPlayStep={(a, b) => setUrl({ from: formatDay(a), to: formatDay(b) })}
            >
              <p className="range-summary" aria-live="polite">
                <span ref={rangeTextRef}>{`${formatDay(range[0])} – ${formatDay(range[1])}`}</span>
                {' · '}
                <span ref={countRef}>{inRange}</span> of {total} events
              </p>
            </TimelinePanel>
          )}
        </section>
        <aside className="side-panel" data-open={sheetOpen || undefined} aria-label="Events">
          <button
            type="button"
            className="sheet-toggle"
            aria-expanded={sheetOpen}
            onClick={() => setSheetOpen((o) => !o)}
          >
            {sheetOpen ? 'Hide events' : `Events (${events.length})`}
          </button>
          <div className="side-panel-body">
            <Legend shown={types} counts={typeCounts} onToggle={toggleType} />
            <div className="filters">
              <label>
                <span className="control-label">Actor</span>
                <select
                  value={url.actors?.[0] ?? ''}
                  onChange={(e) =>
                    setUrl({ actors: e.target.value ? [e.target.value] : null }, { push: true })
                  }
                >
                  <option value="">All actors</option>
                  {actorOptions.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.label} ({a.n})
                    </option>
                  ))}
                </select>
              </label>
              {store && store.doc.articles.length > 0 && (
                <label>
                  <span className="control-label">Article</span>
                  <select
                    value={url.articles?.[0] ?? ''}
                    onChange={(e) =>
                      setUrl({ articles: e.target.value ? [e.target.value] : null }, { push: true })
                    }
                  >
                    <option value="">All sources</option>
                    {store.doc.articles.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.headline.slice(0, 70)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            {selected && store && (
              <EventDetail
                event={selected}
                place={selectedPlace}
                actors={store.actors}
                articles={store.articles}
                mentionsByArticle={store.mentionsByArticle}
                claims={store.claimsByEvent.get(selected.id) ?? []}
                onOpenArticle={(id, start, end) => setArticle({ id, start, end })}
                onClose={() => selectEvent(null)}
              />
            )}
            {store ? (
              <EventList
                events={events}
                selectedId={selected?.id ?? null}
                places={store.places}
                names={url.names}
                onSelect={(e) => selectEvent(e)}
              />
            ) : (
              <p className="event-list-empty">{atlas.progress ? 'Loading events…' : 'No events loaded.'}</p>
            )}
          </div>
        </aside>
      </main>
      {url.embed && store && range && (
        <EmbedBar
          {...{ selected, shown: types, counts: typeCounts, onToggle: toggleType }}
          summary={
            url.timeline
              ? null
              : `${formatDay(range[0])} – ${formatDay(range[1])} · ${inRange} of ${total} events`
          }
        />
      )}
      <footer className="app-footer">
        <p className="disclaimer">{DISCLAIMER}</p>
      </footer>
      {openArticle && article && store && (
        <ArticleView
          article={openArticle}
          mentions={store.mentionsByArticle.get(openArticle.id) ?? []}
          start={article.start}
          end={article.end}
          onClose={() => setArticle(null)}
        />
      )}
    </div>
  );
}
