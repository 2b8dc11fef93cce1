/**
 * The timeline adapter: the only code that touches the timeline's DOM. It draws a histogram of events
 * per day, stacked by type, under a date axis, with a range of two handles the reader drags (pointer,
 * touch) or moves with the keyboard (the handles are ARIA sliders), and zooms the axis with the wheel,
 * a pinch or its All / Month / Week buttons.
 *
 * Same shape as the map adapter: `new Timeline(container, options)`, `update(props)` (diffs against the
 * previous props, cheap when nothing changed), `destroy()`. No React here.
 *
 * Hot path: dragging moves two handles and a rectangle, nothing else. Range changes reach the app at most
 * once per animation frame (`phase: 'move'`), then once more when the gesture ends (`phase: 'end'`). The
 * bars are drawn once per `bins` in day units inside a group whose transform does the zoom, so neither a
 * range change nor a zoom redraws them.
 */
import { axisBottom } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { dayToDate, formatDayLong } from '../data/dates';
import { EVENT_TYPE_STYLES } from '../data/event-style';
import type { TimeBin } from '../data/time-index';
import {
  applyRangeKey,
  centerRangeOn,
  clampRange,
  clampView,
  dragHandle,
  fullView,
  isRangeKey,
  MIN_VIEW_DAYS,
  panRange,
  panViewToShow,
  presetView,
  tickCountForWidth,
  type DayRange,
  type RangeHandle,
  type ViewWindow,
  type ZoomPreset,
} from './range';
import { createTickFormat, dayTicks, thinTicks } from './tick-format';
import './timeline.css';

/** Phase of a range change: `move` while a gesture goes on, `end` when it is over. */
export type RangePhase = 'move' | 'end';

export interface TimelineOptions {
  /**
   * Called when the reader changes the range: at most once per animation frame with `move` during a drag
   * or held key, then once with `end`. A click on the histogram or a single key press may give `end`
   * without a `move` before it. Never called for changes that came in through `update`.
   */
  onRangeChange(from: number, to: number, phase: RangePhase): void;
  /** BCP 47 tag for dates on the axis and in `aria-valuetext`. @default 'en-GB' */
  locale?: string;
  /** Zoom with the wheel only while Ctrl or ⌘ is held, so that an embedded page still scrolls. @default false */
  cooperativeWheel?: boolean;
  /** Accessible name of the whole timeline. @default 'Timeline' */
  label?: string;
}

export interface TimelineProps {
  /** First and last day (inclusive) the timeline covers, as day numbers. */
  domain: DayRange;
  /** The selected range, inclusive of both days; clamped into the domain. */
  range: DayRange;
  /**
   * Histogram bins: events per day, `counts` per type in `EVENT_TYPES` order (`binsInRange` gives them).
   * Compared by reference: pass a memoised array, a new one redraws the bars.
   */
  bins: readonly TimeBin[];
  /** One colour per type in `EVENT_TYPES` order. @default the Okabe-Ito colours of `EVENT_TYPE_STYLES` */
  colors?: readonly string[];
  /** Jump instead of animating when a zoom button is pressed. @default the `prefers-reduced-motion` media query */
  reducedMotion?: boolean;
  /** Sets `data-theme` on the timeline's root; the colours themselves come from the `--ka-*` variables. */
  theme?: 'light' | 'dark';
  /**
   * Days shown when the domain is first set (or changes), as a view window `[first, last + 1)`; the reader
   * can zoom out to "All". @default the whole domain
   */
  initialView?: DayRange;
}

const DEFAULT_COLORS = EVENT_TYPE_STYLES.map((s) => s.color);

/** Height of the axis strip under the bars, in CSS pixels (keep in step with timeline.css). */
const AXIS_HEIGHT = 22;
/** Space above the tallest bar. */
const TOP_PAD = 4;
/** Fraction of a day left empty on each side of a bar. */
const BAR_INSET = 0.06;
/** Smallest gap between two axis labels, in pixels. */
const MIN_LABEL_GAP = 56;
const ZOOM_ANIMATION_MS = 250;

const PRESETS: { preset: ZoomPreset; text: string; title: string }[] = [
  { preset: 'all', text: 'All', title: 'Show the whole period' },
  { preset: 'month', text: 'Month', title: 'Show a month around the range' },
  { preset: 'week', text: 'Week', title: 'Show a week around the range' },
];

type Drag =
  | { kind: RangeHandle; pointerId: number; start: DayRange }
  | { kind: 'pan'; pointerId: number; start: DayRange; origin: number };

const sameRange = (a: DayRange | null, b: DayRange | null) =>
  a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1]);

const sameColors = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((c, i) => c === b[i]));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: Element) {
  const node = document.createElement(tag);
  node.className = className;
  parent.appendChild(node);
  return node;
}

/** The timeline adapter; see the module comment. */
export class Timeline {
  private readonly options: TimelineOptions;
  private readonly root: HTMLDivElement;
  private readonly plot: HTMLDivElement;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly bars: Selection<SVGGElement, unknown, null, undefined>;
  private readonly axis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly selectionFill: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly selection: HTMLDivElement;
  private readonly handles: Record<RangeHandle, HTMLDivElement>;
  private readonly zoomBehavior: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly plotSel: Selection<HTMLDivElement, unknown, null, undefined>;
  private readonly tickFormat: (date: Date) => string;
  private readonly resizeObserver: ResizeObserver | null = null;
  private readonly cleanups: (() => void)[] = [];

  private props: TimelineProps | null = null;
  private domain: DayRange | null = null;
  private range: DayRange | null = null;
  private view: ViewWindow | null = null;
  private width = 0;
  private height = 0;
  private barsHeight = 0;

  /** Set while a pointer drag or a held key is changing the range: `update` then leaves the range alone. */
  private drag: Drag | null = null;
  private keyGesture: { which: RangeHandle; start: DayRange } | null = null;
  private lastEmitted: DayRange | null = null;
  private frame = 0;
  private frameNeedsView = false;
  private animation = 0;
  private aria: Record<RangeHandle, string> = { start: '', end: '' };

  constructor(container: HTMLElement, options: TimelineOptions) {
    this.options = options;
    this.tickFormat = createTickFormat(options.locale);

    this.root = el('div', 'ka-timeline', container);
    this.root.setAttribute('role', 'group');
    this.root.setAttribute('aria-label', options.label ?? 'Timeline');

    const toolbar = el('div', 'ka-timeline__toolbar', this.root);
    toolbar.setAttribute('role', 'group');
    toolbar.setAttribute('aria-label', 'Timeline zoom');
    for (const { preset, text, title } of PRESETS) {
      const button = el('button', 'ka-timeline__zoom', toolbar);
      button.type = 'button';
      button.textContent = text;
      button.title = title;
      button.dataset.preset = preset;
      this.listen(button, 'click', () => this.zoomTo(preset));
    }

    this.plot = el('div', 'ka-timeline__plot', this.root);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'ka-timeline__svg');
    // The bars repeat what the event list and counts say in words; screen readers use the sliders.
    svg.setAttribute('aria-hidden', 'true');
    this.plot.appendChild(svg);
    this.svg = select(svg);
    // The range's tint sits behind the bars so that the selected days keep their full colours.
    this.selectionFill = this.svg.append('rect').attr('class', 'ka-timeline__selection-fill').attr('y', 0);
    this.bars = this.svg.append('g').attr('class', 'ka-timeline__bars');
    this.axis = this.svg.append('g').attr('class', 'ka-timeline__axis');

    this.selection = el('div', 'ka-timeline__selection', this.plot);
    this.handles = {
      start: this.createHandle('start', 'Range start'),
      end: this.createHandle('end', 'Range end'),
    };
    this.listen(this.selection, 'pointerdown', (e) => this.onPointerDown(e, 'pan'));
    this.listen(svg, 'click', (e) => this.onPlotClick(e));

    this.plotSel = select(this.plot);
    this.zoomBehavior = zoom<HTMLDivElement, unknown>()
      .filter((event: Event) => this.acceptsZoomEvent(event))
      .clickDistance(4)
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => this.onZoom(event));
    this.plotSel.call(this.zoomBehavior).on('dblclick.zoom', null);

    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(this.plot);
    } else {
      this.listen(window, 'resize', () => this.measure());
    }
    this.measure();
  }

  /** Applies new props; only what differs from the previous call is redrawn. */
  update(props: TimelineProps): void {
    const prev = this.props;
    this.props = props;
    if (props.theme) this.root.dataset.theme = props.theme;
    else delete this.root.dataset.theme;

    const domain: DayRange =
      props.domain[0] <= props.domain[1] ? props.domain : [props.domain[1], props.domain[0]];
    const domainChanged = !sameRange(this.domain, domain);
    if (domainChanged) {
      this.domain = domain;
      this.range = this.range ? clampRange(this.range, domain) : null;
      this.view = props.initialView ? clampView(props.initialView, domain) : fullView(domain);
      this.configureZoom();
    }

    let rangeChanged = false;
    if (!prev || !sameRange(prev.range, props.range) || domainChanged) {
      // During a gesture the reader's range wins; the app's props catch up with what we emitted.
      if (!this.drag && !this.keyGesture) {
        const next = clampRange(props.range, domain);
        rangeChanged = !sameRange(this.range, next);
        this.range = next;
        this.lastEmitted = next;
      }
    }

    const colorsChanged = !prev || !sameColors(prev.colors ?? DEFAULT_COLORS, props.colors ?? DEFAULT_COLORS);
    if (domainChanged || colorsChanged || !prev || prev.bins !== props.bins) this.renderBars();

    if (rangeChanged && this.range && this.view && !domainChanged) {
      // Keep a range moved by the app (playback, a selected event) in view when zoomed in.
      const view = panViewToShow(this.view, domain, this.range[0], this.range[1] + 1);
      if (view !== this.view) this.setView(view, false);
    }
    if (domainChanged) this.setView(this.view!, false);
    else if (rangeChanged) this.renderRange();
  }

  /** Removes the timeline's DOM and listeners; the instance cannot be used afterwards. */
  destroy(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.animation);
    this.resizeObserver?.disconnect();
    this.plotSel.on('.zoom', null);
    for (const cleanup of this.cleanups) cleanup();
    this.root.remove();
  }

  // ---- DOM construction -------------------------------------------------------------------------------

  private listen<K extends keyof HTMLElementEventMap>(
    target: EventTarget,
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
  ): void {
    const listener = handler as EventListener;
    target.addEventListener(type, listener);
    this.cleanups.push(() => target.removeEventListener(type, listener));
  }

  private createHandle(which: RangeHandle, label: string): HTMLDivElement {
    const handle = el('div', `ka-timeline__handle ka-timeline__handle--${which}`, this.plot);
    handle.setAttribute('role', 'slider');
    handle.tabIndex = 0;
    handle.setAttribute('aria-label', label);
    handle.setAttribute('aria-orientation', 'horizontal');
    handle.hidden = true;
    el('span', 'ka-timeline__grip', handle);
    this.listen(handle, 'pointerdown', (e) => this.onPointerDown(e, which));
    this.listen(handle, 'keydown', (e) => this.onKeyDown(e, which));
    this.listen(handle, 'keyup', (e) => this.onKeyUp(e));
    this.listen(handle, 'blur', () => this.endKeyGesture());
    // A handle reached by Tab while the axis is zoomed elsewhere comes into view, focus ring and all.
    this.listen(handle, 'focus', () => {
      if (!this.range || !this.domain || !this.view) return;
      const b = which === 'start' ? this.range[0] : this.range[1] + 1;
      const view = panViewToShow(this.view, this.domain, b, b);
      if (view !== this.view) this.setView(view, false);
    });
    return handle;
  }

  // ---- Geometry ----------------------------------------------------------------------------------------

  /** Pixel x of a boundary in the current view. */
  private xOf(boundary: number): number {
    const [v0, v1] = this.view!;
    return ((boundary - v0) / (v1 - v0)) * this.width;
  }

  /** Boundary (fractional) under a client x coordinate. */
  private boundaryAt(clientX: number): number {
    const [v0, v1] = this.view!;
    const left = this.plot.getBoundingClientRect().left;
    return v0 + ((clientX - left) / Math.max(1, this.width)) * (v1 - v0);
  }

  private transformFor(view: ViewWindow): ZoomTransform {
    const [d0, d1] = fullView(this.domain!);
    const k = (d1 - d0) / (view[1] - view[0]);
    return zoomIdentity.translate((-(view[0] - d0) / (view[1] - view[0])) * this.width, 0).scale(k);
  }

  private viewFor(t: ZoomTransform): ViewWindow {
    const [d0, d1] = fullView(this.domain!);
    const w = Math.max(1, this.width);
    return clampView(
      [d0 + (t.invertX(0) / w) * (d1 - d0), d0 + (t.invertX(w) / w) * (d1 - d0)],
      this.domain!,
    );
  }

  private measure(): void {
    const width = this.plot.clientWidth;
    const height = this.plot.clientHeight;
    if (width === this.width && height === this.height) return;
    const heightChanged = height !== this.height;
    this.width = width;
    this.height = height;
    this.barsHeight = Math.max(0, height - AXIS_HEIGHT - TOP_PAD);
    this.svg.attr('width', width).attr('height', height);
    this.axis.attr('transform', `translate(0,${height - AXIS_HEIGHT})`);
    this.selectionFill.attr('height', Math.max(0, height - AXIS_HEIGHT));
    this.configureZoom();
    if (heightChanged) this.renderBars();
    if (this.view) this.setView(this.view, false);
  }

  private configureZoom(): void {
    const w = Math.max(1, this.width);
    const h = Math.max(1, this.height);
    const days = this.domain ? this.domain[1] - this.domain[0] + 1 : 1;
    this.zoomBehavior
      .extent([
        [0, 0],
        [w, h],
      ])
      .translateExtent([
        [0, 0],
        [w, h],
      ])
      .scaleExtent([1, Math.max(1, days / MIN_VIEW_DAYS)]);
  }

  // ---- Rendering ---------------------------------------------------------------------------------------

  /**
   * Draws one path per type, each bar a rectangle in day units (x: days from the domain start) and pixels
   * (y). The bars group's transform maps days to pixels, so zooming and resizing the width do not come here.
   */
  private renderBars(): void {
    const props = this.props;
    if (!props || !this.domain) return;
    const colors = props.colors ?? DEFAULT_COLORS;
    const d0 = this.domain[0];
    const base = TOP_PAD + this.barsHeight;
    let max = 0;
    for (const bin of props.bins) {
      let total = 0;
      for (const c of bin.counts) total += c;
      if (total > max) max = total;
    }
    const perEvent = max > 0 ? this.barsHeight / max : 0;
    const paths: string[] = colors.map(() => '');
    for (const bin of props.bins) {
      if (bin.day < this.domain[0] || bin.day > this.domain[1]) continue;
      const x = bin.day - d0 + BAR_INSET;
      let y = base;
      bin.counts.forEach((count, t) => {
        if (count <= 0 || t >= paths.length) return;
        // At least a pixel, so that a day with one event among days with hundreds is still seen.
        const h = Math.max(1, count * perEvent);
        paths[t] +=
          `M${x},${(y - h).toFixed(2)}h${1 - 2 * BAR_INSET}v${h.toFixed(2)}h${-(1 - 2 * BAR_INSET)}z`;
        y -= h;
      });
    }
    this.bars
      .selectAll<SVGPathElement, string>('path')
      .data(paths)
      .join('path')
      .attr('class', 'ka-timeline__bar')
      .attr('fill', (_, t) => colors[t])
      .attr('d', (d) => d || null);
  }

  /** Moves the bars (one transform), redraws the axis and places the range for the current view. */
  private renderView(): void {
    if (!this.view || !this.domain) return;
    const [v0, v1] = this.view;
    const pxPerDay = this.width / (v1 - v0);
    this.bars.attr(
      'transform',
      `translate(${(-(v0 - this.domain[0]) * pxPerDay).toFixed(3)},0) scale(${pxPerDay},1)`,
    );

    // Shifted half a day so that a tick at a day's midnight labels the middle of that day's bar.
    const x = scaleUtc()
      .domain([dayToDate(v0 - 0.5), dayToDate(v1 - 0.5)])
      .range([0, this.width]);
    const ticks = thinTicks(
      dayTicks(x.ticks(tickCountForWidth(this.width))).filter((t) => {
        // Labels centred on their tick; one cut by the edge is noise.
        const px = x(t);
        return px >= 16 && px <= this.width - 16;
      }),
      Math.max(2, Math.floor(this.width / MIN_LABEL_GAP)),
    );
    this.axis.call(
      axisBottom<Date>(x).tickValues(ticks).tickFormat(this.tickFormat).tickSizeOuter(0).tickSize(4),
    );
    this.renderRange();
  }

  /** Places the selection and the handles and refreshes the sliders' ARIA values. The hot path. */
  private renderRange(): void {
    const range = this.range;
    if (!range || !this.view || !this.domain) return;
    const x0 = this.xOf(range[0]);
    const x1 = this.xOf(range[1] + 1);
    // Clip to just outside the plot so a zoomed-in view does not build a rectangle kilometres wide.
    const left = Math.max(-2, Math.min(this.width + 2, x0));
    const right = Math.max(-2, Math.min(this.width + 2, x1));
    this.selection.style.transform = `translateX(${left.toFixed(2)}px)`;
    this.selection.style.width = `${(right - left).toFixed(2)}px`;
    this.selectionFill.attr('x', left.toFixed(2)).attr('width', (right - left).toFixed(2));
    this.handles.start.style.transform = `translateX(${x0.toFixed(2)}px)`;
    this.handles.end.style.transform = `translateX(${x1.toFixed(2)}px)`;
    this.handles.start.dataset.outside = String(x0 < 0 || x0 > this.width);
    this.handles.end.dataset.outside = String(x1 < 0 || x1 > this.width);
    this.setAria('start', range[0], this.domain[0], range[1]);
    this.setAria('end', range[1], range[0], this.domain[1]);
  }

  private setAria(which: RangeHandle, now: number, min: number, max: number): void {
    const key = `${now}/${min}/${max}`;
    if (this.aria[which] === key) return;
    this.aria[which] = key;
    const handle = this.handles[which];
    handle.hidden = false;
    handle.setAttribute('aria-valuemin', String(min));
    handle.setAttribute('aria-valuemax', String(max));
    handle.setAttribute('aria-valuenow', String(now));
    handle.setAttribute('aria-valuetext', formatDayLong(now, this.options.locale));
  }

  // ---- Range changes -----------------------------------------------------------------------------------

  /** Records a range the reader made and schedules one frame to draw it and tell the app. */
  private setRangeFromInput(next: DayRange): void {
    if (sameRange(this.range, next)) return;
    this.range = next;
    this.scheduleFrame(false);
  }

  private scheduleFrame(view: boolean): void {
    this.frameNeedsView ||= view;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const needsView = this.frameNeedsView;
      this.frameNeedsView = false;
      if (needsView) this.renderView();
      else this.renderRange();
      if ((this.drag || this.keyGesture) && this.range && !sameRange(this.range, this.lastEmitted)) {
        this.lastEmitted = this.range;
        this.options.onRangeChange(this.range[0], this.range[1], 'move');
      }
    });
  }

  /** Draws now and sends `end` when the gesture changed the range. */
  private finishGesture(start: DayRange): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      if (this.frameNeedsView) this.renderView();
      this.frameNeedsView = false;
    }
    this.renderRange();
    const range = this.range;
    if (range && !sameRange(range, start)) {
      this.lastEmitted = range;
      this.options.onRangeChange(range[0], range[1], 'end');
    }
  }

  // ---- Pointer ----------------------------------------------------------------------------------------

  private onPointerDown(event: PointerEvent, kind: RangeHandle | 'pan'): void {
    if (!this.range || !this.domain || !this.view) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (this.drag) return;
    event.preventDefault();
    const target = event.currentTarget as HTMLElement;
    if (kind !== 'pan') target.focus({ preventScroll: true });
    target.setPointerCapture(event.pointerId);
    this.drag =
      kind === 'pan'
        ? { kind, pointerId: event.pointerId, start: this.range, origin: this.boundaryAt(event.clientX) }
        : { kind, pointerId: event.pointerId, start: this.range };
    this.root.dataset.dragging = kind;

    const move = (e: PointerEvent) => {
      const drag = this.drag;
      if (!drag || e.pointerId !== drag.pointerId || !this.domain || !this.range) return;
      const boundary = this.boundaryAt(e.clientX);
      this.setRangeFromInput(
        drag.kind === 'pan'
          ? panRange(drag.start, this.domain, boundary - drag.origin)
          : dragHandle(this.range, this.domain, drag.kind, boundary),
      );
    };
    const end = (e: PointerEvent) => {
      const drag = this.drag;
      if (!drag || e.pointerId !== drag.pointerId) return;
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', end);
      target.removeEventListener('pointercancel', end);
      target.removeEventListener('lostpointercapture', end);
      this.drag = null;
      delete this.root.dataset.dragging;
      this.finishGesture(drag.start);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', end);
    target.addEventListener('pointercancel', end);
    target.addEventListener('lostpointercapture', end);
  }

  /** A click on the histogram outside the range moves the range there, centred, keeping its width. */
  private onPlotClick(event: MouseEvent): void {
    if (!this.range || !this.domain || !this.view || this.drag) return;
    const day = Math.floor(this.boundaryAt(event.clientX));
    if (day >= this.range[0] && day <= this.range[1]) return;
    const start = this.range;
    this.range = centerRangeOn(this.range, this.domain, day);
    this.finishGesture(start);
  }

  // ---- Keyboard ---------------------------------------------------------------------------------------

  private onKeyDown(event: KeyboardEvent, which: RangeHandle): void {
    if (!this.range || !this.domain || !this.view || !isRangeKey(event.key)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (this.drag) return;
    if (!this.keyGesture || this.keyGesture.which !== which) {
      this.endKeyGesture();
      this.keyGesture = { which, start: this.range };
    }
    const next = applyRangeKey(this.range, this.domain, event.key, which);
    if (next === this.range) return;
    this.range = next;
    // The handle being moved stays on screen when the axis is zoomed in.
    const b = which === 'start' ? next[0] : next[1] + 1;
    const view = panViewToShow(this.view, this.domain, b, b);
    if (view !== this.view) this.setView(view, false);
    this.scheduleFrame(false);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (isRangeKey(event.key)) this.endKeyGesture();
  }

  private endKeyGesture(): void {
    const gesture = this.keyGesture;
    if (!gesture) return;
    this.keyGesture = null;
    this.finishGesture(gesture.start);
  }

  // ---- Zoom -------------------------------------------------------------------------------------------

  private acceptsZoomEvent(event: Event): boolean {
    if (!this.domain) return false;
    if (event.type === 'wheel') {
      const wheel = event as WheelEvent;
      return !this.options.cooperativeWheel || wheel.ctrlKey || wheel.metaKey;
    }
    if (event.type === 'touchstart' && (event as TouchEvent).touches.length >= 2) {
      // A second finger makes it a pinch, even if the first one grabbed the range.
      this.cancelDrag();
      return true;
    }
    const target = event.target as Element | null;
    if (target?.closest('.ka-timeline__handle, .ka-timeline__selection')) return false;
    const mouse = event as MouseEvent;
    return !mouse.ctrlKey && !mouse.button;
  }

  /** Abandons a pointer drag and puts the range back where it started, without telling the app. */
  private cancelDrag(): void {
    const drag = this.drag;
    if (!drag) return;
    this.drag = null;
    delete this.root.dataset.dragging;
    this.range = drag.start;
    const target = drag.kind === 'pan' ? this.selection : this.handles[drag.kind];
    if (target.hasPointerCapture(drag.pointerId)) target.releasePointerCapture(drag.pointerId);
    this.renderRange();
  }

  private onZoom(event: D3ZoomEvent<HTMLDivElement, unknown>): void {
    if (!this.domain) return;
    // The reader took over: stop a button's animation.
    if (event.sourceEvent) cancelAnimationFrame(this.animation);
    // Before layout the width is 0 and the transform says nothing about the view: keep the intended one.
    if (this.width > 0) this.view = this.viewFor(event.transform);
    if (event.sourceEvent) this.scheduleFrame(true);
    else this.renderView();
  }

  /** Sets the view through d3-zoom so that its state (wheel, pinch) starts from what is shown. */
  private setView(view: ViewWindow, animate: boolean): void {
    if (!this.domain) return;
    const target = clampView(view, this.domain);
    cancelAnimationFrame(this.animation);
    if (!animate || this.reducedMotion() || !this.view) {
      this.view = target;
      this.zoomBehavior.transform(this.plotSel, this.transformFor(target));
      return;
    }
    const from = this.view;
    const t0 = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - t0) / ZOOM_ANIMATION_MS);
      const e = 1 - (1 - p) ** 3;
      const v: ViewWindow = [from[0] + (target[0] - from[0]) * e, from[1] + (target[1] - from[1]) * e];
      this.zoomBehavior.transform(this.plotSel, this.transformFor(v));
      if (p < 1) this.animation = requestAnimationFrame(step);
    };
    this.animation = requestAnimationFrame(step);
  }

  private reducedMotion(): boolean {
    const fromProps = this.props?.reducedMotion;
    if (fromProps !== undefined) return fromProps;
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  private zoomTo(preset: ZoomPreset): void {
    if (!this.domain || !this.range) return;
    this.setView(presetView(preset, this.range, this.domain), true);
  }
}
