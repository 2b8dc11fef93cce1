/* global URL, process, console, window, document, MutationObserver */
// Dev-only visual and interaction check of the timeline adapter (not part of the build or the tests):
// serves this folder with Vite, drives the harness in the system Chromium, writes screenshots to
// .cache/timeline-shots and prints what the sliders and the change log say.
// Run from the repo root: node src/timeline/dev/shot.mjs
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = '.cache/timeline-shots';
mkdirSync(outDir, { recursive: true });

const server = await createServer({ root, configFile: false, logLevel: 'error', server: { port: 5199 } });
await server.listen();
const url = 'http://localhost:5199/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});

const slider = (page, name) => page.getByRole('slider', { name });
const aria = async (page) => ({
  start: await slider(page, 'Range start').getAttribute('aria-valuetext'),
  end: await slider(page, 'Range end').getAttribute('aria-valuetext'),
});
const lastLog = (page, n = 4) => page.evaluate((k) => window.__timelineLog.slice(-k), n);

try {
  for (const [width, theme] of [
    [1000, 'light'],
    [375, 'light'],
    [375, 'dark'],
  ]) {
    const page = await browser.newPage({ viewport: { width, height: 360 } });
    page.on('pageerror', (e) => console.log('PAGE ERROR', e.message));
    await page.goto(`${url}?theme=${theme}`);
    await slider(page, 'Range start').waitFor();
    await page.screenshot({ path: `${outDir}/initial-${width}-${theme}.png` });
    console.log(width, theme, 'initial', await aria(page));
    await page.close();
  }

  const page = await browser.newPage({ viewport: { width: 1000, height: 360 } });
  page.on('pageerror', (e) => console.log('PAGE ERROR', e.message));
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto(url);
  const start = slider(page, 'Range start');
  const end = slider(page, 'Range end');
  await start.waitFor();

  await start.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageUp');
  console.log('keys → ×3, PageUp on start:', await aria(page), await lastLog(page));
  await page.screenshot({ path: `${outDir}/focus-start.png` });
  await page.keyboard.press('End');
  console.log(
    'End on start:',
    await aria(page),
    await start.getAttribute('aria-valuenow'),
    await end.getAttribute('aria-valuenow'),
  );
  await page.keyboard.press('Home');

  const box = await end.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 15, box.y + box.height / 2);
  await page.mouse.up();
  console.log('drag end +150px:', await aria(page), await lastLog(page, 3));

  const sel = await page.locator('.ka-timeline__selection').boundingBox();
  await page.mouse.move(sel.x + sel.width / 2, sel.y + 20);
  await page.mouse.down();
  await page.mouse.move(sel.x + sel.width / 2 - 100, sel.y + 20, { steps: 5 });
  await page.mouse.up();
  console.log('pan selection -100px:', await aria(page), await lastLog(page, 2));

  const plot = await page.locator('.ka-timeline__plot').boundingBox();
  await page.mouse.click(plot.x + plot.width * 0.85, plot.y + 30);
  console.log('click at 85%:', await aria(page), await lastLog(page, 1));

  await page.getByRole('button', { name: 'Week' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${outDir}/week.png` });
  console.log('Week ticks:', await page.locator('.ka-timeline__axis .tick text').allTextContents());
  await page.getByRole('button', { name: 'Month' }).click();
  await page.waitForTimeout(400);
  console.log('Month ticks:', await page.locator('.ka-timeline__axis .tick text').allTextContents());
  await page.getByRole('button', { name: 'All' }).click();
  await page.waitForTimeout(400);
  await page.mouse.move(plot.x + plot.width / 2, plot.y + 30);
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/wheel.png` });
  console.log('after wheel ticks:', await page.locator('.ka-timeline__axis .tick text').allTextContents());

  // App-driven moves (playback) must not redraw the bars.
  const before = await page
    .locator('.ka-timeline__bar')
    .first()
    .evaluate((p) => p.getAttribute('d').length);
  await page.evaluate(() => {
    window.__barMutations = 0;
    new MutationObserver((records) => (window.__barMutations += records.length)).observe(
      document.querySelector('.ka-timeline__bars'),
      { attributes: true, childList: true, subtree: true, attributeFilter: ['d', 'fill'] },
    );
  });
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step +1 day' }).click();
  await end.focus();
  await page.keyboard.press('ArrowLeft');
  console.log(
    'bar path length',
    before,
    'bar mutations after 5 app steps and a key:',
    await page.evaluate(() => window.__barMutations),
  );
  await page.close();

  const touch = await browser.newPage({
    viewport: { width: 375, height: 360 },
    hasTouch: true,
    isMobile: true,
  });
  await touch.goto(url);
  await slider(touch, 'Range start').waitFor();
  const tplot = await touch.locator('.ka-timeline__plot').boundingBox();
  await touch.touchscreen.tap(tplot.x + tplot.width * 0.8, tplot.y + 30);
  await touch.waitForTimeout(200);
  console.log('tap at 80% (touch):', await aria(touch), await lastLog(touch, 1));
  // A two-finger pinch through CDP (Playwright has no pinch helper): the axis should zoom in.
  const cdp = await touch.context().newCDPSession(touch);
  const cy = tplot.y + 30;
  const cx = tplot.x + tplot.width / 2;
  const points = (d) => [
    { x: cx - d, y: cy, id: 1 },
    { x: cx + d, y: cy, id: 2 },
  ];
  const ticksBefore = await touch.locator('.ka-timeline__axis .tick text').allTextContents();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(20) });
  for (let d = 30; d <= 120; d += 10) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await touch.waitForTimeout(200);
  console.log(
    'pinch ticks before',
    ticksBefore,
    'after',
    await touch.locator('.ka-timeline__axis .tick text').allTextContents(),
  );
  await touch.getByRole('button', { name: 'All' }).tap();
  await touch.waitForTimeout(400);
  const hbox = await slider(touch, 'Range end').boundingBox();
  console.log('handle hit box (touch)', hbox);
  const hx = hbox.x + hbox.width / 2;
  const hy = hbox.y + hbox.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: hx, y: hy, id: 1 }] });
  for (let d = 5; d <= 40; d += 5) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: hx + d, y: hy, id: 1 }],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await touch.waitForTimeout(100);
  console.log('touch drag end handle +40px:', await aria(touch), await lastLog(touch, 2));
  await touch.screenshot({ path: `${outDir}/touch.png` });
  await touch.close();
} finally {
  await browser.close();
  await server.close();
}
