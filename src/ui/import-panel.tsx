import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Article, AtlasDocument } from '../data/model';
import { startImportJob, type ImportJob } from '../import/import-job';
import type { ImportJobItem } from '../import/import-protocol';
import { IMPORT_KIND_LABELS, type ImportFileResult } from '../import/types';
import type { UserData } from './use-user-data';
import './import.css';

export interface ImportPanelProps {
  userData: UserData;
  /** The atlas's own articles (null until loaded), to say when an imported article is already in it. */
  baseArticles: Article[] | null;
}

interface Progress {
  done: number;
  total: number;
  current: string;
}

/** One reviewed file: its result, and whether the user keeps it ticked for adding. */
interface Reviewed {
  key: number;
  result: ImportFileResult;
  selected: boolean;
  /** Why it would add nothing new (its articles are already shown), if so. */
  already: string | null;
}

const ACCEPT =
  '.txt,.text,.md,.csv,.tsv,.json,.geojson,text/plain,text/csv,application/json,application/geo+json';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describeResult(r: ImportFileResult): string {
  const s = r.summary;
  const parts = [plural(s.events, 'event')];
  if (s.undated > 0) parts[0] += ` (${s.undated} without a date, not on the map)`;
  parts.push(plural(s.places, 'place'), plural(s.actors, 'actor'));
  return parts.join(', ');
}

function download(doc: AtlasDocument, name: string): void {
  const blob = new Blob([JSON.stringify(doc, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The user's own data: the header's "Import" button and its panel (file input, paste area, progress with
 * cancel, review before adding, the list of added sources with show/hide and remove, export), and the drop
 * zone over the whole page. Every text from a file is rendered as a React text node, never as HTML.
 */
export function ImportPanel({ userData, baseArticles }: ImportPanelProps) {
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [review, setReview] = useState<Reviewed[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [paste, setPaste] = useState('');
  const [dragging, setDragging] = useState(false);
  const jobRef = useRef<ImportJob | null>(null);
  const keyRef = useRef(0);
  const pasteCount = useRef(0);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const panelId = useId();

  // Article ids the page already shows, and which of the user's sources holds each.
  const known = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of baseArticles ?? []) map.set(a.id, "the atlas's own data");
    for (const s of userData.sources)
      for (const a of s.doc.articles) map.set(a.id, `your source "${s.name}"`);
    return map;
  }, [baseArticles, userData.sources]);
  const knownRef = useRef(known);
  useEffect(() => {
    knownRef.current = known;
  });

  const start = useCallback((items: ImportJobItem[]) => {
    if (items.length === 0 || jobRef.current) return;
    setOpen(true);
    setNotice(null);
    setProgress({ done: 0, total: items.length, current: items[0].name });
    let done = 0;
    jobRef.current = startImportJob(items, {
      onProgress: (_done, total, current) => setProgress({ done, total, current }),
      onResult: (result) => {
        done++;
        const articles = result.doc?.articles ?? [];
        const where =
          articles.length > 0 && articles.every((a) => knownRef.current.has(a.id))
            ? knownRef.current.get(articles[0].id)!
            : null;
        const reviewed: Reviewed = {
          key: keyRef.current++,
          result,
          selected: result.doc !== null && where === null,
          already: where && `Already in ${where}: its events are shown already.`,
        };
        setReview((r) => [...r, reviewed]);
        setProgress((p) => (p ? { ...p, done } : p));
      },
      onDone: ({ cancelled, error }) => {
        jobRef.current = null;
        setProgress(null);
        if (error) setNotice(`The import stopped: ${error}. Files read before it are listed below.`);
        else if (cancelled)
          setNotice(
            `Import cancelled: ${done} of ${plural(items.length, 'file')} read. Review them below; the others were not read.`,
          );
        else setNotice(`${plural(done, 'file')} read. Review what each gave, then add all or some.`);
      },
    });
  }, []);

  useEffect(() => () => jobRef.current?.cancel(), []);

  // The whole page is a drop zone for files.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      start(Array.from(e.dataTransfer?.files ?? [], (f) => ({ name: f.name, blob: f })));
    };
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [start]);

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const readPaste = () => {
    if (paste.trim() === '') {
      setNotice('Nothing to read: paste an article, a CSV or GeoJSON into the box first.');
      return;
    }
    pasteCount.current++;
    start([{ name: `Pasted text ${pasteCount.current}`, text: paste }]);
    setPaste('');
  };

  const addable = review.filter((r) => r.result.doc);
  const chosen = addable.filter((r) => r.selected);

  const add = async (items: Reviewed[]) => {
    if (items.length === 0) return;
    const ok = await userData.add(
      items.map((r) => ({ name: r.result.file, kind: r.result.kind!, doc: r.result.doc! })),
    );
    if (!ok) return;
    const events = items.reduce((n, r) => n + r.result.summary.events, 0);
    const added = new Set(items.map((r) => r.key));
    setReview((list) => list.filter((r) => !added.has(r.key)));
    setNotice(`Added ${plural(items.length, 'source')} with ${plural(events, 'event')}.`);
  };

  const eventsOf = (doc: AtlasDocument) => doc.events.length;
  const hidden = new Set(userData.settings.hidden);
  const totalEvents = userData.sources.reduce((n, s) => n + eventsOf(s.doc), 0);
  const ready = userData.status === 'ready';

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="import-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Import
        {userData.sources.length > 0 && <span className="import-badge"> ({userData.sources.length})</span>}
      </button>
      {dragging && (
        <div className="import-drop-overlay" aria-hidden="true">
          <p>Drop files to import them</p>
        </div>
      )}
      <div
        ref={panelRef}
        id={panelId}
        className="import-panel"
        role="dialog"
        aria-labelledby={headingId}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <div className="import-panel-header">
          <h2 id={headingId} tabIndex={-1}>
            Your articles and data
          </h2>
          <button type="button" className="icon-button" aria-label="Close the import panel" onClick={close}>
            ×
          </button>
        </div>

        <section className="import-section" aria-label="Add">
          <label className="import-file-label">
            <span>Import articles or data</span>
            <input
              ref={fileInputRef}
              type="file"
              multiple
              accept={ACCEPT}
              disabled={progress !== null}
              onChange={(e) => {
                const files = Array.from(e.currentTarget.files ?? []);
                start(files.map((f) => ({ name: f.name, blob: f })));
                e.currentTarget.value = '';
              }}
            />
          </label>
          <p className="import-hint">
            Plain-text articles, a CSV of events (the atlas's columns or an ACLED export), GeoJSON points with
            a date, or an atlas document you exported. You can also drop files anywhere on the page.
          </p>
          <label className="import-paste">
            <span>Or paste an article, CSV or GeoJSON</span>
            <textarea value={paste} rows={4} onChange={(e) => setPaste(e.target.value)} />
          </label>
          <button type="button" onClick={readPaste} disabled={progress !== null}>
            Read pasted text
          </button>
        </section>

        {progress && (
          <section className="import-section import-progress" aria-label="Import progress">
            <progress max={progress.total} value={progress.done} aria-label="Files read" />
            <p aria-live="polite">
              {progress.done} of {plural(progress.total, 'file')} read, {progress.total - progress.done} left
              {progress.done < progress.total && (
                <span className="import-current"> · reading {progress.current}</span>
              )}
            </p>
            <button type="button" onClick={() => jobRef.current?.cancel()}>
              Cancel import
            </button>
          </section>
        )}

        {notice && (
          <p className="import-notice" role="status">
            {notice}
          </p>
        )}
        {userData.error && (
          <div className="import-error" role="alert">
            <p>{userData.error}</p>
            <button type="button" onClick={userData.clearError}>
              Dismiss
            </button>
          </div>
        )}

        {review.length > 0 && (
          <section className="import-section" aria-labelledby={`${headingId}-review`}>
            <h3 id={`${headingId}-review`}>Review before adding</h3>
            <ul className="import-review" aria-label="Files read">
              {review.map((r) => (
                <ReviewItem
                  key={r.key}
                  item={r}
                  onToggle={(selected) =>
                    setReview((list) => list.map((x) => (x.key === r.key ? { ...x, selected } : x)))
                  }
                />
              ))}
            </ul>
            <div className="import-actions">
              <button
                type="button"
                disabled={!ready || addable.length === 0}
                onClick={() => void add(addable)}
              >
                Add all ({addable.length})
              </button>
              <button type="button" disabled={!ready || chosen.length === 0} onClick={() => void add(chosen)}>
                Add selected ({chosen.length})
              </button>
              <button type="button" onClick={() => setReview([])}>
                Discard
              </button>
            </div>
          </section>
        )}

        <section className="import-section" aria-labelledby={`${headingId}-mine`}>
          <h3 id={`${headingId}-mine`}>
            Your data ({plural(userData.sources.length, 'source')}, {plural(totalEvents, 'event')})
          </h3>
          {!userData.persistent && (
            <p className="import-hint">
              This browser does not keep data for this page: export it to keep it.
            </p>
          )}
          <label className="import-toggle">
            <input
              type="checkbox"
              checked={userData.settings.visible}
              disabled={!ready}
              onChange={(e) => void userData.setVisible(e.target.checked)}
            />
            Show my data on the map
          </label>
          {userData.sources.length > 0 ? (
            <ul className="import-sources" aria-label="Your sources">
              {userData.sources.map((s) => (
                <li key={s.id}>
                  <label className="import-source-name">
                    <input
                      type="checkbox"
                      checked={!hidden.has(s.id)}
                      disabled={!ready || !userData.settings.visible}
                      onChange={(e) => void userData.setSourceVisible(s.id, e.target.checked)}
                    />
                    {s.name}
                  </label>
                  <span className="import-source-meta">
                    {IMPORT_KIND_LABELS[s.kind]} · {plural(eventsOf(s.doc), 'event')} · added{' '}
                    {new Date(s.addedAt).toLocaleDateString()}
                  </span>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove ${s.name}`}
                    disabled={!ready}
                    onClick={() => void userData.remove(s.id)}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="import-hint">Nothing added yet.</p>
          )}
          <button
            type="button"
            disabled={userData.sources.length === 0}
            onClick={() =>
              download(
                userData.exportDocument(),
                `karabakh-atlas-my-data-${new Date().toISOString().slice(0, 10)}.json`,
              )
            }
          >
            Export my data
          </button>
        </section>
      </div>
    </>
  );
}

function ReviewItem({ item, onToggle }: { item: Reviewed; onToggle: (selected: boolean) => void }) {
  const r = item.result;
  const errors = r.messages.filter((m) => m.level === 'error').length;
  return (
    <li className="import-result" data-failed={r.doc ? undefined : 'true'}>
      {r.doc ? (
        <label className="import-result-name">
          <input type="checkbox" checked={item.selected} onChange={(e) => onToggle(e.target.checked)} />
          {r.file}
        </label>
      ) : (
        <span className="import-result-name">{r.file}</span>
      )}
      <span className="import-result-kind">
        {r.kind ? IMPORT_KIND_LABELS[r.kind] : 'not read'}
        {errors > 0 && r.doc ? ` · ${plural(errors, 'problem')} left out` : ''}
      </span>
      {r.doc && <p className="import-result-summary">{describeResult(r)}</p>}
      {r.summary.headlines.map((h, i) => (
        <p key={i} className="import-result-headline">
          {h}
        </p>
      ))}
      {r.summary.unplaced.length > 0 && (
        <p className="import-result-unplaced">Could not place: {r.summary.unplaced.join(', ')}</p>
      )}
      {item.already && <p className="import-result-already">{item.already}</p>}
      {r.messages.length > 0 && (
        <ul className="import-messages" aria-label={`Problems in ${r.file}`}>
          {r.messages.map((m, i) => (
            <li key={i} data-level={m.level}>
              <span className="import-sr-only">{m.level === 'error' ? 'Error: ' : 'Warning: '}</span>
              {m.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
