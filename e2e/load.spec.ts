import { expect, test } from './driver';
import { generateAtlasDocument } from '../src/data/synthetic';

test('100,000 events load in a worker, with progress, while the page keeps running', async ({
  given,
  then,
}) => {
  const doc = generateAtlasDocument({ count: 100_000, seed: 7 });
  const dated = doc.events.filter((e) => e.date).length;
  await given.served('big-events.json', JSON.stringify(doc));
  await given.loadWatcher();
  await given.atlas('./?data=big-events.json');

  expect((await then.rangeCount()).total).toBe(dated);
  const { ticks, lines } = await then.loadTicks();
  // The page's timer saw the events arrive in several steps: it ran between them, so the page was free.
  const receiving = lines.filter((l) => l.startsWith('Putting the events on the map'));
  expect(receiving.length).toBeGreaterThanOrEqual(3);
  expect(ticks).toBeGreaterThan(lines.length);
});

test('a data parameter on another site is refused, named, and the atlas shows its own data', async ({
  given,
  then,
  foreignRequests,
}) => {
  await given.atlas('./?data=https://example.org/events.json');
  const notices = await then.loadNotices();
  expect(notices.join(' ')).toContain('"https://example.org/events.json" is on another site');
  expect((await then.rangeCount()).total).toBeGreaterThan(150);
  expect(foreignRequests).toEqual([]);
});

test('a missing or broken data file is named with its problem, and the own data loads', async ({
  given,
  then,
}) => {
  await given.atlas('./?data=no-such-file.json');
  expect((await then.loadNotices()).join(' ')).toMatch(
    /"no-such-file\.json" could not be loaded: .*(HTTP 404|not a JSON file)/,
  );
  expect((await then.rangeCount()).total).toBeGreaterThan(150);

  await given.served('broken.json', '{"version": 1, "events": [{"id": "a"},');
  await given.atlas('./?data=broken.json');
  expect((await then.loadNotices()).join(' ')).toContain('broken.json, line 1');
  expect((await then.rangeCount()).total).toBeGreaterThan(150);
});
