import { useCallback, useEffect, useRef, useState } from 'react';
import { formatUrlState, parseUrlState, type UrlState } from '../url/url-state';

function readLocation(): UrlState {
  return parseUrlState(window.location.search, window.location.hash);
}

/**
 * The view state, parsed once from the URL and written back on every change: `push` adds a history entry
 * (range and selection changes, so Back and Forward step through them), otherwise the entry is replaced.
 */
export function useUrlState() {
  const [state, setState] = useState<UrlState>(readLocation);
  const stateRef = useRef(state);

  useEffect(() => {
    const onPop = () => {
      stateRef.current = readLocation();
      setState(stateRef.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((patch: Partial<UrlState>, options: { push?: boolean } = {}) => {
    const next = { ...stateRef.current, ...patch };
    stateRef.current = next;
    const url = formatUrlState(next, window.location.search) || window.location.pathname;
    if (options.push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState(next);
  }, []);

  return [state, update] as const;
}
