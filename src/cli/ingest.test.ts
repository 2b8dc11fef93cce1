import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../data/atlas.schema.json' with { type: 'json' };
import type { AtlasDocument } from '../data/model';
import { nodeIo, parseIngestArgs, runIngest, type CliIo } from './ingest';

const BAD = 'src/ingest/fixtures/bad';
const SEED = '../shared/seeds/000_9210aabef647218d.txt';
const validate = new Ajv({ allErrors: true }).compile(schema);

/** Runs the CLI in-process with the real file system and captured streams. */
function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = runIngest(argv, io);
  return { code, stdout, stderr };
}

describe('ingest CLI', () => {
  it('prints one schema-valid document for the seed, exit code 0', () => {
    const { code, stdout, stderr } = run(['--stdout', SEED]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as AtlasDocument;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.articles[0]).toMatchObject({ file: SEED, published: '2020-10-31T09:13:00Z' });
  });

  it('reports each bad file on stderr by name, reads the others, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'Published 2020-10-10\nH\n' + 'x'.repeat(5 * 1024 * 1024));
    const copy = join(dir, 'copy.txt');
    writeFileSync(copy, readFileSync(SEED));
    const files = [
      SEED,
      `${BAD}/empty.txt`,
      `${BAD}/binary.txt`,
      `${BAD}/cp1251.txt`,
      `${BAD}/utf16-bom.txt`,
      `${BAD}/latin1.txt`,
      `${BAD}/no-date.txt`,
      `${BAD}/impossible-date.txt`,
      big,
      copy,
      `${BAD}/missing.txt`,
    ];
    const { code, stdout, stderr } = run(['--stdout', ...files]);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    const line = (file: string) => lines.filter((l) => l.startsWith(`ingest: ${file}: `));
    expect(line(`${BAD}/empty.txt`)).toEqual([`ingest: ${BAD}/empty.txt: error: file is empty (0 bytes)`]);
    expect(line(`${BAD}/binary.txt`)).toEqual([
      `ingest: ${BAD}/binary.txt: error: binary data, not text (a NUL byte at offset 8)`,
    ]);
    expect(line(`${BAD}/latin1.txt`)[0]).toMatch(/error: not valid UTF-8 \(first bad byte at offset \d+\)/);
    expect(line(big)).toEqual([
      `ingest: ${big}: error: file is 5.0 MiB, over the 5.0 MiB limit for one article`,
    ]);
    expect(line(copy)).toEqual([`ingest: ${copy}: error: duplicate of ${SEED} (same text), skipped`]);
    expect(line(`${BAD}/missing.txt`)).toEqual([`ingest: ${BAD}/missing.txt: error: no such file`]);
    expect(line(`${BAD}/cp1251.txt`)).toEqual([
      `ingest: ${BAD}/cp1251.txt: warning: not UTF-8: decoded as Windows-1251`,
    ]);
    expect(line(`${BAD}/utf16-bom.txt`)).toEqual([
      `ingest: ${BAD}/utf16-bom.txt: warning: not UTF-8: decoded as UTF-16LE`,
    ]);
    expect(line(`${BAD}/no-date.txt`)[0]).toMatch(/warning: no publication date/);
    expect(line(`${BAD}/impossible-date.txt`)).toEqual([
      `ingest: ${BAD}/impossible-date.txt: warning: line 1 ("Published 31 September 2020"): September 2020 has 30 days, not 31; the publication date is ignored`,
      `ingest: ${BAD}/impossible-date.txt: warning: line 4 ("Updated 14:43 IST, October 31st 20202"): year 20202 cannot be right; the Updated value is ignored`,
    ]);

    const doc = JSON.parse(stdout) as AtlasDocument;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.articles.map((a) => a.file)).toEqual([
      SEED,
      `${BAD}/cp1251.txt`,
      `${BAD}/utf16-bom.txt`,
      `${BAD}/no-date.txt`,
      `${BAD}/impossible-date.txt`,
    ]);
    const ru = doc.articles.find((a) => a.file.endsWith('cp1251.txt'))!;
    expect(ru).toMatchObject({ lang: 'ru', published: '2020-10-12T07:00:00Z' });
    expect(doc.mentions.filter((m) => m.articleId === ru.id).map((m) => m.id)).toContain('maria-zakharova');
  });

  it('writes the document to a file with -o and says so', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ingest-')), 'atlas.json');
    const { code, stdout } = run(['-o', out, SEED]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ingest: wrote .*atlas\.json: 1 articles, 9 events/);
    expect(validate(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });

  it.each([
    [[], 'no article files given'],
    [['--bogus', 'a.txt'], 'unknown option --bogus'],
    [['-o'], '-o needs a file name'],
  ])('rejects the command line %j with exit code 2', (argv, error) => {
    expect(parseIngestArgs(argv).error).toBe(error);
    const { code, stderr } = run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ingest: /);
  });

  it('runs as `npm run --silent ingest -- --stdout FILE`', () => {
    const out = execFileSync('npm', ['run', '--silent', 'ingest', '--', '--stdout', SEED], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).articles).toHaveLength(1);
    const bad = spawnSync('npm', ['run', '--silent', 'ingest', '--', '--stdout', SEED, `${BAD}/empty.txt`], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${BAD}/empty.txt: error: file is empty`);
  });
});
