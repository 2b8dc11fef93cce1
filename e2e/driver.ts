/**
 * The e2e driver: domain verbs over Playwright. The only file that imports @playwright/test; specs use
 * `test`, `expect` and the `given` / `when` / `then` fixtures from here.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

export { expect };

/** Every request the page made to an origin other than its own (data: and blob: URLs excepted). */
function watchForeignRequests(page: Page, baseURL: string): string[] {
  const own = new URL(baseURL).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== own) foreign.push(url);
  });
  return foreign;
}

function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export class Given {
  constructor(private readonly page: Page) {}

  /** Opens the atlas at `path` (query and hash included) and waits until the map has drawn its labels. */
  async atlas(path = './'): Promise<void> {
    await this.page.goto(path);
    await this.page.locator('.map[data-loaded="true"]').waitFor();
    await this.page.waitForFunction(() => {
      const map = (
        window as unknown as { karabakhAtlas?: { map: { loaded(): boolean; areTilesLoaded(): boolean } } }
      ).karabakhAtlas?.map;
      return !!map && map.loaded() && map.areTilesLoaded();
    });
  }

  /** A phone's viewport. */
  async phone(): Promise<void> {
    await this.page.setViewportSize({ width: 375, height: 740 });
  }

  /** The atlas's own data without one article (by file name) and what only it reported: a page that lacks it. */
  async atlasWithoutArticle(file: string): Promise<void> {
    await this.page.route('**/data/atlas.json', async (route) => {
      const response = await route.fetch();
      const doc = await response.json();
      type Ref = { articleId?: string };
      const ids = new Set(
        doc.articles.filter((a: { file: string }) => a.file.endsWith(file)).map((a: { id: string }) => a.id),
      );
      const keep = (x: Ref) => !x.articleId || !ids.has(x.articleId);
      doc.articles = doc.articles.filter((a: { id: string }) => !ids.has(a.id));
      doc.mentions = doc.mentions.filter(keep);
      doc.claims = doc.claims.filter(keep);
      doc.events = doc.events
        .map((e: { sources: Ref[] }) => ({ ...e, sources: e.sources.filter(keep) }))
        .filter((e: { sources: Ref[] }) => e.sources.length > 0);
      await route.fulfill({ response, json: doc });
    });
  }

  /** Serves `body` at `file` beside the page (a JSON document the test made), with its length. */
  async served(file: string, body: string): Promise<void> {
    await this.page.route(`**/${file}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
  }

  /**
   * From the page's first script on, a timer that ticks every 20 ms and notes the loading line it sees at
   * each tick: it can only tick while the main thread is free.
   */
  async loadWatcher(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __loadTicks: (string | null)[] };
      w.__loadTicks = [];
      setInterval(() => {
        w.__loadTicks.push(document.querySelector('.load-progress')?.textContent ?? null);
      }, 20);
    });
  }

  /** A timer on the page that ticks every 20 ms and notes the import progress it sees at each tick. */
  async pageTimer(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __ticks: (number | null)[] };
      w.__ticks = [];
      setInterval(() => {
        const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Files read"]');
        w.__ticks.push(bar ? bar.value : null);
      }, 20);
    });
  }

  /**
   * The browser's storage fills up after one more record: the next write's second record fails with
   * QuotaExceededError (so a transaction is cut half-way), until the page reloads.
   */
  async storageFullAfterOneRecord(): Promise<void> {
    await this.page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      let records = 0;
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
        if (++records > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
  }

  /** Opens a page (of another origin) that embeds the atlas; waits until the embedded map has drawn. */
  async hostPage(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.frameLocator('iframe[data-karabakh-atlas]').locator('.map[data-loaded="true"]').waitFor();
  }

  /** Serves `bytes` at `file` beside the page as a static host does a PMTiles file: with range requests. */
  async servedWithRanges(file: string, bytes: Uint8Array): Promise<void> {
    await this.page.route(`**/${file}`, (route) => {
      const headers = { 'content-type': 'application/vnd.pmtiles', 'accept-ranges': 'bytes' };
      const m = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers()['range'] ?? '');
      if (!m) return route.fulfill({ status: 200, headers, body: Buffer.from(bytes) });
      const start = Number(m[1]);
      const end = Math.min(m[2] ? Number(m[2]) : bytes.length - 1, bytes.length - 1);
      return route.fulfill({
        status: 206,
        headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}` },
        body: Buffer.from(bytes.subarray(start, end + 1)),
      });
    });
  }
}

type AtlasHandle = {
  map: import('maplibre-gl').Map;
  atlas: { eventScreenPosition(i: number): { x: number; y: number } | null };
};

export class When {
  constructor(private readonly page: Page) {}

  /** Presses `key` `times` times on a timeline handle ("Range start" or "Range end"). */
  async pressOnHandle(name: 'Range start' | 'Range end', key: string, times = 1): Promise<void> {
    const handle = this.page.getByRole('slider', { name });
    await handle.focus();
    for (let i = 0; i < times; i++) await handle.press(key);
  }

  /** Chooses an event in the list by its summary. */
  async chooseListedEvent(summary: string | RegExp): Promise<void> {
    await this.page
      .getByRole('list', { name: 'Events in the range' })
      .getByRole('button', { name: summary })
      .first()
      .click();
  }

  async goBack(): Promise<void> {
    await this.page.goBack();
  }

  /** Opens the import panel (the header's "Import" button) unless it is open. */
  async openImportPanel(): Promise<void> {
    const panel = this.page.getByRole('dialog', { name: 'Your articles and data' });
    if (!(await panel.isVisible())) await this.page.getByRole('button', { name: /^Import/ }).click();
    await panel.waitFor();
  }

  /** Picks files with the import panel's file input (paths from the repo root, or name and content). */
  async importFiles(files: (string | { name: string; mimeType: string; buffer: Buffer })[]): Promise<void> {
    await this.openImportPanel();
    await this.page.getByLabel('Import articles or data').setInputFiles(files as string[]);
  }

  /** Waits for the import to finish, then adds every file it read (when `expectAdded`, waits for the save). */
  async addAllImported(expectAdded = true): Promise<void> {
    const panel = this.page.getByRole('dialog', { name: 'Your articles and data' });
    await panel.getByRole('button', { name: /^Add all/ }).click();
    if (expectAdded)
      await panel
        .getByRole('status')
        .filter({ hasText: /^Added / })
        .waitFor();
  }

  async cancelImport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel import' }).click();
  }

  /** Pastes text into the import panel and has it read. */
  async pasteForImport(text: string): Promise<void> {
    await this.openImportPanel();
    await this.page.getByRole('textbox', { name: 'Or paste an article, CSV or GeoJSON' }).fill(text);
    await this.page.getByRole('button', { name: 'Read pasted text' }).click();
  }

  /** Drops files (name and text) on the map, as a user dragging them from the desktop. */
  async dropFiles(files: { name: string; text: string }[]): Promise<void> {
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      return dt;
    }, files);
    await this.page.locator('.map').dispatchEvent('dragenter', { dataTransfer: transfer });
    await this.page.locator('.map').dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** Opens the atlas in a new browser session that has this one's stored data, as after a restart. */
  async restartBrowser(path: string): Promise<Page> {
    const state = await this.page.context().storageState({ indexedDB: true });
    const context = await this.page.context().browser()!.newContext({ storageState: state });
    const page = await context.newPage();
    await new Given(page).atlas(path);
    return page;
  }

  /** Removes one of the user's sources by its name. */
  async removeSource(name: string): Promise<void> {
    const list = this.page.getByRole('list', { name: 'Your sources' });
    const row = list.getByRole('listitem').filter({ hasText: name });
    await this.page.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
    await row.waitFor({ state: 'detached' });
  }

  /** Shows or hides all of the user's data. */
  async showMyData(show: boolean): Promise<void> {
    // The box follows the stored setting, so it changes once the write has committed.
    const box = this.page.getByRole('checkbox', { name: 'Show my data on the map' });
    if ((await box.isChecked()) !== show) await box.click();
    await expect(box).toBeChecked({ checked: show });
  }

  /** Clicks "Export my data" and returns the path of the downloaded file. */
  async exportMyData(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export my data' }).click();
    const file = await download;
    const path = test.info().outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return path;
  }

  /** Reloads the page and waits for the map, as a reader coming back would. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('.map[data-loaded="true"]').waitFor();
  }

  async chooseNames(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Names' }).selectOption({ label });
  }

  /** Opens the Share dialog and returns one of its codes ("Responsive embed code", "Link to this view"…). */
  async shareCode(label: string, options: { timeline?: boolean } = {}): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: 'Share this view' });
    if (!(await dialog.isVisible()))
      await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    if (options.timeline != null) await dialog.getByLabel('Show the timeline').setChecked(options.timeline);
    return dialog.getByRole('textbox', { name: label }).inputValue();
  }

  async present(): Promise<void> {
    await this.page.getByRole('button', { name: 'Present', exact: true }).click();
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  /** Chooses what a presentation steps through: a narrative by title, or the range's events. */
  async chooseSteps(title: string | RegExp): Promise<void> {
    const select = this.page
      .getByRole('toolbar', { name: 'Presentation controls' })
      .getByRole('combobox')
      .first();
    const label = await select.locator('option').filter({ hasText: title }).first().textContent();
    await select.selectOption({ label: label ?? '' });
  }

  /** Switches an event type of the legend on or off. */
  async toggleType(label: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Event types' }).getByRole('button', { name: label }).click();
  }

  /** Exports the view as a PNG `width` CSS pixels wide and returns the downloaded bytes. */
  async exportImage(width: number): Promise<Buffer> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    await this.page.getByRole('combobox', { name: 'Image width' }).selectOption(String(width));
    return this.download(this.page.getByRole('button', { name: 'Download image (PNG)' }));
  }

  /** Exports the events of the range and filters and returns the file's text. */
  async exportEvents(format: 'CSV' | 'GeoJSON'): Promise<string> {
    const button = this.page.getByRole('button', { name: `Events as ${format}` });
    if (!(await button.isVisible()))
      await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    return (await this.download(button)).toString('utf8');
  }

  private async download(button: import('@playwright/test').Locator): Promise<Buffer> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Sets the width of the embedding iframe on the host page, as a narrower column would. */
  async resizeEmbed(width: number): Promise<void> {
    await this.page.locator('iframe[data-karabakh-atlas]').evaluate((f, w) => {
      (f as HTMLIFrameElement).style.width = `${w}px`;
    }, width);
  }

  /** Turns the mouse wheel over the middle of the embedded map. */
  async wheelOverEmbeddedMap(deltaY: number): Promise<void> {
    const box = await this.page.frameLocator('iframe[data-karabakh-atlas]').locator('.map').boundingBox();
    if (!box) throw new Error('The embedded map is not on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 150));
    await this.page.mouse.wheel(0, deltaY);
  }

  /** Chooses a theme in the header ("Light", "Dark", "Auto"). */
  async chooseTheme(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Theme' }).selectOption({ label });
  }

  /**
   * Clicks a tiled event drawn at least 30 px from every mark of the atlas's own events (which would take
   * the click) and from other tiled events; returns its id.
   */
  async clickLoneTiledEvent(): Promise<string> {
    const target = await this.page.evaluate(() => {
      const handle = (window as unknown as { karabakhAtlas: AtlasHandle }).karabakhAtlas;
      const taken: { x: number; y: number }[] = [];
      for (let i = 0; ; i++) {
        const p = handle.atlas.eventScreenPosition(i);
        if (!p) break;
        taken.push(p);
      }
      const canvas = handle.map.getCanvas();
      const tiled = handle.map.queryRenderedFeatures({ layers: ['events-tiled'] }).map((f) => {
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        return { id: String(f.properties.id), ...handle.map.project([lon, lat]) };
      });
      const far = (a: { x: number; y: number }, b: { x: number; y: number }) =>
        Math.hypot(a.x - b.x, a.y - b.y) > 30;
      return (
        tiled.find(
          (t) =>
            t.x > 40 &&
            t.y > 40 &&
            t.x < canvas.clientWidth - 80 &&
            t.y < canvas.clientHeight - 40 &&
            taken.every((p) => far(p, t)) &&
            tiled.every((o) => o.id === t.id || far(o, t)),
        ) ?? null
      );
    });
    if (!target) throw new Error('No tiled event stands alone on the map');
    await this.page.locator('.map canvas').click({ position: { x: target.x, y: target.y } });
    return target.id;
  }
}

export class Then {
  constructor(
    private readonly page: Page,
    private readonly testInfo: TestInfo,
  ) {}

  /** Ids of the features of `layer` MapLibre has rendered at a place's coordinates. */
  async renderedAt(layer: string, lon: number, lat: number): Promise<unknown[]> {
    return this.page.evaluate(
      ({ layer, lon, lat }) => {
        const map = (window as unknown as { karabakhAtlas: { map: import('maplibre-gl').Map } }).karabakhAtlas
          .map;
        const point = map.project([lon, lat]);
        const box: [[number, number], [number, number]] = [
          [point.x - 3, point.y - 3],
          [point.x + 3, point.y + 3],
        ];
        return map.queryRenderedFeatures(box, { layers: [layer] }).map((f) => f.properties);
      },
      { layer, lon, lat },
    );
  }

  /** The labels MapLibre has placed on screen (rendered symbol features of the place label layer). */
  async labelsOnScreen(): Promise<string[]> {
    return this.page.evaluate(() => {
      const map = (window as unknown as { karabakhAtlas: { map: import('maplibre-gl').Map } }).karabakhAtlas
        .map;
      return map.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => String(f.properties.label));
    });
  }

  /** The "N of M events" figures under the timeline. */
  async rangeCount(): Promise<{ shown: number; total: number }> {
    const text = (await this.page.locator('.range-summary').textContent()) ?? '';
    const m = /(\d+) of (\d+) events/.exec(text);
    return { shown: Number(m?.[1]), total: Number(m?.[2]) };
  }

  /** Number of events the list holds (it renders only the rows in view, and says how many there are). */
  async listedEventCount(): Promise<number> {
    const first = this.page.getByRole('list', { name: 'Events in the range' }).locator('li').first();
    if ((await first.count()) === 0) return 0;
    return Number(await first.getAttribute('aria-setsize'));
  }

  /** Texts of the event rows the list shows (the rows in view). */
  async listedEvents(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: 'Events in the range' });
    if ((await list.count()) === 0) return [];
    return list.getByRole('button').allTextContents();
  }

  /** Waits for an import to finish reading; returns each file's review entry as text. */
  async importReview(): Promise<string[]> {
    await this.page
      .getByRole('status')
      .filter({ hasText: /files? read/ })
      .waitFor();
    return this.page.getByRole('list', { name: 'Files read' }).locator('.import-result').allTextContents();
  }

  /** The problems the review lists for one file. */
  async importProblems(file: string): Promise<string[]> {
    return this.page
      .getByRole('list', { name: `Problems in ${file}` })
      .getByRole('listitem')
      .allTextContents();
  }

  /** Names of the user's sources, as listed in the import panel. */
  async userSources(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: 'Your sources' });
    if ((await list.count()) === 0) return [];
    return list.locator('.import-source-name').allTextContents();
  }

  /** The import panel's latest notice ("200 files read…", "Import cancelled…", "Added…"). */
  async importNotice(): Promise<string> {
    return (await this.page.locator('.import-notice[role="status"]').textContent()) ?? '';
  }

  /** The storage alert of the import panel, if one is shown. */
  async storageAlert(): Promise<string> {
    return (await this.page.locator('.import-error[role="alert"]').textContent()) ?? '';
  }

  /** What the page timer of `given.pageTimer()` saw: its ticks, and the progress values it saw during them. */
  async timerTicks(): Promise<{ ticks: number; progressValues: number[] }> {
    const ticks = await this.page.evaluate(
      () => (window as unknown as { __ticks: (number | null)[] }).__ticks,
    );
    return {
      ticks: ticks.length,
      progressValues: [...new Set(ticks.filter((v): v is number => v !== null))],
    };
  }

  /** What the watcher of `given.loadWatcher()` saw: its ticks, and the distinct loading lines among them. */
  async loadTicks(): Promise<{ ticks: number; lines: string[] }> {
    const ticks = await this.page.evaluate(
      () => (window as unknown as { __loadTicks: (string | null)[] }).__loadTicks,
    );
    return { ticks: ticks.length, lines: [...new Set(ticks.filter((v): v is string => v !== null))] };
  }

  /** The notices shown over the map about the data (a refused or broken `?data=`). */
  async loadNotices(): Promise<string[]> {
    const notices = this.page.locator('.load-notices li');
    await notices.first().waitFor();
    return notices.allTextContents();
  }

  /** A query parameter of the page's URL. */
  urlParam(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }

  /**
   * The colour drawn on the map where an event's mark sits (its sorted index in the atlas), read from the
   * WebGL canvas: what the reader sees there.
   */
  async colourAtEvent(eventId: string): Promise<[number, number, number] | null> {
    return this.page.evaluate(async (id) => {
      const handle = (window as unknown as { karabakhAtlas: AtlasHandle }).karabakhAtlas;
      const response = await fetch('data/atlas.json');
      const doc = (await response.json()) as { events: { id: string; date: string | null }[] };
      const dated = doc.events.map((e, i) => ({ e, i })).filter(({ e }) => e.date);
      dated.sort((a, b) => (a.e.date! < b.e.date! ? -1 : a.e.date! > b.e.date! ? 1 : a.i - b.i));
      const index = dated.findIndex(({ e }) => e.id === id);
      const p = handle.atlas.eventScreenPosition(index);
      if (!p) return null;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const source = handle.map.getCanvas();
      const ratio = source.width / source.clientWidth;
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const d = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
      return [d[0], d[1], d[2]] as [number, number, number];
    }, eventId);
  }

  /** "Step N of M" of the presentation, or null when not presenting. */
  async presentationStep(): Promise<{ step: number; count: number } | null> {
    const count = this.page.locator('.presentation-count');
    if ((await count.count()) === 0) return null;
    const m = /Step (\d+) of (\d+)/.exec((await count.textContent()) ?? '');
    return m ? { step: Number(m[1]), count: Number(m[2]) } : null;
  }

  /** The embedding iframe's height on the host page, and the height of the atlas's content inside it. */
  async embedHeights(): Promise<{ frame: number; content: number }> {
    const iframe = this.page.locator('iframe[data-karabakh-atlas]');
    const frame = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const content = await this.page
      .frameLocator('iframe[data-karabakh-atlas]')
      .locator('body')
      .evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    return { frame, content };
  }

  async pageScrollY(): Promise<number> {
    return this.page.evaluate(() => window.scrollY);
  }

  /** The embedded map's zoom. */
  async embeddedMapZoom(): Promise<number> {
    const frame = this.page.frame({ url: /embed=1/ });
    if (!frame) throw new Error('No embedded atlas');
    return frame.evaluate(() =>
      (window as unknown as { karabakhAtlas: { map: { getZoom(): number } } }).karabakhAtlas.map.getZoom(),
    );
  }

  /**
   * Decodes a PNG in the browser: its size, and how many distinct colours the middle of the image (the map)
   * holds, sampled on a grid.
   */
  async pngPixels(png: Buffer): Promise<{ width: number; height: number; colours: number }> {
    return this.page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      const colours = new Set<number>();
      for (let y = Math.round(image.height * 0.2); y < image.height * 0.7; y += 7) {
        for (let x = Math.round(image.width * 0.1); x < image.width * 0.9; x += 7) {
          const i = (y * image.width + x) * 4;
          colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        }
      }
      return { width: image.width, height: image.height, colours: colours.size };
    }, png.toString('base64'));
  }

  async screenshot(name: string): Promise<void> {
    const body = await this.page.screenshot();
    await this.testInfo.attach(name, { body, contentType: 'image/png' });
  }

  /** The tiled events (`?tiles=`) MapLibre has drawn in the view: id, type and days, one entry per event. */
  async tiledEvents(): Promise<{ id: string; type: number; day: number; dayEnd: number }[]> {
    return this.page.evaluate(() => {
      type Tiled = { id: string; type: number; day: number; dayEnd: number };
      const map = (window as unknown as { karabakhAtlas: AtlasHandle }).karabakhAtlas.map;
      if (!map.getLayer('events-tiled')) return [];
      const byId = new Map<string, Tiled>();
      for (const f of map.queryRenderedFeatures({ layers: ['events-tiled'] })) {
        const { id, type, day, dayEnd } = f.properties as Tiled;
        byId.set(id, { id, type, day, dayEnd });
      }
      return [...byId.values()];
    });
  }

  /** The tiled layer's circle colour expression, as JSON (the colours of the theme it was drawn in). */
  async tiledColours(): Promise<string> {
    return this.page.evaluate(() => {
      const map = (window as unknown as { karabakhAtlas: AtlasHandle }).karabakhAtlas.map;
      return map.getLayer('events-tiled')
        ? JSON.stringify(map.getPaintProperty('events-tiled', 'circle-color'))
        : '';
    });
  }

  /** The notice about the `tiles` parameter (refused, or its file unreadable), once shown. */
  async tilesNotice(): Promise<string> {
    const notice = this.page.getByRole('alert').filter({ hasText: 'The tiles parameter' });
    await notice.waitFor();
    return (await notice.textContent()) ?? '';
  }

  /** The text of the map's popup, once shown. */
  async popupText(): Promise<string> {
    const popup = this.page.locator('.maplibregl-popup-content');
    await popup.waitFor();
    return (await popup.textContent()) ?? '';
  }
}

interface Fixtures {
  given: Given;
  when: When;
  then: Then;
  /** Requests to other origins, checked after every test. */
  foreignRequests: string[];
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  foreignRequests: async ({ page, baseURL }, use) => {
    await use(watchForeignRequests(page, baseURL ?? 'http://127.0.0.1/'));
  },
  consoleErrors: async ({ page }, use) => {
    await use(watchConsoleErrors(page));
  },
  given: async ({ page, foreignRequests, consoleErrors }, use) => {
    void foreignRequests;
    void consoleErrors;
    await use(new Given(page));
  },
  when: async ({ page }, use) => use(new When(page)),
  then: async ({ page }, use, testInfo) => use(new Then(page, testInfo)),
});
