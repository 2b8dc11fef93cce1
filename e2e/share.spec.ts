import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { test, expect } from './driver';
import { startServer, type TestServer } from './fixtures/host/server';

let host: TestServer | null = null;

test.afterEach(async () => {
  await host?.close();
  host = null;
});

/** Serves the host fixture, with `code` pasted in, from another origin; returns its address. */
async function hostPageWith(code: string): Promise<string> {
  const template = await readFile(new URL('./fixtures/host/index.html', import.meta.url), 'utf8');
  host = await startServer({ pages: { '/': template.replace('<!-- EMBED CODE -->', code) } });
  return `${host.origin}/`;
}

test('the Share dialog gives the link to this view and both embed codes, with the chosen options', async ({
  given,
  when,
}) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');

  const link = await when.shareCode('Link to this view');
  expect(new URL(link).searchParams.get('from')).toBe('2020-10-01');
  expect(new URL(link).searchParams.get('to')).toBe('2020-10-10');

  const responsive = await when.shareCode('Responsive embed code');
  expect(responsive).toMatch(/<iframe src="[^"]*embed=1[^"]*" title="Karabakh Atlas: events, 1 October 2020/);
  expect(responsive).toContain('allow="fullscreen"');
  expect(responsive).toContain('data-karabakh-atlas');
  expect(responsive).toMatch(/<script src="http:\/\/[^"]+\/embed\.js" async><\/script>/);

  const plain = await when.shareCode('Plain iframe code');
  expect(plain).toMatch(/^<iframe [^>]*title="[^"]+"[^>]*height="\d+"[^>]*allow="fullscreen"/);
  expect(plain).not.toContain('<script');

  const withoutTimeline = await when.shareCode('Plain iframe code', { timeline: false });
  expect(withoutTimeline).toContain('timeline=0');
  expect(withoutTimeline).not.toBe(plain);
});

test('an embed shows no app chrome, a compact legend and a link to the full atlas, and does not play', async ({
  given,
  page,
}) => {
  await given.atlas('./?embed=1&from=2020-10-01&to=2020-10-10');
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('group', { name: 'Event types' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Events in the range' })).toBeHidden();
  const href = await page.getByRole('link', { name: 'Open the full atlas' }).getAttribute('href');
  const full = new URL(href ?? '', page.url());
  expect(full.searchParams.get('embed')).toBeNull();
  expect(full.searchParams.get('from')).toBe('2020-10-01');
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('Boundaries and names shown do not imply endorsement')).toBeVisible();
});

test('an embed on another origin takes the height of its content, and follows it', async ({
  given,
  when,
  then,
}) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  const code = await when.shareCode('Responsive embed code');
  await given.hostPage(await hostPageWith(code));

  await expect
    .poll(async () => {
      const { frame, content } = await then.embedHeights();
      return Math.abs(frame - content) <= 1;
    })
    .toBe(true);
  const wide = (await then.embedHeights()).content;

  // A narrower column: the map is shorter (its height follows the frame's width), so is the page.
  await when.resizeEmbed(420);
  await expect.poll(async () => (await then.embedHeights()).content).toBeLessThan(wide);
  await expect
    .poll(async () => {
      const { frame, content } = await then.embedHeights();
      return Math.abs(frame - content) <= 1;
    })
    .toBe(true);
});

test('the page scrolls past an embedded map, which keeps its zoom', async ({ given, when, then }) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  await given.hostPage(await hostPageWith(await when.shareCode('Responsive embed code')));
  const zoom = await then.embeddedMapZoom();

  await when.wheelOverEmbeddedMap(500);

  await expect.poll(() => then.pageScrollY()).toBeGreaterThan(100);
  expect(await then.embeddedMapZoom()).toBe(zoom);
});

test('the Share dialog, the export panel and an embed have no serious accessibility violation', async ({
  given,
  when,
  page,
}) => {
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  await when.shareCode('Link to this view');
  expect(await serious()).toEqual([]);
  await when.press('Escape');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  expect(await serious()).toEqual([]);
  await given.atlas('./?embed=1&from=2020-10-01&to=2020-10-10');
  expect(await serious()).toEqual([]);
});
