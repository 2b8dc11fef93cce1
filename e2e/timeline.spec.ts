import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './driver';

/** Okabe-Ito colours of the marks (src/data/event-style.ts). */
const ATTACK: [number, number, number] = [0xd5, 0x5e, 0x00];

function near(a: [number, number, number] | null, b: [number, number, number]): boolean {
  return !!a && a.every((v, i) => Math.abs(v - b[i]) < 40);
}

test('moving the range end with the keyboard changes the count, the list, the URL and the map', async ({
  given,
  when,
  then,
}) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  const before = await then.rangeCount();
  expect(await then.listedEventCount()).toBe(before.shown);
  await expect
    .poll(async () => near(await then.colourAtEvent('ka-2020-10-06-shusha-shelled'), ATTACK))
    .toBe(true);

  await when.pressOnHandle('Range end', 'ArrowLeft', 5);

  await expect.poll(() => then.urlParam('to')).toBe('2020-10-05');
  const after = await then.rangeCount();
  expect(after.shown).toBeLessThan(before.shown);
  expect(after.total).toBe(before.total);
  expect(await then.listedEventCount()).toBe(after.shown);
  // The attack on Shusha of 6 October left the range: its mark is gone; Ganja's of 4 October stays.
  await expect
    .poll(async () => near(await then.colourAtEvent('ka-2020-10-06-shusha-shelled'), ATTACK))
    .toBe(false);
  await expect
    .poll(async () => near(await then.colourAtEvent('ka-2020-10-04-ganja-strike'), ATTACK))
    .toBe(true);
});

test('a URL with from, to and event opens that range and the event', async ({ given, page }) => {
  await given.atlas('./?from=2020-10-03&to=2020-10-04&event=ka-2020-10-04-ganja-strike');
  await expect(page.getByRole('slider', { name: 'Range start' })).toHaveAttribute(
    'aria-valuetext',
    /3 October 2020/,
  );
  await expect(page.getByRole('slider', { name: 'Range end' })).toHaveAttribute(
    'aria-valuetext',
    /4 October 2020/,
  );
  const detail = page.getByRole('article');
  await expect(detail).toContainText('Ganja');
  await expect(detail.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
});

test('Back restores the previous range', async ({ given, when, then }) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  await when.pressOnHandle('Range start', 'PageUp');
  await expect.poll(() => then.urlParam('from')).toBe('2020-10-08');
  await when.goBack();
  await expect.poll(() => then.urlParam('from')).toBe('2020-10-01');
  await expect.poll(async () => (await then.rangeCount()).shown).toBeGreaterThan(0);
});

test('selecting an event in the list selects it and shows its details', async ({
  given,
  when,
  then,
  page,
}) => {
  await given.atlas('./?from=2020-10-08&to=2020-10-08');
  await when.chooseListedEvent(/cathedral/i);
  await expect(page.getByRole('article')).toContainText(/cathedral/i);
  expect(then.urlParam('event')).toMatch(/^ka-2020-10-08/);
});

test('the page has no serious or critical accessibility violation', async ({ given, page }) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10&event=ka-2020-10-04-ganja-strike');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
