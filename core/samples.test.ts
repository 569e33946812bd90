/**
 * The guided samples in assets/samples (issue 9): every project loads without errors or
 * warnings, compiles against its CSV (except the one that is meant not to), and does what its
 * description says when trained through core with its own seed, as the app's trainer would.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFix, assessHealth, evaluate, parseProject, type Plan } from './index.ts';
import { sineCsv } from './testing/sample-datasets.ts';
import { compileErrors, parseProjectOk, prepareProject, trainProject } from './testing/train-project.ts';

const SAMPLES = fileURLToPath(new URL('../assets/samples/', import.meta.url));
const read = (file: string) => readFileSync(SAMPLES + file, 'utf8');

function sample(file: string) {
  const project = parseProjectOk(read(file));
  return { project, csv: read(project.data.path) };
}

const PROJECTS = readdirSync(SAMPLES).filter((f) => f.endsWith('.layerboard')).sort();

describe('the guided samples', () => {
  it('ships the generated sine data exactly as core/testing/sample-datasets.ts makes it', () => {
    if (process.env.LAYERBOARD_WRITE_SAMPLES) writeFileSync(`${SAMPLES}sine.csv`, sineCsv());
    expect(read('sine.csv')).toBe(sineCsv());
    expect(read('sine.csv').split('\n')).toHaveLength(402);
  });

  it('ships the ten projects the README lists', () => {
    expect(PROJECTS).toEqual([
      'deep-regression-output-width.layerboard', 'deep-regression.layerboard', 'dying-relu-leaky.layerboard', 'dying-relu.layerboard',
      'iris-classifier.layerboard', 'sine-linear.layerboard', 'sine-relu.layerboard', 'vanishing-relu.layerboard', 'vanishing-sigmoid.layerboard', 'wine-classifier.layerboard',
    ]);
    const readme = read('README.md');
    for (const file of PROJECTS) expect(readme).toContain(`\`${file}\``);
  });

  it.each(PROJECTS)('%s loads as format version 2 with no errors or warnings, has a description and its CSV beside it', (file) => {
    const text = read(file);
    expect(JSON.parse(text).version).toBe(2);
    const parsed = parseProject(text);
    expect(parsed.type).toBe('ok');
    if (parsed.type !== 'ok') return;
    expect(parsed.warnings).toEqual([]);
    expect(parsed.project.description?.length).toBeGreaterThan(100);
    expect(parsed.project.data.path).not.toMatch(/[\\/]/);
    expect(parsed.project.weights).toBeUndefined();
    expect(() => read(parsed.project.data.path)).not.toThrow();
  });

  it.each(PROJECTS.filter((f) => f !== 'deep-regression-output-width.layerboard'))('%s compiles against its CSV', (file) => {
    const { project, csv } = sample(file);
    expect(compileErrors(project, csv)).toEqual([]);
  });

  it('1: the lecture network learns on Boston housing', async () => {
    const { project, csv } = sample('deep-regression.layerboard');
    expect(project.training).toMatchObject({ optimizer: { type: 'sgd', lr: 1e-4 }, epochs: 200000, batchSize: null });
    const run = await trainProject(project, csv, { epochs: 3000 });
    expect(run.result.trainLoss).toBeLessThan(run.result.history.trainLoss[0] / 2);
  });

  it('2: the output-width mistake is refused on linear4 with a fix; fixed, it trains', async () => {
    const { project, csv } = sample('deep-regression-output-width.layerboard');
    const errors = compileErrors(project, csv);
    expect(errors.map((d) => [d.code, d.nodeId])).toEqual([['LB303', 'linear4']]);
    expect(errors[0].message).toMatch(/linear4 predicts 13 numbers per row/);
    expect(errors[0].fix?.patch).toEqual({ kind: 'setParam', nodeId: 'linear4', param: 'outFeatures', value: 1 });
    const fixed = { ...project, graph: applyFix(project.graph, errors[0].fix!.patch) };
    expect(compileErrors(fixed, csv)).toEqual([]);
    const run = await trainProject(fixed, csv, { epochs: 3000 });
    expect(run.result.trainLoss).toBeLessThan(run.result.history.trainLoss[0] / 2);
  });

  it('3: Linear → Linear stays at the best straight line’s error on sin(x); with a ReLU between them the loss falls far below it', async () => {
    const linear = sample('sine-linear.layerboard');
    const relu = sample('sine-relu.layerboard');
    // The same data, split and settings; only the ReLU differs.
    expect(relu.project.data).toEqual(linear.project.data);
    expect(relu.project.training).toEqual(linear.project.training);
    expect(relu.project.graph.nodes.map((n) => n.type)).toEqual(['input', 'linear', 'relu', 'linear', 'output']);
    expect(linear.project.graph.nodes.map((n) => n.type)).toEqual(['input', 'linear', 'linear', 'output']);

    // The floor: the least-squares line's mean squared error on the training rows (the target is not scaled).
    const { train } = prepareProject(linear.project, linear.csv);
    const line = leastSquaresMse(train.x, train.y, train.n);
    expect(line).toBeGreaterThan(0.15);
    expect(line).toBeLessThan(0.18);

    const a = await trainProject(linear.project, linear.csv);
    const b = await trainProject(relu.project, relu.csv);
    expect(a.result.reason).toBe('completed');
    expect(a.result.trainLoss).toBeGreaterThan(line * 0.999);
    expect(a.result.trainLoss).toBeLessThan(line * 1.05);
    expect(b.result.trainLoss).toBeLessThan(line / 20);
    expect(b.result.validationLoss!).toBeLessThan(line / 20);
  });

  it('4: the first layer’s gradient in the 8-layer sigmoid stack is over 100× smaller than in the same stack with ReLU', async () => {
    const sigmoid = sample('vanishing-sigmoid.layerboard');
    const relu = sample('vanishing-relu.layerboard');
    const types = (p: typeof sigmoid.project) => p.graph.nodes.map((n) => n.type);
    expect(types(sigmoid.project).filter((t) => t === 'sigmoid')).toHaveLength(8);
    expect(types(relu.project)).toEqual(types(sigmoid.project).map((t) => (t === 'sigmoid' ? 'relu' : t)));
    expect(relu.project.training).toEqual(sigmoid.project.training);

    const a = await trainProject(sigmoid.project, sigmoid.csv);
    const b = await trainProject(relu.project, relu.csv);
    // Step by step, as the gradient-norm chart draws them: linear1's norm in each stack.
    const firstLayer = (run: typeof a) => run.progress.map((p) => {
      expect(p.layers[0].nodeId).toBe('linear1');
      return p.layers[0].gradNorm;
    });
    const s = firstLayer(a);
    const r = firstLayer(b);
    expect(s).toHaveLength(r.length);
    expect(r[0]).toBeGreaterThan(100 * s[0]);
    // Not only at the start: over the whole run, the sigmoid stack's largest stays below the ReLU stack's smallest / 100.
    expect(Math.min(...r)).toBeGreaterThan(100 * Math.max(...s));
    const signals = (run: typeof a) => assessHealth({ layers: run.progress[0].layers, deadReluFraction: null, trainLoss: run.result.history.trainLoss, lr: 0.001 }).map((x) => x.code);
    expect(signals(a)).toContain('vanishing-gradient');
    expect(signals(b)).not.toContain('vanishing-gradient');
    expect(b.result.trainLoss).toBeLessThan(a.result.trainLoss * 0.7);
  });

  it('5: at a high learning rate most ReLU units die and the network predicts the mean; with LeakyReLU few stay negative and it learns', async () => {
    const relu = sample('dying-relu.layerboard');
    const leaky = sample('dying-relu-leaky.layerboard');
    expect(leaky.project.training).toEqual(relu.project.training);
    expect(relu.project.training.optimizer.lr).toBeGreaterThanOrEqual(0.5);

    const a = await trainProject(relu.project, relu.csv);
    const b = await trainProject(leaky.project, leaky.csv);
    const dead = a.progress.at(-1)!.deadReluFraction!;
    expect(dead).toBeGreaterThan(0.6);
    expect(assessHealth({ layers: a.progress.at(-1)!.layers, deadReluFraction: dead, trainLoss: [], lr: 0.5 }).map((s) => s.code)).toContain('dead-relu');
    expect(b.progress.at(-1)!.deadReluFraction).toBeNull();
    // The same measure for both: units whose output is not positive for any training row.
    expect(silentFraction(a.plan, a.train)).toBeCloseTo(dead, 5);
    expect(silentFraction(b.plan, b.train)).toBeLessThan(0.2);
    // Dead, the ReLU network predicts MEDV's mean: its loss is the variance of the target.
    const variance = varianceOf(a.train.y, a.train.n);
    expect(a.result.trainLoss).toBeGreaterThan(variance * 0.98);
    expect(b.result.trainLoss).toBeLessThan(variance / 10);
  });

  it.each([['iris-classifier.layerboard', 'species'], ['wine-classifier.layerboard', 'cultivar']])('6/7: %s learns its three classes well above chance', async (file, target) => {
    const { project, csv } = sample(file);
    expect(project.data.targets).toEqual([target]);
    expect(project.data.validationSplit).toBe(0.2);
    const run = await trainProject(project, csv);
    const { train, validation } = run.result.metrics;
    expect(train.task === 'classification' && train.classes).toHaveLength(3);
    expect(train.task === 'classification' ? train.accuracy : 0).toBeGreaterThan(0.9);
    expect(validation?.task === 'classification' ? validation.accuracy : 0).toBeGreaterThan(0.85);
  });
});

/** Mean squared error of the least-squares line y = a·x + b (one feature). */
function leastSquaresMse(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; }
  const a = sxy / sxx;
  let se = 0;
  for (let i = 0; i < n; i++) se += (y[i] - my - a * (x[i] - mx)) ** 2;
  return se / n;
}

function varianceOf(y: ArrayLike<number>, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) m += y[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (y[i] - m) ** 2;
  return v / n;
}

/** Fraction of ReLU and LeakyReLU units whose output is ≤ 0 for every row (one forward over all rows: full-batch plans hold them all). */
function silentFraction(plan: Plan, data: { n: number } & Parameters<typeof evaluate>[1]): number {
  expect(plan.capacity).toBeGreaterThanOrEqual(data.n);
  evaluate(plan, data, false);
  let units = 0, silent = 0;
  for (const node of plan.order) {
    if (node.type !== 'relu' && node.type !== 'leakyRelu') continue;
    const y = plan.activation(node.id)!;
    const w = plan.widthOf(node.id);
    units += w;
    for (let j = 0; j < w; j++) {
      let positive = false;
      for (let r = 0; r < data.n && !positive; r++) positive = y[r * w + j] > 0;
      if (!positive) silent++;
    }
  }
  return silent / units;
}
