import { useEffect, useRef } from 'react';
import type { Article, Mention } from '../data/model';
import { selectHighlightedRuns } from '../data/highlight';

export interface ArticleViewProps {
  article: Article;
  mentions: readonly Mention[];
  /** The source sentence to highlight and scroll to. */
  start: number;
  end: number;
  onClose: () => void;
}

/**
 * The full text of an article in a modal dialog, the source sentence highlighted and scrolled into view.
 * Text is rendered as text, never as HTML.
 */
export function ArticleView({ article, mentions, start, end, onClose }: ArticleViewProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const markRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    markRef.current?.scrollIntoView({ block: 'center' });
  }, []);

  const before = selectHighlightedRuns(article.text, 0, start, mentions);
  const sentence = selectHighlightedRuns(article.text, start, end, mentions);
  const after = selectHighlightedRuns(article.text, end, article.text.length, mentions);
  const render = (runs: typeof before) =>
    runs.map((run, i) =>
      run.mark ? (
        <mark key={i} className={`mention mention-${run.mark}`}>
          {run.text}
        </mark>
      ) : (
        <span key={i}>{run.text}</span>
      ),
    );

  return (
    <dialog ref={dialogRef} className="article-view" aria-labelledby="article-view-title" onClose={onClose}>
      <header className="article-view-header">
        <h2 id="article-view-title">{article.headline}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => dialogRef.current?.close()}
          aria-label="Close the article"
        >
          ×
        </button>
      </header>
      <p className="article-view-meta">
        {article.outlet ? `${article.outlet} · ` : ''}
        {article.published ? `Published ${article.published}` : 'No publication date'} · {article.file}
      </p>
      {article.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {article.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="article-view-text">
        {render(before)}
        <mark ref={markRef} className="source-sentence" data-testid="source-sentence">
          {render(sentence)}
        </mark>
        {render(after)}
      </div>
    </dialog>
  );
}
