/**
 * Messages between the page and the store worker, which downloads the atlas document, merges the user's
 * imports into it, indexes it and hands the result back in transferable arrays and chunks of events.
 */
import type { AtlasStoreParts } from '../data/atlas-store';
import type { Article, AtlasDocument, AtlasEvent, Place } from '../data/model';

/** A stage of loading, for the progress the page shows. */
export type LoadPhase = 'download' | 'parse' | 'index' | 'receive';

export type StoreRequest =
  /** Download and read the atlas document at `url` (absolute, already checked to be same-origin). */
  | { type: 'load'; url: string; places: Place[] }
  /** The user's visible imports (null for none); the store is (re)built once the document is loaded. */
  | { type: 'user'; seq: number; doc: AtlasDocument | null }
  /** The page has taken in the last chunk of events for store `seq` and drawn: send the next. */
  | { type: 'more'; seq: number };

export type StoreReply =
  /** `total` is 0 when unknown (a download without a length). */
  | { type: 'progress'; phase: LoadPhase; done: number; total: number }
  /** The loaded document's own articles (the import panel names them), once, after reading it. */
  | { type: 'base'; articles: Article[]; warnings: string[] }
  /**
   * Parts of a store built for user data `seq`, its `doc.events` empty: they follow in `events` chunks, one
   * per `more` request, so the page renders (and answers input) between them.
   */
  | { type: 'parts'; seq: number; parts: AtlasStoreParts; eventCount: number }
  | { type: 'events'; seq: number; events: AtlasEvent[] }
  | { type: 'error'; message: string };
