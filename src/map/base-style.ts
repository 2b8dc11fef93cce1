/**
 * The offline base style, built in code: no tile, glyph or sprite server. Labels are drawn by MapLibre's
 * local glyph rendering (TinySDF over the page's own fonts) because the style has no `glyphs` URL.
 */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';

export type Theme = 'light' | 'dark';

/** Colours of the base map per theme. Text contrast ≥ 4.5:1 against the land colour behind it. */
export const PALETTES = {
  light: {
    water: '#c9dbe6',
    land: '#ecebe6',
    focusLand: '#fbfaf5',
    border: '#8a8a8a',
    focusBorder: '#4d4d4d',
    district: '#b3b0a6',
    nk1994: '#a0643c',
    nk2020: '#7a3f8f',
    nkao: '#333333',
    text: '#1f1f1f',
    textHalo: '#ffffff',
    mutedText: '#555555',
    river: '#8fb5cc',
    arc: '#5a2d82',
  },
  dark: {
    water: '#0f1d26',
    land: '#22262a',
    focusLand: '#30353a',
    border: '#70767c',
    focusBorder: '#b0b6bc',
    district: '#4a5056',
    nk1994: '#e0a070',
    nk2020: '#c9a0e0',
    nkao: '#e6e6e6',
    text: '#f0f0f0',
    textHalo: '#111417',
    mutedText: '#b8bec4',
    river: '#2f5870',
    arc: '#d9b8f2',
  },
} as const;

/** The font stack of every label: self-hosted Noto Sans (Latin, Cyrillic) and Noto Sans Armenian. */
export const LABEL_FONT = ['Noto Sans', 'Noto Sans Armenian'];
export const LABEL_FONT_BOLD = ['Noto Sans Bold', 'Noto Sans Armenian Bold'];

/** Ids of the sources the base style declares; the map adapter fills `places` and `control`. */
export const SOURCE = {
  countriesWorld: 'countries-world',
  countriesRegion: 'countries-region',
  bordersWorld: 'borders-world',
  bordersRegion: 'borders-region',
  admin1: 'admin1',
  nk: 'nk-areas',
  ceasefire: 'ceasefire-lines',
  water: 'water',
  places: 'places',
  control: 'control',
  actors: 'actors',
  arcs: 'arcs',
} as const;

/** Control shading: one colour per controller, never the flags' colours; labelled in the legend. */
export const CONTROL_STYLES = {
  AM: { label: 'Armenian / NKR forces', color: '#E69F00' },
  AZ: { label: 'Azerbaijan', color: '#56B4E9' },
  'RU-PK': { label: 'Russian peacekeepers', color: '#999999' },
} as const;

export interface BaseStyleOptions {
  theme: Theme;
  /** URL of the control periods (`data/control.geojson`); none draws no shading. */
  controlUrl?: string;
  /** Absolute URL of the folder holding the geo build's layers (`…/geo/`). */
  geoUrl: string;
}

const focus: ExpressionSpecification = ['==', ['get', 'focus'], true];

/** Builds the base style. Pure: the same options give the same style. */
export function createBaseStyle({ theme, geoUrl, controlUrl }: BaseStyleOptions): StyleSpecification {
  const c = PALETTES[theme];
  const geo = (name: string) => ({
    type: 'geojson' as const,
    data: `${geoUrl}${name}.json`,
    attribution: '',
  });
  return {
    version: 8,
    name: `Karabakh Atlas ${theme}`,
    sources: {
      [SOURCE.countriesWorld]: geo('countries-world'),
      [SOURCE.countriesRegion]: geo('countries-region'),
      [SOURCE.bordersWorld]: geo('borders-world'),
      [SOURCE.bordersRegion]: geo('borders-region'),
      [SOURCE.admin1]: geo('admin1'),
      [SOURCE.nk]: geo('nk-areas'),
      [SOURCE.ceasefire]: geo('ceasefire-lines'),
      [SOURCE.water]: geo('water'),
      [SOURCE.places]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [SOURCE.control]: { type: 'geojson', data: controlUrl ?? { type: 'FeatureCollection', features: [] } },
      [SOURCE.actors]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [SOURCE.arcs]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': c.water } },
      {
        id: 'land-world',
        type: 'fill',
        source: SOURCE.countriesWorld,
        paint: { 'fill-color': ['case', focus, c.focusLand, c.land] },
      },
      {
        id: 'land-region',
        type: 'fill',
        source: SOURCE.countriesRegion,
        paint: { 'fill-color': ['case', focus, c.focusLand, c.land] },
      },
      {
        id: 'lakes',
        type: 'fill',
        source: SOURCE.water,
        filter: ['==', ['get', 'kind'], 'lake'],
        paint: { 'fill-color': c.water },
      },
      {
        id: 'rivers',
        type: 'line',
        source: SOURCE.water,
        filter: ['==', ['get', 'kind'], 'river'],
        paint: { 'line-color': c.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 2] },
      },
      {
        id: 'districts',
        type: 'line',
        source: SOURCE.admin1,
        minzoom: 5,
        paint: { 'line-color': c.district, 'line-width': 0.6, 'line-dasharray': [3, 2] },
      },
      {
        id: 'control-fill',
        type: 'fill',
        source: SOURCE.control,
        filter: ['==', ['get', 'from'], '__none__'],
        paint: {
          'fill-color': [
            'match',
            ['get', 'controller'],
            'AM',
            CONTROL_STYLES.AM.color,
            'AZ',
            CONTROL_STYLES.AZ.color,
            CONTROL_STYLES['RU-PK'].color,
          ],
          'fill-opacity': 0.28,
        },
      },
      {
        id: 'control-peacekeepers',
        type: 'line',
        source: SOURCE.control,
        filter: ['==', ['get', 'from'], '__none__'],
        paint: { 'line-color': CONTROL_STYLES['RU-PK'].color, 'line-width': 2, 'line-dasharray': [0.5, 1.5] },
      },
      {
        id: 'nk-1994-fill',
        type: 'fill',
        source: SOURCE.nk,
        filter: ['==', ['get', 'id'], 'nk-1994'],
        paint: { 'fill-color': c.nk1994, 'fill-opacity': 0.08 },
      },
      {
        id: 'nk-areas-line',
        type: 'line',
        source: SOURCE.nk,
        paint: {
          'line-color': ['match', ['get', 'id'], 'nkao', c.nkao, 'nk-1994', c.nk1994, c.nk2020],
          'line-width': ['match', ['get', 'id'], 'nkao', 1.6, 1.1],
          'line-dasharray': ['match', ['get', 'id'], 'nkao', ['literal', [1, 0]], ['literal', [2, 1.5]]],
        },
      },
      {
        id: 'borders-world',
        type: 'line',
        source: SOURCE.bordersWorld,
        paint: { 'line-color': c.border, 'line-width': 0.7 },
      },
      {
        id: 'borders-region',
        type: 'line',
        source: SOURCE.bordersRegion,
        paint: {
          'line-color': c.focusBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 9, 1.8],
        },
      },
      {
        id: 'ceasefire-lines',
        type: 'line',
        source: SOURCE.ceasefire,
        minzoom: 6,
        paint: {
          'line-color': ['match', ['get', 'year'], 1994, c.nk1994, c.nk2020],
          'line-width': 1,
          'line-dasharray': [1, 1.5],
        },
      },
      // Actors and arcs sit under the place labels, which win label placement over actor names.
      {
        id: 'arcs',
        type: 'line',
        source: SOURCE.arcs,
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': c.arc,
          'line-width': ['case', ['==', ['get', 'selected'], true], 3, 1.4],
          'line-opacity': ['case', ['==', ['get', 'selected'], true], 0.95, 0.45],
        },
      },
      {
        id: 'actors',
        type: 'circle',
        source: SOURCE.actors,
        paint: {
          'circle-radius': 5,
          'circle-color': c.focusLand,
          'circle-stroke-color': c.arc,
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'actor-labels',
        type: 'symbol',
        source: SOURCE.actors,
        layout: {
          'text-field': ['get', 'label'],
          'text-font': ['literal', LABEL_FONT],
          'text-size': 11,
          'text-anchor': 'top',
          'text-offset': [0, 0.7],
          'text-max-width': 12,
          'text-optional': true,
        },
        paint: { 'text-color': c.arc, 'text-halo-color': c.textHalo, 'text-halo-width': 1.4 },
      },
      {
        id: 'place-dots',
        type: 'circle',
        source: SOURCE.places,
        filter: ['!=', ['get', 'kind'], 'country'],
        minzoom: 4,
        paint: {
          'circle-radius': ['match', ['get', 'rank'], 0, 3.5, 1, 3, 2.2],
          'circle-color': c.text,
          'circle-stroke-color': c.textHalo,
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: SOURCE.places,
        filter: ['!=', ['get', 'kind'], 'country'],
        layout: {
          'text-field': ['get', 'label'],
          'text-font': ['match', ['get', 'rank'], 0, ['literal', LABEL_FONT_BOLD], ['literal', LABEL_FONT]],
          'text-size': ['match', ['get', 'rank'], 0, 14, 1, 13, 12],
          'text-anchor': 'left',
          'text-offset': [0.6, 0],
          'text-optional': false,
          'symbol-sort-key': ['get', 'rank'],
          'text-max-width': 14,
        },
        paint: { 'text-color': c.text, 'text-halo-color': c.textHalo, 'text-halo-width': 1.6 },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: SOURCE.places,
        filter: ['==', ['get', 'kind'], 'country'],
        maxzoom: 8,
        layout: {
          'text-field': ['get', 'label'],
          'text-font': ['literal', LABEL_FONT_BOLD],
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 16],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.12,
          'text-max-width': 10,
        },
        paint: { 'text-color': c.mutedText, 'text-halo-color': c.textHalo, 'text-halo-width': 1.4 },
      },
    ],
  };
}
