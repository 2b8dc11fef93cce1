import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { test, expect } from './driver';
import type { AtlasDocument, AtlasEvent } from '../src/data/model';

async function atlasDocument(): Promise<AtlasDocument> {
  return JSON.parse(await readFile(new URL('../public/data/atlas.json', import.meta.url), 'utf8'));
}

/** The dated events overlapping [from, to], in date order: the default presentation's steps. */
function eventsOfRange(doc: AtlasDocument, from: string, to: string): AtlasEvent[] {
  return doc.events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.date != null && e.date <= to && (e.dateEnd ?? e.date) >= from)
    .sort((a, b) => (a.e.date! < b.e.date! ? -1 : a.e.date! > b.e.date! ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

test('the keys step through the events of the range, moving the range end, the selection and the URL', async ({
  given,
  when,
  then,
}) => {
  const steps = eventsOfRange(await atlasDocument(), '2020-10-01', '2020-10-10');
  expect(steps.length).toBeGreaterThan(5);
  await given.atlas('./?from=2020-10-01&to=2020-10-10');

  await when.present();
  await expect.poll(() => then.presentationStep()).toEqual({ step: 1, count: steps.length });
  expect(then.urlParam('present')).toBe('1');
  expect(then.urlParam('event')).toBe(steps[0].id);
  expect(then.urlParam('to')).toBe(steps[0].date);

  const expectStep = async (n: number) => {
    await expect.poll(() => then.urlParam('step')).toBe(String(n));
    expect(then.urlParam('event')).toBe(steps[n - 1].id);
    expect(then.urlParam('to')).toBe(steps[n - 1].date);
    expect(then.urlParam('from')).toBe('2020-10-01');
    expect(await then.presentationStep()).toEqual({ step: n, count: steps.length });
  };
  await when.press('ArrowRight');
  await expectStep(2);
  await when.press('Space');
  await when.press('PageDown');
  await expectStep(4);
  await when.press('ArrowLeft');
  await expectStep(3);
  await when.press('PageUp');
  await expectStep(2);
  await when.press('End');
  await expectStep(steps.length);
  await when.press('Home');
  await expectStep(1);
  await then.screenshot('presentation');

  await when.press('Escape');
  await expect.poll(() => then.presentationStep()).toBeNull();
  expect(then.urlParam('present')).toBeNull();
  expect(then.urlParam('step')).toBeNull();
});

test('a narrative steps through its own events and notes', async ({ given, when, then, page }) => {
  const doc = await atlasDocument();
  const narrative = doc.narratives?.[0];
  expect(narrative, 'the data has an example narrative').toBeTruthy();
  await given.atlas('./');
  await when.present();
  await when.chooseSteps(narrative!.title);

  await expect.poll(() => then.urlParam('event')).toBe(narrative!.steps[0].eventId);
  expect((await then.presentationStep())?.step).toBe(1);
  await expect(page.getByText(narrative!.steps[0].note!)).toBeVisible();

  await when.press('ArrowRight');
  await expect.poll(() => then.urlParam('event')).toBe(narrative!.steps[1].eventId);
  expect(then.urlParam('step')).toBe('2');
});

test('a link to a step of a presentation opens at that step', async ({ given, then }) => {
  const steps = eventsOfRange(await atlasDocument(), '2020-10-01', '2020-10-10');
  await given.atlas('./?present=1&step=3&from=2020-10-01&to=2020-10-10');
  await expect.poll(async () => (await then.presentationStep())?.step).toBe(3);
  expect(then.urlParam('event')).toBe(steps[2].id);
  expect(then.urlParam('to')).toBe(steps[2].date);
});

test('presentation mode has no serious accessibility violation', async ({ given, when, then, page }) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  await when.present();
  await expect.poll(async () => (await then.presentationStep())?.step).toBe(1);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
