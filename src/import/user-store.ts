/**
 * The user's own data in IndexedDB: one record per imported source (its atlas document) and one record of
 * settings. Every change is one transaction, so a failure, a full disk or a tab closed half-way leaves what
 * was stored before exactly as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { AtlasDocument } from '../data/model';
import type { ImportKind } from './types';

/** One imported source: a file or a paste, with what it gave (its events are marked `origin: 'user'`). */
export interface UserSource {
  id: string;
  /** The file name, or "Pasted text N". */
  name: string;
  kind: ImportKind;
  /** UTC ISO instant it was added. */
  addedAt: string;
  doc: AtlasDocument;
}

/** The user's choices about their data. */
export interface UserSettings {
  /** Whether the user's data is drawn at all (show or hide it as a group). @default true */
  visible: boolean;
  /** Ids of sources the user has hidden one by one. */
  hidden: string[];
}

/** Settings of a fresh browser. */
export const DEFAULT_USER_SETTINGS: UserSettings = { visible: true, hidden: [] };

/** The database's name. @default */
export const USER_DB_NAME = 'karabakh-atlas-user';
const SETTINGS_KEY = 'settings';

interface UserDb extends DBSchema {
  sources: { key: string; value: UserSource };
  settings: { key: string; value: UserSettings };
}

type WriteTransaction = IDBPTransaction<UserDb, ('sources' | 'settings')[], 'readwrite'>;

/** Thrown by the store with a message for the user; `quota` when the browser's storage is full. */
export class UserStoreError extends Error {
  constructor(
    message: string,
    readonly quota: boolean,
  ) {
    super(message);
    this.name = 'UserStoreError';
  }
}

/** True when an error (or the error it wraps) says the storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A message for the user about a failed write; `what` names what was being saved ("3 sources"). */
export function describeStorageError(error: unknown, what: string): UserStoreError {
  const kept = 'Nothing you had added before was lost.';
  if (isQuotaError(error)) {
    return new UserStoreError(
      `The browser's storage for this page is full, so ${what} could not be saved. ${kept} Remove sources you no longer need (export them first with "Export my data"), then try again.`,
      true,
    );
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new UserStoreError(`${what} could not be saved (${detail}). ${kept}`, false);
}

/** The user's data store. Open it with {@link openUserStore}. */
export class UserStore {
  constructor(private readonly db: IDBPDatabase<UserDb>) {}

  /** Every stored source, oldest first, and the settings. */
  async load(): Promise<{ sources: UserSource[]; settings: UserSettings }> {
    const tx = this.db.transaction(['sources', 'settings'], 'readonly');
    const [sources, settings] = await Promise.all([
      tx.objectStore('sources').getAll(),
      tx.objectStore('settings').get(SETTINGS_KEY),
      tx.done,
    ]);
    sources.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
    return { sources, settings: { ...DEFAULT_USER_SETTINGS, ...settings } };
  }

  /** Adds sources and writes the settings, all or nothing. */
  async add(sources: readonly UserSource[], settings: UserSettings): Promise<void> {
    const what = sources.length === 1 ? `"${sources[0].name}"` : `${sources.length} sources`;
    await this.write(what, (tx) => [
      ...sources.map((s) => tx.objectStore('sources').put(s)),
      tx.objectStore('settings').put(settings, SETTINGS_KEY),
    ]);
  }

  /** Removes one source and writes the settings, all or nothing. */
  async remove(id: string, settings: UserSettings): Promise<void> {
    await this.write('the removal', (tx) => [
      tx.objectStore('sources').delete(id),
      tx.objectStore('settings').put(settings, SETTINGS_KEY),
    ]);
  }

  /** Writes the settings. */
  async saveSettings(settings: UserSettings): Promise<void> {
    await this.write('your display settings', (tx) => [
      tx.objectStore('settings').put(settings, SETTINGS_KEY),
    ]);
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }

  /**
   * Runs `requests` in one read-write transaction. Any error, thrown at once or reported later, aborts the
   * whole transaction, so none of its writes land.
   */
  private async write(what: string, requests: (tx: WriteTransaction) => Promise<unknown>[]): Promise<void> {
    const tx = this.db.transaction(['sources', 'settings'], 'readwrite');
    // An aborted transaction rejects `done`; when a request throws before it is awaited, that is handled here.
    tx.done.catch(() => {});
    try {
      await Promise.all([...requests(tx), tx.done]);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing was committed by a failed transaction either way.
      }
      // The transaction's own error is the precise one (QuotaExceededError) when the request's is AbortError.
      throw describeStorageError(tx.error ?? error, what);
    }
  }
}

/** Opens (and on first use creates) the user's database. */
export async function openUserStore(name = USER_DB_NAME): Promise<UserStore> {
  const db = await openDB<UserDb>(name, 1, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('sources'))
        database.createObjectStore('sources', { keyPath: 'id' });
      if (!database.objectStoreNames.contains('settings')) database.createObjectStore('settings');
    },
  });
  return new UserStore(db);
}

/** A new source id: time-ordered, unique in practice. */
export function newSourceId(now = Date.now()): string {
  const random = Math.floor(Math.random() * 0x100000000)
    .toString(16)
    .padStart(8, '0');
  return `src-${now.toString(36).padStart(10, '0')}-${random}`;
}
