/**
 * `npm run --silent ingest -- [--stdout] [-o FILE] FILE|DIR...`: reads plain-text articles into one atlas
 * document. With `--stdout` the document goes to standard output; otherwise it is written to
 * `public/data/atlas.json` (or `-o FILE`), the file the app loads. Each rejected or doubtful file gets one
 * line on standard error naming it; the exit code is 1 when any file was rejected, 2 on a usage error.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_ARTICLE_BYTES } from '../ingest/decode';
import type { ArticleInput, IngestError } from '../ingest/ingest';
import { ingestArticles } from '../ingest/index';
import type { Reference } from '../ingest/reference';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const USAGE = `usage: npm run --silent ingest -- [--stdout] [-o FILE] FILE|DIR...

Reads plain-text articles (UTF-8, UTF-16 or Windows-1251) into one atlas document.
  --stdout     print the document on standard output
  -o FILE      write it to FILE (default: public/data/atlas.json)
A directory stands for the .txt files in it. Exit code: 0, or 1 when a file was rejected.`;

/** What the CLI writes to and reads from; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Uint8Array;
  /** Size in bytes, whether a directory, or null when there is nothing at `path`. */
  stat: (path: string) => { size: number; directory: boolean } | null;
  listDir: (path: string) => string[];
  writeFile: (path: string, text: string) => void;
}

/** Parsed command line. */
export interface IngestArgs {
  stdout: boolean;
  out: string | null;
  files: string[];
  help: boolean;
  error?: string;
}

/** Reads the command line. */
export function parseIngestArgs(argv: string[]): IngestArgs {
  const args: IngestArgs = { stdout: false, out: null, files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--stdout') args.stdout = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a === '-o' || a === '--out') {
      const v = argv[++i];
      if (!v) return { ...args, error: `${a} needs a file name` };
      args.out = v;
    } else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a === '--') continue;
    else if (a.startsWith('-') && a !== '-') return { ...args, error: `unknown option ${a}` };
    else args.files.push(a);
  }
  if (!args.help && args.files.length === 0) return { ...args, error: 'no article files given' };
  return args;
}

/** Runs the CLI; returns the exit code. */
export function runIngest(argv: string[], io: CliIo, reference?: Reference): number {
  const args = parseIngestArgs(argv);
  if (args.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.error) {
    io.stderr(`ingest: ${args.error}\n${USAGE}\n`);
    return 2;
  }

  const rejected: IngestError[] = [];
  const inputs: ArticleInput[] = [];
  for (const file of expand(args.files, io, rejected)) {
    const st = io.stat(file);
    if (!st) {
      rejected.push({ file, kind: 'empty', message: 'no such file' });
    } else if (st.size > MAX_ARTICLE_BYTES) {
      // Checked before reading: a huge file is never loaded into memory.
      rejected.push({
        file,
        kind: 'too-large',
        message: `file is ${(st.size / 1048576).toFixed(1)} MiB, over the ${(MAX_ARTICLE_BYTES / 1048576).toFixed(1)} MiB limit for one article`,
      });
    } else {
      inputs.push({ file, bytes: io.readFile(file) });
    }
  }

  const result = ingestArticles(inputs, reference ? { reference } : {});
  rejected.push(...result.rejected);
  for (const r of rejected) io.stderr(`ingest: ${r.file}: error: ${r.message}\n`);
  for (const w of result.warnings) io.stderr(`ingest: ${w.file}: warning: ${w.message}\n`);

  const json = JSON.stringify(result.doc, null, 2) + '\n';
  if (args.stdout) io.stdout(json);
  else {
    const out = args.out ?? join(ROOT, 'public', 'data', 'atlas.json');
    io.writeFile(out, json);
    const d = result.doc;
    io.stdout(
      `ingest: wrote ${out}: ${d.articles.length} articles, ${d.events.length} events, ${d.mentions.length} mentions, ${d.claims.length} claims; ${rejected.length} rejected\n`,
    );
  }
  return rejected.length > 0 ? 1 : 0;
}

/** Directories stand for the `.txt` files in them, sorted. */
function expand(paths: string[], io: CliIo, rejected: IngestError[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = io.stat(p);
    if (st?.directory) {
      const files = io
        .listDir(p)
        .filter((f) => f.endsWith('.txt'))
        .sort();
      if (files.length === 0)
        rejected.push({ file: p, kind: 'empty', message: 'directory holds no .txt files' });
      for (const f of files) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

/** The real file system and process streams. */
export const nodeIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => new Uint8Array(readFileSync(p)),
  stat: (p) => {
    try {
      const s = statSync(p);
      return { size: s.size, directory: s.isDirectory() };
    } catch {
      return null;
    }
  },
  listDir: (p) => readdirSync(p),
  writeFile: (p, t) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, t);
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = runIngest(process.argv.slice(2), nodeIo);
}
