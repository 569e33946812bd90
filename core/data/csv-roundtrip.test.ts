import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumericCell } from './cell-parsing.ts';
import type { CsvDelimiter } from './csv-dialect.ts';
import { inspectCsv } from './inspect-csv.ts';
import type { CsvTable } from './table.ts';

// Round trips: a random table, written as CSV with each delimiter (quoting what needs quoting),
// read back through the importer in random chunks, must come back equal.

type Cell = number | string | null;
interface RandomTable {
  names: string[];
  kinds: ('number' | 'string')[];
  rows: Cell[][];
}

const nameChar = fc.constantFrom('a', 'b', 'x', 'Y', '_', '1', ' ', '이', '름', '키', 'é', 'ß');
const valueChar = fc.constantFrom('a', 'b', 'Z', '한', '국', '어', '"', ',', ';', '\t', '\n', '\r\n', ' ', 'é', '😀', '.', '1', '-');

const columnName = fc
  .string({ unit: nameChar, minLength: 1, maxLength: 8 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

// Strings that survive the trip as strings: not blank, not a missing marker, not a number.
const textValue = fc
  .string({ unit: valueChar, minLength: 1, maxLength: 10 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && parseNumericCell(s, true) === 'text' && parseNumericCell(s, false) === 'text');

const numberValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1000, max: 1000, noNaN: true }).map((v) => Math.round(v * 1000) / 1000),
);

function randomTable(minColumns: number): fc.Arbitrary<RandomTable> {
  return fc
    .record({
      names: fc.uniqueArray(columnName, { minLength: minColumns, maxLength: 5 }),
      rowCount: fc.integer({ min: 1, max: 12 }),
      kinds: fc.array(fc.constantFrom<'number' | 'string'>('number', 'string'), { minLength: 5, maxLength: 5 }),
      seed: fc.integer(),
    })
    .chain(({ names, rowCount, kinds }) => {
      // Column 0 is always a fully populated numeric column, so the file is importable.
      const columnKinds = names.map((_, j) => (j === 0 ? 'number' : kinds[j]));
      const cell = (j: number): fc.Arbitrary<Cell> =>
        j === 0 ? numberValue : fc.option<Cell>(columnKinds[j] === 'number' ? numberValue : textValue, { freq: 5, nil: null });
      const row = fc.tuple(...names.map((_, j) => cell(j)));
      return fc.array(row, { minLength: rowCount, maxLength: rowCount }).map((rows) => ({ names, kinds: columnKinds, rows }));
    });
}

function writeCsv(table: RandomTable, delimiter: CsvDelimiter, newline: string, decimalComma: boolean, finalNewline: boolean): string {
  const field = (cell: Cell): string => {
    if (cell === null) return '';
    if (typeof cell === 'number') return decimalComma ? String(cell).replace('.', ',') : String(cell);
    return /[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  };
  const lines = [table.names.map(field).join(delimiter), ...table.rows.map((row) => row.map(field).join(delimiter))];
  return lines.join(newline) + (finalNewline ? newline : '');
}

function splitAt(input: string | Uint8Array, cuts: number[]): (string | Uint8Array)[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * input.length)))].sort((a, b) => a - b);
  const out: (string | Uint8Array)[] = [];
  let start = 0;
  for (const p of [...points, input.length]) {
    if (p <= start) continue;
    out.push(typeof input === 'string' ? input.slice(start, p) : input.subarray(start, p));
    start = p;
  }
  return out;
}

function expectSameTable(got: CsvTable, want: RandomTable): void {
  expect(got.rowCount).toBe(want.rows.length);
  expect(got.columns.map((c) => c.name)).toEqual(want.names);
  want.names.forEach((name, j) => {
    const column = got.columns[j];
    const expected = want.rows.map((row) => row[j]);
    const allMissing = expected.every((v) => v === null);
    if (want.kinds[j] === 'number' || allMissing) {
      expect(column.kind, name).toBe('numeric');
      if (column.kind !== 'numeric') return;
      expected.forEach((v, r) => {
        const value = column.values[r];
        if (v === null) expect(Number.isNaN(value), `${name}[${r}]`).toBe(true);
        else expect(value === v, `${name}[${r}]: ${value} vs ${v}`).toBe(true);
      });
      return;
    }
    expect(column.kind, name).not.toBe('numeric');
    if (column.kind === 'numeric' || column.codes === null) return;
    const codes = column.codes;
    expect(expected.map((_, r) => (codes[r] < 0 ? null : column.categories[codes[r]]))).toEqual(expected);
  });
}

const delimiters: CsvDelimiter[] = [',', ';', '\t'];

describe('CSV round trip (property-based)', () => {
  it.each(delimiters)('random tables written with %j and read back with that delimiter are equal', (delimiter) => {
    fc.assert(
      fc.property(
        randomTable(1),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (table, newline, finalNewline, asBytes, cuts) => {
          const decimalComma = delimiter === ';';
          const text = writeCsv(table, delimiter, newline, decimalComma, finalNewline);
          const input = asBytes ? new TextEncoder().encode(text) : text;
          const result = inspectCsv(splitAt(input, cuts), { delimiter });
          if (result.type === 'error') throw new Error(`${result.message}\n${JSON.stringify(text)}`);
          expectSameTable(result.table, table);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(delimiters)('random tables written with %j are read back equal with the delimiter detected', (delimiter) => {
    fc.assert(
      fc.property(
        randomTable(2),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (table, newline, decimalComma, cuts) => {
          const text = writeCsv(table, delimiter, newline, delimiter === ';' && decimalComma, true);
          const result = inspectCsv(splitAt(text, cuts));
          if (result.type === 'error') throw new Error(`${result.message}\n${JSON.stringify(text)}`);
          expect(result.table.dialect.delimiter).toBe(delimiter);
          expectSameTable(result.table, table);
        },
      ),
      { numRuns: 300 },
    );
  });
});
