/**
 * The exported PyTorch script, run under Debian's PyTorch, against Layerboard's own training
 * loop: same data, same starting weights, same settings. Per-epoch training and validation
 * losses must agree within 1e-4 relative. The cases cover full-batch SGD and Adam on the
 * lecture's network, Layerboard's validation split, shuffled minibatches (the script ports
 * Layerboard's generator, so the batch order is the same), a graph with add and concat and every
 * activation, a BCE classifier with missing values filled and a categorical feature, and
 * RMSprop with clipping on a scaled target. Without torch the suite is skipped (failed under CI).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject, inspectCsv, runTraining, TrainingController, type CsvTable, type Project, type ProjectInit, type TrainingSettings } from '../index.ts';
import { describeWithTorch, PYTHON } from '../testing/torch-oracle.ts';
import { exportProject, loadExportModel } from './index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '..', 'shared');
const tmp = mkdtempSync(join(tmpdir(), 'layerboard-export-'));

interface EpochLine { epoch: number; train_loss: number; valid_loss: number | null }

/** Runs a command, resolving with its exit code and output (several run at once). */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: tmp, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function project(init: ProjectInit): Project {
  const r = createProject(init);
  if (r.type !== 'ok') throw new Error(JSON.stringify(r.errors));
  return r.project;
}

function table(csvText: string): CsvTable {
  const r = inspectCsv(csvText);
  if (r.type !== 'ok') throw new Error(r.message);
  return r.table;
}

const lecture = JSON.parse(readFileSync(join(root, 'assets/samples/deep-regression.layerboard'), 'utf8'));
const bostonCsv = join(root, 'assets/samples/boston-housing.csv');
const irisCsv = join(shared, 'datasets/iris.csv');
const diabetesCsv = join(shared, 'datasets/diabetes.csv');

/** Two iris species, a categorical column, and missing cells in both kinds: exercises encode() and the 'mean' policy. */
function binaryIrisCsv(): string {
  const lines = readFileSync(irisCsv, 'utf8').trim().split('\n');
  const out = [`${lines[0]},site`];
  lines.slice(1).filter((l) => !l.endsWith('setosa')).forEach((line, i) => {
    const cells = line.split(',');
    if (i % 17 === 3) cells[1] = 'NA';
    if (i % 23 === 5) cells[2] = '?';
    const site = i % 19 === 7 ? '' : ['north', 'south', 'east'][i % 3];
    out.push(`${cells.join(',')},${site}`);
  });
  return `${out.join('\n')}\n`;
}

interface Case {
  name: string;
  project: Project;
  csv: string;
  epochs: number;
}

/** A graph node as createProject takes it (parameters unchecked here: the compiler checks them). */
type NodeInit = NonNullable<ProjectInit['graph']>['nodes'][number];
const node = (id: string, type: string, extra: Record<string, unknown> = {}): NodeInit => ({ id, type, ...extra }) as NodeInit;
const edges = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));
const chain = (ids: string[]) => edges(...ids.slice(1).map((id, i) => [ids[i], id] as [string, string]));

function lectureCase(name: string, training: Partial<TrainingSettings>, validationSplit = 0): Case {
  return {
    name,
    csv: bostonCsv,
    epochs: 12,
    project: project({ name, data: { path: bostonCsv, features: lecture.data.features, targets: lecture.data.targets, validationSplit }, graph: lecture.graph, training: { ...lecture.training, ...training } }),
  };
}

const CASES: Case[] = [
  lectureCase('lecture network, full-batch SGD', { optimizer: { type: 'sgd', lr: 1e-3 }, batchSize: null, shuffle: false, seed: 1 }),
  lectureCase('lecture network, full-batch Adam, 20% validation', { optimizer: { type: 'adam', lr: 0.01 }, batchSize: null, shuffle: false, seed: 5 }, 0.2),
  {
    name: 'iris DAG with add, concat and every activation, shuffled minibatches of 16, Adam',
    csv: irisCsv,
    epochs: 6,
    project: project({
      name: 'iris dag',
      data: { path: irisCsv, features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], targets: ['species'], validationSplit: 0.2 },
      graph: {
        nodes: [
          node('input', 'input'), node('a', 'linear', { outFeatures: 8, init: 'he' }), node('relu', 'relu'), node('b', 'linear', { outFeatures: 8 }),
          node('gelu', 'gelu'), node('sum', 'add'), node('c', 'linear', { outFeatures: 6, init: 'xavier' }), node('soft', 'softplus', { beta: 2, threshold: 1 }),
          node('d', 'linear', { outFeatures: 5, bias: false }), node('elu', 'elu', { alpha: 0.5 }), node('e', 'linear', { outFeatures: 4 }), node('silu', 'silu'),
          node('tanh', 'tanh'), node('leaky', 'leakyRelu', { slope: 0.2 }), node('sig', 'sigmoid'), node('cat', 'concat'), node('out_l', 'linear', { outFeatures: 3 }),
          node('output', 'output', { loss: 'crossEntropy' }),
        ],
        edges: edges(
          ['input', 'a'], ['a', 'relu'], ['relu', 'b'], ['b', 'gelu'], ['gelu', 'sum'], ['relu', 'sum'], ['sum', 'c'], ['c', 'soft'],
          ['input', 'd'], ['d', 'elu'], ['elu', 'e'], ['e', 'silu'], ['silu', 'tanh'], ['tanh', 'leaky'], ['leaky', 'sig'],
          ['soft', 'cat'], ['sig', 'cat'], ['cat', 'out_l'], ['out_l', 'output'],
        ),
      },
      training: { optimizer: { type: 'adam', lr: 0.01, weightDecay: 1e-3 }, epochs: 100, batchSize: 16, shuffle: true, seed: 11 },
    }),
  },
  {
    name: 'binary classifier: BCE, missing values filled, one-hot feature, SGD with Nesterov, shuffled',
    csv: join(tmp, 'binary-iris.csv'),
    epochs: 8,
    project: project({
      name: 'binary iris',
      data: {
        path: join(tmp, 'binary-iris.csv'), features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'site'], targets: ['species'],
        task: 'classification', validationSplit: 0.25, preprocessing: { scaling: 'minmax', missing: 'mean' },
      },
      graph: { nodes: [node('input', 'input'), node('l1', 'linear', { outFeatures: 5 }), node('t', 'tanh'), node('l2', 'linear', { outFeatures: 1 }), node('output', 'output', { loss: 'bce' })], edges: chain(['input', 'l1', 't', 'l2', 'output']) },
      training: { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true }, epochs: 100, batchSize: 10, shuffle: true, seed: 7 },
    }),
  },
  {
    name: 'diabetes, scaled target, Huber loss, RMSprop with gradient clipping and early stopping',
    csv: diabetesCsv,
    epochs: 15,
    project: project({
      name: 'diabetes',
      data: { path: diabetesCsv, features: ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'], targets: ['progression'], validationSplit: 0.3, preprocessing: { scaleTarget: true } },
      graph: { nodes: [node('input', 'input'), node('l1', 'linear', { outFeatures: 12 }), node('drop', 'dropout', { p: 0 }), node('r', 'relu'), node('l2', 'linear', { outFeatures: 1 }), node('output', 'output', { loss: 'huber', delta: 0.5 })], edges: chain(['input', 'l1', 'drop', 'r', 'l2', 'output']) },
      training: { optimizer: { type: 'rmsprop', lr: 0.01, momentum: 0.5, centered: true }, epochs: 100, batchSize: 64, shuffle: false, seed: 2, gradClipNorm: 0.5, earlyStopping: { patience: 3, minDelta: 0.01 } },
    }),
  },
];

/** Layerboard's own run: the same starting weights as the script ('initial'), the same settings. */
async function layerboardLosses(c: Case): Promise<{ train: number[]; valid: (number | null)[] }> {
  const model = loadExportModel(c.project, table(readFileSync(c.csv, 'utf8')));
  if (model.type !== 'ok') throw new Error(model.message);
  const result = await runTraining(model.plan, { train: model.split?.train ?? model.dataset!, validation: model.split?.validation ?? null }, {
    settings: { ...c.project.training, epochs: c.epochs }, yieldToHost: () => Promise.resolve(),
  }, new TrainingController(), () => {});
  return { train: result.history.trainLoss, valid: result.history.valLoss };
}

function scriptFor(c: Case, index: number): string {
  const r = exportProject({ format: 'pytorch', project: c.project, table: table(readFileSync(c.csv, 'utf8')), weights: 'initial', csvPath: c.csv, fileName: `case${index}.py` });
  if (r.type !== 'ok') throw new Error(r.message);
  const path = join(tmp, `case${index}.py`);
  writeFileSync(path, r.content);
  return path;
}

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12), `${what}: script ${actual}, Layerboard ${expected}`).toBeLessThan(1e-4);
}

writeFileSync(join(tmp, 'binary-iris.csv'), binaryIrisCsv());

describeWithTorch('the exported PyTorch script trains as Layerboard does', () => {
  const results: { lines: EpochLine[]; metrics: unknown; stderr: string; code: number | null }[] = [];
  const expected: Awaited<ReturnType<typeof layerboardLosses>>[] = [];

  beforeAll(async () => {
    const runs = CASES.map((c, i) => run(PYTHON, [scriptFor(c, i), '--epochs', String(c.epochs), '--json']));
    expected.push(...(await Promise.all(CASES.map(layerboardLosses))));
    for (const r of await Promise.all(runs)) {
      const parsed = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      results.push({ lines: parsed.filter((p) => 'epoch' in p), metrics: parsed.find((p) => 'metrics' in p)?.metrics, stderr: r.stderr, code: r.code });
    }
  });

  CASES.forEach((c, i) => {
    it(c.name, () => {
      const { lines, stderr, code, metrics } = results[i];
      expect(code, stderr).toBe(0);
      const want = expected[i];
      expect(lines.map((l) => l.epoch)).toEqual(want.train.map((_, e) => e + 1));
      lines.forEach((l, e) => {
        expectClose(l.train_loss, want.train[e], `epoch ${e + 1} training loss`);
        expectClose(l.valid_loss, want.valid[e], `epoch ${e + 1} validation loss`);
      });
      expect(metrics).toBeTruthy();
    });
  });
});

describe('the exported PyTorch script, without running it', () => {
  it('reads like the lecture: nn.Sequential for a chain, the same layers in the same order', () => {
    const r = exportProject({ format: 'pytorch', project: CASES[0].project, table: table(readFileSync(bostonCsv, 'utf8')), weights: 'initial' });
    expect(r.type).toBe('ok');
    const text = r.type === 'ok' ? (r.content as string) : '';
    expect(text).toContain('class MyModel(nn.Module):');
    expect(text).toMatch(/nn\.Sequential\(\n\s+nn\.Linear\(input_dim, 3\),\s+# linear1\n\s+nn\.LeakyReLU\(\),\s+# act1\n\s+nn\.Linear\(3, 3\),\s+# linear2/);
    expect(text).toMatch(/nn\.Linear\(3, output_dim\)\s+# linear4\n\s+\)/);
    expect(text).toContain("optimizer.zero_grad()\n        loss.backward()");
    expect(text).toContain("print('Epoch %d: loss = %.4e' % (epoch + 1, train_loss))");
    expect(text).toContain("optim.SGD(model.parameters(), lr=learning_rate, momentum=0, dampening=0, nesterov=False, weight_decay=0)");
    expect(text).toContain("('CRIM', 3.6135235573122535, 8.593041351295769),");
  });

  it('a graph with add and concat gets an explicit forward', () => {
    const r = exportProject({ format: 'pytorch', project: CASES[2].project, table: table(readFileSync(irisCsv, 'utf8')), weights: 'fresh' });
    const text = r.type === 'ok' ? (r.content as string) : '';
    expect(text).toContain('h_sum = h_gelu + h_relu  # sum');
    expect(text).toContain('h_cat = torch.cat([h_soft, h_sig], dim=1)  # cat');
    expect(text).toContain('self.soft = nn.Softplus(beta=2.0, threshold=1.0)');
    expect(text).toContain('self.d = nn.Linear(input_dim, 5, bias=False)');
    expect(text).toContain("nn.init.xavier_uniform_(layer.weight)");
    expect(text).not.toContain('weights = {');
  });
});
