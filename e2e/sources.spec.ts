import { test, expect } from './driver';

const LETTER = 'ka-2020-10-31-pashinyan-letter';

test('each quote shown is the exact text of its article at the source offsets', async ({ given, page }) => {
  await given.atlas(`./?from=2020-10-31&to=2020-10-31&event=${LETTER}`);
  const expected = await page.evaluate(async (id) => {
    const doc = await (await fetch('data/atlas.json')).json();
    const event = doc.events.find((e: { id: string }) => e.id === id);
    return event.sources
      .filter((s: { articleId?: string }) => s.articleId)
      .map((s: { articleId: string; start: number; end: number }) => {
        const article = doc.articles.find((a: { id: string }) => a.id === s.articleId);
        return article.text.slice(s.start, s.end);
      });
  }, LETTER);
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.getByTestId('source-quote')).toHaveText(expected);
});

test('"Read the article" opens its full text with the source sentence highlighted', async ({
  given,
  page,
}) => {
  await given.atlas(`./?from=2020-10-31&to=2020-10-31&event=${LETTER}`);
  const firstQuote = (await page.getByTestId('source-quote').first().textContent()) ?? '';
  await page.getByRole('button', { name: 'Read the article' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('source-sentence')).toHaveText(firstQuote);
  await expect(dialog).toContainText('Published');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a statement by an actor far away is marked at the map edge, and clicking it shows both ends', async ({
  given,
  page,
}) => {
  await given.atlas(`./?from=2020-10-31&to=2020-10-31&event=${LETTER}#map=8/39.8/46.7`);
  const moscow = page.getByRole('button', { name: /Vladimir Putin.*km away/ });
  await expect(moscow).toBeVisible();
  await moscow.click();
  await expect(moscow).toBeHidden();
});

test.describe('on a phone, by touch', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the events sheet slides up, and tapping an event shows its details', async ({ given, page }) => {
    await given.atlas('./?from=2020-10-08&to=2020-10-08');
    const toggle = page.getByRole('button', { name: /^Events \(\d+\)$/ });
    await toggle.tap();
    await expect(page.getByRole('button', { name: 'Hide events' })).toBeVisible();
    await page
      .getByRole('list', { name: 'Events in the range' })
      .getByRole('button', { name: /cathedral/i })
      .first()
      .tap();
    await expect(page.getByRole('article')).toContainText(/cathedral/i);
  });
});
