import { describe, expect, it } from 'vitest';
import type { DataErrorCode, DataWarningCode } from './data-result.ts';
import { inspectCsv } from './inspect-csv.ts';
import { prepareDataset } from './prepare-dataset.ts';
import type { PrepareDatasetOptions, PrepareDatasetResult } from './prepare-dataset.ts';
import { applyPreprocessing, classLabelsOf, inverseTransformTargets } from './preprocessing.ts';
import type { StoredPreprocessing } from './preprocessing.ts';
import { createSplitRandom, splitIndices } from './split.ts';
import type { CsvTable } from './table.ts';

function table(text: string): CsvTable {
  const result = inspectCsv(text);
  if (result.type === 'error') throw new Error(result.message);
  return result.table;
}

function prepared(result: PrepareDatasetResult): Extract<PrepareDatasetResult, { type: 'ok' }> {
  if (result.type === 'error') throw new Error(`${result.code}: ${result.message}`);
  return result;
}

/** Rows of a row-major matrix, for readable expectations. */
function rowsOf(values: Float32Array, width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < values.length; i += width) out.push(Array.from(values.subarray(i, i + width)));
  return out;
}

function expectRowsClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expect(v, `[${i}][${j}]`).toBeCloseTo(expected[i][j], 6)));
}

const FLOWERS = 'size,color,kind\n1,red,a\n2,blue,b\n3,red,a\n4,green,c\n5,blue,b\n6,red,c\n';

describe('prepareDataset: roles, encoding, task', () => {
  it('one-hot encodes categorical features with sorted categories, leaves them unscaled, and scales numbers', () => {
    const { dataset, preprocessing, warnings } = prepared(prepareDataset(table(FLOWERS), { targets: ['kind'], scaling: 'none' }));
    expect(dataset.task).toBe('classification');
    expect(dataset.featureNames).toEqual(['size', 'color=blue', 'color=green', 'color=red']);
    expect(dataset.classes).toEqual(['a', 'b', 'c']);
    expectRowsClose(rowsOf(dataset.x, 4), [
      [1, 0, 0, 1],
      [2, 1, 0, 0],
      [3, 0, 0, 1],
      [4, 0, 1, 0],
      [5, 1, 0, 0],
      [6, 0, 0, 1],
    ]);
    expect(Array.from(dataset.y)).toEqual([0, 1, 0, 2, 1, 2]);
    expect(preprocessing.columns).toEqual([
      { name: 'size', kind: 'numeric', role: 'feature' },
      { name: 'color', kind: 'categorical', role: 'feature' },
      { name: 'kind', kind: 'categorical', role: 'target' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('classes are in sorted order regardless of which appears first; numeric labels sort as numbers', () => {
    const a = prepared(prepareDataset(table('x,y\n1,b\n2,a\n3,c\n4,a\n5,b\n6,c\n'), { targets: ['y'] }));
    const b = prepared(prepareDataset(table('x,y\n1,c\n2,a\n3,b\n4,a\n5,b\n6,c\n'), { targets: ['y'] }));
    expect(a.dataset.classes).toEqual(['a', 'b', 'c']);
    expect(b.dataset.classes).toEqual(['a', 'b', 'c']);
    const numeric = prepared(prepareDataset(table(`x,y\n${[10, 2, 1, 2, 10, 1, 2, 1, 10].map((v, i) => `${i},${v}`).join('\n')}`), { targets: ['y'] }));
    expect(numeric.dataset.classes).toEqual(['1', '2', '10']);
  });

  it('text columns and row names are ignored by default; a listed text column is one-hot with a warning', () => {
    const t = table(',name,v,y\nr1,ann,1,2\nr2,bob,2,4\nr3,cy,3,7\n');
    const byDefault = prepared(prepareDataset(t, { targets: ['y'] }));
    expect(byDefault.dataset.featureNames).toEqual(['v']);
    expect(byDefault.preprocessing.columns.map((c) => c.role)).toEqual(['ignored', 'ignored', 'feature', 'target']);
    const withText = prepared(prepareDataset(t, { targets: ['y'], features: ['name', 'v'] }));
    expect(withText.dataset.featureNames).toEqual(['name=ann', 'name=bob', 'name=cy', 'v']);
    expect(withText.warnings.map((w) => w.code)).toEqual(['text-column-as-feature']);
    const rowNames = prepareDataset(t, { targets: ['y'], features: ['row_names'] });
    expect(rowNames.type === 'error' && rowNames.code).toBe('not-a-feature');
  });

  it('numeric columns listed as categorical are one-hot encoded by value', () => {
    const t = table('grade,v,y\n1,0.5,1\n2,0.1,2\n3,0.7,3\n1,0.2,4\n');
    const { dataset } = prepared(prepareDataset(t, { targets: ['y'], categorical: ['grade'], scaling: 'none' }));
    expect(dataset.featureNames).toEqual(['grade=1', 'grade=2', 'grade=3', 'v']);
    expectRowsClose(rowsOf(dataset.x, 4).slice(0, 2), [
      [1, 0, 0, 0.5],
      [0, 1, 0, 0.1],
    ]);
  });

  describe('task inference', () => {
    const ints = (values: number[]) => table(`x,y\n${values.map((v, i) => `${i},${v}`).join('\n')}\n`);
    it.each([
      { name: 'categorical target -> classification', t: table(FLOWERS), target: 'kind', task: 'classification', warning: undefined },
      { name: 'real-valued target -> regression', t: ints([0.5, 1.5, 2.25, 3, 4, 5]), target: 'y', task: 'regression', warning: undefined },
      { name: 'many distinct integers -> regression', t: ints(Array.from({ length: 60 }, (_, i) => i % 20)), target: 'y', task: 'regression', warning: undefined },
      { name: 'few distinct integers -> classification, with a warning', t: ints([0, 1, 0, 1, 1, 0, 0, 1]), target: 'y', task: 'classification', warning: 'classification-inferred' },
      { name: 'few integers but too few rows per value -> regression', t: ints([1, 2, 3, 4, 5]), target: 'y', task: 'regression', warning: undefined },
    ])('$name', ({ t, target, task, warning }) => {
      const result = prepared(prepareDataset(t, { targets: [target] }));
      expect(result.dataset.task).toBe(task);
      expect(result.warnings.map((w) => w.code)).toEqual(warning ? [warning] : []);
    });

    it('an explicit task overrides the inference', () => {
      const t = ints([0, 1, 0, 1, 1, 0, 0, 1]);
      expect(prepared(prepareDataset(t, { targets: ['y'], task: 'regression' })).dataset.task).toBe('regression');
      const r = prepared(prepareDataset(ints([0.5, 1.5, 0.5, 1.5]), { targets: ['y'], task: 'classification' }));
      expect(r.dataset.classes).toEqual(['0.5', '1.5']);
    });

    it('several numeric targets are a regression with one column each', () => {
      const t = table('x,a,b\n1,2,3\n2,4,7\n3,6,1\n');
      const { dataset } = prepared(prepareDataset(t, { targets: ['a', 'b'] }));
      expect(dataset.task).toBe('regression');
      expect(dataset.targetWidth).toBe(2);
      expect(dataset.targetNames).toEqual(['a', 'b']);
      expect(Array.from(dataset.y)).toEqual([2, 3, 4, 7, 6, 1]);
    });
  });
});

interface PrepareErrorCase {
  name: string;
  csv: string;
  options: PrepareDatasetOptions;
  code: DataErrorCode;
  line?: number;
  column?: string;
  mentions: string[];
}

const prepareErrors: PrepareErrorCase[] = [
  { name: 'no target', csv: FLOWERS, options: { targets: [] }, code: 'no-targets', mentions: ['target'] },
  { name: 'unknown target', csv: FLOWERS, options: { targets: ['nope'] }, code: 'unknown-column', column: 'nope', mentions: ['"nope"', 'size, color, kind'] },
  { name: 'unknown feature', csv: FLOWERS, options: { targets: ['kind'], features: ['weight'] }, code: 'unknown-column', column: 'weight', mentions: ['"weight"'] },
  { name: 'feature and target at once', csv: FLOWERS, options: { targets: ['kind'], features: ['size', 'kind'] }, code: 'column-used-twice', mentions: ['both'] },
  {
    name: 'regression on a categorical target',
    csv: FLOWERS,
    options: { targets: ['kind'], task: 'regression' },
    code: 'target-not-numeric',
    line: 2,
    column: 'kind',
    mentions: ['"kind"', 'line 2', '"a"'],
  },
  {
    name: 'regression target with a typo',
    csv: `x,y\n${Array.from({ length: 30 }, (_, i) => `${i},${i * 1.5}`).join('\n')}\n31,12..5\n`,
    options: { targets: ['y'], task: 'regression' },
    code: 'target-not-numeric',
    line: 32,
    column: 'y',
    mentions: ['line 32', '"12..5"'],
  },
  { name: 'constant numeric target', csv: 'x,y\n1,5\n2,5\n3,5\n', options: { targets: ['y'] }, code: 'target-constant', column: 'y', mentions: ['"y"', '"5"', 'every row'] },
  { name: 'single-class target', csv: 'x,y\n1,a\n2,a\n3,a\n4,a\n', options: { targets: ['y'] }, code: 'target-constant', column: 'y', mentions: ['"a"'] },
  { name: 'target with no values', csv: 'x,y\n1,NA\n2,\n3,?\n', options: { targets: ['y'] }, code: 'target-missing', column: 'y', mentions: ['"y"', 'missing'] },
  { name: 'infinite feature value', csv: 'a,b,y\n1,2,3\n1e400,2,4\n3,4,5\n', options: { targets: ['y'] }, code: 'non-finite-value', line: 3, column: 'a', mentions: ['Line 3', '"a"', '"1e400"'] },
  { name: 'infinite target value', csv: 'a,y\n1,3\n2,-inf\n3,5\n', options: { targets: ['y'] }, code: 'non-finite-value', line: 3, column: 'y', mentions: ['Line 3', '"y"'] },
  {
    name: 'an ID-like target',
    csv: `id,x\n${Array.from({ length: 60 }, (_, i) => `u${i},${i}`).join('\n')}\n`,
    options: { targets: ['id'] },
    code: 'too-many-classes',
    column: 'id',
    mentions: ['60 distinct values', 'ID'],
  },
  { name: 'classification with two targets', csv: 'x,a,b\n1,2,3\n2,3,4\n', options: { targets: ['a', 'b'], task: 'classification' }, code: 'multiple-class-targets', mentions: ['one target'] },
  { name: 'every row has a missing feature', csv: 'a,b,y\n1,,1\n,2,2\n', options: { targets: ['y'] }, code: 'no-rows-left', mentions: ['a: 1', 'b: 1', 'fill with mean'] },
  { name: 'no features', csv: 'y,name\n1,a\n2,b\n3,c\n', options: { targets: ['y'] }, code: 'no-features', mentions: ['feature'] },
];

describe('prepareDataset: errors name the column and line', () => {
  it.each(prepareErrors)('$name', (c) => {
    const result = prepareDataset(table(c.csv), c.options);
    if (result.type !== 'error') throw new Error('expected an error');
    expect(result.code).toBe(c.code);
    if (c.line !== undefined) expect(result.line).toBe(c.line);
    if (c.column !== undefined) expect(result.column).toBe(c.column);
    for (const word of c.mentions) expect(result.message).toContain(word);
  });

  it('an infinite value in an unused column is no problem', () => {
    const result = prepareDataset(table('a,b,y\n1,inf,3\n2,2,4\n3,4,5\n'), { targets: ['y'], features: ['a'] });
    expect(result.type).toBe('ok');
  });
});

describe('prepareDataset: missing values', () => {
  const csv = 'a,color,y\n1,red,10\nNA,blue,20\n3,,30\n4,red,\n5,red,50\n';

  it("'drop' drops rows with a missing used value and reports the count", () => {
    const result = prepared(prepareDataset(table(csv), { targets: ['y'], scaling: 'none' }));
    expect(result.dataset.n).toBe(2);
    expect(Array.from(result.sourceRows)).toEqual([0, 4]);
    const warning = result.warnings.find((w) => w.code === 'dropped-missing-rows');
    expect(warning?.count).toBe(3);
    expect(warning?.line).toBe(3);
    expect(warning?.message).toContain('Dropped 3 rows');
    expect(warning?.message).toContain('a: 1');
    expect(warning?.message).toContain('color: 1');
    expect(warning?.message).toContain('y: 1');
  });

  it("'mean' fills numbers with the mean and categories with the most frequent one; a missing target still drops the row", () => {
    const result = prepared(prepareDataset(table(csv), { targets: ['y'], scaling: 'none', missing: 'mean' }));
    expect(result.dataset.n).toBe(4);
    expect(result.dataset.featureNames).toEqual(['a', 'color=blue', 'color=red']);
    // mean of a over rows with a target: (1 + 3 + 5) / 3 = 3
    expectRowsClose(rowsOf(result.dataset.x, 3), [
      [1, 0, 1],
      [3, 1, 0],
      [3, 0, 1],
      [5, 0, 1],
    ]);
    const codes = result.warnings.map((w: { code: DataWarningCode }) => w.code).sort();
    expect(codes).toEqual(['dropped-missing-rows', 'filled-missing-values']);
    expect(result.warnings.find((w) => w.code === 'filled-missing-values')?.count).toBe(2);
    const dropped = result.warnings.find((w) => w.code === 'dropped-missing-rows');
    expect(dropped?.message).toContain('Dropped 1 row with a missing value (y: 1)');
    const features = result.preprocessing.features;
    expect(features[0]).toMatchObject({ kind: 'numeric', fill: 3 });
    expect(features[1]).toMatchObject({ kind: 'one-hot', fill: 'red' });
  });
});

describe('prepareDataset: scaling', () => {
  const t = () => table('a,b,c,y\n1,10,7,1\n2,20,7,2\n3,60,7,3\n4,30,7,5\n');

  it("'standard' uses the population std (ddof = 0); a constant column keeps scale 1 and warns", () => {
    const result = prepared(prepareDataset(t(), { targets: ['y'] }));
    const [a, , c] = result.preprocessing.features;
    expect(a).toMatchObject({ kind: 'numeric', offset: 2.5 });
    if (a.kind !== 'numeric' || c.kind !== 'numeric') throw new Error('numeric expected');
    expect(a.scale).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(c).toMatchObject({ offset: 7, scale: 1 });
    expect(result.warnings.map((w) => [w.code, w.column])).toEqual([['constant-feature', 'c']]);
    const x = rowsOf(result.dataset.x, 3);
    expect(x.map((row) => row[2])).toEqual([0, 0, 0, 0]);
    expect(x[0][0]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 6);
  });

  it("'minmax' maps each column onto [0, 1]", () => {
    const { dataset, preprocessing } = prepared(prepareDataset(t(), { targets: ['y'], scaling: 'minmax' }));
    expect(preprocessing.features[1]).toMatchObject({ offset: 10, scale: 50 });
    expectRowsClose(rowsOf(dataset.x, 3), [
      [0, 0, 0],
      [1 / 3, 0.2, 0],
      [2 / 3, 1, 0],
      [1, 0.4, 0],
    ]);
  });

  it("'none' passes values through", () => {
    const { dataset } = prepared(prepareDataset(t(), { targets: ['y'], scaling: 'none' }));
    expect(rowsOf(dataset.x, 3)[2]).toEqual([3, 60, 7]);
  });

  it('scaleTarget standardizes a regression target; inverseTransformTargets undoes it', () => {
    const { dataset, preprocessing } = prepared(prepareDataset(t(), { targets: ['y'], scaleTarget: true }));
    const target = preprocessing.target;
    if (target.task !== 'regression') throw new Error('regression expected');
    expect(target.columns[0].offset).toBeCloseTo(2.75, 14);
    const mean = Array.from(dataset.y).reduce((s, v) => s + v, 0) / dataset.n;
    expect(mean).toBeCloseTo(0, 6);
    const back = inverseTransformTargets(dataset.y, preprocessing);
    [1, 2, 3, 5].forEach((v, i) => expect(back[i]).toBeCloseTo(v, 5));
  });
});

describe('applyPreprocessing: new data with stored parameters', () => {
  const training = 'size,color,kind\n1,red,a\n2,blue,b\n3,red,a\n4,green,c\n5,blue,b\n6,red,c\n';

  function fit(): StoredPreprocessing {
    return prepared(prepareDataset(table(training), { targets: ['kind'] })).preprocessing;
  }

  it('reproduces the training encoding exactly on the training table, after a JSON round trip', () => {
    const first = prepared(prepareDataset(table(training), { targets: ['kind'] }));
    const stored = JSON.parse(JSON.stringify(first.preprocessing)) as StoredPreprocessing;
    expect(stored).toEqual(first.preprocessing);
    const again = applyPreprocessing(table(training), stored);
    if (again.type === 'error') throw new Error(again.message);
    expect(Array.from(again.dataset.x)).toEqual(Array.from(first.dataset.x));
    expect(Array.from(again.dataset.y)).toEqual(Array.from(first.dataset.y));
    expect(again.hasTargets).toBe(true);
  });

  it('uses the stored scale, not the new data: an unseen category is all zeros, an unseen class drops the row', () => {
    const stored = fit();
    const result = applyPreprocessing(table('size,color,kind\n100,purple,a\n3.5,red,z\n2,blue,b\n'), stored);
    if (result.type === 'error') throw new Error(result.message);
    const size = stored.features[0];
    if (size.kind !== 'numeric') throw new Error('numeric expected');
    const x = rowsOf(result.dataset.x, 4);
    expect(x.length).toBe(2);
    expect(x[0][0]).toBeCloseTo((100 - size.offset) / size.scale, 5);
    expect(x[0].slice(1)).toEqual([0, 0, 0]);
    expect(Array.from(result.sourceRows)).toEqual([0, 2]);
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['unseen-category', 'unseen-class']);
  });

  it('predicts without targets: features only, no row dropped for a missing target', () => {
    const stored = fit();
    const result = applyPreprocessing(table('color,size\nred,1\nblue,2\n'), stored);
    if (result.type === 'error') throw new Error(result.message);
    expect(result.hasTargets).toBe(false);
    expect(result.dataset.n).toBe(2);
    expect(result.dataset.featureNames).toEqual(stored.featureNames);
    expect(Number.isNaN(result.dataset.y[0])).toBe(true);
    expect(classLabelsOf([2, 0, 1], stored)).toEqual(['c', 'a', 'b']);
  });

  it('a missing feature column, or one that is no longer numeric, is an error', () => {
    const stored = fit();
    const missing = applyPreprocessing(table('color,kind,other\nred,a,1\nblue,b,2\n'), stored);
    expect(missing.type === 'error' && missing.code).toBe('unknown-column');
    const text = applyPreprocessing(table('size,color,other\n1,red,1\nbig,blue,2\nsmall,red,3\n4,red,4\n'), stored);
    expect(text.type === 'error' && [text.code, text.line, text.column]).toEqual(['preprocessing-mismatch', 3, 'size']);
    const required = applyPreprocessing(table('size,color\n1,red\n2,blue\n'), stored, { targets: 'require' });
    expect(required.type === 'error' && required.column).toBe('kind');
  });
});

describe('prepareDataset: validation split before fitting', () => {
  it('fits means and scales on the training rows only, and returns the seeded split', () => {
    const values = Array.from({ length: 40 }, (_, i) => i * i);
    const t = table(`a,y\n${values.map((v, i) => `${v},${i % 7}.5`).join('\n')}\n`);
    const result = prepared(prepareDataset(t, { targets: ['y'], validation: { fraction: 0.25, seed: 11 } }));
    const split = result.split;
    if (!split) throw new Error('expected a split');
    expect(Array.from(split.indices.validation)).toEqual(Array.from(splitIndices(40, 0.25, createSplitRandom(11)).validation));
    expect(split.validation.n).toBe(10);
    expect(split.train.n).toBe(30);
    const trainValues = Array.from(split.indices.train, (i) => values[i]);
    const mean = trainValues.reduce((s, v) => s + v, 0) / trainValues.length;
    const std = Math.sqrt(trainValues.reduce((s, v) => s + (v - mean) ** 2, 0) / trainValues.length);
    const a = result.preprocessing.features[0];
    if (a.kind !== 'numeric') throw new Error('numeric expected');
    expect(a.offset).toBeCloseTo(mean, 9);
    expect(a.scale).toBeCloseTo(std, 9);
    const trainMean = Array.from(split.train.x).reduce((s, v) => s + v, 0) / split.train.n;
    expect(trainMean).toBeCloseTo(0, 5);
    split.indices.validation.forEach((row, i) => expect(split.validation.x[i]).toBeCloseTo((values[row] - mean) / std, 5));
  });
});
