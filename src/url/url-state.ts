/**
 * The URL is the source of truth for the view. One schema of {key, parse, format}: a parameter that is
 * missing, unknown or malformed falls back to its default and never throws.
 */
import { NAME_STYLES, type NameStyle } from '../data/place-names';

export type ThemeSetting = 'light' | 'dark' | 'auto';

/** The camera, kept in the hash as `#map=zoom/lat/lon`. */
export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

/** Everything the URL holds. */
export interface UrlState {
  /** First day of the range, YYYY-MM-DD, inclusive; null for the data's first day. */
  from: string | null;
  /** Last day of the range, YYYY-MM-DD, inclusive; null for the data's last day. */
  to: string | null;
  /** The selected event id. */
  event: string | null;
  /** Event types shown; null for all. */
  types: string[] | null;
  /** Actor ids to filter by; null for all. */
  actors: string[] | null;
  /** Article ids to filter by; null for all. */
  articles: string[] | null;
  /** Search text. */
  q: string;
  /** @default 'dual' */
  names: NameStyle;
  /** @default 'auto' */
  theme: ThemeSetting;
  embed: boolean;
  present: boolean;
  /** Presentation step, 1-based; null when not presenting a step. */
  step: number | null;
  /** Whether the timeline is shown (embeds may hide it). @default true */
  timeline: boolean;
  camera: Camera | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  from: null,
  to: null,
  event: null,
  types: null,
  actors: null,
  articles: null,
  q: '',
  names: 'dual',
  theme: 'auto',
  embed: false,
  present: false,
  step: null,
  timeline: true,
  camera: null,
};

interface Field<K extends keyof UrlState> {
  key: K;
  /** Returns undefined for a malformed value: the default is then used. */
  parse(raw: string): UrlState[K] | undefined;
  format(value: UrlState[K]): string | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar day YYYY-MM-DD (years 1000–2999), else undefined. */
export function parseDayParam(raw: string): string | undefined {
  const m = DAY.exec(raw);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || y > 2999) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? raw : undefined;
}

const ID = /^[A-Za-z0-9_.:-]{1,120}$/;

const TYPE = /^[a-z][a-z ]{1,40}$/;

function parseList(raw: string, item = ID): string[] | undefined {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 && items.every((s) => item.test(s)) ? items : undefined;
}

const flag = (raw: string): boolean | undefined =>
  raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;

function field<K extends keyof UrlState>(f: Field<K>): Field<K> {
  return f;
}

export const SCHEMA = [
  field({ key: 'from', parse: parseDayParam, format: (v) => v }),
  field({ key: 'to', parse: parseDayParam, format: (v) => v }),
  field({ key: 'event', parse: (raw) => (ID.test(raw) ? raw : undefined), format: (v) => v }),
  field({ key: 'types', parse: (raw) => parseList(raw, TYPE), format: (v) => v?.join(',') ?? null }),
  field({ key: 'actors', parse: (raw) => parseList(raw), format: (v) => v?.join(',') ?? null }),
  field({ key: 'articles', parse: (raw) => parseList(raw), format: (v) => v?.join(',') ?? null }),
  field({ key: 'q', parse: (raw) => raw.slice(0, 200), format: (v) => v || null }),
  field({
    key: 'names',
    parse: (raw) => ((NAME_STYLES as readonly string[]).includes(raw) ? (raw as NameStyle) : undefined),
    format: (v) => (v === 'dual' ? null : v),
  }),
  field({
    key: 'theme',
    parse: (raw) => (raw === 'light' || raw === 'dark' || raw === 'auto' ? raw : undefined),
    format: (v) => (v === 'auto' ? null : v),
  }),
  field({ key: 'embed', parse: flag, format: (v) => (v ? '1' : null) }),
  field({ key: 'present', parse: flag, format: (v) => (v ? '1' : null) }),
  field({
    key: 'step',
    parse: (raw) => (/^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined),
    format: (v) => (v == null ? null : String(v)),
  }),
  field({ key: 'timeline', parse: flag, format: (v) => (v ? null : '0') }),
];

/** Parses `#map=zoom/lat/lon`; undefined when absent or out of range. */
export function parseCameraHash(hash: string): Camera | undefined {
  const m = /(?:^#|&)map=(-?[\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
  if (!m) return undefined;
  const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (![zoom, lat, lon].every(Number.isFinite)) return undefined;
  if (zoom < 0 || zoom > 22 || lat < -85.06 || lat > 85.06 || lon < -180 || lon > 180) return undefined;
  return { zoom, lat, lon };
}

export function formatCameraHash(camera: Camera | null): string {
  if (!camera) return '';
  return `#map=${camera.zoom.toFixed(2)}/${camera.lat.toFixed(4)}/${camera.lon.toFixed(4)}`;
}

/** Reads the whole state from a query string and hash. Unknown keys are ignored. */
export function parseUrlState(search: string, hash = ''): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_URL_STATE };
  for (const f of SCHEMA) {
    const raw = params.get(f.key);
    if (raw == null) continue;
    const value = f.parse(raw);
    if (value !== undefined) (state as unknown as Record<string, unknown>)[f.key] = value;
  }
  state.camera = parseCameraHash(hash) ?? null;
  return state;
}

/** Writes the state back as `?query#hash`, leaving out defaults, keeping unknown parameters of `base`. */
export function formatUrlState(state: UrlState, base = ''): string {
  const params = new URLSearchParams(base);
  for (const f of SCHEMA) {
    const text = (f.format as (v: unknown) => string | null)(state[f.key]);
    if (text == null) params.delete(f.key);
    else params.set(f.key, text);
  }
  const query = params.toString();
  return `${query ? `?${query}` : ''}${formatCameraHash(state.camera)}`;
}
