// Makes sure the e2e tests have a Chromium: uses one that is present, else installs one (Playwright's
// installer where the network allows it, else `apt-get install -y chromium` as root), else explains how.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

function tryRun(command) {
  try {
    console.log(`ensure-chromium: ${command}`);
    execSync(command, { stdio: 'inherit', timeout: 15 * 60_000 });
    return true;
  } catch {
    return false;
  }
}

let path = await findChromium();
if (!path) {
  console.log('ensure-chromium: no Chromium found; installing one.');
  if (!tryRun('npx playwright install chromium') || !(path = await findChromium())) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (
      root &&
      tryRun('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium')
    ) {
      path = await findChromium();
    }
  }
}
if (!path) {
  console.error(
    'ensure-chromium: no Chromium, and none could be installed.\n' +
      'Install one and run npm test again, e.g.:\n' +
      '  sudo apt-get install -y chromium        (Debian/Ubuntu)\n' +
      '  npx playwright install chromium         (where downloads are allowed)\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
  process.exit(1);
}
console.log(`ensure-chromium: using ${path}`);
