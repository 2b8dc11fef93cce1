/**
 * `npm run bench:ingest [-- --sizes 1000,10000 --seed 7]`: generates articles (seeded, from templates over the
 * gazetteer and the actor catalogue, in English and Russian, with misspellings and every date form), reads
 * them with the ingest, and prints articles/s, MB/s, peak memory, and how time grows with the number of
 * articles. Runs on one core (the reader is single-threaded).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Actor, Place } from '../data/model';
import { defaultReference } from '../ingest/default-reference';
import { ingestArticles, type ArticleInput } from '../ingest/ingest';
import type { Reference } from '../ingest/reference';

/** A small seeded generator (xorshift32): the same seed gives the same articles. */
export function createRandom(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const EN_SENTENCES = [
  '{actor} said on {weekday} that {forces} had shelled {place}, where {n} civilians were killed.',
  'According to {actor}, more than {n} people have been displaced from {place} since {date}.',
  '{actor} urged {capital} and {capital2} to respect the ceasefire agreed in {capital3} {rel}.',
  'The fighting near {place} began on {date}, a day after {actor2} warned of an offensive.',
  '{actor} denied that {forces} had entered {place}, calling the reports false.',
  '{actor2} met {actor} in {capital} {rel} to discuss the humanitarian truce.',
  'Residents of {place} said the shelling continued overnight and {n} houses were damaged.',
  '{forces} captured {place} {rel}, {actor} said, while {actor2} rejected the claim.',
  'Officials in {capital} said {n} fighters had been sent to the front near {place}.',
  'The talks in {capital} ended without a statement, and {actor2} left for {capital2} on {weekday}.',
  'In {year}, {actor} visited {place} and spoke about the {year2} agreement.',
  '{actor_misspelled} told reporters that the road through {place} was closed.',
];

const RU_SENTENCES = [
  '{actor} заявил, что {forces_ru} обстреляли {place}, где погибли {n} мирных жителей.',
  'По данным {ministry_ru}, {date_ru} в районе {place} продолжались бои.',
  'Официальный представитель МИД России {zakharova} призвала стороны соблюдать перемирие.',
  '{actor} вчера встретился в Москве с {actor2}.',
  'На прошлой неделе {forces_ru} заняли {place}, сообщили власти.',
];

/** Fills `{slot}`s from the reference with the random source. */
function fill(template: string, rnd: () => number, lists: Lists, day: Date): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const date = new Date(day.getTime() - Math.floor(rnd() * 20 + 1) * 86_400_000);
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'actor':
      case 'actor2':
        return pick(lists.persons).name;
      case 'actor_misspelled':
        return misspell(pick(lists.persons).name, rnd);
      case 'forces':
        return pick([
          'Azerbaijani forces',
          'Armenian forces',
          'Karabakh Armenian forces',
          'Russian peacekeepers',
        ]);
      case 'forces_ru':
        return pick(['азербайджанские войска', 'армянские военные']);
      case 'ministry_ru':
        return pick(['Минобороны Армении', 'Минобороны Азербайджана', 'МИД России']);
      case 'zakharova':
        return 'Мария Захарова';
      case 'place':
        return pick(lists.towns).name;
      case 'capital':
      case 'capital2':
      case 'capital3':
        return pick(['Moscow', 'Baku', 'Yerevan', 'Ankara', 'Washington', 'Paris', 'Tehran']);
      case 'weekday':
        return WEEKDAYS[Math.floor(rnd() * 7)];
      case 'date':
        return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
      case 'date_ru':
        return `${date.getUTCDate()} ${RU_MONTHS[date.getUTCMonth()]}`;
      case 'rel':
        return pick(['yesterday', 'last week', 'earlier on', 'on Sunday', 'two days ago', 'this month']);
      case 'n':
        return String(Math.floor(rnd() * 2000) + 2);
      case 'year':
        return String(1988 + Math.floor(rnd() * 30));
      case 'year2':
        return String(1990 + Math.floor(rnd() * 30));
      default:
        return slot;
    }
  });
}

function misspell(name: string, rnd: () => number): string {
  const words = name.split(' ');
  const w = words[words.length - 1];
  if (w.length < 5) return name;
  const i = 2 + Math.floor(rnd() * (w.length - 3));
  words[words.length - 1] = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return words.join(' ');
}

interface Lists {
  persons: Actor[];
  towns: Place[];
}

/** `count` articles in the seed's format, about 3 KB each, one in five in Russian. */
export function generateArticles(count: number, seed: number, reference: Reference): ArticleInput[] {
  const rnd = createRandom(seed);
  const lists: Lists = {
    persons: reference.actors.filter((a) => a.kind === 'person' && /^[A-Z]/.test(a.name)),
    towns: reference.places.filter((p) => ['town', 'city', 'village'].includes(p.kind)),
  };
  const out: ArticleInput[] = [];
  for (let k = 0; k < count; k++) {
    const day = new Date(Date.UTC(2020, 8, 27) + Math.floor(rnd() * 45) * 86_400_000);
    const ru = rnd() < 0.2;
    const header = ru
      ? `Опубликовано ${day.getUTCDate()} ${RU_MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()} года, 1${Math.floor(rnd() * 10)}:00 МСК`
      : [
          `Published ${10 + Math.floor(rnd() * 12)}:${String(Math.floor(rnd() * 60)).padStart(2, '0')} IST, ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}th ${day.getUTCFullYear()}`,
          `Published ${day.toISOString().slice(0, 10)}`,
          `${WEEKDAYS[day.getUTCDay()]}, ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`,
          `Published on ${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()} at 10:54`,
        ][Math.floor(rnd() * 4)];
    const templates = ru ? RU_SENTENCES : EN_SENTENCES;
    const body: string[] = [];
    const sentences = 22 + Math.floor(rnd() * 10);
    for (let s = 0; s < sentences; s++)
      body.push(fill(templates[Math.floor(rnd() * templates.length)], rnd, lists, day));
    const paragraphs: string[] = [];
    for (let s = 0; s < body.length; s += 4) paragraphs.push(body.slice(s, s + 4).join(' '));
    const text =
      [
        header,
        fill('{actor} says {forces} shelled {place}', rnd, lists, day),
        body[0],
        ...paragraphs.slice(1),
      ].join('\n') + '\n';
    out.push({ file: `bench/${String(k).padStart(5, '0')}.txt`, bytes: new TextEncoder().encode(text) });
  }
  return out;
}

/** One measured run. */
export interface BenchRow {
  articles: number;
  megabytes: number;
  /** CPU seconds (user + system). */
  seconds: number;
  wallSeconds: number;
  articlesPerSecond: number;
  megabytesPerSecond: number;
  peakRssMiB: number;
  events: number;
  mentions: number;
}

/** Reads `inputs` once and measures it. */
export function measure(inputs: ArticleInput[], reference: Reference): BenchRow {
  const bytes = inputs.reduce((n, i) => n + ('bytes' in i ? i.bytes.length : i.text.length), 0);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { doc } = ingestArticles(inputs, { reference });
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this process (user + system): the machine this runs on is shared, and wall-clock time
  // there measures the neighbours as much as the reader.
  const seconds = (cpu.user + cpu.system) / 1e6;
  return {
    articles: inputs.length,
    megabytes: bytes / 1048576,
    seconds,
    wallSeconds: (performance.now() - t0) / 1000,
    articlesPerSecond: inputs.length / seconds,
    megabytesPerSecond: bytes / 1048576 / seconds,
    // The process's peak resident memory so far, in MiB (maxRSS is in KiB).
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    events: doc.events.length,
    mentions: doc.mentions.length,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '1000,10000').split(',').map(Number);
  const seed = Number(arg('--seed') ?? 7);
  const reference = defaultReference;

  // Warm-up: compile the regular expressions and the reference index before measuring.
  measure(generateArticles(200, seed + 1, reference), reference);

  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const inputs = generateArticles(n, seed, reference);
    rows.push(measure(inputs, reference));
  }
  const lines = [
    `Karabakh Atlas ingest benchmark (seed ${seed}, one core, Node ${process.version}; rates from CPU time)`,
    '',
    'articles      MB   CPU s  wall s   articles/s    MB/s   peak RSS   events   mentions',
    ...rows.map(
      (r) =>
        `${String(r.articles).padStart(8)} ${r.megabytes.toFixed(1).padStart(7)} ${r.seconds.toFixed(2).padStart(7)} ${r.wallSeconds.toFixed(2).padStart(7)} ${r.articlesPerSecond.toFixed(0).padStart(12)} ${r.megabytesPerSecond.toFixed(2).padStart(7)} ${(r.peakRssMiB.toFixed(0) + ' MiB').padStart(10)} ${String(r.events).padStart(8)} ${String(r.mentions).padStart(10)}`,
    ),
  ];
  if (rows.length >= 2) {
    const a = rows[0];
    const b = rows[rows.length - 1];
    const ratio = b.seconds / a.seconds / (b.articles / a.articles);
    lines.push(
      '',
      `time per article: ${((a.seconds / a.articles) * 1000).toFixed(2)} ms at ${a.articles}, ${((b.seconds / b.articles) * 1000).toFixed(2)} ms at ${b.articles} (ratio ${ratio.toFixed(2)}; 1.00 is linear)`,
    );
  }
  const report = lines.join('\n') + '\n';
  process.stdout.write(report);
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ingest.txt'), report);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
