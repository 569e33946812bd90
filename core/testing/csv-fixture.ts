/**
 * The shared sample datasets as engine Datasets, for the numeric suites. Deliberately tiny and
 * independent of core/data (the real importer): these files are clean (header row, commas, no
 * quotes, no missing values), so a split on commas is exact, and a bug in the importer cannot
 * hide a bug in the engine or the other way round.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../index.ts';

/** shared/ sits beside the repository (in CI too). */
const DATASETS = new URL('../../../shared/datasets/', import.meta.url);

export interface CsvFixture {
  header: string[];
  rows: string[][];
}

export function readCsvFixture(file: string): CsvFixture {
  const lines = readFileSync(new URL(file, DATASETS), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...rows] = lines.map((l) => l.split(','));
  for (const [i, r] of rows.entries()) {
    if (r.length !== header.length) throw new Error(`${file} line ${i + 2}: ${r.length} fields, the header has ${header.length}`);
  }
  return { header, rows };
}

/**
 * Column-wise (x − mean) / std with the population std (ddof 0), as sklearn's StandardScaler,
 * in float64, stored as float32 (row-major n × columns).
 */
export function standardize(columns: number[][], n: number): Float32Array {
  const f = columns.length;
  const x = new Float32Array(n * f);
  columns.forEach((col, c) => {
    const mean = col.reduce((a, v) => a + v, 0) / n;
    const std = Math.sqrt(col.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
    // StandardScaler leaves a constant column at 0 rather than dividing by zero.
    for (let r = 0; r < n; r++) x[r * f + c] = (col[r] - mean) / (std === 0 ? 1 : std);
  });
  return x;
}

function numericColumn(t: CsvFixture, name: string): number[] {
  const c = t.header.indexOf(name);
  if (c < 0) throw new Error(`no column ${name}`);
  return t.rows.map((r, i) => {
    const v = Number(r[c]);
    if (!Number.isFinite(v)) throw new Error(`${name} row ${i + 1}: ${r[c]} is not a number`);
    return v;
  });
}

/** Every other column standardized as features, `target` raw (unscaled) as the one regression target. */
export function regressionFixture(file: string, target: string): Dataset {
  const t = readCsvFixture(file);
  const features = t.header.filter((h) => h !== target);
  const n = t.rows.length;
  return {
    x: standardize(features.map((h) => numericColumn(t, h)), n),
    y: Float32Array.from(numericColumn(t, target)),
    n,
    featureWidth: features.length,
    targetWidth: 1,
    task: 'regression',
    featureNames: features,
    targetNames: [target],
  };
}

/** Every other column standardized as features; `target`'s labels sorted, as class indices. */
export function classificationFixture(file: string, target: string): Dataset {
  const t = readCsvFixture(file);
  const features = t.header.filter((h) => h !== target);
  const c = t.header.indexOf(target);
  const labels = t.rows.map((r) => r[c]);
  const classes = [...new Set(labels)].sort();
  const n = t.rows.length;
  return {
    x: standardize(features.map((h) => numericColumn(t, h)), n),
    y: Float32Array.from(labels, (l) => classes.indexOf(l)),
    n,
    featureWidth: features.length,
    targetWidth: 1,
    task: 'classification',
    classes,
    featureNames: features,
    targetNames: [target],
  };
}
