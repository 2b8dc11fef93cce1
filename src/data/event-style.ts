import { EVENT_TYPES, type EventType } from './model';

/** How a mark is drawn: each type has a colour (Okabe-Ito) and a shape, so colour is never alone. */
export type MarkShape =
  | 'triangle'
  | 'square'
  | 'cross'
  | 'ring'
  | 'diamond'
  | 'circle'
  | 'triangle-down'
  | 'plus'
  | 'square-outline'
  | 'dot';

/** Shape codes as the WebGL layer's fragment shader knows them. */
export const SHAPE_CODES: Record<MarkShape, number> = {
  triangle: 0,
  square: 1,
  cross: 2,
  ring: 3,
  diamond: 4,
  circle: 5,
  'triangle-down': 6,
  plus: 7,
  'square-outline': 8,
  dot: 9,
};

export interface EventTypeStyle {
  type: EventType;
  label: string;
  color: string;
  shape: MarkShape;
}

/**
 * The legend, in EVENT_TYPES order. Colours from Okabe & Ito's palette (distinguishable with the common
 * colour-vision deficiencies); black marks get a light outline in the dark theme.
 */
export const EVENT_TYPE_STYLES: readonly EventTypeStyle[] = [
  { type: 'attack', label: 'Attack', color: '#D55E00', shape: 'triangle' },
  { type: 'territorial change', label: 'Territorial change', color: '#CC79A7', shape: 'square' },
  { type: 'casualties', label: 'Casualties', color: '#000000', shape: 'cross' },
  { type: 'ceasefire', label: 'Ceasefire', color: '#009E73', shape: 'ring' },
  { type: 'diplomacy', label: 'Diplomacy', color: '#0072B2', shape: 'diamond' },
  { type: 'statement', label: 'Statement', color: '#56B4E9', shape: 'circle' },
  { type: 'deployment', label: 'Deployment', color: '#E69F00', shape: 'triangle-down' },
  { type: 'protest', label: 'Protest', color: '#F0E442', shape: 'plus' },
  { type: 'humanitarian', label: 'Humanitarian', color: '#009E73', shape: 'square-outline' },
  { type: 'other', label: 'Other', color: '#999999', shape: 'dot' },
];

if (EVENT_TYPE_STYLES.some((s, i) => s.type !== EVENT_TYPES[i])) {
  throw new Error('EVENT_TYPE_STYLES must follow EVENT_TYPES order');
}

/** Mark colours in EVENT_TYPES order for a theme: black marks turn near-white on dark maps. */
export function eventTypeColors(theme: 'light' | 'dark'): string[] {
  return EVENT_TYPE_STYLES.map((s) => (theme === 'dark' && s.color === '#000000' ? '#ECECEC' : s.color));
}

/** Index of a type in EVENT_TYPES (the code the columns and the GPU use); `other` when unknown. */
export function eventTypeIndex(type: string): number {
  const i = (EVENT_TYPES as readonly string[]).indexOf(type);
  return i >= 0 ? i : EVENT_TYPES.length - 1;
}

/** `#rrggbb` to [r, g, b] in 0..1. */
export function parseHexColor(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}
