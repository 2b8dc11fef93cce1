/**
 * Splits the content lines of an article (headline, standfirst, body) into sentences and tokens.
 */
import type { TextLine } from './header';
import { splitSentences, tokenize, type Sentence, type Token } from './text';

/** The tokenised text of an article. */
export interface AnalyzedText {
  sentences: Sentence[];
  tokens: Token[];
  /** Sentences of a headline written in Title Case (most words capitalised). */
  titleCaseSentences: Set<number>;
}

/** Tokenises the given lines; `headlineLine` is checked for Title Case. */
export function analyzeText(text: string, lines: TextLine[], headlineLine?: number): AnalyzedText {
  const sentences = splitSentences(text, lines);
  const tokens: Token[] = [];
  const titleCaseSentences = new Set<number>();
  for (const s of sentences) {
    s.tokenStart = tokens.length;
    const part = tokenize(text, s.start, s.end, s.index);
    for (const t of part) tokens.push(t);
    s.tokenEnd = tokens.length;
    if (s.line === headlineLine && isTitleCase(part)) titleCaseSentences.add(s.index);
  }
  return { sentences, tokens, titleCaseSentences };
}

/** Most words of four letters or more capitalised: "Azerbaijan Says Its Forces Captured Shusha". */
function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.text.length >= 4 && !/^\d/.test(t.text));
  if (words.length < 3) return false;
  return words.filter((t) => t.cap).length >= words.length * 0.6;
}
