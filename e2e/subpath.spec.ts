import { fileURLToPath } from 'node:url';
import { test, expect } from './driver';
import { startServer } from './fixtures/host/server';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

for (const prefix of ['/atlas/', '/reports/2020/atlas/']) {
  test(`the build served under ${prefix} loads with every file found`, async ({ given, then, page }) => {
    const server = await startServer({ mount: { prefix, root: DIST } });
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => failures.push(`failed ${r.url()}`));
    try {
      // A deep link without the trailing slash: the host redirects to the folder, as GitHub Pages does.
      await given.atlas(`${server.origin}${prefix.slice(0, -1)}?from=2020-10-01&to=2020-10-10`);
      expect(new URL(page.url()).pathname).toBe(prefix);
      expect(then.urlParam('from')).toBe('2020-10-01');
      expect((await then.rangeCount()).shown).toBeGreaterThan(0);
      expect((await page.request.get(`${server.origin}${prefix}embed.js`)).status()).toBe(200);
      expect(failures).toEqual([]);
    } finally {
      await server.close();
    }
  });
}
