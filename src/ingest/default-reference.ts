/**
 * The project's gazetteer and actor catalogue (`geo/`), the reference the reader uses unless given another.
 * Both are pure data modules, so this import works in Node and in the page's Web Worker alike.
 */
import { actors } from '../../geo/actors';
import { gazetteer } from '../../geo/gazetteer';
import type { Reference } from './reference';

/** `geo/gazetteer.ts` and `geo/actors.ts`. */
export const defaultReference: Reference = { places: gazetteer, actors };
