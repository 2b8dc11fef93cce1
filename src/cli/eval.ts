/**
 * `npm run eval [-- --verbose]`: reads the annotated test articles of `src/ingest/fixtures/articles` and
 * prints precision and recall of places, actors, events, event dates and claims, for the full reader and
 * with parts switched off (fuzzy matching, chrono-node's dates without the past-tense rule, anchors, tense),
 * so that what each part and each library brings is measured on the same articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestArticle, type IngestOptions } from '../ingest/ingest';
import {
  ratios,
  scoreArticle,
  sumScores,
  type ArticleScore,
  type Counts,
  type ExpectedArticle,
} from '../ingest/evaluate';
import type { Reference } from '../ingest/reference';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'ingest', 'fixtures', 'articles');

/** One configuration of the reader to measure. */
export interface EvalConfig {
  name: string;
  options: IngestOptions;
}

/** The configurations `npm run eval` prints, the full reader first. */
export const EVAL_CONFIGS: EvalConfig[] = [
  { name: 'full reader', options: {} },
  { name: 'no fuzzy matching', options: { fuzzy: false } },
  { name: 'fuzzy: Jaro-Winkler only', options: { fuzzyMethod: 'jaro-winkler' } },
  { name: 'fuzzy: Damerau-Levenshtein only', options: { fuzzyMethod: 'damerau-levenshtein' } },
  { name: 'dates: chrono-node for every form', options: { commonForms: false } },
  { name: 'chrono-node dates as read (no past rule)', options: { pastForcing: false } },
  { name: 'no anchors ("a day after")', options: { anchors: false } },
  { name: 'no tense rule (present = publication day)', options: { tense: false } },
];

/** The fixture articles with their annotations. */
export function loadFixtures(dir = FIXTURES): { name: string; text: string; expected: ExpectedArticle }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(join(dir, f), 'utf8'),
      expected: JSON.parse(
        readFileSync(join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8'),
      ) as ExpectedArticle,
    }));
}

/** Scores every fixture with one configuration. */
export function evaluate(
  reference: Reference,
  options: IngestOptions = {},
  dir = FIXTURES,
): { total: ArticleScore; byArticle: Map<string, ArticleScore> } {
  const byArticle = new Map<string, ArticleScore>();
  for (const f of loadFixtures(dir)) {
    const r = ingestArticle({ file: f.name, text: f.text }, { reference, options });
    if (!r.article) throw new Error(`${f.name}: rejected: ${r.error?.message}`);
    byArticle.set(
      f.name,
      scoreArticle(f.text, f.expected, {
        published: r.article.published,
        lang: r.article.lang,
        mentions: r.mentions,
        events: r.events,
        claims: r.claims,
      }),
    );
  }
  return { total: sumScores([...byArticle.values()]), byArticle };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(6);
}

function row(label: string, c: Counts): string {
  const r = ratios(c);
  return `${label.padEnd(12)} P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

/** The report `npm run eval` prints. */
export function formatReport(reference: Reference, verbose: boolean): string {
  const lines: string[] = [];
  const fixtures = loadFixtures();
  lines.push(
    `Karabakh Atlas reader: evaluation on ${fixtures.length} annotated test articles (src/ingest/fixtures/articles)`,
  );
  lines.push(`reference: ${reference.places.length} places, ${reference.actors.length} actors`);
  const full = evaluate(reference, EVAL_CONFIGS[0].options);
  const t = full.total;
  lines.push('', 'Full reader');
  lines.push(row('places', t.places));
  lines.push(row('actors', t.actors));
  lines.push(row('events', t.events));
  lines.push(row('event dates', t.eventDates));
  lines.push(row('claims', t.claims));
  lines.push(`claimants    ${t.claimants.right}/${t.claimants.of} right`);
  lines.push(`unknown names kept as fallback: ${t.fallback.found}/${t.fallback.of}`);
  lines.push(`header (published, language): ${t.header.right}/${t.header.of} right`);

  lines.push('', 'Parts switched off (F1)                       places  actors  events  dates');
  for (const c of EVAL_CONFIGS) {
    const s = c === EVAL_CONFIGS[0] ? t : evaluate(reference, c.options).total;
    lines.push(
      `${c.name.padEnd(44)} ${pct(ratios(s.places).f1)}  ${pct(ratios(s.actors).f1)}  ${pct(ratios(s.events).f1)}  ${pct(ratios(s.eventDates).f1)}`,
    );
  }
  if (verbose) {
    lines.push('', 'Misses by article');
    for (const [name, s] of full.byArticle) {
      lines.push(`${name}:`);
      for (const m of s.misses) lines.push(`  ${m}`);
    }
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { defaultReference } = await import('../ingest/default-reference');
  process.stdout.write(formatReport(defaultReference, process.argv.includes('--verbose')));
}
