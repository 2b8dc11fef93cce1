/**
 * The `tiles` URL parameter: a PMTiles archive of the events (docs/performance.md, "Beyond one GeoJSON"),
 * read relative to the page. Only a file on the page's own site is read: anything else is refused with a
 * sentence naming the parameter and the problem, and the page makes no request for it.
 */
export interface TilesUrl {
  /** The absolute address to read, or null when there is none or it is refused. */
  url: string | null;
  /** Why the parameter was refused, as a sentence for the reader; null when it was not. */
  problem: string | null;
}

/** Resolves the `tiles` parameter `param` against the page's address `base` (its `document.baseURI`). */
export function resolveTilesUrl(param: string | null, base: string): TilesUrl {
  if (param == null || param.trim() === '') return { url: null, problem: null };
  const refuse = (why: string): TilesUrl => ({ url: null, problem: `The tiles parameter "${param}" ${why}` });
  let url: URL;
  try {
    url = new URL(param.trim(), base);
  } catch {
    return refuse('is not a valid address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('is not an http(s) address.');
  if (url.origin !== new URL(base).origin) {
    return refuse(`is on another site (${url.origin}); the atlas reads tiles only from its own site.`);
  }
  return { url: url.href, problem: null };
}
