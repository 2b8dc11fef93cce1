import type { Mention } from './model';

/** A run of text, marked when it is part of a highlighted span. */
export interface TextRun {
  text: string;
  /** Set when the run is a mention (its kind) or the highlighted sentence. */
  mark?: 'place' | 'actor' | 'source';
}

/**
 * Splits `text[start, end)` into runs with the mentions inside it marked. Offsets are UTF-16 indices into
 * the full text, as the ingest records them; overlapping mentions keep the first.
 */
export function selectHighlightedRuns(
  text: string,
  start: number,
  end: number,
  mentions: readonly Pick<Mention, 'start' | 'end' | 'kind' | 'match'>[],
): TextRun[] {
  const inside = mentions
    .filter((m) => m.match !== 'fallback' && m.start >= start && m.end <= end && m.end > m.start)
    .sort((a, b) => a.start - b.start);
  const runs: TextRun[] = [];
  let at = start;
  for (const m of inside) {
    if (m.start < at) continue;
    if (m.start > at) runs.push({ text: text.slice(at, m.start) });
    runs.push({ text: text.slice(m.start, m.end), mark: m.kind });
    at = m.end;
  }
  if (at < end) runs.push({ text: text.slice(at, end) });
  return runs;
}
