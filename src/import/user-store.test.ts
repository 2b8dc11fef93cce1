import { describe, expect, it } from 'vitest';
import { describeStorageError, isQuotaError, newSourceId } from './user-store';

describe('describeStorageError', () => {
  it('says the storage is full and that nothing stored was lost', () => {
    const e = describeStorageError(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      '"a.csv"',
    );
    expect(e.quota).toBe(true);
    expect(e.message).toMatch(
      /^The browser's storage for this page is full, so "a\.csv" could not be saved\./,
    );
    expect(e.message).toContain('Nothing you had added before was lost.');
  });

  it('finds a quota error wrapped in another', () => {
    const inner = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(new Error('AbortError', { cause: inner }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('names any other failure and still says nothing was lost', () => {
    const e = describeStorageError(new DOMException('clone failed', 'DataCloneError'), '2 sources');
    expect(e.quota).toBe(false);
    expect(e.message).toBe(
      '2 sources could not be saved (DataCloneError: clone failed). Nothing you had added before was lost.',
    );
  });
});

describe('newSourceId', () => {
  it('orders ids by time', () => {
    expect(newSourceId(1000) < newSourceId(2000)).toBe(true);
    expect(newSourceId(1000)).toMatch(/^src-00000000rs-[0-9a-f]{8}$/);
  });
});
