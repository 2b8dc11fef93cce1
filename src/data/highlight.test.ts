import { describe, expect, it } from 'vitest';
import { selectHighlightedRuns } from './highlight';

describe('selectHighlightedRuns', () => {
  const text = 'Yesterday Pashinyan wrote to Putin from Yerevan.';
  const m = (word: string, kind: 'place' | 'actor', match: 'exact' | 'fallback' = 'exact') => {
    const start = text.indexOf(word);
    return { start, end: start + word.length, kind, match };
  };

  it('marks the mentions inside the span and keeps the text whole', () => {
    const runs = selectHighlightedRuns(text, 10, text.length, [
      m('Pashinyan', 'actor'),
      m('Yerevan', 'place'),
      m('Yesterday', 'place'),
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text.slice(10));
    expect(runs.filter((r) => r.mark).map((r) => [r.text, r.mark])).toEqual([
      ['Pashinyan', 'actor'],
      ['Yerevan', 'place'],
    ]);
  });

  it('does not mark fallback mentions', () => {
    expect(
      selectHighlightedRuns(text, 0, text.length, [m('Putin', 'actor', 'fallback')]).some((r) => r.mark),
    ).toBe(false);
  });
});
