import { useSyncExternalStore } from 'react';
import type { ThemeSetting } from '../url/url-state';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** The theme in effect: the URL's choice, or the system's for `auto`. */
export function useTheme(setting: ThemeSetting): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
  return setting === 'auto' ? (systemDark ? 'dark' : 'light') : setting;
}
