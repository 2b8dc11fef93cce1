import { test, expect } from './driver';
import { placeById } from '../geo/gazetteer';

const stepanakert = placeById('stepanakert')!;

test('the atlas loads offline: no console error, no request to another origin', async ({
  given,
  then,
  foreignRequests,
  consoleErrors,
}) => {
  await given.atlas();
  await then.screenshot('desktop-1280x800');
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the Nagorno-Karabakh layer is drawn at Stepanakert', async ({ given, then }) => {
  await given.atlas();
  const features = await then.renderedAt('nk-1994-fill', stepanakert.lon, stepanakert.lat);
  expect(features).toContainEqual(expect.objectContaining({ id: 'nk-1994' }));
});

test('both names of Stepanakert are on screen, and one when the reader asks', async ({
  given,
  when,
  then,
}) => {
  await given.atlas();
  await expect.poll(() => then.labelsOnScreen()).toContain('Stepanakert / Khankendi');
  await when.chooseNames('English');
  await expect.poll(() => then.labelsOnScreen()).toContain('Stepanakert');
  expect(await then.labelsOnScreen()).not.toContain('Stepanakert / Khankendi');
});

test('the disclaimer and the credits are always visible', async ({ given, page }) => {
  await given.atlas();
  await expect(
    page.getByText('Boundaries and names shown do not imply endorsement or acceptance.'),
  ).toBeVisible();
  await expect(page.getByText(/Natural Earth/).first()).toBeVisible();
  await expect(page.getByText(/GeoNames/).first()).toBeVisible();
});

test('the phone layout shows the map and the disclaimer', async ({ given, then, page }) => {
  await given.phone();
  await given.atlas();
  await expect(page.getByRole('region', { name: /Map of Armenia/ })).toBeVisible();
  await expect(
    page.getByText('Boundaries and names shown do not imply endorsement or acceptance.'),
  ).toBeVisible();
  await then.screenshot('phone-375x740');
});
