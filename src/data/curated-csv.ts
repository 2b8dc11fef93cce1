/**
 * The curated events CSV (`data/events.csv`) and its claims companion (`data/claims.csv`): parsing, checking
 * and formatting. The events file follows ACLED's export columns so analysts can mix the two; an ACLED export
 * itself parses too. Pure TypeScript (no fs), used by the CLI, the page and the export feature.
 */
import Papa from 'papaparse';
import type { AtlasEvent, Claim, DatePrecision, EventSource, EventType } from './model';
import { EVENT_TYPES } from './model';

/** A row or field that could not be read, with what was expected. Lines are 1-based lines of the file. */
export interface CsvRowError {
  line: number;
  /** The column at fault, or `''` for the whole row or file. */
  field: string;
  message: string;
}

/** Columns of `data/events.csv`, in file order: ACLED's names, then our trailing `end_date`. */
export const CURATED_EVENT_COLUMNS = [
  'event_id',
  'event_date',
  'date_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'latitude',
  'longitude',
  'fatalities',
  'fatalities_claimed_by',
  'source',
  'source_url',
  'notes',
  'end_date',
] as const;

/** Columns of `data/claims.csv`, in file order. */
export const CLAIM_COLUMNS = [
  'claim_id',
  'event_id',
  'actor_id',
  'quantity',
  'value',
  'qualifier',
  'text',
  'source_url',
] as const;

const CLAIM_QUANTITIES: readonly Claim['quantity'][] = [
  'killed',
  'wounded',
  'displaced',
  'fighters',
  'captured',
  'missing',
  'other',
];

/** Claimant recorded for the `fatalities` of an ACLED export row: ACLED's own estimate from its sources. */
export const ACLED_ACTOR_ID = 'acled';

/** Options for reading rows whose names are not yet ids (ACLED exports). */
export interface CuratedParseOptions {
  /** Maps an ACLED actor name ("Military Forces of Armenia (2018-)") to a catalogue id; `null` to slug it. */
  resolveActor?: (name: string) => string | null;
  /** Maps an ACLED location name with its coordinates to a gazetteer id; `null` to slug the name. */
  resolvePlace?: (name: string, lat: number | null, lon: number | null) => string | null;
}

export interface CuratedParseResult {
  events: AtlasEvent[];
  /** One claim per row whose `fatalities` is set: a figure is always someone's claim. */
  claims: Claim[];
  errors: CsvRowError[];
}

export interface ClaimsParseResult {
  claims: Claim[];
  errors: CsvRowError[];
}

/** Lower-case ASCII slug with hyphens: the shape of every place and actor id. */
export const ID_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slug of a free-text name: diacritics dropped, non-alphanumerics collapsed to single hyphens. */
export function slugifyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ə/gi, 'a')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** ACLED event types and how they read in the atlas's legend. */
const ACLED_TYPES: Record<string, EventType> = {
  battles: 'attack',
  'explosions/remote violence': 'attack',
  'violence against civilians': 'attack',
  protests: 'protest',
  riots: 'protest',
  'strategic developments': 'other',
};

/** ACLED sub-event types that say more than their event type: territory changing hands, deals, bases. */
const ACLED_SUBTYPES: Record<string, EventType> = {
  'government regains territory': 'territorial change',
  'non-state actor overtakes territory': 'territorial change',
  'non-violent transfer of territory': 'territorial change',
  agreement: 'diplomacy',
  'headquarters or base established': 'deployment',
  'looting/property destruction': 'attack',
};

/** ACLED's numeric `time_precision`: 1 the day is known, 2 the week, 3 the month. */
const ACLED_PRECISION: Record<string, DatePrecision> = { '1': 'day', '2': 'week', '3': 'month' };

const PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year'];

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Earliest and latest years a row may carry: anything else is a typo ("20202"). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase();
  if (n.length < 3) return 0;
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

/**
 * Reads a CSV date: ISO `2020-09-27`, `2020-09` or `2020`, or ACLED's `27 September 2020` / `27-September-2020`,
 * or `September 27, 2020`. Returns the first day it names and how precise the text was, or `null`.
 */
export function parseCsvDate(text: string): { date: string; precision: DatePrecision } | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const date = validDay(+m[1], +m[2], +m[3]);
    return date ? { date, precision: 'day' } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const date = validDay(+m[1], +m[2], 1);
    return date ? { date, precision: 'month' } : null;
  }
  m = /^(\d{4})$/.exec(s);
  if (m) {
    const date = validDay(+m[1], 1, 1);
    return date ? { date, precision: 'year' } : null;
  }
  m = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(s);
  if (m) {
    const date = validDay(+m[3], monthIndex(m[2]), +m[1]);
    return date ? { date, precision: 'day' } : null;
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const date = validDay(+m[3], monthIndex(m[1]), +m[2]);
    return date ? { date, precision: 'day' } : null;
  }
  return null;
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Splits a `;`-separated cell, trimming and dropping empty items. */
function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** URLs may legally hold `;`, so a list of them is split only where the next item starts a new URL. */
function splitUrls(cell: string): string[] {
  return cell
    .split(/\s*;\s*(?=https?:\/\/)/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface RawRow {
  line: number;
  cells: string[];
}

interface RawTable {
  header: string[];
  headerLine: number;
  rows: RawRow[];
  errors: CsvRowError[];
}

/** Header names as written by different tools: case, spaces and a BOM do not matter. */
function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Splits CSV text into rows with the file line each row starts on (a quoted field may span lines), using
 * papaparse for RFC 4180 quoting. Blank lines are skipped; a row whose cell count differs from the header's
 * is reported and dropped.
 */
function readTable(csvText: string, fileName: string): RawTable {
  const text = csvText.replace(/^\uFEFF/, '');
  const errors: CsvRowError[] = [];
  const records: RawRow[] = [];
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      // Leading newlines of this chunk are blank lines that belong before the row's first character.
      let start = rowStart;
      while (start < end && (text[start] === '\n' || text[start] === '\r')) start++;
      line += countNewlines(text, rowStart, start);
      const rowLine = line;
      line += countNewlines(text, start, end);
      rowStart = end;
      for (const e of result.errors) {
        errors.push({
          line: rowLine,
          field: '',
          message: `${fileName}, line ${rowLine}: ${e.message.toLowerCase()} (expected RFC 4180 quoting: a field with commas, quotes or line breaks in double quotes, inner quotes doubled)`,
        });
      }
      if (result.errors.length > 0) return;
      const cells = result.data;
      if (cells.length === 1 && cells[0].trim() === '') return;
      records.push({ line: rowLine, cells });
    },
  });
  if (records.length === 0) {
    if (errors.length === 0) {
      errors.push({ line: 1, field: '', message: `${fileName}: the file is empty (expected a header row)` });
    }
    return { header: [], headerLine: 1, rows: [], errors };
  }
  const [head, ...body] = records;
  const header = head.cells.map(normaliseHeader);
  const rows: RawRow[] = [];
  for (const r of body) {
    if (r.cells.length !== header.length) {
      errors.push({
        line: r.line,
        field: '',
        message: `${fileName}, line ${r.line}: ${r.cells.length} fields, expected ${header.length} as in the header (quote fields that hold commas)`,
      });
      continue;
    }
    rows.push(r);
  }
  return { header, headerLine: head.line, rows, errors };
}

/** Reads the cells of one row by column name and collects the row's errors. */
class RowReader {
  readonly errors: CsvRowError[] = [];
  constructor(
    private readonly header: string[],
    private readonly row: RawRow,
    private readonly fileName: string,
  ) {}

  has(column: string): boolean {
    return this.header.includes(column);
  }

  get(column: string): string {
    const i = this.header.indexOf(column);
    return i < 0 ? '' : (this.row.cells[i] ?? '').trim();
  }

  /** The first of several equivalent columns that holds a value, with its name. */
  first(...columns: string[]): { column: string; value: string } {
    for (const c of columns) {
      const value = this.get(c);
      if (value) return { column: c, value };
    }
    return { column: columns.find((c) => this.has(c)) ?? columns[0], value: '' };
  }

  fail(field: string, expected: string, got?: string): void {
    const seen = got === undefined ? '' : got === '' ? ' (the field is empty)' : ` (got "${clip(got)}")`;
    this.errors.push({
      line: this.row.line,
      field,
      message: `${this.fileName}, line ${this.row.line}, ${field}: expected ${expected}${seen}`,
    });
  }

  /** A number within a range, or `null` when the cell is empty; reports anything else. */
  number(column: string, min: number, max: number, integer = false): number | null {
    const raw = this.get(column);
    if (raw === '') return null;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      this.fail(column, `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`, raw);
      return null;
    }
    return n;
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function missingColumns(
  header: string[],
  required: readonly (readonly string[])[],
  line: number,
  fileName: string,
): CsvRowError[] {
  return required
    .filter((alternatives) => !alternatives.some((c) => header.includes(c)))
    .map((alternatives) => ({
      line,
      field: alternatives[0],
      message: `${fileName}, line ${line}: missing column ${alternatives.join(' or ')} in the header (expected columns: ${CURATED_EVENT_COLUMNS.join(', ')})`,
    }));
}

/** Whether a header is an ACLED export rather than the project's own file. */
function isAcledHeader(header: string[]): boolean {
  return (
    header.includes('event_id_cnty') ||
    (header.includes('time_precision') && !header.includes('date_precision'))
  );
}

function readType(r: RowReader): { type: EventType; subType: string } | null {
  const raw = r.get('event_type');
  const subType = r.get('sub_event_type');
  const key = raw.toLowerCase();
  if ((EVENT_TYPES as readonly string[]).includes(key)) return { type: key as EventType, subType };
  const acled = ACLED_TYPES[key];
  if (acled) return { type: ACLED_SUBTYPES[subType.toLowerCase()] ?? acled, subType };
  r.fail(
    'event_type',
    `one of ${EVENT_TYPES.join(', ')}, or an ACLED type (${Object.keys(ACLED_TYPES)
      .map((t) => t[0].toUpperCase() + t.slice(1))
      .join(', ')})`,
    raw,
  );
  return null;
}

function readIds(
  r: RowReader,
  column: string,
  acled: boolean,
  resolve: ((name: string) => string | null) | undefined,
): string[] {
  const cell = r.get(column);
  if (acled) {
    // ACLED names actors in prose and lists associates separately; one name per cell.
    if (!cell) return [];
    return [resolve?.(cell) ?? slugifyName(cell)].filter(Boolean);
  }
  const ids = splitList(cell);
  const bad = ids.filter((id) => !ID_SLUG.test(id));
  if (bad.length > 0) r.fail(column, 'actor ids (lower-case slugs such as gov-am) separated by ";"', bad[0]);
  return ids;
}

function readSources(r: RowReader, acled: boolean): EventSource[] {
  const outlets = splitList(r.get('source'));
  const urlCell = r.get('source_url');
  const urls = splitUrls(urlCell);
  if (!acled && urls.length === 0) {
    r.fail('source_url', 'at least one public http(s) URL that reports the event', urlCell);
    return [];
  }
  const bad = urls.find((u) => !isHttpUrl(u));
  if (bad !== undefined) {
    r.fail('source_url', 'http(s) URLs separated by ";"', bad);
    return [];
  }
  if (urls.length === 0) return outlets.map((outlet) => ({ outlet }));
  // One outlet per URL in the same order; otherwise every URL is credited to the whole source cell.
  return urls.map((url, i) => {
    const outlet = outlets.length === urls.length ? outlets[i] : outlets.join('; ');
    return outlet ? { url, outlet } : { url };
  });
}

function parseEventRow(
  r: RowReader,
  acled: boolean,
  options: CuratedParseOptions,
): { event: AtlasEvent; claim: Claim | null } | null {
  const idCell = r.first('event_id_cnty', 'event_id');
  if (!idCell.value) r.fail(idCell.column, 'an event id', '');
  else if (!acled && !ID_SLUG.test(idCell.value)) {
    r.fail(idCell.column, 'a lower-case slug id such as ka-2020-09-27-offensive', idCell.value);
  }

  const dateRaw = r.get('event_date');
  const parsedDate = parseCsvDate(dateRaw);
  if (!parsedDate) {
    r.fail('event_date', 'a date as 2020-09-27 or 27 September 2020, a year from 1800 to 2100', dateRaw);
  }

  let precision: DatePrecision | undefined = parsedDate?.precision;
  const precisionRaw = r.get('date_precision').toLowerCase();
  const acledPrecision = r.get('time_precision');
  if (precisionRaw) {
    if ((PRECISIONS as readonly string[]).includes(precisionRaw)) precision = precisionRaw as DatePrecision;
    else r.fail('date_precision', `one of ${PRECISIONS.join(', ')}`, r.get('date_precision'));
  } else if (acledPrecision) {
    if (ACLED_PRECISION[acledPrecision]) precision = ACLED_PRECISION[acledPrecision];
    else r.fail('time_precision', 'ACLED time precision 1, 2 or 3', acledPrecision);
  }

  let dateEnd: string | null = null;
  const endRaw = r.get('end_date');
  if (endRaw) {
    const end = parseCsvDate(endRaw);
    if (!end) r.fail('end_date', 'an inclusive last day as 2020-11-10, or nothing', endRaw);
    else if (parsedDate && end.date < parsedDate.date)
      r.fail('end_date', `a day on or after ${parsedDate.date}`, endRaw);
    else if (parsedDate && end.date > parsedDate.date) dateEnd = end.date;
  }

  const type = readType(r);

  const lat = r.number('latitude', -90, 90);
  const lon = r.number('longitude', -180, 180);
  if (
    (lat === null) !== (lon === null) &&
    r.errors.every((e) => e.field !== 'latitude' && e.field !== 'longitude')
  ) {
    r.fail(lat === null ? 'latitude' : 'longitude', 'both latitude and longitude, or neither', '');
  }

  const location = r.get('location');
  let placeId: string | null = null;
  if (location) {
    if (acled) placeId = options.resolvePlace?.(location, lat, lon) ?? (slugifyName(location) || null);
    else if (ID_SLUG.test(location)) placeId = location;
    else r.fail('location', 'a gazetteer place id (lower-case slug such as stepanakert)', location);
  } else if (!acled) {
    r.fail('location', 'a gazetteer place id (lower-case slug such as stepanakert)', '');
  }

  const actorIds = readIds(r, 'actor1', acled, options.resolveActor);
  const targetActorIds = readIds(r, 'actor2', acled, options.resolveActor);

  const fatalities = r.number('fatalities', 0, 10_000_000, true);
  const claimedBy = r.get('fatalities_claimed_by');
  let claimant: string | null = null;
  if (fatalities !== null) {
    if (claimedBy) {
      if (ID_SLUG.test(claimedBy)) claimant = claimedBy;
      else r.fail('fatalities_claimed_by', 'the actor id of whoever claims the figure', claimedBy);
    } else if (acled) {
      claimant = ACLED_ACTOR_ID;
    } else {
      r.fail('fatalities_claimed_by', 'the actor id of whoever claims the fatalities figure', '');
    }
  } else if (claimedBy && r.get('fatalities') === '') {
    r.fail('fatalities', 'a figure, since fatalities_claimed_by is set', '');
  }

  const summary = r.get('notes');
  if (!summary && !acled) r.fail('notes', 'a one-line summary', '');

  const sources = readSources(r, acled);

  if (r.errors.length > 0 || !parsedDate || !type || !precision) return null;

  const id = idCell.value;
  const event: AtlasEvent = {
    id,
    date: parsedDate.date,
    dateEnd,
    datePrecision: precision,
    type: type.type,
    summary: summary || type.subType || type.type,
    placeId,
    actorIds,
    targetActorIds,
    sources,
    origin: acled ? 'user' : 'curated',
  };
  if (type.subType) event.subType = type.subType;
  if (lat !== null && lon !== null) {
    event.lat = lat;
    event.lon = lon;
  }
  const claim: Claim | null =
    fatalities === null
      ? null
      : {
          id: `${id}-fatalities`,
          actorId: claimant,
          quantity: 'killed',
          value: fatalities,
          eventId: id,
          text: summary || `${fatalities} killed`,
          ...(sources[0]?.url ? { url: sources[0].url } : {}),
        };
  return { event, claim };
}

/**
 * Parses `data/events.csv`, or an ACLED export, into atlas events. Every bad row gives an error naming the
 * file, the line and the field with what was expected; the other rows still parse. A `fatalities` figure
 * becomes a claim by its `fatalities_claimed_by` actor (ACLED's rows: by {@link ACLED_ACTOR_ID}).
 */
export function parseCuratedEvents(
  csvText: string,
  fileName: string,
  options: CuratedParseOptions = {},
): CuratedParseResult {
  const table = readTable(csvText, fileName);
  const errors = [...table.errors];
  const events: AtlasEvent[] = [];
  const claims: Claim[] = [];
  if (table.header.length === 0) return { events, claims, errors };

  const acled = isAcledHeader(table.header);
  const required = acled
    ? [['event_id_cnty', 'event_id'], ['event_date'], ['event_type']]
    : [['event_id'], ['event_date'], ['event_type'], ['location'], ['source_url'], ['notes']];
  const missing = missingColumns(table.header, required, table.headerLine, fileName);
  if (missing.length > 0) return { events, claims, errors: [...errors, ...missing] };

  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(table.header, row, fileName);
    const parsed = parseEventRow(r, acled, options);
    if (parsed) {
      const first = seen.get(parsed.event.id);
      if (first !== undefined) {
        r.fail(
          acled ? 'event_id_cnty' : 'event_id',
          `an id not used before (line ${first} has it)`,
          parsed.event.id,
        );
      } else {
        seen.set(parsed.event.id, row.line);
        events.push(parsed.event);
        if (parsed.claim) claims.push(parsed.claim);
      }
    }
    errors.push(...r.errors);
  }
  return { events, claims, errors };
}

/**
 * Parses `data/claims.csv` into claims: who asserts which number about which event. Bad rows give errors
 * naming the file, line and field; the other rows still parse.
 */
export function parseClaimsCsv(csvText: string, fileName: string): ClaimsParseResult {
  const table = readTable(csvText, fileName);
  const errors = [...table.errors];
  const claims: Claim[] = [];
  if (table.header.length === 0) return { claims, errors };
  const missing = (['claim_id', 'quantity', 'value', 'text'] as const)
    .filter((c) => !table.header.includes(c))
    .map((c) => ({
      line: table.headerLine,
      field: c,
      message: `${fileName}, line ${table.headerLine}: missing column ${c} in the header (expected columns: ${CLAIM_COLUMNS.join(', ')})`,
    }));
  if (missing.length > 0) return { claims, errors: [...errors, ...missing] };

  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(table.header, row, fileName);
    const id = r.get('claim_id');
    if (!ID_SLUG.test(id)) r.fail('claim_id', 'a lower-case slug id', id);
    else if (seen.has(id)) r.fail('claim_id', `an id not used before (line ${seen.get(id)} has it)`, id);
    const eventId = r.get('event_id');
    if (eventId && !ID_SLUG.test(eventId)) r.fail('event_id', 'the id of an event in events.csv', eventId);
    const actorId = r.get('actor_id');
    if (actorId && !ID_SLUG.test(actorId))
      r.fail('actor_id', 'the actor id of the claimant, or nothing', actorId);
    const quantity = r.get('quantity').toLowerCase();
    if (!(CLAIM_QUANTITIES as readonly string[]).includes(quantity)) {
      r.fail('quantity', `one of ${CLAIM_QUANTITIES.join(', ')}`, r.get('quantity'));
    }
    const valueRaw = r.get('value');
    const value = r.number('value', 0, 1e12);
    if (value === null && valueRaw === '') r.fail('value', 'the number claimed', '');
    const text = r.get('text');
    if (!text) r.fail('text', 'the claim in words', '');
    const url = r.get('source_url');
    if (url && !isHttpUrl(url)) r.fail('source_url', 'an http(s) URL', url);

    if (r.errors.length === 0 && value !== null) {
      seen.set(id, row.line);
      const claim: Claim = {
        id,
        actorId: actorId || null,
        quantity: quantity as Claim['quantity'],
        value,
        text,
      };
      const qualifier = r.get('qualifier');
      if (qualifier) claim.qualifier = qualifier;
      if (eventId) claim.eventId = eventId;
      if (url) claim.url = url;
      claims.push(claim);
    }
    errors.push(...r.errors);
  }
  return { claims, errors };
}

/** What the events export needs besides the events: the figures to fill `fatalities` with. */
export interface FormatCuratedOptions {
  /**
   * Claims to fill `fatalities`/`fatalities_claimed_by` from: the single `killed` claim of an event, when it
   * has exactly one. Events with several competing figures keep the column empty, as in `data/events.csv`.
   */
  claims?: readonly Claim[];
}

/** Formats one number for a CSV cell without exponent notation or trailing noise. */
function formatNumber(n: number | undefined): string {
  return n === undefined ? '' : String(Math.round(n * 1e6) / 1e6);
}

/**
 * Formats events as `data/events.csv` text (RFC 4180 quoting, `\n` line ends, header first), readable again
 * by {@link parseCuratedEvents} and by spreadsheet tools next to an ACLED export.
 */
export function formatCuratedEventsCsv(
  events: readonly AtlasEvent[],
  options: FormatCuratedOptions = {},
): string {
  const killed = new Map<string, Claim[]>();
  for (const c of options.claims ?? []) {
    if (c.quantity !== 'killed' || !c.eventId) continue;
    killed.set(c.eventId, [...(killed.get(c.eventId) ?? []), c]);
  }
  const rows = events.map((e) => {
    const only = killed.get(e.id);
    const figure = only && only.length === 1 && only[0].actorId ? only[0] : null;
    const urls = e.sources.map((s) => s.url).filter((u): u is string => Boolean(u));
    const outlets = e.sources.map((s) => s.outlet ?? '').filter(Boolean);
    return [
      e.id,
      e.date ?? '',
      e.datePrecision,
      e.type,
      e.subType ?? '',
      e.actorIds.join(';'),
      e.targetActorIds.join(';'),
      e.placeId ?? '',
      formatNumber(e.lat),
      formatNumber(e.lon),
      figure ? String(figure.value) : '',
      figure?.actorId ?? '',
      // Outlets pair with URLs by position, so keep one per URL when every source has both.
      outlets.length === urls.length ? outlets.join(';') : [...new Set(outlets)].join(';'),
      urls.join(';'),
      e.summary,
      e.dateEnd ?? '',
    ];
  });
  return `${Papa.unparse({ fields: [...CURATED_EVENT_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}
