import { createCsvImporter } from './csv-importer.ts';
import type { CsvImportOptions, CsvImportResult } from './csv-importer.ts';

export type CsvInput = string | Uint8Array | Iterable<string | Uint8Array>;

// A whole-file string is fed in pieces so that the importer's working set stays small.
const PIECE = 1 << 20;

/**
 * Imports a CSV that is already in memory (a string, UTF-8 bytes, or an iterable of chunks) and
 * returns `{type: 'ok', table, report, warnings}`: the typed columns, the per-column report that
 * `inspect` prints (kind, missing count, mean/std/min/max or distinct/top values, suggested role)
 * and the warnings (renamed duplicate headers, skipped rows, ...). Bad input gives a `DataError`
 * naming the line and column instead. For a file on disk, use `inspectCsvStream` or feed
 * `createCsvImporter` from a read stream.
 */
export function inspectCsv(input: CsvInput, options: CsvImportOptions = {}): CsvImportResult {
  const importer = createCsvImporter(options);
  if (typeof input === 'string') {
    if (input.length === 0) importer.push('');
    for (let start = 0; start < input.length; start += PIECE) {
      if (!importer.push(input.slice(start, start + PIECE))) break;
    }
  } else if (input instanceof Uint8Array) {
    importer.push(input);
  } else {
    for (const chunk of input) if (!importer.push(chunk)) break;
  }
  return importer.finish();
}

/**
 * The same as `inspectCsv` for chunks that arrive asynchronously (a Node read stream, a
 * `ReadableStream` body): reading stops at the first error.
 */
export async function inspectCsvStream(chunks: AsyncIterable<string | Uint8Array>, options: CsvImportOptions = {}): Promise<CsvImportResult> {
  const importer = createCsvImporter(options);
  for await (const chunk of chunks) if (!importer.push(chunk)) break;
  return importer.finish();
}
