import { useState } from 'react';
import type { LoadProgress } from '../store/store-client';

const PHASES: Record<LoadProgress['phase'], string> = {
  download: 'Downloading the events',
  parse: 'Reading the events',
  index: 'Indexing the events',
  receive: 'Putting the events on the map',
};

const number = new Intl.NumberFormat('en');

function amount(progress: LoadProgress): string {
  const { phase, done, total } = progress;
  if (phase === 'download') {
    const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
    return total ? `${mb(done)} of ${mb(total)} MB` : done ? `${mb(done)} MB` : '';
  }
  if (phase === 'receive') return `${number.format(done)} of ${number.format(total)}`;
  if (phase === 'index') return total ? `${number.format(total)} events` : '';
  return '';
}

interface LoadStatusProps {
  progress: LoadProgress | null;
  notices: readonly string[];
  /** Whether events are already shown (a rebuild after an import rather than the first load). */
  hasStore: boolean;
}

/**
 * What loading is doing, over the map: the stage, how far it has got, a bar where the total is known. The
 * page stays usable meanwhile (the work is in a worker). Notices (a refused `?data=`, events left out) stay
 * until dismissed.
 */
export function LoadStatus({ progress, notices, hasStore }: LoadStatusProps) {
  const [dismissed, setDismissed] = useState(0);
  const shown = notices.slice(dismissed);
  // A small document loads in a blink: only the longer stages are worth a line once events are shown.
  const showProgress = progress && !(hasStore && progress.phase === 'receive');
  if (!showProgress && shown.length === 0) return null;
  const fraction =
    progress && progress.total > 0 && (progress.phase === 'download' || progress.phase === 'receive')
      ? Math.min(1, progress.done / progress.total)
      : null;
  return (
    <div className="load-status">
      {showProgress && progress && (
        <div role="status" className="load-progress">
          <span>
            {PHASES[progress.phase]}
            {amount(progress) && ` · ${amount(progress)}`}…
          </span>
          <progress
            aria-label={PHASES[progress.phase]}
            max={1}
            {...(fraction != null ? { value: fraction } : {})}
          />
        </div>
      )}
      {shown.length > 0 && (
        <div className="load-notices" role="alert">
          <ul>
            {shown.map((n, i) => (
              <li key={dismissed + i}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setDismissed(notices.length)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
