/**
 * Build of the benchmark pages (`bench/index.html`: the slider's hot path by method; `bench/bare.html`: a
 * bare MapLibre page for the cold-load ratio). Its own root and output, so the app's build is untouched;
 * `public/` is shared so the pages load the same geo layers and data as the app.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('../public'),
  build: {
    outDir: here('../bench-results/page'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
    rollupOptions: { input: { index: here('index.html'), bare: here('bare.html') } },
  },
  server: { port: 5174, fs: { allow: [here('..')] } },
  logLevel: 'warn',
});
