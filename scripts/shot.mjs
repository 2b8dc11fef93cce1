/* global window, document */
// Takes a screenshot of a page in Chromium, once the map has drawn: `node scripts/shot.mjs URL OUT.png
// [WIDTH] [HEIGHT] [--dark]`. A development aid for looking at what the atlas shows.
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS } from './chromium.mjs';

const [url, out, width = '1280', height = '800'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dark = process.argv.includes('--dark');
const browser = await chromium.launch({
  executablePath: (await findChromium()) ?? undefined,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: dark ? 'dark' : 'light',
});
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
await page
  .waitForFunction(
    () => {
      const map = window.karabakhAtlas?.map;
      return (
        document.querySelector('.map[data-loaded="true"]') && map && map.loaded() && map.areTilesLoaded()
      );
    },
    null,
    { timeout: 30_000 },
  )
  .catch(() => console.error('shot: the map did not finish loading'));
await page.waitForTimeout(500);
await page.screenshot({ path: out, ...(process.env.CLIP ? { clip: JSON.parse(process.env.CLIP) } : {}) });
await browser.close();
console.log(`shot: ${out}`);
