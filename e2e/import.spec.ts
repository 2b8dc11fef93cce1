import { readFileSync } from 'node:fs';
import { expect, Given, test, Then, When } from './driver';

const SEED_NAME = '000_9210aabef647218d.txt';
const SEED = `../shared/seeds/${SEED_NAME}`;
const BAD_ROW_CSV = 'e2e/fixtures/user-events-bad-row.csv';
const HOSTILE = 'e2e/fixtures/hostile-article.txt';

/** A synthetic article (test data, not a report): a dated line on shelling near a town. */
function syntheticArticle(i: number): { name: string; mimeType: string; buffer: Buffer } {
  const towns = ['Stepanakert', 'Martuni', 'Hadrut', 'Tartar', 'Barda', 'Goris', 'Ganja', 'Shusha'];
  const town = towns[i % towns.length];
  const day = 1 + (i % 28);
  const text = [
    `Published 10:00 UTC, October ${day}, 2020`,
    `Fixture report ${i}: shelling reported near ${town}`,
    `Test fixture ${i}, not a real report. Officials said shelling hit ${town} on October ${day}, 2020.`,
    '',
  ].join('\n');
  return {
    name: `fixture-${String(i).padStart(3, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  };
}

test("an imported article's events appear, survive a reload, and go with their source", async ({
  given,
  when,
  then,
}) => {
  // A page whose own data lacks the seed article, so everything it reports comes from the import.
  await given.atlasWithoutArticle(SEED_NAME);
  await given.atlas('./?from=2020-10-19&to=2020-10-19');
  const before = await then.rangeCount();
  expect((await then.listedEvents()).join('\n')).not.toMatch(/Caucasus conflict/);

  await when.importFiles([SEED]);
  const review = await then.importReview();
  expect(review).toHaveLength(1);
  expect(review[0]).toContain(SEED_NAME);
  expect(review[0]).toMatch(/\d+ events/);
  await when.addAllImported();

  await expect.poll(async () => (await then.listedEvents()).join('\n')).toMatch(/Caucasus conflict/);
  expect((await then.rangeCount()).shown).toBe(before.shown + 1);
  expect((await then.rangeCount()).total).toBeGreaterThan(before.total);

  await when.reload();
  await expect.poll(async () => (await then.listedEvents()).join('\n')).toMatch(/Caucasus conflict/);
  expect((await then.rangeCount()).shown).toBe(before.shown + 1);

  await when.openImportPanel();
  expect(await then.userSources()).toEqual([SEED_NAME]);
  await when.removeSource(SEED_NAME);
  await expect.poll(async () => (await then.listedEvents()).join('\n')).not.toMatch(/Caucasus conflict/);
  expect(await then.rangeCount()).toEqual(before);

  await when.reload();
  expect(await then.rangeCount()).toEqual(before);
  expect((await then.listedEvents()).join('\n')).not.toMatch(/Caucasus conflict/);
  await when.openImportPanel();
  expect(await then.userSources()).toEqual([]);
});

test('a CSV with one bad row imports the other rows and names the bad line', async ({
  given,
  when,
  then,
}) => {
  await given.atlas('./?from=2020-10-14&to=2020-10-16');
  await when.importFiles([BAD_ROW_CSV]);
  const [entry] = await then.importReview();
  expect(entry).toContain('2 events');
  const problems = await then.importProblems('user-events-bad-row.csv');
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/user-events-bad-row\.csv, line 3, event_date: expected a date .*"2020-02-30"/);

  await when.addAllImported();
  await expect
    .poll(async () => (await then.listedEvents()).join('\n'))
    .toMatch(/shelling reported near Martuni[\s\S]*families sheltered in Goris/);
  expect((await then.listedEvents()).join('\n')).not.toContain("this row's date does not exist");
});

test('200 articles import with visible progress while the page keeps ticking', async ({
  given,
  when,
  then,
}) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-31');
  await given.pageTimer();
  await when.importFiles(Array.from({ length: 200 }, (_, i) => syntheticArticle(i)));
  const review = await then.importReview();
  expect(review).toHaveLength(200);

  const { ticks, progressValues } = await then.timerTicks();
  // The timer saw the progress bar at many different values: it ran between files, so the page was free.
  expect(progressValues.length).toBeGreaterThanOrEqual(3);
  expect(ticks).toBeGreaterThan(progressValues.length);

  await when.addAllImported();
  expect(await then.userSources()).toHaveLength(200);
});

test('a long import can be cancelled, keeping what was read for review', async ({ given, when, then }) => {
  await given.atlas();
  await when.importFiles(Array.from({ length: 200 }, (_, i) => syntheticArticle(i)));
  await when.cancelImport();
  const review = await then.importReview();
  expect(await then.importNotice()).toMatch(/^Import cancelled: \d+ of 200 files read/);
  expect(review.length).toBeLessThan(200);
});

test('an article with markup shows it as text and runs none of it', async ({ page, given, when, then }) => {
  await given.atlas('./?from=2020-10-12&to=2020-10-12');
  await when.importFiles([HOSTILE]);
  const [entry] = await then.importReview();
  expect(entry).toContain(`<img src=x onerror="window.__hostile='img'">`);
  expect(entry).toContain(`<script>window.__hostile='script'</script>`);
  await when.addAllImported();
  await expect.poll(async () => (await then.listedEvents()).join('\n')).toContain('<script>');

  expect(await page.evaluate(() => (window as unknown as { __hostile?: string }).__hostile)).toBeUndefined();
  expect(await page.locator('img[src="x"], a[href^="javascript:"]').count()).toBe(0);
  expect(
    await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__hostile'))),
  ).toBe(false);
});

test('everything added exports as one document that rebuilds the same map elsewhere', async ({
  browser,
  given,
  when,
  then,
}) => {
  await given.atlas('./?from=2020-10-14&to=2020-10-16');
  await when.importFiles([BAD_ROW_CSV]);
  await then.importReview();
  await when.addAllImported();
  await expect.poll(async () => (await then.listedEvents()).join('\n')).toMatch(/Goris/);
  const listed = await then.listedEvents();
  const count = await then.rangeCount();
  const exported = await when.exportMyData();

  // Another machine: a fresh browser context with empty storage.
  const other = await browser.newContext();
  const page = await other.newPage();
  const elsewhere = { given: new Given(page), when: new When(page), then: new Then(page, test.info()) };
  await elsewhere.given.atlas('./?from=2020-10-14&to=2020-10-16');
  expect((await elsewhere.then.rangeCount()).total).toBe(count.total - 2);
  await elsewhere.when.importFiles([exported]);
  await elsewhere.then.importReview();
  await elsewhere.when.addAllImported();
  await expect.poll(() => elsewhere.then.listedEvents()).toEqual(listed);
  expect(await elsewhere.then.rangeCount()).toEqual(count);
  await other.close();
});

test('a full storage says so and loses nothing already stored', async ({ given, when, then }) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-31');
  await when.importFiles([BAD_ROW_CSV]);
  await then.importReview();
  await when.addAllImported();

  await given.storageFullAfterOneRecord();
  await when.importFiles([HOSTILE, SEED]);
  await then.importReview();
  await when.addAllImported(false);
  expect(await then.storageAlert()).toMatch(
    /storage for this page is full, so 2 sources could not be saved\. Nothing you had added before was lost\./,
  );
  expect(await then.userSources()).toEqual(['user-events-bad-row.csv']);

  await when.reload();
  await when.openImportPanel();
  expect(await then.userSources()).toEqual(['user-events-bad-row.csv']);
});

test('hiding my data takes it off the map and the choice is kept', async ({ given, when, then }) => {
  await given.atlas('./?from=2020-10-14&to=2020-10-16');
  const before = await then.rangeCount();
  await when.importFiles([BAD_ROW_CSV]);
  await then.importReview();
  await when.addAllImported();
  await expect.poll(() => then.rangeCount()).toEqual({ shown: before.shown + 2, total: before.total + 2 });
  await when.showMyData(false);
  await expect.poll(() => then.rangeCount()).toEqual(before);
  await when.reload();
  expect(await then.rangeCount()).toEqual(before);
});

test('data added by pasting or dropping comes back after a browser restart', async ({
  given,
  when,
  then,
}) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-31');
  await when.pasteForImport(readFileSync(BAD_ROW_CSV, 'utf8'));
  expect(await then.importReview()).toEqual([expect.stringContaining('Pasted text 1')]);
  await when.addAllImported();
  await when.dropFiles([
    { name: 'dropped.geojson', text: readFileSync('e2e/fixtures/points.geojson', 'utf8') },
  ]);
  const [dropped] = await then.importReview();
  expect(dropped).toContain('dropped.geojson');
  await when.addAllImported();
  const count = await then.rangeCount();

  const page = await when.restartBrowser('./?from=2020-10-01&to=2020-10-31');
  const after = { when: new When(page), then: new Then(page, test.info()) };
  expect(await after.then.rangeCount()).toEqual(count);
  await after.when.openImportPanel();
  expect(await after.then.userSources()).toEqual(['Pasted text 1', 'dropped.geojson']);
  await page.context().close();
});

test("an embed shows the atlas's data, not the visitor's imports", async ({ given, when, then }) => {
  await given.atlas('./?from=2020-10-14&to=2020-10-16');
  const before = await then.rangeCount();
  await when.importFiles([BAD_ROW_CSV]);
  await then.importReview();
  await when.addAllImported();
  await expect.poll(() => then.rangeCount()).toEqual({ shown: before.shown + 2, total: before.total + 2 });

  await given.atlas('./?embed=1&from=2020-10-14&to=2020-10-16');
  expect(await then.rangeCount()).toEqual(before);
});
