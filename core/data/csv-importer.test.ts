import { describe, expect, it } from 'vitest';
import { createCsvImporter } from './csv-importer.ts';
import type { CsvImportOptions, CsvImportResult } from './csv-importer.ts';
import type { DataErrorCode, DataWarningCode } from './data-result.ts';
import { inspectCsv, inspectCsvStream } from './inspect-csv.ts';
import { findColumn, lineOfRow } from './table.ts';
import type { CsvTable } from './table.ts';

/** A column as plain values: numbers (NaN = missing) or strings (null = missing). */
function valuesOf(table: CsvTable, name: string): (number | string | null)[] {
  const column = findColumn(table, name);
  if (column === undefined) throw new Error(`no column ${name}; have ${table.columns.map((c) => c.name).join(', ')}`);
  if (column.kind === 'numeric') return Array.from(column.values);
  if (column.codes === null) throw new Error(`column ${name} kept no values`);
  return Array.from(column.codes, (code) => (code < 0 ? null : column.categories[code]));
}

function ok(result: CsvImportResult): Extract<CsvImportResult, { type: 'ok' }> {
  if (result.type === 'error') throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

interface OkCase {
  name: string;
  input: string | Uint8Array;
  options?: CsvImportOptions;
  rows: number;
  /** column name -> kind and values */
  columns: Record<string, { kind: 'numeric' | 'categorical' | 'text'; values?: (number | string | null)[] }>;
  warnings?: DataWarningCode[];
  delimiter?: string;
  /** Physical line of each row. */
  lines?: number[];
}

// The messy-file corpus: one row per situation the importer must handle. A bug fixed becomes a row.
const okCases: OkCase[] = [
  {
    name: 'plain comma file',
    input: 'a,b,c\n1,2,x\n3,4,y\n5,6,x\n',
    rows: 3,
    delimiter: ',',
    columns: { a: { kind: 'numeric', values: [1, 3, 5] }, c: { kind: 'categorical', values: ['x', 'y', 'x'] } },
  },
  {
    name: 'semicolon delimiter with decimal commas',
    input: 'a;b;label\n1,5;2;x\n-3,25;1.234,5;"y;z"\n0,125;7;x\n',
    rows: 3,
    delimiter: ';',
    columns: { a: { kind: 'numeric', values: [1.5, -3.25, 0.125] }, b: { kind: 'numeric', values: [2, 1234.5, 7] }, label: { kind: 'categorical', values: ['x', 'y;z', 'x'] } },
  },
  {
    name: 'tab delimiter, commas inside fields',
    input: 'name\tvalue\tgroup\nfoo, bar\t1.5\tA\nbaz\t2\tA\nqux\t3\tB\nquux\t4\tB\n',
    rows: 4,
    delimiter: '\t',
    columns: { name: { kind: 'text', values: ['foo, bar', 'baz', 'qux', 'quux'] }, value: { kind: 'numeric', values: [1.5, 2, 3, 4] } },
  },
  {
    name: 'quoted fields with embedded delimiter, quotes and line breaks',
    input: 'id,note,v\n1,"he said ""hi""\nand left",10\n2,"a,b",20\n3,"two\nline\nbreaks",30\n4,plain,40\n',
    rows: 4,
    columns: { note: { kind: 'text', values: ['he said "hi"\nand left', 'a,b', 'two\nline\nbreaks', 'plain'] }, v: { kind: 'numeric', values: [10, 20, 30, 40] } },
    lines: [2, 4, 5, 8],
  },
  {
    name: 'UTF-8 byte-order mark (text)',
    input: '\uFEFFx,y\n1,2\n3,4\n',
    rows: 2,
    columns: { x: { kind: 'numeric', values: [1, 3] } },
  },
  {
    name: 'UTF-8 byte-order mark (bytes)',
    input: utf8('\uFEFFx,y\n1,2\n3,4\n'),
    rows: 2,
    columns: { x: { kind: 'numeric', values: [1, 3] } },
  },
  {
    name: 'CRLF line endings and blank trailing lines',
    input: 'a,b\r\n1,2\r\n3,4\r\n\r\n\r\n',
    rows: 2,
    columns: { a: { kind: 'numeric', values: [1, 3] }, b: { kind: 'numeric', values: [2, 4] } },
  },
  {
    name: 'old Mac CR line endings',
    input: 'a,b\r1,2\r3,4\r',
    rows: 2,
    columns: { b: { kind: 'numeric', values: [2, 4] } },
  },
  {
    name: 'blank lines in the middle, no final newline',
    input: 'a,b\n1,2\n\n3,4\n   \n5,6',
    rows: 3,
    columns: { a: { kind: 'numeric', values: [1, 3, 5] } },
    lines: [2, 4, 6],
  },
  {
    name: 'headers with spaces and non-Latin (Korean) names',
    input: ' sepal length , 이름 ,키 (cm),종류\n5.1,철수,140.5,가\n4.9,영희,150,나\n4.7,민수,160,가\n5.0,지은,155,나\n',
    rows: 4,
    columns: {
      'sepal length': { kind: 'numeric', values: [5.1, 4.9, 4.7, 5.0] },
      이름: { kind: 'text', values: ['철수', '영희', '민수', '지은'] },
      '키 (cm)': { kind: 'numeric', values: [140.5, 150, 160, 155] },
      종류: { kind: 'categorical', values: ['가', '나', '가', '나'] },
    },
  },
  {
    name: 'first column of row names with an empty header',
    input: ',mpg,cyl\nMazda RX4,21,6\nDatsun 710,22.8,4\nHornet 4 Drive,21.4,6\n',
    rows: 3,
    columns: { row_names: { kind: 'text' }, mpg: { kind: 'numeric', values: [21, 22.8, 21.4] } },
    warnings: ['row-names-column'],
  },
  {
    name: 'duplicate column names are disambiguated',
    input: 'x,x,y,x\n1,2,3,4\n',
    rows: 1,
    columns: { x: { kind: 'numeric', values: [1] }, x_2: { kind: 'numeric', values: [2] }, x_3: { kind: 'numeric', values: [4] } },
    warnings: ['duplicate-column-name'],
  },
  {
    name: 'a rename never collides with a real column',
    input: 'x,x,x_2\n1,2,3\n',
    rows: 1,
    columns: { x: { kind: 'numeric', values: [1] }, x_3: { kind: 'numeric', values: [2] }, x_2: { kind: 'numeric', values: [3] } },
    warnings: ['duplicate-column-name'],
  },
  {
    name: 'missing markers, case-insensitive, in numeric and categorical columns',
    input: 'n,c\n1,yes\nNA,no\nna,NA\nNaN,yes\nnan,null\nNULL,?\n?,N/A\nn/a,\n,no\n2,yes\n',
    rows: 10,
    columns: {
      n: { kind: 'numeric', values: [1, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 2] },
      c: { kind: 'categorical', values: ['yes', 'no', null, 'yes', null, null, null, null, 'no', 'yes'] },
    },
  },
  {
    name: 'number spellings: signs, exponents, leading/trailing point, padding',
    input: 'v\n+5\n.5\n5.\n1e3\n-1.5E-2\n  7 \n0.1\n-0\n12345678901234567890\n',
    rows: 9,
    columns: { v: { kind: 'numeric', values: [5, 0.5, 5, 1000, -0.015, 7, 0.1, -0, Number('12345678901234567890')] } },
  },
  {
    name: 'hex is not a number',
    input: 'v,w\n0x10,1\n0x11,2\n0x10,3\n0x11,4\n',
    rows: 4,
    columns: { v: { kind: 'categorical', values: ['0x10', '0x11', '0x10', '0x11'] } },
  },
  {
    name: 'a numeric column turning to text keeps earlier rows',
    input: 'v,w\n1,1\n2.50,2\nNA,3\nabc,4\n',
    rows: 4,
    columns: { v: { kind: 'text', values: ['1', '2.5', null, 'abc'] } },
  },
  {
    name: 'a mostly numeric column with a typo is reported',
    input: `v,w\n${Array.from({ length: 30 }, (_, i) => `${i},${i}`).join('\n')}\n12..5,31\n`,
    rows: 31,
    columns: { v: { kind: 'text' } },
    warnings: ['mostly-numeric-column'],
  },
  {
    name: 'Yes/No and species are categorical, free text is text',
    input: 'smoker,species,comment,v\nYes,setosa,good,1\nNo,versicolor,bad,2\nYes,virginica,fine,3\nNo,setosa,ok,4\nYes,versicolor,meh,5\nNo,virginica,wow,6\n',
    rows: 6,
    columns: { smoker: { kind: 'categorical' }, species: { kind: 'categorical' }, comment: { kind: 'text' } },
  },
  {
    name: 'Infinity and overflow are imported, flagged per column',
    input: 'a,b,c\n1,inf,1\n1e400,2,2\n3,-Infinity,3\n',
    rows: 3,
    columns: { a: { kind: 'numeric', values: [1, Infinity, 3] }, b: { kind: 'numeric', values: [Infinity, 2, -Infinity] } },
  },
  {
    name: 'ragged rows skipped on request, and counted',
    input: 'a,b\n1,2\n3\n4,5,6\n7,8\n',
    options: { skipRaggedRows: true },
    rows: 2,
    columns: { a: { kind: 'numeric', values: [1, 7] } },
    warnings: ['skipped-ragged-rows'],
    lines: [2, 5],
  },
  {
    name: 'a single-column file',
    input: 'y\n1\n2\n\n3\n',
    rows: 3,
    columns: { y: { kind: 'numeric', values: [1, 2, 3] } },
  },
  {
    name: 'float32 storage',
    input: 'a,b\n0.1,x\n1e39,y\n',
    options: { numericStorage: 'float32' },
    rows: 2,
    columns: { a: { kind: 'numeric', values: [Math.fround(0.1), Infinity] } },
  },
  {
    name: 'explicit delimiter and decimal separator override detection',
    input: 'a;b\n1.5;2\n',
    options: { delimiter: ';', decimalSeparator: '.' },
    rows: 1,
    columns: { a: { kind: 'numeric', values: [1.5] } },
  },
];

function expectTable(result: CsvImportResult, c: OkCase): void {
  const { table, warnings } = ok(result);
  expect(table.rowCount).toBe(c.rows);
  if (c.delimiter) expect(table.dialect.delimiter).toBe(c.delimiter);
  for (const [name, want] of Object.entries(c.columns)) {
    const column = findColumn(table, name);
    expect(column?.kind, name).toBe(want.kind);
    if (want.values) {
      const got = valuesOf(table, name);
      expect(got.length).toBe(want.values.length);
      want.values.forEach((v, i) => {
        if (typeof v === 'number') expect(Object.is(got[i], v) || got[i] === v, `${name}[${i}] = ${String(got[i])}, want ${v}`).toBe(true);
        else expect(got[i]).toBe(v);
      });
    }
  }
  expect(warnings.map((w) => w.code).sort()).toEqual([...(c.warnings ?? [])].sort());
  if (c.lines) expect(c.lines.map((_, r) => lineOfRow(table, r))).toEqual(c.lines);
}

/** Splits input into chunks of `size` (characters for text, bytes for bytes). */
function chunks(input: string | Uint8Array, size: number): (string | Uint8Array)[] {
  const out: (string | Uint8Array)[] = [];
  for (let i = 0; i < input.length; i += size) out.push(typeof input === 'string' ? input.slice(i, i + size) : input.subarray(i, i + size));
  return out;
}

describe('CSV import: messy-file corpus', () => {
  it.each(okCases)('$name', (c) => {
    expectTable(inspectCsv(c.input, c.options), c);
  });

  it.each(okCases)('$name — same result fed 1, 3 and 7 characters or bytes at a time', (c) => {
    const bytes = typeof c.input === 'string' ? utf8(c.input) : c.input;
    for (const input of [c.input, bytes]) {
      for (const size of [1, 3, 7]) expectTable(inspectCsv(chunks(input, size), c.options), c);
    }
  });
});

interface ErrorCase {
  name: string;
  input: string | Uint8Array | (string | Uint8Array)[];
  options?: CsvImportOptions;
  code: DataErrorCode;
  line?: number;
  byteOffset?: number;
  /** Words the message must contain. */
  mentions: string[];
}

const errorCases: ErrorCase[] = [
  { name: 'empty file', input: '', code: 'empty-file', mentions: ['empty'] },
  { name: 'only blank lines', input: '\n\r\n  \n', code: 'empty-file', mentions: ['empty'] },
  { name: 'header without rows', input: 'a,b,c\n', code: 'no-rows', mentions: ['a, b, c', 'no data rows'] },
  { name: 'header without rows, no newline', input: 'a,b,c', code: 'no-rows', mentions: ['no data rows'] },
  { name: 'no numeric column', input: 'name,city\nann,paris\nbob,rome\ncy,oslo\n', code: 'no-numeric-column', mentions: ['name (text)', 'city (text)'] },
  { name: 'numeric column with every value missing', input: 'a,b\nNA,x\n,y\n', code: 'no-numeric-column', mentions: ['a (numeric)'] },
  { name: 'ragged row: too few fields', input: 'a,b,c\n1,2,3\n4,5\n6,7,8\n', code: 'ragged-row', line: 3, mentions: ['Line 3', '2 fields', 'header has 3'] },
  { name: 'ragged row: too many fields', input: 'a,b\n1,2\n3,4\n5,6,7\n', code: 'ragged-row', line: 4, mentions: ['Line 4', '3 fields'] },
  { name: 'ragged row after a quoted line break', input: 'a,b\n"x\ny",2\n3\n', code: 'ragged-row', line: 4, mentions: ['Line 4'] },
  { name: 'unclosed quote', input: 'a,b\n1,2\n3,"oops\n4,5\n', code: 'unclosed-quote', line: 3, mentions: ['Line 3', 'never closed'] },
  { name: 'text after a closing quote', input: 'a,b\n1,2\n3,"x"y\n', code: 'malformed-quote', line: 3, mentions: ['Line 3'] },
  {
    name: 'bytes that are not UTF-8 (Latin-1 é)',
    input: new Uint8Array([...utf8('name,v\nab,1\n'), 0x63, 0x61, 0x66, 0xe9, ...utf8(',2\n')]),
    code: 'invalid-utf8',
    line: 3,
    byteOffset: 15,
    mentions: ['Line 3', 'UTF-8', 'byte offset 15'],
  },
  {
    name: 'invalid UTF-8 in a later chunk',
    input: [utf8('a,b\n1,2\n3,4\n'), new Uint8Array([0x35, 0x2c, 0xff, 0x0a])],
    code: 'invalid-utf8',
    line: 4,
    byteOffset: 14,
    mentions: ['Line 4', 'byte offset 14'],
  },
  {
    name: 'file ends inside a multi-byte character',
    input: new Uint8Array([...utf8('a,b\n1,2\n'), 0xe2, 0x82]),
    code: 'invalid-utf8',
    line: 3,
    byteOffset: 8,
    mentions: ['byte offset 8'],
  },
  {
    name: 'invalid UTF-8 after the dialect sample, line counted through parsed rows',
    input: [utf8(`a,b\n${'1,2\n'.repeat(30_000)}`), new Uint8Array([0x33, 0x2c, 0xff, 0x0a])],
    code: 'invalid-utf8',
    line: 30_002,
    byteOffset: 4 + 30_000 * 4 + 2,
    mentions: ['Line 30002'],
  },
  { name: 'text and bytes mixed', input: ['a,b\n', utf8('1,2\n')], code: 'mixed-chunk-types', mentions: ['text', 'bytes'] },
];

describe('CSV import: bad input is an error value naming the line', () => {
  it.each(errorCases)('$name', (c) => {
    const result = inspectCsv(Array.isArray(c.input) ? c.input : [c.input], c.options);
    if (result.type !== 'error') throw new Error('expected an error');
    expect(result.code).toBe(c.code);
    if (c.line !== undefined) expect(result.line).toBe(c.line);
    if (c.byteOffset !== undefined) expect(result.byteOffset).toBe(c.byteOffset);
    for (const word of c.mentions) expect(result.message).toContain(word);
  });

  it('stops accepting chunks after an error, and finish() keeps returning it', () => {
    const importer = createCsvImporter();
    // The first 64 KB are buffered to detect the dialect; past that, rows are parsed as they come.
    const good = `a,b\n${'1,2\n'.repeat(20_000)}`;
    expect(importer.push(good)).toBe(true);
    expect(importer.push('3\n4,5\n')).toBe(false);
    expect(importer.push('6,7\n')).toBe(false);
    const first = importer.finish();
    expect(first.type === 'error' && first.line).toBe(20_002);
    expect(importer.finish()).toBe(first);
  });
});

describe('CSV import: streaming', () => {
  it('reports progress in bytes and rows after every chunk', () => {
    const text = `a,b\n${Array.from({ length: 20_000 }, (_, i) => `${i},${i * 2}`).join('\n')}\n`;
    const bytes = utf8(text);
    const seen: { bytes: number; rows: number; totalBytes: number | null }[] = [];
    const importer = createCsvImporter({ totalBytes: bytes.length, onProgress: (p) => seen.push(p) });
    for (const chunk of chunks(bytes, 4096)) importer.push(chunk);
    const result = ok(importer.finish());
    expect(result.table.rowCount).toBe(20_000);
    expect(seen.length).toBe(Math.ceil(bytes.length / 4096) + 1);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].bytes).toBeGreaterThanOrEqual(seen[i - 1].bytes);
      expect(seen[i].rows).toBeGreaterThanOrEqual(seen[i - 1].rows);
    }
    expect(seen[seen.length - 1]).toEqual({ bytes: bytes.length, rows: 20_000, totalBytes: bytes.length });
    // Rows are stored while the file is still arriving (after the 64 KB dialect sample).
    expect(seen[Math.floor(seen.length / 2)].rows).toBeGreaterThan(0);
  });

  it('keeps values across storage blocks, also when a column turns to text late', () => {
    const n = 70_000; // > 1024 + 2048 + ... : spans several blocks, including a full 65 536-row one
    const lines = ['i,half,late'];
    for (let i = 0; i < n; i++) lines.push(`${i},${i / 2},${i === 50_000 ? 'word' : i % 3}`);
    const { table } = ok(inspectCsv(lines.join('\n')));
    expect(table.rowCount).toBe(n);
    const i = valuesOf(table, 'i');
    const half = valuesOf(table, 'half');
    expect(i[0]).toBe(0);
    expect(i[n - 1]).toBe(n - 1);
    expect(half[65_537]).toBe(65_537 / 2);
    const late = findColumn(table, 'late');
    expect(late?.kind).toBe('categorical');
    const lateValues = valuesOf(table, 'late');
    expect(lateValues[49_999]).toBe(String(49_999 % 3));
    expect(lateValues[50_000]).toBe('word');
    expect(lateValues[n - 1]).toBe(String((n - 1) % 3));
  });

  it.each([
    { name: 'exact (one block, returned as a view)', factor: 1 },
    { name: 'too small (several blocks, joined)', factor: 0.3 },
    { name: 'far too large (one block, copied to drop the slack)', factor: 3 },
  ])('with totalBytes $name, the first block is sized from it and the values are the same', ({ factor }) => {
    const n = 30_000;
    const text = `a,b\n${Array.from({ length: n }, (_, i) => `${i},${i % 2 ? 'x' : 'y'}`).join('\n')}\n`;
    const bytes = utf8(text);
    const importer = createCsvImporter({ totalBytes: Math.round(bytes.length * factor) });
    for (const chunk of chunks(bytes, 8192)) importer.push(chunk);
    const { table } = ok(importer.finish());
    const a = findColumn(table, 'a');
    if (a?.kind !== 'numeric') throw new Error('numeric expected');
    expect(a.values.length).toBe(n);
    expect(a.values[n - 1]).toBe(n - 1);
    expect(a.values[12_345]).toBe(12_345);
    // Never more than 10 % slack kept behind a column.
    expect(a.values.buffer.byteLength).toBeLessThanOrEqual(n * 8 * 1.1 + 8 * 1024 * 1.1);
    expect(valuesOf(table, 'b').slice(0, 3)).toEqual(['y', 'x', 'y']);
  });

  it('inspectCsvStream reads an async stream of byte chunks and stops at the first error', async () => {
    async function* stream(parts: string[]) {
      for (const part of parts) yield utf8(part);
    }
    const good = await inspectCsvStream(stream(['이름,v\n철', '수,1\n영희,2\n']));
    expect(ok(good).table.rowCount).toBe(2);
    let pulled = 0;
    async function* counting() {
      yield utf8(`a,b\n${'1,2\n'.repeat(20_000)}3\n`);
      for (;;) {
        pulled++;
        yield utf8('4,5\n');
      }
    }
    const bad = await inspectCsvStream(counting());
    expect(bad.type === 'error' && bad.code).toBe('ragged-row');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('a text column with too many distinct values stops keeping them', () => {
    const text = `id,v\n${Array.from({ length: 300 }, (_, i) => `user${i},${i}`).join('\n')}`;
    const { table, report } = ok(inspectCsv(text, { maxDistinctValues: 100 }));
    const id = findColumn(table, 'id');
    expect(id?.kind).toBe('text');
    if (id?.kind !== 'text') return;
    expect(id.codes).toBeNull();
    expect(id.distinctCount).toBeGreaterThan(100);
    expect(report.columns[0].categorical?.distinctCountIsLowerBound).toBe(true);
  });
});

describe('column report', () => {
  it('gives kind, missing count, mean/std/min/max, distinct/top values and a suggested role', () => {
    const { report } = ok(inspectCsv('id,x,color,y\na,1,red,10\nb,2,red,20\nc,NA,blue,30\nd,5,red,40\ne,2,blue,50\n'));
    const [id, x, color, y] = report.columns;
    expect(report.rowCount).toBe(5);
    expect(id).toMatchObject({ kind: 'text', suggestedRole: 'ignored' });
    expect(x).toMatchObject({ kind: 'numeric', missingCount: 1, suggestedRole: 'feature' });
    expect(x.numeric?.count).toBe(4);
    expect(x.numeric?.mean).toBeCloseTo(2.5, 12);
    expect(x.numeric?.std).toBeCloseTo(Math.sqrt(((1 - 2.5) ** 2 + (2 - 2.5) ** 2 + (5 - 2.5) ** 2 + (2 - 2.5) ** 2) / 4), 12);
    expect(x.numeric?.min).toBe(1);
    expect(x.numeric?.max).toBe(5);
    expect(color).toMatchObject({ kind: 'categorical', suggestedRole: 'feature' });
    expect(color.categorical?.distinctCount).toBe(2);
    expect(color.categorical?.topValues).toEqual([
      { value: 'red', count: 3 },
      { value: 'blue', count: 2 },
    ]);
    expect(y.suggestedRole).toBe('target');
  });
});
