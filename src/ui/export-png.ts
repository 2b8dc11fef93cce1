/**
 * The image export: the map as the reader sees it, with what a figure in a report needs drawn into the
 * image itself (title, date range, legend, "as of" date, sources count, attribution and disclaimer), so
 * the picture keeps its context when it travels without the page.
 */

/** A legend entry: an event type's mark (an SVG path in a 12×12 box, as TypeMark draws it) and label. */
export interface PngLegendMark {
  label: string;
  color: string;
  /** SVG path data in a 12×12 box. */
  path: string;
  /** Events of the type in the range. */
  count: number;
}

/** A control legend swatch. */
export interface PngSwatch {
  label: string;
  color: string;
}

/** What the image shows around the map. */
export interface PngExportContent {
  /** The map as drawn (WebGL canvas created with preserveDrawingBuffer). */
  map: HTMLCanvasElement;
  title: string;
  /** "27 September 2020 – 1 December 2020 · 120 events", with active filters. */
  subtitle: string;
  marks: readonly PngLegendMark[];
  swatches: readonly PngSwatch[];
  /** "Control as of 1 December 2020". */
  asOf: string;
  /** "Sources: 85 (Reuters, BBC …)". */
  sources: string;
  attribution: string;
  disclaimer: string;
}

/** Size and look of the image. */
export interface PngExportOptions {
  /** Width in CSS pixels; the image is `scale` times wider. */
  width: number;
  /** @default 2 */
  scale?: number;
  colors: { background: string; text: string; muted: string; border: string; markHalo: string };
  /** CSS font family list. */
  font: string;
}

const PAD = 16;

/** Splits text into lines that fit `maxWidth` at the context's current font. */
function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface LegendItem {
  width: number;
  draw: (ctx: CanvasRenderingContext2D, x: number, y: number) => void;
}

/** Lays items out in rows that wrap at `maxWidth`; returns the height used. Draws when `draw` is true. */
function flowItems(
  ctx: CanvasRenderingContext2D,
  items: readonly LegendItem[],
  x0: number,
  y0: number,
  maxWidth: number,
  rowHeight: number,
  draw: boolean,
): number {
  let x = x0;
  let y = y0;
  for (const item of items) {
    if (x > x0 && x + item.width > x0 + maxWidth) {
      x = x0;
      y += rowHeight;
    }
    if (draw) item.draw(ctx, x, y);
    x += item.width + 14;
  }
  return items.length ? y - y0 + rowHeight : 0;
}

/**
 * Draws the export onto a new canvas `options.width × scale` pixels wide (the height follows from the
 * map's aspect ratio and the text). Layout in CSS pixels; the context is scaled once.
 */
export function drawExportCanvas(content: PngExportContent, options: PngExportOptions): HTMLCanvasElement {
  const scale = options.scale ?? 2;
  const width = Math.round(options.width);
  const inner = width - 2 * PAD;
  const { colors, font } = options;
  const source = content.map;
  const mapHeight = Math.round(inner * (source.height / Math.max(1, source.width)));

  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d')!;
  const fontOf = (size: number, weight = 400) => `${weight} ${size}px ${font}`;

  // Measure first: the canvas's height must be known before drawing (resizing clears it).
  measure.font = fontOf(13);
  const markItems: LegendItem[] = content.marks.map((m) => {
    const text = `${m.label} ${m.count}`;
    return {
      width: 18 + measure.measureText(text).width,
      draw: (ctx, x, y) => {
        ctx.save();
        ctx.translate(x, y + 1);
        ctx.scale(14 / 12, 14 / 12);
        const path = new Path2D(m.path);
        ctx.fillStyle = m.color;
        ctx.strokeStyle = colors.markHalo;
        ctx.lineWidth = 0.8;
        ctx.fill(path, 'evenodd');
        ctx.stroke(path);
        ctx.restore();
        ctx.fillStyle = colors.text;
        ctx.font = fontOf(13);
        ctx.fillText(m.label, x + 18, y + 12);
        ctx.fillStyle = colors.muted;
        ctx.fillText(String(m.count), x + 18 + measure.measureText(`${m.label} `).width, y + 12);
      },
    };
  });
  measure.font = fontOf(13, 700);
  const asOfWidth = measure.measureText(content.asOf).width;
  measure.font = fontOf(13);
  const swatchItems: LegendItem[] = [
    {
      width: asOfWidth,
      draw: (ctx, x, y) => {
        ctx.fillStyle = colors.text;
        ctx.font = fontOf(13, 700);
        ctx.fillText(content.asOf, x, y + 12);
      },
    },
    ...content.swatches.map((s): LegendItem => ({
      width: 18 + measure.measureText(s.label).width,
      draw: (ctx, x, y) => {
        ctx.fillStyle = s.color;
        ctx.globalAlpha = 0.8;
        ctx.fillRect(x, y + 2, 12, 12);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = colors.text;
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 2.5, 11, 11);
        ctx.fillStyle = colors.text;
        ctx.font = fontOf(13);
        ctx.fillText(s.label, x + 18, y + 12);
      },
    })),
  ];
  measure.font = fontOf(12);
  const footerLines = [
    ...wrapText(measure, content.sources, inner),
    ...wrapText(measure, content.attribution, inner),
    ...wrapText(measure, content.disclaimer, inner),
  ];
  measure.font = fontOf(14);
  const subtitleLines = wrapText(measure, content.subtitle, inner);

  const titleTop = PAD;
  const subtitleTop = titleTop + 28;
  const mapTop = subtitleTop + subtitleLines.length * 19 + 8;
  const marksTop = mapTop + mapHeight + 12;
  const marksHeight = flowItems(measure, markItems, PAD, marksTop, inner, 20, false);
  const swatchesTop = marksTop + marksHeight + 4;
  const swatchesHeight = flowItems(measure, swatchItems, PAD, swatchesTop, inner, 20, false);
  const footerTop = swatchesTop + swatchesHeight + 8;
  const height = Math.ceil(footerTop + footerLines.length * 16 + PAD);

  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';

  ctx.fillStyle = colors.text;
  ctx.font = fontOf(22, 700);
  ctx.fillText(content.title, PAD, titleTop + 20, inner);
  ctx.font = fontOf(14);
  ctx.fillStyle = colors.muted;
  subtitleLines.forEach((line, i) => ctx.fillText(line, PAD, subtitleTop + 14 + i * 19));

  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, PAD, mapTop, inner, mapHeight);
  ctx.strokeStyle = colors.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD - 0.5, mapTop - 0.5, inner + 1, mapHeight + 1);

  flowItems(ctx, markItems, PAD, marksTop, inner, 20, true);
  flowItems(ctx, swatchItems, PAD, swatchesTop, inner, 20, true);

  ctx.font = fontOf(12);
  ctx.fillStyle = colors.muted;
  footerLines.forEach((line, i) => ctx.fillText(line, PAD, footerTop + 12 + i * 16));
  return canvas;
}

/** The export as PNG bytes. */
export function exportPng(content: PngExportContent, options: PngExportOptions): Promise<Blob> {
  const canvas = drawExportCanvas(content, options);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded'))),
      'image/png',
    ),
  );
}

/** Saves a blob as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; revoking at once can cancel it in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
