import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectCsv } from './inspect-csv.ts';
import { prepareDataset } from './prepare-dataset.ts';
import type { PrepareDatasetOptions } from './prepare-dataset.ts';
import { inverseTransformTargets } from './preprocessing.ts';
import type { StoredNumericFeature } from './preprocessing.ts';

// Scaling parity with scikit-learn (Debian python3-sklearn), run on the same file in the same test.
// CI installs it (.ci/), so there a missing scikit-learn fails the test; elsewhere it is skipped.

const PYTHON = '/usr/bin/python3';
const DATASETS_DIR = process.env.LAYERBOARD_DATASETS ?? fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const BOSTON = `${DATASETS_DIR}/boston-housing.csv`;
const RELATIVE = 1e-6;

const probe = spawnSync(PYTHON, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
const sklearnAvailable = probe.status === 0;

const SCRIPT = `
import json, sys
import numpy as np
from sklearn.preprocessing import StandardScaler, MinMaxScaler
spec = json.load(sys.stdin)
def fit(constant):
    data = np.loadtxt(spec['csv'], delimiter=',', skiprows=1, dtype=np.float64)
    if constant is not None:
        data[:, constant] = 7.25
    X, y = data[:, :-1], data[:, -1:]
    std = StandardScaler().fit(X)
    mm = MinMaxScaler().fit(X)
    ystd = StandardScaler().fit(y)
    return {
        'mean': std.mean_.tolist(), 'scale': std.scale_.tolist(), 'standard': std.transform(X).ravel().tolist(),
        'min': mm.data_min_.tolist(), 'range': mm.data_range_.tolist(), 'minmax': mm.transform(X).ravel().tolist(),
        'y_mean': ystd.mean_.tolist(), 'y_scale': ystd.scale_.tolist(), 'y_standard': ystd.transform(y).ravel().tolist(),
    }
json.dump({'plain': fit(None), 'constant': fit(spec['constant'])}, sys.stdout)
`;

interface SklearnOutput {
  mean: number[];
  scale: number[];
  standard: number[];
  min: number[];
  range: number[];
  minmax: number[];
  y_mean: number[];
  y_scale: number[];
  y_standard: number[];
}

const CONSTANT_COLUMN = 3; // CHAS, set to 7.25 in every row for the constant-column case

let cached: { plain: SklearnOutput; constant: SklearnOutput } | null = null;
/** One Python run (importing scikit-learn takes seconds) for every case. */
function runSklearn(variant: 'plain' | 'constant' = 'plain'): SklearnOutput {
  if (cached === null) {
    const r = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify({ csv: BOSTON, constant: CONSTANT_COLUMN }), encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`scikit-learn script failed: ${r.stderr}`);
    cached = JSON.parse(r.stdout) as { plain: SklearnOutput; constant: SklearnOutput };
  }
  return cached[variant];
}

/** |a - b| <= 1e-6 · |b|, with an absolute floor for values that are (nearly) zero. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, floor = 1e-9): void {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
    if (!(error <= worst)) {
      worst = error;
      worstAt = i;
    }
  }
  expect(worst, `${what}: worst relative error at ${worstAt}: ${actual[worstAt]} vs ${expected[worstAt]}`).toBeLessThanOrEqual(RELATIVE);
}

function prepareBoston(options: Omit<PrepareDatasetOptions, 'targets'>, text?: string) {
  const imported = inspectCsv(text ?? readFileSync(BOSTON));
  if (imported.type === 'error') throw new Error(imported.message);
  const prepared = prepareDataset(imported.table, { targets: ['MEDV'], ...options });
  if (prepared.type === 'error') throw new Error(prepared.message);
  return prepared;
}

function numericFeatures(prepared: ReturnType<typeof prepareBoston>): StoredNumericFeature[] {
  return prepared.preprocessing.features.filter((f): f is StoredNumericFeature => f.kind === 'numeric');
}

describe('scaling parity with scikit-learn on boston-housing.csv', () => {
  if (!sklearnAvailable) {
    if (process.env.CI) {
      it(`needs ${PYTHON} with scikit-learn (CI installs python3-sklearn)`, () => {
        throw new Error(`scikit-learn is not importable by ${PYTHON}: ${probe.stderr || probe.error?.message}`);
      });
    } else {
      it.skip(`skipped: ${PYTHON} cannot import scikit-learn (apt-get install python3-sklearn to run it)`, () => {});
    }
    return;
  }

  it('StandardScaler: mean_, scale_ (ddof=0) and transformed values within 1e-6 relative', () => {
    const sk = runSklearn();
    const prepared = prepareBoston({ scaling: 'standard' });
    const features = numericFeatures(prepared);
    expectClose(features.map((f) => f.offset), sk.mean, 'mean_');
    expectClose(features.map((f) => f.scale), sk.scale, 'scale_');
    // x is float32 (the Dataset contract): its rounding is 6e-8 relative, well inside 1e-6.
    expectClose(prepared.dataset.x, sk.standard, 'transform(X)');
  });

  it('the standardized target and its inverse', () => {
    const sk = runSklearn();
    const prepared = prepareBoston({ scaling: 'standard', scaleTarget: true });
    const target = prepared.preprocessing.target;
    if (target.task !== 'regression') throw new Error('expected regression');
    expectClose([target.columns[0].offset], sk.y_mean, 'target mean_');
    expectClose([target.columns[0].scale], sk.y_scale, 'target scale_');
    expectClose(prepared.dataset.y, sk.y_standard, 'transform(y)');
    const medv = readFileSync(BOSTON, 'utf8').trimEnd().split('\n').slice(1).map((line) => Number(line.split(',').at(-1)));
    expectClose(inverseTransformTargets(prepared.dataset.y, prepared.preprocessing), medv, 'inverse_transform(y)');
  });

  it('MinMaxScaler: data_min_, data_range_ and transformed values', () => {
    const sk = runSklearn();
    const prepared = prepareBoston({ scaling: 'minmax' });
    const features = numericFeatures(prepared);
    expectClose(features.map((f) => f.offset), sk.min, 'data_min_');
    expectClose(features.map((f) => f.scale), sk.range, 'data_range_');
    expectClose(prepared.dataset.x, sk.minmax, 'transform(X)');
  });

  it('a constant column: scale 1 as in scikit-learn, with a warning', () => {
    const sk = runSklearn('constant');
    const lines = readFileSync(BOSTON, 'utf8').trimEnd().split('\n');
    const text = lines.map((line, i) => (i === 0 ? line : line.split(',').map((v, j) => (j === CONSTANT_COLUMN ? '7.25' : v)).join(','))).join('\n');
    const prepared = prepareBoston({ scaling: 'standard' }, text);
    const features = numericFeatures(prepared);
    expect(sk.scale[CONSTANT_COLUMN]).toBe(1);
    expect(features[CONSTANT_COLUMN].scale).toBe(1);
    expect(features[CONSTANT_COLUMN].offset).toBe(7.25);
    expectClose(prepared.dataset.x, sk.standard, 'transform(X)');
    expect(prepared.warnings.map((w) => [w.code, w.column])).toEqual([['constant-feature', 'CHAS']]);
  });
});
