import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasDocument } from '../data/model';
import { mergeUserDocuments } from '../import/merge-user';
import type { ImportKind } from '../import/types';
import {
  DEFAULT_USER_SETTINGS,
  newSourceId,
  openUserStore,
  UserStoreError,
  type UserSettings,
  type UserSource,
  type UserStore,
} from '../import/user-store';

/** A source to add: what a file gave, with its name and kind. */
export interface NewUserSource {
  name: string;
  kind: ImportKind;
  doc: AtlasDocument;
}

/** The user's own data as the page sees it, with the actions that change it. */
export interface UserData {
  /** `loading` until the stored sources have been read (or found unreadable). */
  status: 'loading' | 'ready';
  /** Every stored source, oldest first. */
  sources: UserSource[];
  settings: UserSettings;
  /** The visible sources merged into one document; null when there is none or the group is hidden. */
  doc: AtlasDocument | null;
  /** False when the browser refused storage: additions then last until the page closes. */
  persistent: boolean;
  /** The last storage problem, in words for the user; null when none. */
  error: string | null;
  /** Adds sources in one transaction. Resolves false (with `error` set) when nothing could be saved. */
  add(sources: readonly NewUserSource[]): Promise<boolean>;
  /** Removes one source. */
  remove(id: string): Promise<boolean>;
  /** Shows or hides all of the user's data. */
  setVisible(visible: boolean): Promise<boolean>;
  /** Shows or hides one source. */
  setSourceVisible(id: string, visible: boolean): Promise<boolean>;
  /** Everything the user added, merged into one atlas document (hidden sources included). */
  exportDocument(): AtlasDocument;
  clearError(): void;
}

interface State {
  status: 'loading' | 'ready';
  sources: UserSource[];
  settings: UserSettings;
  persistent: boolean;
  error: string | null;
}

function messageOf(error: unknown): string {
  if (error instanceof UserStoreError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The user's sources and settings, kept in IndexedDB. State changes only after a write has committed, so
 * what the page shows is always what a reload would show; a failed write leaves both as they were.
 */
export function useUserData(): UserData {
  const [state, setState] = useState<State>({
    status: 'loading',
    sources: [],
    settings: DEFAULT_USER_SETTINGS,
    persistent: true,
    error: null,
  });
  const storeRef = useRef<UserStore | null>(null);
  // The latest state for the actions, which run one after another on `queue`.
  const stateRef = useRef(state);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    stateRef.current = state;
  });

  useEffect(() => {
    let closed = false;
    openUserStore()
      .then(async (store) => {
        const loaded = await store.load();
        if (closed) {
          store.close();
          return;
        }
        storeRef.current = store;
        setState((s) => ({ ...s, status: 'ready', sources: loaded.sources, settings: loaded.settings }));
      })
      .catch((error: unknown) => {
        if (closed) return;
        setState((s) => ({
          ...s,
          status: 'ready',
          persistent: false,
          error: `Your browser does not let this page keep data (${messageOf(error)}). What you import lasts until the page is closed; use "Export my data" to keep it.`,
        }));
      });
    return () => {
      closed = true;
      storeRef.current?.close();
      storeRef.current = null;
    };
  }, []);

  /** Runs `write` after the previous action; applies `next` to the state only when the write succeeded. */
  const run = useCallback(
    (
      write: (store: UserStore, current: State) => Promise<void>,
      next: (current: State) => Partial<State>,
    ) => {
      const task = queue.current.then(async () => {
        const current = stateRef.current;
        const store = storeRef.current;
        try {
          if (store) await write(store, current);
        } catch (error) {
          setState((s) => ({ ...s, error: messageOf(error) }));
          return false;
        }
        const patch = next(current);
        stateRef.current = { ...current, ...patch };
        setState((s) => ({ ...s, ...patch, error: store ? null : s.error }));
        return true;
      });
      queue.current = task;
      return task;
    },
    [],
  );

  const add = useCallback(
    (items: readonly NewUserSource[]) => {
      const now = Date.now();
      const addedAt = new Date(now).toISOString();
      const sources: UserSource[] = items.map((item, i) => ({ id: newSourceId(now + i), addedAt, ...item }));
      return run(
        (store, current) => store.add(sources, current.settings),
        (current) => ({ sources: [...current.sources, ...sources] }),
      );
    },
    [run],
  );

  const remove = useCallback(
    (id: string) => {
      const settingsWithout = (s: UserSettings) => ({ ...s, hidden: s.hidden.filter((h) => h !== id) });
      return run(
        (store, current) => store.remove(id, settingsWithout(current.settings)),
        (current) => ({
          sources: current.sources.filter((s) => s.id !== id),
          settings: settingsWithout(current.settings),
        }),
      );
    },
    [run],
  );

  const saveSettings = useCallback(
    (change: (s: UserSettings) => UserSettings) =>
      run(
        (store, current) => store.saveSettings(change(current.settings)),
        (current) => ({ settings: change(current.settings) }),
      ),
    [run],
  );

  const setVisible = useCallback(
    (visible: boolean) => saveSettings((s) => ({ ...s, visible })),
    [saveSettings],
  );

  const setSourceVisible = useCallback(
    (id: string, visible: boolean) =>
      saveSettings((s) => ({
        ...s,
        hidden: visible ? s.hidden.filter((h) => h !== id) : [...new Set([...s.hidden, id])],
      })),
    [saveSettings],
  );

  const { sources, settings } = state;
  const doc = useMemo(() => {
    if (!settings.visible) return null;
    const hidden = new Set(settings.hidden);
    const docs = sources.filter((s) => !hidden.has(s.id)).map((s) => s.doc);
    return docs.length > 0 ? mergeUserDocuments(docs) : null;
  }, [sources, settings]);

  const exportDocument = useCallback(
    () => ({
      ...mergeUserDocuments(stateRef.current.sources.map((s) => s.doc)),
      generated: new Date().toISOString(),
    }),
    [],
  );

  const clearError = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  return {
    status: state.status,
    sources,
    settings,
    doc,
    persistent: state.persistent,
    error: state.error,
    add,
    remove,
    setVisible,
    setSourceVisible,
    exportDocument,
    clearError,
  };
}
