/**
 * The ONNX export, run in a real ONNX runtime (onnxruntime-web's WebAssembly build of ONNX
 * Runtime, in Node): its predictions must match Layerboard's own within 1e-5 on the sample data
 * and on graphs that use every op. When Debian's python3-onnx is present, onnx.checker (with
 * shape inference) must accept each model too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { createProject, evaluate, inspectCsv, runTraining, TrainingController, type CsvTable, type Project, type ProjectInit } from '../index.ts';
import { PYTHON } from '../testing/torch-oracle.ts';
import { exportProject, loadExportModel } from './index.ts';
import { onnxModelMessage } from './onnx.ts';
import { decodeOnnxModel, encodeOnnxModelWithReflection } from './onnx-schema.ts';
import { onnx } from './proto/onnx-subset.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '..', 'shared');
const tmp = mkdtempSync(join(tmpdir(), 'layerboard-onnx-'));
ort.env.wasm.numThreads = 1;

function csv(path: string): CsvTable {
  const r = inspectCsv(readFileSync(path, 'utf8'));
  if (r.type !== 'ok') throw new Error(r.message);
  return r.table;
}

function project(init: ProjectInit): Project {
  const r = createProject(init);
  if (r.type !== 'ok') throw new Error(JSON.stringify(r.errors));
  return r.project;
}

/** The project after `epochs` epochs of Layerboard training, with its weights and fitted preprocessing stored, as `train --out` saves it. */
async function trained(p: Project, table: CsvTable, epochs: number): Promise<Project> {
  const model = loadExportModel(p, table);
  if (model.type !== 'ok') throw new Error(model.message);
  await runTraining(model.plan, { train: model.split?.train ?? model.dataset!, validation: model.split?.validation }, { settings: { ...p.training, epochs }, yieldToHost: () => Promise.resolve() }, new TrainingController(), () => {});
  return { ...p, weights: model.plan.exportWeights(), data: { ...p.data, fitted: model.preprocessing } };
}

const python = spawnSync(PYTHON, ['-c', 'import onnx'], { encoding: 'utf8' });
const checker = python.status === 0;

/** onnx.checker with full shape inference, from Debian's python3-onnx. */
function checkModel(path: string): void {
  const r = spawnSync(PYTHON, ['-c', 'import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)', path], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

/** A graph node as createProject takes it (parameters unchecked here: the compiler checks them). */
type NodeInit = NonNullable<ProjectInit['graph']>['nodes'][number];
const node = (id: string, type: string, extra: Record<string, unknown> = {}): NodeInit => ({ id, type, ...extra }) as NodeInit;
const edges = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));
const lecture = JSON.parse(readFileSync(join(root, 'assets/samples/deep-regression.layerboard'), 'utf8'));
const bostonCsv = join(root, 'assets/samples/boston-housing.csv');
const irisCsv = join(shared, 'datasets/iris.csv');

const CASES: { name: string; csv: string; epochs: number; project: Project }[] = [
  {
    name: 'the lecture sample (Boston housing, 13-3-3-3-1 with LeakyReLU)',
    csv: bostonCsv,
    epochs: 300,
    project: project({ name: 'lecture', data: { path: bostonCsv, features: lecture.data.features, targets: lecture.data.targets, validationSplit: 0.2 }, graph: lecture.graph, training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 300, batchSize: 64, seed: 3 } }),
  },
  {
    name: 'every op: add of three, concat, gelu, softplus past its threshold, silu, elu, tanh, sigmoid, relu, dropout, no bias',
    csv: irisCsv,
    epochs: 30,
    project: project({
      name: 'iris, every op',
      data: { path: irisCsv, features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], targets: ['species'], validationSplit: 0 },
      graph: {
        nodes: [
          node('input', 'input'), node('a', 'linear', { outFeatures: 6 }), node('relu', 'relu'), node('gelu', 'gelu'), node('silu', 'silu'),
          node('sum', 'add'), node('b', 'linear', { outFeatures: 5, bias: false }), node('soft', 'softplus', { beta: 2, threshold: 1 }), node('drop', 'dropout', { p: 0.3 }),
          node('c', 'linear', { outFeatures: 4 }), node('elu', 'elu', { alpha: 0.7 }), node('tanh', 'tanh'), node('sig', 'sigmoid'), node('leaky', 'leakyRelu', { slope: 0.1 }),
          node('cat', 'concat'), node('head', 'linear', { outFeatures: 3 }), node('output', 'output', { loss: 'crossEntropy' }),
        ],
        edges: edges(
          ['input', 'a'], ['a', 'relu'], ['a', 'gelu'], ['a', 'silu'], ['relu', 'sum'], ['gelu', 'sum'], ['silu', 'sum'], ['sum', 'b'], ['b', 'soft'], ['soft', 'drop'],
          ['input', 'c'], ['c', 'elu'], ['elu', 'tanh'], ['tanh', 'sig'], ['sig', 'leaky'], ['drop', 'cat'], ['leaky', 'cat'], ['cat', 'head'], ['head', 'output'],
        ),
      },
      training: { optimizer: { type: 'adam', lr: 0.02 }, epochs: 30, batchSize: 32, seed: 9 },
    }),
  },
];

describe('ONNX export, run in ONNX Runtime', () => {
  CASES.forEach((c, i) => {
    it(c.name, async () => {
      const table = csv(c.csv);
      const p = await trained(c.project, table, c.epochs);
      const r = exportProject({ format: 'onnx', project: p });
      if (r.type !== 'ok') throw new Error(r.message);
      const bytes = r.content as Uint8Array;
      const path = join(tmp, `case${i}.onnx`);
      writeFileSync(path, bytes);
      if (checker) checkModel(path);

      // Layerboard's predictions for every row of the sample, from the same stored weights.
      const model = loadExportModel(p, table);
      if (model.type !== 'ok') throw new Error(model.message);
      const data = model.dataset!;
      model.plan.ensureCapacity(data.n);
      const ours = evaluate(model.plan, data, true).predictions!;

      const session = await ort.InferenceSession.create(bytes);
      expect(session.inputNames).toEqual(['input']);
      expect(session.outputNames).toEqual(['prediction']);
      const out = await session.run({ input: new ort.Tensor('float32', data.x, [data.n, data.featureWidth]) });
      const theirs = out.prediction.data as Float32Array;
      expect(out.prediction.dims).toEqual([data.n, model.plan.outputWidth]);
      let worst = 0;
      for (let k = 0; k < ours.length; k++) worst = Math.max(worst, Math.abs(theirs[k] - ours[k]) / Math.max(1, Math.abs(ours[k])));
      expect(worst, `largest difference ${worst}`).toBeLessThan(1e-5);
    });
  });

  it('documents the input, the output and the scaler in metadata_props', async () => {
    const table = csv(bostonCsv);
    const p = await trained(CASES[0].project, table, 1);
    const r = exportProject({ format: 'onnx', project: p });
    if (r.type !== 'ok') throw new Error(r.message);
    const decoded = decodeOnnxModel(r.content as Uint8Array) as { irVersion: number; opsetImport: { version: number }[]; metadataProps: { key: string; value: string }[]; graph: { node: { opType: string }[] } };
    expect(decoded.irVersion).toBe(7);
    expect(decoded.opsetImport[0].version).toBe(13);
    const meta = Object.fromEntries(decoded.metadataProps.map((m) => [m.key, m.value]));
    expect(JSON.parse(meta['layerboard.preprocessing'])).toEqual(p.data.fitted);
    expect(meta['layerboard.input']).toMatch(/^float32 \[batch, 13\], columns in this order: CRIM: \(value - 3\.\d+\) \/ 8\.\d+; ZN:/);
    expect(meta['layerboard.output']).toBe('float32 [batch, 1]: MEDV, in original units.');
    expect(decoded.graph.node.map((n) => n.opType)).toEqual(['Gemm', 'LeakyRelu', 'Gemm', 'LeakyRelu', 'Gemm', 'LeakyRelu', 'Gemm', 'Identity']);
  });

  it('the static encoder (no eval, CSP-safe) writes the same bytes as protobufjs reflection, for every case', async () => {
    for (const c of CASES) {
      const p = await trained(c.project, csv(c.csv), 1);
      const model = loadExportModel(p);
      if (model.type !== 'ok') throw new Error(model.message);
      const message = onnxModelMessage(model);
      const staticBytes = onnx.ModelProto.encode(message).finish();
      expect(staticBytes.length).toBeGreaterThan(100);
      const reflected = encodeOnnxModelWithReflection(message);
      let at = 0;
      while (at < staticBytes.length && staticBytes[at] === reflected[at]) at++;
      expect(at, `${c.name}: first difference at byte ${at} of ${staticBytes.length}/${reflected.length}: ${Buffer.from(staticBytes.slice(Math.max(0, at - 16), at + 16)).toString('hex')} vs ${Buffer.from(reflected.slice(Math.max(0, at - 16), at + 16)).toString('hex')}`).toBe(reflected.length);
      expect(staticBytes.length).toBe(reflected.length);
      // And the generated decoder reads it back.
      const back = onnx.ModelProto.decode(staticBytes);
      expect(back.graph?.node?.filter((n) => n.opType === 'Gemm').length).toBe(p.graph.nodes.filter((n) => n.type === 'linear').length);
    }
  });

  it('refuses a project without trained weights, in plain words', () => {
    const r = exportProject({ format: 'onnx', project: CASES[0].project, table: csv(bostonCsv) });
    expect(r).toMatchObject({ type: 'error', message: expect.stringMatching(/needs trained weights, and "lecture" has none yet/) });
  });
});
