/**
 * `npm run data`: builds the document the app loads, `public/data/atlas.json`: the seed articles of
 * `../shared/seeds/` read by the ingest, merged with the curated events, claims and narratives of `data/`.
 * Bad rows or files are reported on stderr with their file and line; the rest is still built.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gazetteer } from '../../geo/gazetteer';
import { SHARED } from '../../geo/sources';
import { actors as catalogue } from '../../geo/actors';
import { parseClaimsCsv, parseCuratedEvents } from '../data/curated-csv';
import type { AtlasDocument, Narrative } from '../data/model';
import { ingestArticles, mergeAtlasDocuments } from '../ingest/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEEDS = join(SHARED, 'seeds');

/** Reads the seeds, the curated CSVs and narratives; returns the merged document and the problems found. */
export function buildAtlasDocument(): { doc: AtlasDocument; problems: string[] } {
  const problems: string[] = [];
  const seedFiles = existsSync(SEEDS)
    ? readdirSync(SEEDS)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => join(SEEDS, f))
    : [];
  if (seedFiles.length === 0)
    problems.push(`${SEEDS}: no seed articles found; the atlas has the curated data only`);
  const inputs = seedFiles.map((path) => ({
    file: relative(ROOT, path),
    bytes: new Uint8Array(readFileSync(path)),
  }));
  const ingested = ingestArticles(inputs);
  for (const r of ingested.rejected) problems.push(`${r.file}: ${r.message}`);

  const eventsCsv = join(ROOT, 'data', 'events.csv');
  const curated = parseCuratedEvents(readFileSync(eventsCsv, 'utf8'), 'data/events.csv');
  const claimsCsv = parseClaimsCsv(readFileSync(join(ROOT, 'data', 'claims.csv'), 'utf8'), 'data/claims.csv');
  for (const e of [...curated.errors, ...claimsCsv.errors]) problems.push(e.message);
  const narratives = JSON.parse(readFileSync(join(ROOT, 'data', 'narratives.json'), 'utf8')) as Narrative[];

  // Only the places and actors the data refers to travel with the document (the app adds the gazetteer).
  const usedPlaces = new Set(curated.events.map((e) => e.placeId).filter((id): id is string => !!id));
  const usedActors = new Set(curated.events.flatMap((e) => [...e.actorIds, ...e.targetActorIds]));
  for (const c of [...curated.claims, ...claimsCsv.claims]) if (c.actorId) usedActors.add(c.actorId);
  for (const a of catalogue) if (usedActors.has(a.id)) usedPlaces.add(a.seat);
  const curatedDoc: AtlasDocument = {
    version: 1,
    articles: [],
    places: gazetteer.filter((p) => usedPlaces.has(p.id)),
    actors: catalogue.filter((a) => usedActors.has(a.id)),
    mentions: [],
    events: curated.events,
    claims: [...curated.claims, ...claimsCsv.claims],
    narratives,
  };
  // Curated events come first, so that where an article reports one of them it keeps its own summary.
  const doc = mergeAtlasDocuments(curatedDoc, ingested.doc);
  doc.generated = new Date().toISOString();
  return { doc, problems };
}

function main(): void {
  const out = join(ROOT, 'public', 'data', 'atlas.json');
  const { doc, problems } = buildAtlasDocument();
  for (const p of problems) console.error(`data: ${p}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(doc));
  console.log(
    `data: ${relative(ROOT, out)}: ${doc.events.length} events, ${doc.articles.length} articles, ${doc.claims.length} claims, ${doc.places.length} places, ${doc.actors.length} actors`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
