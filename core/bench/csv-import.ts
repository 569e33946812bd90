/**
 * CSV import benchmark: core/data's streaming importer against pandas.read_csv (Debian
 * python3-pandas) on the same 1,000,000 × 20 numeric file (~150 MB), measured in the same run.
 * Prints rows/s for both, their ratio (target: ours ≥ 0.5× pandas) and our peak memory against
 * the size of the numeric data (target: < 3×). Run it with `npx tsx core/bench/csv-import.ts`
 * (add `--rows=N` for a smaller file); `benchCsvImport()` is the same thing for a bench runner.
 * Not part of `npm test`: benchmarks are never timed tests.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCsvImporter } from '../data/csv-importer.ts';
import { createSplitRandom } from '../data/split.ts';

const PYTHON = '/usr/bin/python3';

export interface CsvImportBenchOptions {
  rows?: number;
  columns?: number;
  /** Print the table (default true). */
  print?: boolean;
}

export interface CsvImportBenchResult {
  file: string;
  fileBytes: number;
  rows: number;
  columns: number;
  /** rows × columns × 8: the float64 columns the importer produces. */
  numericBytes: number;
  ours: {
    seconds: number;
    rowsPerSecond: number;
    /** Peak resident memory during the import minus resident memory just before it. */
    peakRssDeltaBytes: number;
    /** Largest heap + array-buffer growth seen at a chunk boundary (excludes code and GC slack). */
    peakHeapAndBuffersDeltaBytes: number;
  };
  pandas: { version: string; seconds: number; rowsPerSecond: number; peakRssDeltaBytes: number } | { error: string };
  /** ours.rowsPerSecond / pandas.rowsPerSecond, or null without pandas. */
  ratio: number | null;
}

/** Writes the benchmark file once (deterministic content) and reuses it from the temp folder afterwards. */
async function ensureBenchFile(rows: number, columns: number): Promise<string> {
  const file = join(tmpdir(), `layerboard-bench-csv-${rows}x${columns}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  const partial = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(partial);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  const random = createSplitRandom(2024);
  await write(`${Array.from({ length: columns }, (_, j) => `x${j + 1}`).join(',')}\n`);
  const batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const row: string[] = [];
    for (let j = 0; j < columns; j++) row.push((random() * 200 - 100).toFixed(3));
    batch.push(row.join(','));
    if (batch.length === 10_000 || i === rows - 1) {
      await write(`${batch.join('\n')}\n`);
      batch.length = 0;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(partial, file);
  return file;
}

function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

async function runOurs(file: string, fileBytes: number) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const baseline = before.rss;
  const baseHeap = before.heapUsed + before.arrayBuffers;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers - baseHeap);
  };
  const start = performance.now();
  const importer = createCsvImporter({ totalBytes: fileBytes });
  // 64 KB reads, as a Node file stream does by default.
  let chunks = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    importer.push(chunk as Uint8Array);
    if (++chunks % 16 === 0) sample();
  }
  const result = importer.finish();
  const seconds = (performance.now() - start) / 1000;
  sample();
  if (result.type === 'error') throw new Error(`import failed: ${result.message}`);
  const peakRss = maxRssBytes();
  return { result, seconds, peakRssDeltaBytes: Math.max(0, peakRss - baseline), peakHeapAndBuffersDeltaBytes: peakHeap };
}

const PANDAS_SCRIPT = `
import json, resource, sys, time
import pandas as pd
path = sys.argv[1]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
df = pd.read_csv(path)
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
json.dump({'version': pd.__version__, 'seconds': seconds, 'rows': len(df), 'columns': len(df.columns), 'peak_rss_delta': (after - before) * 1024}, sys.stdout)
`;

function runPandas(file: string, rows: number): CsvImportBenchResult['pandas'] {
  const r = spawnSync(PYTHON, ['-c', PANDAS_SCRIPT, file], { encoding: 'utf8' });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'failed').trim().split('\n').pop() ?? 'failed' };
  const out = JSON.parse(r.stdout) as { version: string; seconds: number; rows: number; peak_rss_delta: number };
  if (out.rows !== rows) return { error: `pandas read ${out.rows} rows, expected ${rows}` };
  return { version: out.version, seconds: out.seconds, rowsPerSecond: rows / out.seconds, peakRssDeltaBytes: out.peak_rss_delta };
}

const MB = 1e6;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Generates (or reuses) the file, imports it with core/data and with pandas, and returns (and prints) the figures. */
export async function benchCsvImport(options: CsvImportBenchOptions = {}): Promise<CsvImportBenchResult> {
  const rows = options.rows ?? 1_000_000;
  const columns = options.columns ?? 20;
  const file = await ensureBenchFile(rows, columns);
  const fileBytes = statSync(file).size;
  const pandas = runPandas(file, rows);
  const ours = await runOurs(file, fileBytes);
  const table = ours.result.table;
  if (table.rowCount !== rows || table.columns.length !== columns || table.columns.some((c) => c.kind !== 'numeric')) {
    throw new Error(`import gave ${table.rowCount} rows × ${table.columns.length} columns, expected ${rows} × ${columns} numeric`);
  }
  const numericBytes = rows * columns * 8;
  const oursRate = rows / ours.seconds;
  const result: CsvImportBenchResult = {
    file,
    fileBytes,
    rows,
    columns,
    numericBytes,
    ours: { seconds: ours.seconds, rowsPerSecond: oursRate, peakRssDeltaBytes: ours.peakRssDeltaBytes, peakHeapAndBuffersDeltaBytes: ours.peakHeapAndBuffersDeltaBytes },
    pandas,
    ratio: 'error' in pandas ? null : oursRate / pandas.rowsPerSecond,
  };
  if (options.print ?? true) printResult(result);
  return result;
}

function printResult(r: CsvImportBenchResult): void {
  const lines: string[][] = [['', 'seconds', 'rows/s', 'peak RSS Δ', '× numeric data']];
  lines.push([
    'Layerboard core/data',
    fmt(r.ours.seconds, 2),
    fmt(r.ours.rowsPerSecond),
    `${fmt(r.ours.peakRssDeltaBytes / MB)} MB`,
    fmt(r.ours.peakRssDeltaBytes / r.numericBytes, 2),
  ]);
  if ('error' in r.pandas) lines.push(['pandas.read_csv', `unavailable: ${r.pandas.error}`, '', '', '']);
  else {
    lines.push([
      `pandas ${r.pandas.version} read_csv`,
      fmt(r.pandas.seconds, 2),
      fmt(r.pandas.rowsPerSecond),
      `${fmt(r.pandas.peakRssDeltaBytes / MB)} MB`,
      fmt(r.pandas.peakRssDeltaBytes / r.numericBytes, 2),
    ]);
  }
  const widths = lines[0].map((_, j) => Math.max(...lines.map((l) => l[j].length)));
  console.log(`CSV import: ${fmt(r.rows)} rows × ${r.columns} numeric columns, ${fmt(r.fileBytes / MB, 1)} MB (${r.file})`);
  console.log(`numeric data (float64): ${fmt(r.numericBytes / MB)} MB; memory target < 3× = ${fmt((3 * r.numericBytes) / MB)} MB\n`);
  for (const l of lines) console.log(l.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('   '));
  console.log(`\nheap + array buffers growth at chunk boundaries: ${fmt(r.ours.peakHeapAndBuffersDeltaBytes / MB)} MB`);
  if (r.ratio !== null) console.log(`rows/s ours / pandas: ${fmt(r.ratio, 2)}× (target ≥ 0.5×)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rowsArg = process.argv.find((a) => a.startsWith('--rows='));
  await benchCsvImport({ rows: rowsArg ? Number(rowsArg.slice('--rows='.length)) : undefined });
}
