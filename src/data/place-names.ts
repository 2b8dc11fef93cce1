import type { Place } from './model';

/**
 * How place names are shown: both names of contested places (the default), or one language's name for
 * every place (`hy` Armenian, `az` Azerbaijani, `en` English only).
 */
export type NameStyle = 'dual' | 'hy' | 'az' | 'en';

export const NAME_STYLES: readonly NameStyle[] = ['dual', 'hy', 'az', 'en'];

/**
 * The label of a place under a name style. Contested places show "Stepanakert / Khankendi" in `dual`.
 * @default style 'dual'
 */
export function formatPlaceName(
  place: Pick<Place, 'name' | 'names' | 'contested' | 'altName'>,
  style: NameStyle = 'dual',
): string {
  switch (style) {
    case 'dual':
      return place.contested && place.altName && place.altName !== place.name
        ? `${place.name} / ${place.altName}`
        : place.name;
    case 'hy':
      return place.names.hy ?? place.name;
    case 'az':
      return place.names.az ?? place.name;
    case 'en':
      return place.names.en ?? place.name;
  }
}
