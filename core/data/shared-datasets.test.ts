import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectCsv } from './inspect-csv.ts';
import { prepareDataset } from './prepare-dataset.ts';

// The sample datasets shared with the other parts of the product (see shared/datasets/README.md).
const DATASETS_DIR = process.env.LAYERBOARD_DATASETS ?? fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

function load(file: string) {
  const result = inspectCsv(readFileSync(`${DATASETS_DIR}/${file}`));
  if (result.type === 'error') throw new Error(`${file}: ${result.message}`);
  return result;
}

interface DatasetCase {
  file: string;
  rows: number;
  numeric: number;
  categorical: string[];
  target: string;
  task: 'regression' | 'classification';
  classes?: string[];
  featureWidth: number;
}

const cases: DatasetCase[] = [
  { file: 'iris.csv', rows: 150, numeric: 4, categorical: ['species'], target: 'species', task: 'classification', classes: ['setosa', 'versicolor', 'virginica'], featureWidth: 4 },
  { file: 'boston-housing.csv', rows: 506, numeric: 14, categorical: [], target: 'MEDV', task: 'regression', featureWidth: 13 },
  { file: 'wine.csv', rows: 178, numeric: 13, categorical: ['cultivar'], target: 'cultivar', task: 'classification', classes: ['class_0', 'class_1', 'class_2'], featureWidth: 13 },
  { file: 'diabetes.csv', rows: 442, numeric: 11, categorical: [], target: 'progression', task: 'regression', featureWidth: 10 },
];

describe('the shared sample datasets', () => {
  it.each(cases)('$file: $rows rows, $numeric numeric columns, categorical $categorical', (c) => {
    const { table, report, warnings } = load(c.file);
    expect(warnings).toEqual([]);
    expect(table.rowCount).toBe(c.rows);
    expect(table.dialect.delimiter).toBe(',');
    expect(table.columns.filter((col) => col.kind === 'numeric').length).toBe(c.numeric);
    expect(table.columns.filter((col) => col.kind === 'categorical').map((col) => col.name)).toEqual(c.categorical);
    expect(table.columns.every((col) => col.missingCount === 0)).toBe(true);
    // The default target is the last column, as in every one of these files.
    expect(report.columns.filter((col) => col.suggestedRole === 'target').map((col) => col.name)).toEqual([c.target]);
  });

  it.each(cases)('$file prepares as $task with the default target', (c) => {
    const { table } = load(c.file);
    const prepared = prepareDataset(table, { targets: [c.target] });
    if (prepared.type === 'error') throw new Error(prepared.message);
    const { dataset } = prepared;
    expect(dataset.task).toBe(c.task);
    expect(dataset.n).toBe(c.rows);
    expect(dataset.featureWidth).toBe(c.featureWidth);
    expect(dataset.x.length).toBe(c.rows * c.featureWidth);
    expect(dataset.classes).toEqual(c.classes);
    expect(prepared.warnings).toEqual([]);
  });

  it('iris: species has 50 rows per class, and known column statistics', () => {
    const { report, table } = load('iris.csv');
    const species = report.columns[4];
    expect(species.categorical?.topValues.map((v) => v.count)).toEqual([50, 50, 50]);
    const sepal = report.columns[0].numeric;
    expect(sepal?.mean).toBeCloseTo(5.843333333333333, 12);
    expect(sepal?.std).toBeCloseTo(0.8253012917851409, 12); // numpy.std, ddof=0
    expect(sepal?.min).toBe(4.3);
    expect(sepal?.max).toBe(7.9);
    const prepared = prepareDataset(table, { targets: ['species'] });
    if (prepared.type === 'error') throw new Error(prepared.message);
    const counts = [0, 0, 0];
    for (const y of prepared.dataset.y) counts[y]++;
    expect(counts).toEqual([50, 50, 50]);
  });
});
