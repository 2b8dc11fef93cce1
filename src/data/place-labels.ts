import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Place } from './model';
import { formatPlaceName, type NameStyle } from './place-names';

/** Capitals of the two states and of the NK authorities: drawn first and in bold. */
const TOP_RANK = new Set(['yerevan', 'baku', 'stepanakert']);

/** Label priority: 0 capitals, 1 cities and towns, 2 villages and sites. */
export function placeRank(place: Place): number {
  if (TOP_RANK.has(place.id)) return 0;
  return place.kind === 'city' || place.kind === 'town' ? 1 : 2;
}

/**
 * Label points for the base map: countries and settlements of the gazetteer (districts and regions are
 * drawn as areas, not labelled as points), named under `style`.
 */
export function selectPlaceLabels(places: readonly Place[], style: NameStyle): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const place of places) {
    if (place.kind === 'district' || place.kind === 'region') continue;
    features.push({
      type: 'Feature',
      properties: {
        id: place.id,
        kind: place.kind,
        rank: placeRank(place),
        label: formatPlaceName(place, style),
      },
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
    });
  }
  features.sort((a, b) => Number(a.properties?.rank) - Number(b.properties?.rank));
  return { type: 'FeatureCollection', features };
}
