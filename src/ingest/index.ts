/**
 * The article reader: plain-text news articles in, an atlas document out (articles, places, actors,
 * mentions, events, claims). Pure TypeScript for Node and the browser; see docs/ingest.md.
 */
import type { AtlasDocument } from '../data/model';
import { defaultReference } from './default-reference';
import {
  ingestArticle as ingestArticleWith,
  ingestArticles as ingestArticlesWith,
  type ArticleInput,
  type IngestArticleResult,
  type IngestArticlesOptions,
  type IngestArticlesResult,
  type IngestContext,
} from './ingest';

export { decodeArticleBytes, isDecodeError, MAX_ARTICLE_BYTES } from './decode';
export type { ArticleEncoding, DecodedText, DecodeError, DecodeOptions } from './decode';
export { parseArticleHeader, splitLines, detectLanguage } from './header';
export type { ArticleHeader, TextLine } from './header';
export { parseDateLine, TIME_ZONES } from './date-line';
export { articleIdOf, withReferencedEntries } from './ingest';
export type {
  ArticleInput,
  IngestArticleResult,
  IngestArticlesOptions,
  IngestArticlesResult,
  IngestContext,
  IngestError,
  IngestOptions,
} from './ingest';
export { AtlasMerger, mergeAtlasDocuments, sameHappening } from './merge';
export { indexReference } from './reference';
export type { Reference, ReferenceIndex } from './reference';
export { defaultReference } from './default-reference';
export { jaroWinkler, damerauLevenshtein } from './fuzzy';

/**
 * Reads one article (bytes are decoded here). Rejected input comes back with `error` and `article: null`.
 * @default ctx.reference defaultReference (the gazetteer and catalogue of `geo/`)
 */
export function ingestArticle(input: ArticleInput, ctx: Partial<IngestContext> = {}): IngestArticleResult {
  return ingestArticleWith(input, { reference: ctx.reference ?? defaultReference, options: ctx.options });
}

/**
 * Reads many articles into one document; rejected files are listed with their reason, the rest are read.
 * @default options.reference defaultReference
 */
export function ingestArticles(
  inputs: Iterable<ArticleInput>,
  options: Partial<IngestArticlesOptions> = {},
): IngestArticlesResult {
  return ingestArticlesWith(inputs, { ...options, reference: options.reference ?? defaultReference });
}

/** An empty atlas document. */
export function emptyAtlasDocument(): AtlasDocument {
  return { version: 1, articles: [], places: [], actors: [], mentions: [], events: [], claims: [] };
}
