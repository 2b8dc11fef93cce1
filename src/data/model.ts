/**
 * The atlas data model: what the ingest produces, what the curated data holds and what the app loads.
 * Every record has a stable string id that survives re-ingesting the same input.
 */

/** Languages a place name is kept in. */
export type LangCode = 'en' | 'hy' | 'az' | 'ru';

export type PlaceKind = 'country' | 'region' | 'district' | 'city' | 'town' | 'village' | 'site';

/** A place of the project's gazetteer (`geo/gazetteer.json`). */
export interface Place {
  /** Lower-case ASCII slug of the English name: `stepanakert`, `ganja`, `lachin-corridor`. */
  id: string;
  /** Canonical display name: the most common English name ("Stepanakert", "Shusha"). */
  name: string;
  /** Names by language, in the language's own script (hy: Armenian, ru: Cyrillic, az: Latin). */
  names: { en: string } & Partial<Record<Exclude<LangCode, 'en'>, string>>;
  /** Other spellings and transliterations found in reporting (Khankendi, Gyanja, Terter, Fizuli...). */
  aliases: string[];
  kind: PlaceKind;
  lon: number;
  lat: number;
  /** ISO 3166-1 alpha-2 of the internationally recognised country (`AZ` for places in Nagorno-Karabakh). */
  country: string;
  /** True where Armenian and Azerbaijani usage differ: labels then show both names. */
  contested?: boolean;
  /** The name in the other side's usage, shown after `name` for contested places ("Khankendi"). */
  altName?: string;
  /** Id of the enclosing region or district, where useful (`nagorno-karabakh`). */
  parent?: string;
  /** GeoNames id of the coordinates, when they come from GeoNames. */
  geonameid?: number;
}

export type ActorKind =
  'person' | 'government' | 'ministry' | 'military' | 'armed group' | 'organisation' | 'media';

/** An actor of the catalogue (`geo/actors.json`). */
export interface Actor {
  /** Slug: `nikol-pashinyan`, `gov-ru`, `mfa-am`, `mod-az`, `osce-minsk-group`. */
  id: string;
  name: string;
  /** Spellings, transliterations, surname alone, other scripts, metonyms ("the Kremlin"). */
  aliases: string[];
  kind: ActorKind;
  /** ISO 3166-1 alpha-2 of the country the actor belongs to; `NK` for the Nagorno-Karabakh authorities; `INT` for international bodies. */
  affiliation: string;
  /** Role in words ("Prime Minister of Armenia"). */
  role: string;
  /** Place id of the actor's seat (Putin -> `moscow`). */
  seat: string;
}

export type MatchKind = 'exact' | 'alias' | 'fuzzy' | 'fallback';

/** Where an article names a place or an actor. Offsets are UTF-16 code units into the raw text. */
export interface Mention {
  articleId: string;
  kind: 'place' | 'actor';
  /** The place or actor id; for `fallback` mentions, a slug of the text. */
  id: string;
  text: string;
  start: number;
  end: number;
  match: MatchKind;
  /** 0..1; 1 for exact. */
  score: number;
}

/** Event types, in legend order. */
export const EVENT_TYPES = [
  'attack',
  'territorial change',
  'casualties',
  'ceasefire',
  'diplomacy',
  'statement',
  'deployment',
  'protest',
  'humanitarian',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** Where an event comes from: a span of an ingested article, or a public URL for curated rows. */
export interface EventSource {
  articleId?: string;
  start?: number;
  end?: number;
  quote?: string;
  /** Public URL that reports the event (curated events). */
  url?: string;
  /** Outlet or publisher name, when known. */
  outlet?: string;
}

export interface AtlasEvent {
  id: string;
  /** YYYY-MM-DD, or null when the article gives no resolvable date. */
  date: string | null;
  /** Last day (inclusive) for a range, else null. */
  dateEnd: string | null;
  datePrecision: DatePrecision;
  type: EventType;
  summary: string;
  /** Where it happened; for a statement, the speaker's seat. */
  placeId: string | null;
  actorIds: string[];
  targetActorIds: string[];
  sources: EventSource[];
  /** `article` for ingested events, `curated` for the project's CSV, `user` for imports. */
  origin?: 'article' | 'curated' | 'user';
  /** Free-text refinement of `type` from a CSV's `sub_event_type` ("capture", "handover", "shelling"). */
  subType?: string;
  /**
   * Coordinates given by a CSV row (curated or an ACLED import). The place's gazetteer coordinates win when
   * `placeId` is known; these keep an imported row on the map when its place is not in the gazetteer.
   */
  lat?: number;
  lon?: number;
}

/** A number someone asserts. Shown as a claim, never as a fact. */
export interface Claim {
  id: string;
  /** Who asserts it; null when the text does not say ("have been reported"). */
  actorId: string | null;
  quantity: 'killed' | 'wounded' | 'displaced' | 'fighters' | 'captured' | 'missing' | 'other';
  value: number;
  /** "more than", "over", "at least", "about" as written, if any. */
  qualifier?: string;
  articleId?: string;
  eventId?: string;
  start?: number;
  end?: number;
  text: string;
  url?: string;
}

export interface Article {
  /** Stable: derived from the text (hash). */
  id: string;
  file: string;
  headline: string;
  /** UTC ISO 8601 instant, or YYYY-MM-DD when only a day is known; null when no date was found. */
  published: string | null;
  updated: string | null;
  outlet?: string;
  lang: 'en' | 'ru' | string;
  text: string;
  warnings: string[];
}

/** Who controlled an area between two dates (`to` exclusive, null when open). */
export interface ControlPeriodProps {
  id: string;
  controller: 'AM' | 'AZ' | 'RU-PK';
  from: string;
  to: string | null;
  label: string;
  source_url: string;
  /** Russian peacekeepers deployed in the area during the period (10 Nov 2020 – 12 Jun 2024). */
  peacekeepers?: boolean;
  /** Id of the piece of territory (`nk2020`, `jabrayil-district`, `shusha-town`). */
  area?: string;
}

export interface NarrativeStep {
  eventId: string;
  note?: string;
  camera?: { lon: number; lat: number; zoom: number };
}

export interface Narrative {
  id: string;
  title: string;
  steps: NarrativeStep[];
}

/** The document the ingest writes and the app loads (`data/atlas.json` in the build). */
export interface AtlasDocument {
  version: 1;
  generated?: string;
  articles: Article[];
  places: Place[];
  actors: Actor[];
  mentions: Mention[];
  events: AtlasEvent[];
  claims: Claim[];
  narratives?: Narrative[];
}
