/**
 * The reader: one article (bytes or text) in, its article record, mentions, events and claims out; and many
 * articles into one atlas document. Pure: no file system, no Node-only API, so the page's Web Worker runs
 * exactly what the CLI runs.
 */
import type { Actor, AtlasDocument, AtlasEvent, Article, Claim, Mention, Place } from '../data/model';
import { analyzeText } from './analyze';
import { findBodyDates, findDateAnchors, type BodyDateOptions } from './body-dates';
import { parseDay } from './calendar';
import { findClaims } from './claims';
import { decodeArticleBytes, isDecodeError, type ArticleEncoding, type DecodeError } from './decode';
import { findEvents, type EventOptions } from './events';
import { stableId } from './hash';
import { parseArticleHeader, splitLines } from './header';
import { findMentions, type MentionOptions } from './mentions';
import { AtlasMerger } from './merge';
import { indexReference, type Reference } from './reference';

/** An article to read: raw bytes (decoded here) or text already decoded. `file` is kept as given. */
export type ArticleInput = { file: string; bytes: Uint8Array } | { file: string; text: string };

/** Switches and limits of the reader. */
export interface IngestOptions extends MentionOptions, EventOptions, BodyDateOptions {
  /** Largest accepted article, in bytes (UTF-8 bytes for text input). @default 5 MiB */
  maxBytes?: number;
}

/** What the reader needs besides the article. */
export interface IngestContext {
  /** Gazetteer and actor catalogue to resolve names against. */
  reference: Reference;
  options?: IngestOptions;
}

/** Why an article was rejected. */
export interface IngestError {
  file: string;
  kind: DecodeError['error'] | 'duplicate';
  message: string;
}

/** The result of reading one article. `error` is set (and `article` null) when it was rejected. */
export interface IngestArticleResult {
  article: Article | null;
  mentions: Mention[];
  events: AtlasEvent[];
  claims: Claim[];
  /** The encoding the bytes were read as (`utf-8` for text input). */
  encoding?: ArticleEncoding;
  error?: IngestError;
}

/** Reads one article. Never throws on bad input: a rejected file comes back with `error`. */
export function ingestArticle(input: ArticleInput, ctx: IngestContext): IngestArticleResult {
  const options = ctx.options ?? {};
  const none = { article: null, mentions: [], events: [], claims: [] };
  let text: string;
  let encoding: ArticleEncoding = 'utf-8';
  const warnings: string[] = [];
  if ('bytes' in input) {
    const decoded = decodeArticleBytes(input.bytes, { maxBytes: options.maxBytes });
    if (isDecodeError(decoded))
      return { ...none, error: { file: input.file, kind: decoded.error, message: decoded.message } };
    text = decoded.text;
    encoding = decoded.encoding;
    if (encoding !== 'utf-8') warnings.push(`not UTF-8: decoded as ${encodingName(encoding)}`);
  } else {
    const max = options.maxBytes ?? 5 * 1024 * 1024;
    // A UTF-16 string is at most 3 UTF-8 bytes per code unit: measure only when it could be over the limit.
    if (input.text.length * 3 > max) {
      const size = new TextEncoder().encode(input.text).length;
      if (size > max) {
        return {
          ...none,
          error: {
            file: input.file,
            kind: 'too-large',
            message: `text is ${(size / 1048576).toFixed(1)} MiB, over the ${(max / 1048576).toFixed(1)} MiB limit`,
          },
        };
      }
    }
    text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
    if (text.trim() === '')
      return { ...none, error: { file: input.file, kind: 'empty', message: 'text is empty' } };
  }

  const articleId = articleIdOf(text);
  const lines = splitLines(text);
  const header = parseArticleHeader(text, lines);
  warnings.push(...header.warnings);
  const index = indexReference(ctx.reference);
  const headlineLine = header.contentLines[0]?.number;
  const analyzed = analyzeText(text, header.contentLines, headlineLine);
  const refDay = header.publishedDay === null ? null : parseDay(header.publishedDay);
  const year = header.publishedDay ? Number(header.publishedDay.slice(0, 4)) : null;
  const mentions = findMentions({ text, articleId, ...analyzed, year }, index, options);

  const lang = header.lang === 'und' ? 'en' : header.lang;
  const dates = analyzed.sentences.flatMap((s) => findBodyDates(text, s.start, s.end, lang, refDay, options));
  const anchors = analyzed.sentences.flatMap((s) => findDateAnchors(text, s.start, s.end));
  const claims = findClaims({
    text,
    articleId,
    tokens: analyzed.tokens,
    sentences: analyzed.sentences,
    mentions,
    dates,
  });
  const claimSpans: [number, number][] = claims.map((c) => [c.start!, c.end!]);
  const leadLines = new Set(header.contentLines.slice(0, header.standfirst ? 2 : 1).map((l) => l.number));
  const events = findEvents(
    {
      text,
      articleId,
      tokens: analyzed.tokens,
      sentences: analyzed.sentences,
      mentions,
      dates,
      anchors,
      refDay,
      leadLines,
      claimSpans,
    },
    index,
    options,
  );

  // A claim belongs to the event read from the same sentence, when there is one.
  const outClaims: Claim[] = claims.map(({ sentence, ...c }) => {
    const ev = events.find((e) => e.sentenceIndexes.includes(sentence));
    return ev ? { ...c, eventId: ev.id } : c;
  });

  const article: Article = {
    id: articleId,
    file: input.file,
    headline: header.headline,
    published: header.published,
    updated: header.updated,
    lang: header.lang,
    text,
    warnings,
  };
  return {
    article,
    mentions: mentions.map(toMention),
    events: events.map(({ sentenceIndexes: _s, ...e }) => e),
    claims: outClaims,
    encoding,
  };
}

/** Stable id of an article: FNV-1a of its text with line ends and outer white space normalised. */
export function articleIdOf(text: string): string {
  return stableId('art-', text.replace(/\r\n?/g, '\n').trim());
}

function toMention(m: ReturnType<typeof findMentions>[number]): Mention {
  return {
    articleId: m.articleId,
    // A fallback name is shown as a place or an actor by its guess; it has no entry in either list.
    kind: m.match === 'fallback' ? (m.guess ?? 'actor') : m.kind,
    id: m.id,
    text: m.text,
    start: m.start,
    end: m.end,
    match: m.match,
    score: m.score,
  };
}

function encodingName(e: ArticleEncoding): string {
  return { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1251': 'Windows-1251' }[
    e
  ];
}

/** Options of {@link ingestArticles}. */
export interface IngestArticlesOptions extends IngestOptions {
  /** Gazetteer and catalogue. */
  reference: Reference;
  /** Value of the document's `generated` field; left out when not given, so that output is reproducible. */
  generated?: string;
}

/** Result of {@link ingestArticles}. */
export interface IngestArticlesResult {
  doc: AtlasDocument;
  /** Files that were not read, with the reason. */
  rejected: IngestError[];
  /** Files that were read with warnings (no date, a year that cannot be right, another encoding). */
  warnings: { file: string; message: string }[];
}

/**
 * Reads many articles into one document. Rejected files (empty, binary, undecodable, too large, duplicates
 * of an article already read) are listed in `rejected`; the others are all read.
 */
export function ingestArticles(
  inputs: Iterable<ArticleInput>,
  options: IngestArticlesOptions,
): IngestArticlesResult {
  const { reference, generated, ...rest } = options;
  const rejected: IngestError[] = [];
  const warnings: { file: string; message: string }[] = [];
  const seen = new Map<string, string>();
  const merger = new AtlasMerger();
  for (const input of inputs) {
    const r = ingestArticle(input, { reference, options: rest });
    if (r.error || !r.article) {
      rejected.push(r.error!);
      continue;
    }
    const first = seen.get(r.article.id);
    if (first !== undefined) {
      rejected.push({
        file: input.file,
        kind: 'duplicate',
        message: `duplicate of ${first} (same text), skipped`,
      });
      continue;
    }
    seen.set(r.article.id, input.file);
    for (const w of r.article.warnings) warnings.push({ file: input.file, message: w });
    merger.add({
      version: 1,
      articles: [r.article],
      places: [],
      actors: [],
      mentions: r.mentions,
      events: r.events,
      claims: r.claims,
    });
  }
  const doc = withReferencedEntries(merger.result(), reference);
  if (generated) doc.generated = generated;
  return { doc, rejected, warnings };
}

/**
 * Fills `places` and `actors` with every entry the document refers to: mentioned places and actors, event
 * places and actors, claimants, and the seats of those actors.
 */
export function withReferencedEntries(doc: AtlasDocument, reference: Reference): AtlasDocument {
  const index = indexReference(reference);
  const actorIds = new Set(doc.actors.map((a) => a.id));
  const placeIds = new Set(doc.places.map((p) => p.id));
  for (const m of doc.mentions) {
    if (m.match === 'fallback') continue;
    (m.kind === 'place' ? placeIds : actorIds).add(m.id);
  }
  for (const e of doc.events) {
    if (e.placeId) placeIds.add(e.placeId);
    e.actorIds.forEach((a) => actorIds.add(a));
    e.targetActorIds.forEach((a) => actorIds.add(a));
  }
  for (const c of doc.claims) if (c.actorId) actorIds.add(c.actorId);
  const known = new Map(doc.actors.map((a) => [a.id, a]));
  const knownPlaces = new Map(doc.places.map((p) => [p.id, p]));
  const actors: Actor[] = [];
  for (const id of [...actorIds].sort()) {
    const a = known.get(id) ?? index.actorById.get(id);
    if (!a) continue;
    actors.push(a);
    if (a.seat) placeIds.add(a.seat);
  }
  const places: Place[] = [];
  for (const id of [...placeIds].sort()) {
    const p = knownPlaces.get(id) ?? index.placeById.get(id);
    if (p) places.push(p);
  }
  return { ...doc, places, actors };
}
